// Start page: shows the search box, which the theme's search script makes work (it opens the
// results for ?q= on load). Without scripts the box stays hidden and the FAQ's questions,
// listed in a <noscript> block, take its place.
(function () {
  "use strict";
  document.querySelectorAll("form[data-hc-search][hidden]").forEach(function (form) {
    form.hidden = false;
  });
})();
