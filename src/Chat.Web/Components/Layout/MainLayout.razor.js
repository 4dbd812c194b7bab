// The page's theme (see ThemeStyles): "light", "dark" or "system".
export function useTheme(theme) {
    document.documentElement.dataset.theme = theme;
}

// The tab's title, kept live by ChatTitle.
export function setTitle(title) {
    document.title = title;
}

// Wide enough for the drawer to sit beside the page (MudBlazor's "md" breakpoint) rather than over it.
export function isWide() {
    return window.matchMedia('(min-width: 960px)').matches;
}

export function prefersDark() {
    return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

// The browser's time zone (IANA id), so the server can show times and days as the reader lives them.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

// Tells the server the user is active (typing, clicking, moving the mouse, coming back to the tab), at most once a
// minute, so colleagues see them online rather than away.
export function reportActivity(dotnet) {
    let last = 0;
    const report = () => {
        const now = Date.now();
        if (now - last > 60_000) {
            last = now;
            dotnet.invokeMethodAsync('ReportActivity').catch(() => { });
        }
    };
    for (const name of ['keydown', 'pointerdown', 'pointermove', 'focus']) {
        window.addEventListener(name, report, { passive: true });
    }
    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') {
            report();
        }
    });
}
