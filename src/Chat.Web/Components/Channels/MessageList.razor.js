const watchers = new WeakMap();

// Where the reader starts in a conversation just opened: at the jumped-to message, else at the "New messages"
// divider (near the top, the first unread message below it in view), else at the newest message. Messages far from
// view are laid out only when they come near (content-visibility), so the place is set again for a few frames while
// their real heights replace the estimates, unless the reader scrolls first.
export function position(list, highlightSequence) {
    const watcher = watchers.get(list);
    watcher?.reset();
    const target = () => highlightSequence !== undefined
        ? list.querySelector(`[data-sequence="${highlightSequence}"]`)
        : list.querySelector('#new-messages');
    const place = () => {
        const element = target();
        if (!element) {
            list.scrollTop = list.scrollHeight;
        } else if (highlightSequence !== undefined) {
            element.scrollIntoView({ block: 'center' });
        } else {
            list.scrollTop += element.getBoundingClientRect().top - list.getBoundingClientRect().top - 16;
        }
    };
    place();
    let frames = 0;
    let placed = list.scrollTop;
    const settle = () => {
        // The reader scrolled meanwhile: where they went wins.
        if (Math.abs(list.scrollTop - placed) > 1) {
            return;
        }
        place();
        placed = list.scrollTop;
        if (++frames < 10) {
            requestAnimationFrame(settle);
        }
    };
    requestAnimationFrame(settle);
}

// Asks for older messages when the top of the list comes near; says when the reader leaves or reaches the bottom;
// keeps the newest message in view while the reader is at the bottom, also while images load and attachments or
// thread summaries appear (here, so no message costs a call to .NET); shows "Jump to unread" while the divider is out
// of view and "New messages below" when one arrives while the reader is scrolled up; opens the actions of quiet
// messages.
export function watchScrolling(list, sentinel, dotnet) {
    const content = list.querySelector('.message-list-content');
    const frame = list.closest('.message-list-frame');
    const jump = frame.querySelector('.jump-to-unread');
    const below = frame.querySelector('.new-below');

    const observer = new IntersectionObserver(entries => {
        if (entries.some(entry => entry.isIntersecting) && list.scrollHeight > list.clientHeight) {
            dotnet.invokeMethodAsync('LoadOlderFromScrollAsync');
        }
    }, { root: list, rootMargin: '400px 0px 0px 0px' });
    observer.observe(sentinel);

    let atBottom = isNearBottom(list);
    let newest = newestSequence(list);
    const onScroll = () => {
        const now = isNearBottom(list);
        if (now !== atBottom) {
            atBottom = now;
            dotnet.invokeMethodAsync('ReaderAtBottomAsync', now);
        }
        if (atBottom) {
            below.hidden = true;
        }
        updateJump();
    };
    list.addEventListener('scroll', onScroll, { passive: true });

    const follow = () => {
        if (atBottom) {
            list.scrollTop = list.scrollHeight;
        }
    };
    const follower = new MutationObserver(() => {
        follow();
        const latest = newestSequence(list);
        if (latest > newest && !atBottom) {
            below.hidden = false;
        }
        newest = Math.max(newest, latest);
        updateJump();
    });
    follower.observe(content, { childList: true, subtree: true });
    const resizes = new ResizeObserver(follow);
    resizes.observe(content);

    // The divider is in view or not: "Jump to unread" shows while it is not.
    const updateJump = () => {
        const divider = list.querySelector('#new-messages');
        if (!divider) {
            jump.hidden = true;
            return;
        }
        const box = divider.getBoundingClientRect();
        const view = list.getBoundingClientRect();
        jump.hidden = box.bottom > view.top && box.top < view.bottom;
    };
    const onJump = () => {
        list.querySelector('#new-messages')?.scrollIntoView({ block: 'start' });
    };
    jump.addEventListener('click', onJump);
    const onBelow = () => {
        list.scrollTop = list.scrollHeight;
        below.hidden = true;
    };
    below.addEventListener('click', onBelow);

    // Quiet messages are plain markup on the server: their actions button is answered here, for the whole list. The
    // message comes back as a component with a new button, which takes the focus the pressed one had.
    const onClick = async event => {
        const message = event.target.closest('button[data-opens-actions]')?.closest('[data-sequence]');
        if (message && list.contains(message)) {
            const sequence = message.dataset.sequence;
            await dotnet.invokeMethodAsync('OpenActions', Number(sequence));
            requestAnimationFrame(() => list.querySelector(`[data-sequence="${sequence}"] .message-more`)?.focus());
        }
    };
    list.addEventListener('click', onClick);

    // Another conversation was opened in the same list: what the reader had seen of the last one no longer counts.
    const reset = () => {
        newest = newestSequence(list);
        below.hidden = true;
    };
    watchers.set(list, {
        reset,
        stop() {
            observer.disconnect();
            follower.disconnect();
            resizes.disconnect();
            list.removeEventListener('scroll', onScroll);
            list.removeEventListener('click', onClick);
            jump.removeEventListener('click', onJump);
            below.removeEventListener('click', onBelow);
        },
    });
    updateJump();
}

export function stopWatchingScrolling(list) {
    watchers.get(list)?.stop();
    watchers.delete(list);
}

// Older messages are inserted above: remember the distance from the bottom, and put it back after they render.
export function rememberPosition(list) {
    list.dataset.fromBottom = String(list.scrollHeight - list.scrollTop);
}

export function restorePosition(list) {
    const fromBottom = Number(list.dataset.fromBottom);
    if (!Number.isNaN(fromBottom)) {
        list.scrollTop = list.scrollHeight - fromBottom;
    }
}

function newestSequence(list) {
    const articles = list.querySelectorAll('article[data-sequence]');
    return articles.length === 0 ? 0 : Number(articles[articles.length - 1].dataset.sequence);
}

function isNearBottom(list) {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 120;
}
