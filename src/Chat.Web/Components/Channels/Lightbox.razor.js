// Opens the lightbox as a modal dialog. Esc is left to the component (its keydown closes it), so the browser's own
// cancel does not close the dialog behind the component's back.
export function open(dialog) {
    dialog.addEventListener('cancel', event => event.preventDefault());
    dialog.showModal();
}
