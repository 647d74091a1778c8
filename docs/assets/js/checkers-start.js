// A classic script at the top of a tool page's <head> (before the stylesheets): it creates the
// checkers' worker while the page is still being parsed, before Material's bundle and the
// page's modules take the main thread (an async module waited for them: ~0.15 s on a desktop,
// several times that on a slow phone). checkers-client.mjs adopts the worker
// (takeStartedWorker) and replays what the worker said before that, its ready message too. Where there is no worker
// or no WebAssembly it does nothing, and the client says why on the page.
(function () {
  "use strict";
  if (typeof Worker !== "function" || typeof WebAssembly !== "object") return;
  var script = document.currentScript;
  var worker;
  try {
    worker = new Worker(new URL("./checkers-worker.mjs", script.src), { type: "module" });
  } catch (error) {
    return; // the client tries again, and reports it
  }
  performance.mark("checkers:worker-created"); // for the start-up benchmark and its test
  // The folder of this edition's words (labels.json, messages.json), so that the worker need
  // not wait for the client to ask for them (the client says the same again), and the page's
  // checkers (data-tools: the wizard's catalog is prepared on the wizard's page only).
  if (script.dataset.words) {
    var words = new URL(script.dataset.words, document.baseURI);
    var tools = (script.dataset.tools || "").split(" ").filter(Boolean);
    worker.postMessage({ type: "configure", words: words.href, tools: tools });
  }
  var early = [];
  function keep(event) {
    // A worker that fails to load: reported by the client, not as an uncaught error.
    if (event.type === "error") event.preventDefault();
    early.push(event);
  }
  worker.addEventListener("message", keep);
  worker.addEventListener("error", keep);
  var taken = false;
  // Hands the worker and the events it sent so far to the client, once.
  window.helpcenterStartedWorker = function () {
    if (taken) return null;
    taken = true;
    worker.removeEventListener("message", keep);
    worker.removeEventListener("error", keep);
    return { worker: worker, early: early };
  };
})();
