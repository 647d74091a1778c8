// One promise wrapper around the checkers' Web Worker, shared by every widget of a page.
// The worker starts as soon as a tool page's <head> runs checkers-boot.mjs (or when a widget
// first asks for it); only the widgets' asking shows on <html data-checkers> for tool-guard.js.
import { keepOffline } from "./offline.mjs";

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
        resolve(message.start);
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

// Starts loading Pyodide in the worker, once per page, without claiming the page for a widget.
export function startCheckers() {
  if (shared === null) shared = createClient();
  return shared;
}

let claimed = false;

// The page's client, for a widget: <html data-checkers> says "loading", then "ready" (and
// data-checkers-start how Python started: "snapshot" or "bare"); then the tool pages are kept
// for offline use.
export function checkersClient() {
  const client = startCheckers();
  if (!claimed) {
    claimed = true;
    const root = document.documentElement;
    if (root.dataset.checkers !== "ready") root.dataset.checkers = "loading"; // tool-guard.js
    client.ready.then(
      (start) => {
        root.dataset.checkersStart = start;
        root.dataset.checkers = "ready"; // tool-guard.js hides the fallback
        keepOffline();
      },
      () => {},
    );
  }
  return client;
}

// The site's root URL (this file lives in <root>/assets/js/): for links the checkers return.
export const SITE_ROOT = new URL("../../", import.meta.url);
