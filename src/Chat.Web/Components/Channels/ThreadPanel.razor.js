// Esc closes the thread panel (marked ready once it listens), unless something inside the page is using Esc itself (an editor, a menu, a dialog).
const listeners = new WeakMap();

export function closeOnEscape(panel, dotnet) {
    const listener = event => {
        if (event.key !== 'Escape' || event.defaultPrevented) {
            return;
        }
        const target = event.target;
        const editing = target instanceof HTMLElement && target.closest('.message-editor, .mud-dialog, .mud-popover');
        if (!editing) {
            dotnet.invokeMethodAsync('CloseAsync');
        }
    };
    document.addEventListener('keydown', listener);
    listeners.set(panel, listener);
    panel.dataset.ready = 'true';
}

export function stopClosingOnEscape(panel) {
    const listener = listeners.get(panel);
    if (listener) {
        document.removeEventListener('keydown', listener);
        listeners.delete(panel);
    }
}
