// Runs a tool page's widget modules as soon as the main thread is free, rather than when the
// browser gets round to async modules (Chromium ran them only after the whole page had been
// parsed and DOMContentLoaded's handlers had run: ~0.2 s later on an emulated slow phone). A
// classic script placed after the checkers' boxes (helpcenter/theme/main.html), its data-modules
// the page's widget modules; the same modules' own <script type="module" async> elements stay,
// so a module that fails to load is still reported by tool-guard.js, and each module runs once.
(function () {
  "use strict";
  var script = document.currentScript;
  var modules = ((script && script.getAttribute("data-modules")) || "").split(" ");
  for (var i = 0; i < modules.length; i += 1) {
    if (!modules[i]) continue;
    // Where import() is missing this line is a syntax error of this file alone; the module
    // elements still load the widgets.
    import(new URL(modules[i], document.baseURI).href).catch(function () {
      // Reported by tool-guard.js from the module's own element.
    });
  }
})();
