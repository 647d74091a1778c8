// The header's menu toggle as a real button, and a closed menu out of the keyboard's way.
//
// The theme opens its navigation drawer (narrow screens, high zoom) with a <label> for a hidden
// checkbox: a label can't be reached with Tab, and the closed drawer, only moved off-screen,
// keeps every link in the Tab order. Here the label gives way to a <button> (Enter and Space
// work natively) that drives the same checkbox, and while the drawer is closed it is inert:
// out of the Tab order and of the accessibility tree. On a wide screen the same navigation is
// the always-visible sidebar, so it is inert only while it is a closed drawer. Without this
// script the label still opens the drawer on a click or a tap.
(function () {
  "use strict";

  // Where the theme turns the sidebar into a drawer (Material's 76.25em breakpoint).
  var DRAWER_MEDIA = window.matchMedia("(max-width: 76.1875em)");

  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) {
    return;
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " hc-menu-button";
  button.setAttribute("aria-label", "Menu");
  button.setAttribute("aria-expanded", "false");
  if (!drawer.id) {
    drawer.id = "hc-navigation-drawer";
  }
  button.setAttribute("aria-controls", drawer.id);
  Array.prototype.forEach.call(label.childNodes, function (node) {
    button.appendChild(node.cloneNode(true));
  });
  label.parentNode.insertBefore(button, label);
  label.hidden = true;

  function isDrawer() {
    return DRAWER_MEDIA.matches;
  }

  function update() {
    var open = toggle.checked;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    drawer.inert = isDrawer() && !open;
  }

  function setOpen(open) {
    if (toggle.checked === open) {
      return;
    }
    toggle.checked = open;
    // The theme follows the checkbox through its change event (scroll lock, overlay).
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    update();
  }

  button.addEventListener("click", function () {
    var open = !toggle.checked;
    setOpen(open);
    if (open) {
      var first = drawer.querySelector("a[href], button, input, [tabindex='0']");
      if (first) {
        first.focus();
      }
    }
  });

  // Escape closes the drawer and brings focus back to the button that opened it.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked && isDrawer()) {
      setOpen(false);
      button.focus();
    }
  });

  // Closed some other way (the overlay, a link inside it): keep inert and aria in step.
  toggle.addEventListener("change", update);
  if (DRAWER_MEDIA.addEventListener) {
    DRAWER_MEDIA.addEventListener("change", update);
  }
  update();
})();
