// Says in plain words, within two seconds, why a checker can't run here, instead of a spinner.
// A classic script (not a module), so it runs where the widgets' modules can't: a page opened
// from file://, or a host that serves .mjs with a type browsers refuse. Each checker's box
// shows its fallback (what the tool does, the manual steps, the guides) from the start; this
// hides it once the checkers have really started (checkers-client.mjs sets
// <html data-checkers="ready">), or puts the reason in it and hides the tool.
(function () {
  "use strict";

  // A widget module that has not even started by then is not coming.
  var LIMIT_MS = 2000;
  // The reasons (file, wasm, module, slow) come in the page's language from each box's
  // data-reasons (helpcenter/templates/pages/partials/checker-reasons.md.j2): no words here.
  // The smallest valid WebAssembly module: compiling it tells whether the page's policy allows
  // WebAssembly at all ('wasm-unsafe-eval'), in well under a millisecond.
  var EMPTY_MODULE = [0, 97, 115, 109, 1, 0, 0, 0];

  var boxes = document.querySelectorAll("[data-checker]");
  if (!boxes.length) return;
  var root = document.documentElement;
  var failed = false;

  function reasonText(box, reason) {
    try {
      var words = JSON.parse(box.getAttribute("data-reasons") || "{}");
      if (typeof words[reason] === "string") return words[reason];
    } catch (error) {
      // A broken attribute is a build error; the code below still says which reason it was.
    }
    return reason;
  }

  // Say why in each box; a sure failure also hides the tool, while a slow start (a slow device
  // or network) only says so and leaves the tool to appear when it is ready.
  function fail(reason, sure) {
    if (failed || root.getAttribute("data-checkers") === "ready") return;
    failed = sure;
    for (var i = 0; i < boxes.length; i += 1) {
      var box = boxes[i];
      box.setAttribute(sure ? "data-guard" : "data-guard-notice", reason);
      var fallback = box.querySelector("[data-tool-fallback]");
      var status = box.querySelector("[data-tool-status]");
      if (status) {
        status.textContent = reasonText(box, reason);
        status.classList.add("hc-checker-message--error");
      }
      if (fallback) fallback.hidden = false;
    }
    // The note that the page works offline kept its place unseen: a tool that cannot run
    // will not be ready offline either.
    var notes = sure ? document.querySelectorAll("[data-offline-note]") : [];
    for (var j = 0; j < notes.length; j += 1) notes[j].hidden = true;
  }

  // Hiding the element that has keyboard focus would drop the focus to the page's start (WCAG
  // 2.4.3): a reader who tabbed onto a link in the fallback would lose their place. The box
  // takes the focus instead, so the next Tab reaches the tool's first control.
  function hideKeepingPlace(box, fallback) {
    var active = document.activeElement;
    var hadFocus = active && active !== box && fallback.contains(active);
    fallback.hidden = true;
    if (!hadFocus) return;
    box.setAttribute("tabindex", "-1");
    box.addEventListener("blur", function () { box.removeAttribute("tabindex"); }, { once: true });
    box.focus({ preventScroll: true });
  }

  function started() {
    if (failed) return;
    for (var i = 0; i < boxes.length; i += 1) {
      boxes[i].removeAttribute("data-guard-notice");
      var fallback = boxes[i].querySelector("[data-tool-fallback]");
      if (fallback) hideKeepingPlace(boxes[i], fallback);
    }
  }

  function wasmRefused() {
    if (typeof WebAssembly !== "object") return false; // the widget says so itself
    try {
      new WebAssembly.Module(new Uint8Array(EMPTY_MODULE));
      return false;
    } catch (error) {
      return true;
    }
  }

  if (location.protocol === "file:") {
    fail("file", true);
    return;
  }
  if (wasmRefused()) {
    fail("wasm", true);
    return;
  }
  // A module script that does not load fires `error` on its element; it does not bubble.
  document.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target.tagName === "SCRIPT" && target.type === "module") fail("module", true);
    },
    true,
  );
  if (root.getAttribute("data-checkers") === "ready") started();
  new MutationObserver(function () {
    if (root.getAttribute("data-checkers") === "ready") started();
  }).observe(root, { attributes: true, attributeFilter: ["data-checkers"] });
  setTimeout(function () {
    if (!root.hasAttribute("data-checkers")) fail("slow", false);
  }, LIMIT_MS);
})();
