// Wires the composer's keys in one call: suggestions listen first, so Enter picks a person rather than sending
// while the list is open.
export function attach(form, input, list, dotnet, editLast) {
    suggestMentions(input, list, dotnet);
    sendOnEnter(input, form, dotnet, editLast);
}

// Enter sends the message; Shift+Enter (and Enter while an IME composes) inserts a new line.
// With editLast, Up in the empty box asks the composer to edit the viewer's last message. The form is marked ready
// once keys are handled, so a browser test types only then (an Enter before would only break the line).
export function sendOnEnter(input, form, dotnet, editLast) {
    input.addEventListener('keydown', event => {
        if (event.defaultPrevented) {
            return;
        }
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            form.requestSubmit();
        } else if (editLast && dotnet && event.key === 'ArrowUp' && input.value === '') {
            event.preventDefault();
            dotnet.invokeMethodAsync('EditLastAsync');
        }
    });
    form.dataset.ready = 'true';
}

// Typing @ and a few letters lists people to mention; arrows move, Enter or Tab picks, Esc closes.
// The list is built with textContent only: names never become markup.
export function suggestMentions(input, list, dotnet) {
    let items = [];
    let active = 0;
    let token = null;
    let asked = 0;

    const close = () => {
        list.hidden = true;
        list.replaceChildren();
        items = [];
        token = null;
    };

    const pick = index => {
        const item = items[index];
        if (!item || !token) {
            return;
        }
        const before = input.value.slice(0, token.start);
        const after = input.value.slice(input.selectionStart);
        const inserted = `@${item.handle} `;
        input.value = before + inserted + after;
        const caret = before.length + inserted.length;
        input.setSelectionRange(caret, caret);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        close();
    };

    const render = () => {
        list.replaceChildren(...items.map((item, index) => {
            const option = document.createElement('div');
            option.className = 'mention-option' + (index === active ? ' active' : '') + (item.isMember ? '' : ' outsider');
            option.setAttribute('role', 'option');
            option.dataset.handle = item.handle;
            const handle = document.createElement('strong');
            handle.textContent = `@${item.handle}`;
            const name = document.createElement('span');
            name.textContent = item.isMember ? item.displayName : `${item.displayName} (not in this conversation)`;
            option.append(handle, ' ', name);
            option.addEventListener('mousedown', event => {
                event.preventDefault();
                pick(index);
            });
            return option;
        }));
        list.hidden = items.length === 0;
    };

    input.addEventListener('input', async () => {
        const upToCaret = input.value.slice(0, input.selectionStart);
        const match = /(^|[^\w@])@([\w.-]{0,40})$/.exec(upToCaret);
        if (!match) {
            close();
            return;
        }
        token = { start: upToCaret.length - match[2].length - 1 };
        const ticket = ++asked;
        const found = await dotnet.invokeMethodAsync('SuggestMentionsAsync', match[2]);
        if (ticket !== asked || token === null) {
            return;
        }
        items = found;
        active = 0;
        render();
    });

    input.addEventListener('keydown', event => {
        if (list.hidden || items.length === 0) {
            return;
        }
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            active = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
            render();
        } else if (event.key === 'Enter' || event.key === 'Tab') {
            event.preventDefault();
            pick(active);
        } else if (event.key === 'Escape') {
            event.preventDefault();
            close();
        }
    });

    input.addEventListener('blur', close);
}

// Files from the attach button, dropped on the composer or pasted into it are uploaded one by one with their
// progress; the composer is told as each starts, moves on (at most every 5 %), finishes or fails.
export function uploadFiles(form, input, button, dotnet, channelId, antiforgeryToken) {
    let next = 0;
    const upload = file => {
        const localId = `upload-${Date.now()}-${next++}`;
        dotnet.invokeMethodAsync('UploadStarted', localId, file.name || 'pasted-image.png');
        const body = new FormData();
        body.append('channelId', channelId);
        body.append('file', file, file.name || 'pasted-image.png');
        if (antiforgeryToken) {
            body.append('__RequestVerificationToken', antiforgeryToken);
        }
        const request = new XMLHttpRequest();
        let reported = 0;
        request.upload.addEventListener('progress', event => {
            const percent = event.lengthComputable ? Math.floor(event.loaded * 100 / event.total) : 0;
            if (percent - reported >= 5) {
                reported = percent;
                dotnet.invokeMethodAsync('UploadProgressed', localId, percent);
            }
        });
        request.addEventListener('load', () => {
            let answer = null;
            try { answer = JSON.parse(request.responseText); } catch { }
            if (request.status === 201 && answer) {
                dotnet.invokeMethodAsync('UploadFinished', localId, answer.id);
            } else {
                dotnet.invokeMethodAsync('UploadFailed', localId,
                    (answer && answer.title) || request.responseText || `The upload failed (${request.status}).`);
            }
        });
        request.addEventListener('error', () =>
            dotnet.invokeMethodAsync('UploadFailed', localId, 'The connection was lost during the upload. Try again.'));
        request.open('POST', '/files');
        request.send(body);
    };
    const uploadAll = files => Array.from(files || []).forEach(upload);

    button.addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
        uploadAll(input.files);
        input.value = '';
    });
    form.addEventListener('dragover', event => {
        if (event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files')) {
            event.preventDefault();
        }
    });
    form.addEventListener('drop', event => {
        if (event.dataTransfer && event.dataTransfer.files.length > 0) {
            event.preventDefault();
            uploadAll(event.dataTransfer.files);
        }
    });
    form.addEventListener('paste', event => {
        const files = event.clipboardData ? event.clipboardData.files : null;
        if (files && files.length > 0) {
            event.preventDefault();
            uploadAll(files);
        }
    });
}
