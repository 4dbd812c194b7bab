// The browser's time zone (IANA id), so the server can show times and days as the reader lives them.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
