// The chrome of pages rendered without a live connection (the account pages set cookies, so they are static): the
// drawer toggle works here in the browser. Interactive pages are left to their circuit; they call chatShell below.
(() => {
    const staticLayout = () => document.querySelector('.mud-layout[data-static-shell]');

    const setDrawer = (layout, open) => {
        const drawer = layout.querySelector('#nav-drawer');
        drawer.classList.remove('mud-drawer--initial');
        drawer.classList.toggle('mud-drawer--open', open);
        drawer.classList.toggle('mud-drawer--closed', !open);
        layout.classList.toggle('mud-drawer-open-responsive-md-left', open);
        layout.classList.toggle('mud-drawer-close-responsive-md-left', !open);
        layout.querySelector('#drawer-toggle')?.setAttribute('aria-expanded', String(open));
    };

    // Open on wide screens, closed on phones, as the interactive layout starts.
    const start = () => {
        const layout = staticLayout();
        if (layout?.querySelector('#nav-drawer.mud-drawer--initial')) {
            setDrawer(layout, window.matchMedia('(min-width: 960px)').matches);
        }
    };

    // "Show more" under a long message unfolds it, "Show less" folds it again (in the list and the thread panel alike).
    document.addEventListener('click', event => {
        const toggle = event.target.closest('.message-show-more');
        const body = toggle?.previousElementSibling;
        if (body?.classList.contains('message-long')) {
            const expanded = body.classList.toggle('expanded');
            toggle.textContent = expanded ? 'Show less' : 'Show more';
            toggle.setAttribute('aria-expanded', String(expanded));
        }
    });

    document.addEventListener('click', event => {
        const layout = staticLayout();
        if (layout && event.target.closest('#drawer-toggle')) {
            setDrawer(layout, !layout.querySelector('#nav-drawer').classList.contains('mud-drawer--open'));
        }
    });
    // Plain GET forms (search) work before the page is interactive; once it is, they move within the app instead of
    // loading the page again (the drawer, the sidebar and the circuit stay).
    document.addEventListener('submit', event => {
        const form = event.target;
        if (event.defaultPrevented || form.method !== 'get' || staticLayout() || !window.Blazor?.navigateTo
            || !document.querySelector('.mud-layout[data-interactive]')) {
            return;
        }
        const address = new URL(form.action, document.baseURI);
        address.search = new URLSearchParams(new FormData(form)).toString();
        // The same address again (searching once more for the same words) is left to the browser: moving to where the
        // app already is would not run the search again.
        if (address.href === location.href) {
            return;
        }
        event.preventDefault();
        window.Blazor.navigateTo(address.pathname + address.search);
    });

    // The browser's time zone, so that every page renders times in it from the first paint (ViewerClock).
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && !document.cookie.split('; ').includes(`chat.tz=${encodeURIComponent(zone)}`)) {
        document.cookie = `chat.tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    }

    start();
    window.Blazor?.addEventListener('enhancedload', start);

    // The conversation open last, so that the next sign-in in this browser lands there (IdentityRedirectManager).
    window.chatShell = {
        rememberConversation(userId, name) {
            document.cookie = `chat.last=${userId}.${name}; path=/; max-age=31536000; samesite=lax`;
        },
    };
})();
