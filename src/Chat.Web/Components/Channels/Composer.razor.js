// The composer owns its text here, in the browser. Enter takes what was typed, clears the box at once and hands the
// message to the outbox, which sends it (by its client message id, so a resend never duplicates it) until the server
// has stored it: a late answer never touches what was typed since. Drafts and waiting messages belong to their
// conversation (the form's data-conversation), and both outlive a reload of the tab (sessionStorage).

const draftPrefix = 'chat:draft:';
const outboxKey = 'chat:outbox';
const sendTimeoutMs = 15_000;

const views = new Map();
const outbox = {
    items: loadOutbox(),
    senders: [],
    uploading: new Map(),
    running: false,
    timer: 0,
    giveUp: null,
};

const format = n => n.toLocaleString('en-US');

// The refusal of a message over the limit, before anything is sent (the same words as the server's).
const tooLong = (limit, length) =>
    `Messages can be at most ${format(limit)} characters; this one has ${format(length)}.`;

// Wires one composer: suggestions listen first, so Enter picks a person rather than sending while the list is open.
// With editLast, Up in the empty box asks to edit the viewer's last message. The form is marked ready once keys are
// handled, so a browser test types only then.
export function attach(form, input, suggestions, dotnet, editLast, antiforgeryToken) {
    form.antiforgeryToken = antiforgeryToken;
    suggestMentions(input, suggestions, dotnet);
    const view = composerView(form, input, dotnet, editLast);
    views.set(form, view);
    outbox.senders.push(dotnet);
    uploadFiles(form, view);
    form.dataset.ready = 'true';
    pump();
}

export function detach(form) {
    const view = views.get(form);
    if (view) {
        view.stop();
        views.delete(form);
        outbox.senders = outbox.senders.filter(sender => sender !== view.dotnet);
    }
}

function composerView(form, input, dotnet, editLast) {
    const error = form.querySelector('.composer-error');
    const list = form.querySelector('.composer-outbox');
    const send = form.querySelector('.composer-send');
    const alsoToChannel = () => form.querySelector('.composer-also-send input');
    let conversation = form.dataset.conversation;
    let typingSignalledAt = 0;

    const view = {
        dotnet,
        get conversation() { return conversation; },
        get isEmpty() { return input.value.trim() === ''; },
        render() {
            const items = outbox.items.filter(item => item.conversation === conversation);
            list.replaceChildren(...items.map(item => outboxEntry(item, view)));
            list.hidden = items.length === 0;
        },
        showError(text, offer) {
            error.replaceChildren(text);
            if (offer) {
                error.append(' ', offer);
            }
            error.hidden = false;
        },
        clearError() {
            error.replaceChildren();
            error.hidden = true;
        },
        // A refused message comes back into the box, before anything typed since, so nothing is lost.
        restore(text, why) {
            input.value = input.value.trim() === '' ? text : `${text}\n\n${input.value}`;
            saveDraft(conversation, input.value);
            view.showError(why);
        },
        stop() {
            observer.disconnect();
            input.removeEventListener('keydown', onKeyDown);
            input.removeEventListener('input', onInput);
            send.removeEventListener('click', submit);
        },
    };

    // The box starts with the conversation's draft, unless something was typed before the page became interactive.
    if (input.value === '') {
        input.value = loadDraft(conversation);
    } else {
        saveDraft(conversation, input.value);
    }

    const submit = () => {
        const text = input.value;
        const limit = Number(form.dataset.limit);
        const hasFiles = form.querySelector('.composer-upload:not([data-state="failed"])') !== null;
        if (text.trim() === '' && !hasFiles) {
            return;
        }
        if (text.length > limit) {
            view.showError(tooLong(limit, text.length), sendAsFileButton(form, view, text));
            return;
        }
        const also = alsoToChannel();
        queue({
            channelId: form.dataset.channel,
            threadRootId: form.dataset.thread || null,
            conversation,
            text,
            alsoToChannel: also?.checked ?? false,
        });
        if (also) {
            also.checked = false;
        }
        input.value = '';
        saveDraft(conversation, '');
        typingSignalledAt = 0;
        view.clearError();
    };

    const onKeyDown = event => {
        if (event.defaultPrevented) {
            return;
        }
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
        } else if (editLast && event.key === 'ArrowUp' && input.value === '') {
            event.preventDefault();
            dotnet.invokeMethodAsync('EditLastAsync').catch(() => { });
        }
    };

    // Typing is signalled at most every three seconds: ephemeral, and cheap for everyone watching.
    const onInput = () => {
        saveDraft(conversation, input.value);
        const now = Date.now();
        if (input.value.length > 0 && now - typingSignalledAt > 3000) {
            typingSignalledAt = now;
            dotnet.invokeMethodAsync('TypingAsync').catch(() => { });
        }
    };

    // The server moves the composer to another conversation by changing data-conversation: the draft typed here
    // stays with its conversation, and the next one's comes back.
    const observer = new MutationObserver(() => {
        if (form.dataset.conversation === conversation) {
            return;
        }
        saveDraft(conversation, input.value);
        conversation = form.dataset.conversation;
        input.value = loadDraft(conversation);
        typingSignalledAt = 0;
        view.clearError();
        view.render();
    });
    observer.observe(form, { attributes: true, attributeFilter: ['data-conversation'] });

    input.addEventListener('keydown', onKeyDown);
    input.addEventListener('input', onInput);
    send.addEventListener('click', submit);
    view.render();
    return view;
}

function outboxEntry(item, view) {
    const entry = document.createElement('li');
    entry.className = `composer-outbox-item ${item.state}`;
    entry.dataset.state = item.state;
    const text = document.createElement('span');
    text.className = 'composer-outbox-text';
    text.textContent = item.text.length > 200 ? `${item.text.slice(0, 200)}…` : item.text || 'Files';
    const status = document.createElement('span');
    status.className = 'composer-outbox-status';
    status.textContent = item.state === 'waiting'
        ? 'waits for the upload to finish…'
        : item.state === 'failed' ? `not sent: ${item.error}` : 'sending…';
    entry.append(text, status);
    if (item.state === 'failed') {
        entry.append(
            button('Edit', 'composer-outbox-edit', () => {
                remove(item);
                view.restore(item.text, item.error);
            }),
            button('Discard', 'composer-outbox-discard', () => remove(item)));
    }
    return entry;
}

function button(label, className, onClick) {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = className;
    element.textContent = label;
    element.addEventListener('click', onClick);
    return element;
}

// A message over the limit can go as a text file instead: the text stays in the box until the file is uploaded.
function sendAsFileButton(form, view, text) {
    return button('Send it as a text file', 'composer-send-as-file', () => {
        const conversation = view.conversation;
        const file = new File([text], 'message.txt', { type: 'text/plain' });
        view.clearError();
        form.upload(file, uploaded => {
            if (!uploaded) {
                return;
            }
            const input = form.querySelector('textarea');
            if (view.conversation === conversation && input.value === text) {
                input.value = '';
                saveDraft(conversation, '');
            }
            queue({
                channelId: form.dataset.channel,
                threadRootId: form.dataset.thread || null,
                conversation,
                text: '',
                alsoToChannel: false,
            });
        });
    });
}

function queue(message) {
    outbox.items.push({ ...message, clientMessageId: newId(), state: 'sending', attempts: 0 });
    changed();
    pump();
}

function remove(item) {
    outbox.items = outbox.items.filter(other => other !== item);
    changed();
}

function changed() {
    try {
        sessionStorage.setItem(outboxKey, JSON.stringify(outbox.items));
    } catch {
        // Storage full or off: the outbox still works for this page.
    }
    views.forEach(view => view.render());
}

function setState(item, state) {
    if (item.state !== state) {
        item.state = state;
        changed();
    }
}

// Sends waiting messages one at a time, oldest first, so they are stored in the order they were written. A message
// waits while files of its conversation are still uploading; one the server could not take yet (connection down,
// too fast) is tried again, sooner once the connection is back.
async function pump() {
    if (outbox.running) {
        return;
    }
    outbox.running = true;
    clearTimeout(outbox.timer);
    try {
        for (let item = next(); item; item = next()) {
            if ((outbox.uploading.get(item.conversation) ?? 0) > 0) {
                setState(item, 'waiting');
                return;
            }
            const sender = outbox.senders[outbox.senders.length - 1];
            if (!sender) {
                return;
            }
            setState(item, 'sending');
            const answer = await withTimeout(
                sender.invokeMethodAsync('SendAsync', item.channelId, item.threadRootId, item.clientMessageId, item.text, item.alsoToChannel));
            if (answer?.stored) {
                remove(item);
            } else if (answer && !answer.retry) {
                refuse(item, answer.error);
            } else {
                item.attempts++;
                outbox.timer = setTimeout(pump, Math.min(500 * 2 ** item.attempts, 10_000));
                return;
            }
        }
    } finally {
        outbox.running = false;
    }
}

function next() {
    return outbox.items.find(item => item.state !== 'failed');
}

// A refused message goes back into its composer when that box is empty; otherwise it stays listed, to edit or discard.
function refuse(item, why) {
    const view = [...views.values()].find(v => v.conversation === item.conversation && v.isEmpty);
    if (view) {
        remove(item);
        view.restore(item.text, why);
    } else {
        item.error = why;
        setState(item, 'failed');
    }
}

// A call the connection lost may never be answered: it is given up after a while, or at once when the connection is
// back (then the message is sent again, which stores it once).
async function withTimeout(call) {
    let timer = 0;
    try {
        return await Promise.race([call, new Promise(resolve => {
            timer = setTimeout(() => resolve(null), sendTimeoutMs);
            outbox.giveUp = () => resolve(null);
        })]);
    } catch {
        return null;
    } finally {
        clearTimeout(timer);
        outbox.giveUp = null;
    }
}

// Back online (the browser's network, or Blazor's connection, reported to the banner: see ReconnectModal), waiting
// messages go at once.
function resend() {
    outbox.items.forEach(item => { item.attempts = 0; });
    if (outbox.giveUp) {
        outbox.giveUp();
    } else {
        pump();
    }
}
window.addEventListener('online', resend);
document.getElementById('components-reconnect-modal')?.addEventListener('components-reconnect-state-changed', event => {
    if (event.detail.state === 'hide') {
        resend();
    }
});

function loadOutbox() {
    try {
        return (JSON.parse(sessionStorage.getItem(outboxKey)) ?? []).map(item => ({ ...item, attempts: 0 }));
    } catch {
        return [];
    }
}

function loadDraft(conversation) {
    try {
        return sessionStorage.getItem(draftPrefix + conversation) ?? '';
    } catch {
        return '';
    }
}

function saveDraft(conversation, text) {
    try {
        if (text === '') {
            sessionStorage.removeItem(draftPrefix + conversation);
        } else {
            sessionStorage.setItem(draftPrefix + conversation, text);
        }
    } catch {
        // Storage full or off: the draft stays in the box.
    }
}

// crypto.randomUUID needs a secure context; an intranet deployment on plain HTTP has getRandomValues only.
function newId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Edits a message in place, owning its text like the composer: Enter saves, Shift+Enter breaks the line, Esc cancels.
// The editor opens in view, and closing it (saved or cancelled) gives the focus back to the composer it belongs with.
export function editInPlace(form, input, dotnet) {
    const error = form.querySelector('.message-editor-error');
    const composer = () => document.querySelector(form.closest('.thread-panel') ? '#thread-composer-input' : '#composer-input');
    // Saved or cancelled, the editor leaves the page (its render may come just after the call's answer); refused, it
    // stays open with its text and keeps the focus.
    const close = () => {
        const asked = performance.now();
        const check = () => {
            if (!form.isConnected) {
                composer()?.focus();
            } else if (performance.now() - asked < 2000) {
                requestAnimationFrame(check);
            }
        };
        requestAnimationFrame(check);
    };
    const save = async () => {
        const limit = Number(form.dataset.limit);
        if (input.value.length > limit) {
            error.textContent = tooLong(limit, input.value.length);
            error.hidden = false;
            return;
        }
        await dotnet.invokeMethodAsync('SaveAsync', input.value).catch(() => { });
        close();
    };
    const cancel = async () => {
        await dotnet.invokeMethodAsync('CancelAsync').catch(() => { });
        close();
    };
    input.addEventListener('keydown', event => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            save();
        } else if (event.key === 'Escape') {
            event.preventDefault();
            cancel();
        }
    });
    form.querySelector('.message-editor-save').addEventListener('click', save);
    form.querySelector('.message-editor-cancel').addEventListener('click', cancel);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    form.scrollIntoView({ block: 'nearest' });
    form.dataset.ready = 'true';
}

// Typing @ and a few letters lists people to mention; arrows move, Enter or Tab picks, Esc closes.
// The list is built with textContent only: names never become markup.
function suggestMentions(input, list, dotnet) {
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
        const found = await dotnet.invokeMethodAsync('SuggestMentionsAsync', match[2]).catch(() => []);
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
// progress, to the conversation the composer shows at that moment; the composer is told as each starts, moves on (at
// most every 5 %), finishes or fails. Messages of that conversation wait until its uploads are done.
function uploadFiles(form, view) {
    const dotnet = view.dotnet;
    const input = form.querySelector('input[type=file]');
    const button = form.querySelector('.composer-attach');
    let next = 0;
    const upload = (file, done) => {
        const conversation = view.conversation;
        const localId = `upload-${Date.now()}-${next++}`;
        const name = file.name || 'pasted-image.png';
        const finish = uploaded => {
            outbox.uploading.set(conversation, (outbox.uploading.get(conversation) ?? 1) - 1);
            done?.(uploaded);
            pump();
        };
        outbox.uploading.set(conversation, (outbox.uploading.get(conversation) ?? 0) + 1);
        dotnet.invokeMethodAsync('UploadStarted', conversation, localId, name);
        const body = new FormData();
        body.append('channelId', form.dataset.channel);
        body.append('file', file, name);
        if (form.antiforgeryToken) {
            body.append('__RequestVerificationToken', form.antiforgeryToken);
        }
        const request = new XMLHttpRequest();
        let reported = 0;
        request.upload.addEventListener('progress', event => {
            const percent = event.lengthComputable ? Math.floor(event.loaded * 100 / event.total) : 0;
            if (percent - reported >= 5) {
                reported = percent;
                dotnet.invokeMethodAsync('UploadProgressed', conversation, localId, percent);
            }
        });
        request.addEventListener('load', async () => {
            let answer = null;
            try { answer = JSON.parse(request.responseText); } catch { }
            if (request.status === 201 && answer) {
                await dotnet.invokeMethodAsync('UploadFinished', conversation, localId, answer.id).catch(() => { });
                finish(true);
            } else {
                await dotnet.invokeMethodAsync('UploadFailed', conversation, localId,
                    (answer && answer.title) || `The upload failed (${request.status}).`).catch(() => { });
                finish(false);
            }
        });
        request.addEventListener('error', async () => {
            await dotnet.invokeMethodAsync('UploadFailed', conversation, localId, 'The connection was lost during the upload. Try again.')
                .catch(() => { });
            finish(false);
        });
        request.open('POST', '/files');
        request.send(body);
    };
    const uploadAll = files => Array.from(files || []).forEach(file => upload(file));
    form.upload = upload;

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
