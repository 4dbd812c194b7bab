// Enter sends the message; Shift+Enter (and Enter while an IME composes) inserts a new line.
export function sendOnEnter(input, form) {
    input.addEventListener('keydown', event => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            form.requestSubmit();
        }
    });
}
