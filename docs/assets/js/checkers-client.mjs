// One promise wrapper around the checkers' Web Worker, shared by every widget of a page.
// The worker starts as soon as a tool page's <head> runs checkers-boot.mjs (or when a widget
// first asks for it); only the widgets' asking shows on <html data-checkers> for tool-guard.js.
import { keepOffline, noOffline } from "./offline.mjs";

// Loading Pyodide takes seconds; this long means it is not coming.
const START_TIMEOUT_MS = 120000;

// Why the checker cannot run here (no-webassembly, no-worker, load-failed, timeout), in the
// page's language: the checker box's data-reasons (partials/checker-reasons.md.j2).
export function failureReason(reason) {
  const box = typeof document === "object" ? document.querySelector("[data-reasons]") : null;
  try {
    const words = JSON.parse((box && box.dataset.reasons) || "{}");
    if (typeof words[reason] === "string") return words[reason];
  } catch {
    // A broken attribute is a build error; the reason's code still says what happened.
  }
  return reason;
}

export class CheckerUnavailable extends Error {
  constructor(reason, detail = "") {
    super(); // no message of its own: the getter below words it when it is shown
    this.reason = reason;
    this.detail = detail;
  }

  // Worded when read, not when thrown: the worker may fail from the page's <head>, before the
  // box with the page's words (data-reasons) has been parsed.
  get message() {
    return failureReason(this.reason);
  }
}

// What the page's <meta name="hc-checkers"> says (helpcenter/theme/main.html): the folder of
// its edition's words for the checkers, and its edition's root (/de/ for a German page), which
// the scripts, shared by every edition under /assets/js/, cannot tell from their own address.
function pageSettings() {
  const onPage = typeof document === "object";
  const meta = onPage ? document.querySelector('meta[name="hc-checkers"]') : null;
  const base = onPage ? document.baseURI : import.meta.url;
  const words = meta && meta.dataset.checkersUrl;
  const root = meta && meta.dataset.siteRoot;
  return {
    words: words ? new URL(words, base) : new URL("../checkers/", import.meta.url),
    root: root ? new URL(root, base) : new URL("../../", import.meta.url),
  };
}
const PAGE = pageSettings();

let shared = null;

// The worker checkers-start.js created from the page's <head>, and the events it has sent
// since, or null (a page without that script, or it could not create one).
function takeStartedWorker() {
  const take = typeof window === "object" ? window.helpcenterStartedWorker : undefined;
  return typeof take === "function" ? take() : null;
}

function createClient() {
  const pending = new Map();
  let nextId = 1;
  let worker = null;
  let failed = false;

  const ready = new Promise((resolve, reject) => {
    const fail = (reason, detail) => {
      failed = true;
      const error = new CheckerUnavailable(reason, detail);
      for (const { reject: rejectCall } of pending.values()) rejectCall(error);
      pending.clear();
      reject(error);
    };
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      fail(typeof WebAssembly !== "object" ? "no-webassembly" : "no-worker");
      return;
    }
    // The worker the page's <head> created (checkers-start.js), with what it said meanwhile.
    const started = takeStartedWorker();
    try {
      worker = started
        ? started.worker
        : new Worker(new URL("./checkers-worker.mjs", import.meta.url), { type: "module" });
      // This page's edition's words for the checkers (its labels.json and messages.json).
      worker.postMessage({ type: "configure", words: PAGE.words.href });
    } catch (error) {
      fail("no-worker", String(error));
      return;
    }
    const timer = setTimeout(() => fail("timeout"), START_TIMEOUT_MS);
    const onMessage = (event) => {
      const message = event.data;
      if (message.type === "ready") {
        performance.mark("checkers:ready"); // for the start-up benchmark (a time, nothing else)
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
    };
    // The worker script itself (or a file it imports statically) did not load.
    const onError = (event) => {
      event.preventDefault();
      clearTimeout(timer);
      fail("load-failed", "the worker script did not start");
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", onError);
    // In this same task, so that nothing the worker says comes between or is lost.
    for (const event of started ? started.early : []) {
      if (event.type === "error") onError(event);
      else onMessage(event);
    }
  });
  ready.catch(() => {}); // widgets handle it; not an unhandled rejection

  function post(op, args) {
    return new Promise((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
  }

  // Ask the worker; resolves with its result once it is ready (rejects if it never will be).
  function call(op, args) {
    return ready.then(() => post(op, args));
  }

  // As `call`, but sent at once: the worker holds it until Python is up and answers requests
  // in the order they were sent, so a page can queue what it already knows it needs (the
  // wizard: its catalog, then a shared link's answer) instead of a round trip after the start
  // for each. A start that fails rejects it as it rejects `ready`.
  function send(op, args) {
    return worker === null || failed ? call(op, args) : post(op, args);
  }

  return { ready, call, send };
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
      () => noOffline(),
    );
  }
  return client;
}

// The page's edition's root URL (/ or /de/): for links the checkers return.
export const SITE_ROOT = PAGE.root;
