// Shows and hides the connection banner as Blazor reports the connection's state (see ReconnectModal.razor).
const banner = document.getElementById("components-reconnect-modal");
banner.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);
document.getElementById("components-reload-button").addEventListener("click", () => location.reload());

// Shown while Blazor's connection is down, and also as soon as the browser says it is offline: the connection would
// only notice some seconds later.
let connectionDown = false;
function update() {
    const down = connectionDown || !navigator.onLine;
    banner.classList.toggle("offline", !navigator.onLine);
    if (down && !banner.open) {
        banner.show();
    } else if (!down && banner.open) {
        banner.close();
    }
}
window.addEventListener("offline", update);
window.addEventListener("online", update);
update();

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        connectionDown = true;
        update();
    } else if (event.detail.state === "hide") {
        connectionDown = false;
        update();
    } else if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    } else if (event.detail.state === "rejected") {
        // The server no longer knows this tab: a fresh page (drafts and waiting messages are kept in the tab's storage).
        location.reload();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    try {
        // true: reconnected; false: the server was reached but no longer has this circuit; an exception: not reached.
        const successful = await Blazor.reconnect();
        if (!successful) {
            const resumed = await Blazor.resumeCircuit();
            if (!resumed) {
                location.reload();
            } else {
                connectionDown = false;
                update();
            }
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        }
    } catch {
        banner.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
