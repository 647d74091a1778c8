// Live preview (helpcenter/server/preview.py): reloads the page after each good rebuild and
// shows the problems of a failed one over the last good page. A same-origin file listening to
// a same-origin event stream, so the site's own Content-Security-Policy allows it unchanged.
(function () {
  "use strict";
  var BOX_ID = "hc-preview-problems";
  var seen = null;

  function show(state) {
    var box = document.getElementById(BOX_ID);
    if (!box) {
      box = document.createElement("div");
      box.id = BOX_ID;
      box.setAttribute("role", "alert");
      // CSSOM properties, not a style attribute in markup: nothing for the policy to refuse.
      var style = box.style;
      style.position = "fixed";
      style.inset = "auto 0 0 0";
      style.zIndex = "10000";
      style.maxHeight = "60vh";
      style.overflow = "auto";
      style.padding = "1em 1.5em";
      style.background = "#fff3f3";
      style.color = "#000";
      style.borderTop = "0.3rem solid #c62828";
      style.font = "0.85rem/1.5 monospace";
      document.body.appendChild(box);
    }
    var heading = document.createElement("strong");
    heading.textContent = "The preview did not rebuild; fix this and save again:";
    var list = document.createElement("pre");
    list.style.whiteSpace = "pre-wrap";
    list.style.margin = "0.5em 0 0";
    list.textContent = state.problems.join("\n");
    box.replaceChildren(heading, list);
  }

  var events = new EventSource("/__preview/events");
  events.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    var first = seen === null;
    var changed = !first && state.generation !== seen;
    seen = state.generation;
    if (!state.ok) show(state);
    else if (changed) location.reload();
  });
})();
