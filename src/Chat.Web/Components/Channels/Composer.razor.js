// Enter sends the message; Shift+Enter (and Enter while an IME composes) inserts a new line.
// With a .NET reference (the composer), Up in the empty box asks to edit the last own message.
export function sendOnEnter(input, form, dotnet) {
    input.addEventListener('keydown', event => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            form.requestSubmit();
        } else if (dotnet && event.key === 'ArrowUp' && input.value === '') {
            event.preventDefault();
            dotnet.invokeMethodAsync('EditLastAsync');
        }
    });
}
