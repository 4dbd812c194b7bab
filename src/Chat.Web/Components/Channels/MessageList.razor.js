// Keeps the newest message in view when the reader is already near the bottom.
export function followNewMessages(list, force) {
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
    if (force || nearBottom) {
        list.scrollTop = list.scrollHeight;
    }
}

// Brings a jumped-to message into the middle of the list.
export function showMessage(list, sequence) {
    const message = list.querySelector(`[data-sequence="${sequence}"]`);
    if (message) {
        message.scrollIntoView({ block: 'center' });
    }
}
