const watchers = new WeakMap();

export function scrollToNewest(list) {
    list.scrollTop = list.scrollHeight;
}

// Brings a jumped-to message into the middle of the list.
export function showMessage(list, sequence) {
    const message = list.querySelector(`[data-sequence="${sequence}"]`);
    if (message) {
        message.scrollIntoView({ block: 'center' });
    }
}

// Asks for older messages when the top of the list comes near, says when the reader leaves or reaches the bottom,
// keeps the newest message in view while the reader is at the bottom (here, so no message costs a call to .NET), and
// opens the actions of quiet messages.
export function watchScrolling(list, sentinel, dotnet) {
    const observer = new IntersectionObserver(entries => {
        if (entries.some(entry => entry.isIntersecting) && list.scrollHeight > list.clientHeight) {
            dotnet.invokeMethodAsync('LoadOlderFromScrollAsync');
        }
    }, { root: list, rootMargin: '400px 0px 0px 0px' });
    observer.observe(sentinel);

    let atBottom = isNearBottom(list);
    const onScroll = () => {
        const now = isNearBottom(list);
        if (now !== atBottom) {
            atBottom = now;
            dotnet.invokeMethodAsync('ReaderAtBottomAsync', now);
        }
    };
    list.addEventListener('scroll', onScroll, { passive: true });
    const follower = new MutationObserver(() => {
        if (atBottom) {
            list.scrollTop = list.scrollHeight;
        }
    });
    follower.observe(list, { childList: true, subtree: true });

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
    watchers.set(list, { observer, onScroll, follower, onClick });
}

export function stopWatchingScrolling(list) {
    const watcher = watchers.get(list);
    if (watcher) {
        watcher.observer.disconnect();
        watcher.follower.disconnect();
        list.removeEventListener('scroll', watcher.onScroll);
        list.removeEventListener('click', watcher.onClick);
        watchers.delete(list);
    }
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

function isNearBottom(list) {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 120;
}
