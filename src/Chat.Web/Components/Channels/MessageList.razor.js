// Keeps the newest message in view when the reader is already near the bottom.
export function followNewMessages(list, force) {
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
    if (force || nearBottom) {
        list.scrollTop = list.scrollHeight;
    }
}
