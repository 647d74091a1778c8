// Keeps the tool pages working offline: registers the site's service worker (/sw.js, written by
// the build: helpcenter/offline.py) once the checkers run, and when it has stored everything,
// shows the page's note that the network may be switched off before typing a password.
// <html data-offline="ready"> says so for tests.

const SERVICE_WORKER = new URL("../../sw.js", import.meta.url);
const SCOPE = new URL("../../", import.meta.url);

// The notes keep their place while the site is stored (no jump when they appear): shown once
// it is, removed where it cannot be.
function setNotes(state) {
  for (const note of document.querySelectorAll("[data-offline-note]")) {
    if (state === "ready") note.dataset.offlineState = "ready";
    else note.hidden = true;
  }
}

function showNotes() {
  document.documentElement.dataset.offline = "ready";
  setNotes("ready");
}

// The checkers could not start: nothing to keep for offline use.
export function noOffline() {
  setNotes("unavailable");
}

let asked = false;

export function keepOffline() {
  if (asked) return;
  asked = true;
  // Only where browsers allow service workers (https or this machine); elsewhere the tools work
  // online as before.
  if (!("serviceWorker" in navigator) || !window.isSecureContext) {
    setNotes("unavailable");
    return;
  }
  navigator.serviceWorker
    .register(SERVICE_WORKER, { scope: SCOPE.pathname })
    .then((registration) => {
      // A page served from the cache still asks whether the site has a newer build: if so,
      // its worker installs now and replaces the cache (offline, the question just fails).
      registration.update().catch(() => {});
      return navigator.serviceWorker.ready;
    })
    .then(showNotes)
    .catch((error) => {
      // The tools still work online; only offline use is not available.
      setNotes("unavailable");
      console.warn(`offline use not available: ${error && error.message ? error.message : error}`);
    });
}
