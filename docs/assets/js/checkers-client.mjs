// One promise wrapper around the checkers' Web Worker, shared by every widget of a page.
// The worker starts when a widget first asks for it, i.e. as soon as a page with a widget opens.

// Loading Pyodide takes seconds; this long means it is not coming.
const START_TIMEOUT_MS = 120000;

// Why the checker cannot run here, in words for the visitor.
export const FAILURE_REASONS = {
  "no-webassembly": "This browser does not run WebAssembly (or it is switched off)",
  "no-worker": "This browser cannot start the background worker the checker runs in",
  "load-failed": "A file the checker needs did not load",
  timeout: "The checker took too long to load",
};

export class CheckerUnavailable extends Error {
  constructor(reason, detail = "") {
    super(FAILURE_REASONS[reason] || reason);
    this.reason = reason;
    this.detail = detail;
  }
}

let shared = null;

function createClient() {
  document.documentElement.dataset.checkers = "loading"; // tool-guard.js: the widget has begun
  const pending = new Map();
  let nextId = 1;
  let worker = null;

  const ready = new Promise((resolve, reject) => {
    const fail = (reason, detail) => {
      const error = new CheckerUnavailable(reason, detail);
      for (const { reject: rejectCall } of pending.values()) rejectCall(error);
      pending.clear();
      reject(error);
    };
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      fail(typeof WebAssembly !== "object" ? "no-webassembly" : "no-worker");
      return;
    }
    try {
      worker = new Worker(new URL("./checkers-worker.mjs", import.meta.url), { type: "module" });
    } catch (error) {
      fail("no-worker", String(error));
      return;
    }
    const timer = setTimeout(() => fail("timeout"), START_TIMEOUT_MS);
    worker.addEventListener("message", (event) => {
      const message = event.data;
      if (message.type === "ready") {
        clearTimeout(timer);
        document.documentElement.dataset.checkers = "ready"; // tool-guard.js hides the fallback
        resolve();
      } else if (message.type === "failed") {
        clearTimeout(timer);
        fail("load-failed", message.error);
      } else if (pending.has(message.id)) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if ("error" in message) call.reject(new Error(message.error));
        else call.resolve(message.result);
      }
    });
    // The worker script itself (or a file it imports statically) did not load.
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      fail("load-failed", "the worker script did not start");
    });
  });
  ready.catch(() => {}); // widgets handle it; not an unhandled rejection

  // Ask the worker; resolves with its result once it is ready (rejects if it never will be).
  function call(op, args) {
    return ready.then(
      () =>
        new Promise((resolve, reject) => {
          const id = nextId;
          nextId += 1;
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, op, args });
        }),
    );
  }

  return { ready, call };
}

// The page's client; creating it starts loading Pyodide in the worker.
export function checkersClient() {
  if (shared === null) shared = createClient();
  return shared;
}

// The site's root URL (this file lives in <root>/assets/js/): for links the checkers return.
export const SITE_ROOT = new URL("../../", import.meta.url);
