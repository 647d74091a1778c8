// FAQ page enhancements: the platform filter (count, ?platform= in the address, a fallback for
// browsers without CSS :has()) and "Copy link" buttons. Without this script the filter still
// works through CSS and each answer keeps its plain "Link to this answer".
(function () {
  "use strict";

  var PLATFORMS = ["all", "android", "ios"];

  // The page's words (its language) from an element's data-words, with {name} filled in; the
  // templates (partials/faq-filter.md.j2, faq-entry.md.j2) hand them over: none live here.
  function words(element, key, values) {
    var text;
    try {
      text = JSON.parse(element.getAttribute("data-words") || "{}")[key];
    } catch (error) {
      text = undefined;
    }
    if (typeof text !== "string") return "";
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  }

  function entriesShownFor(platform) {
    var entries = document.querySelectorAll(".hc-faq-entry[data-platforms]");
    var shown = 0;
    entries.forEach(function (entry) {
      var platforms = entry.getAttribute("data-platforms").split(" ");
      if (platform === "all" || platforms.indexOf(platform) >= 0) {
        shown += 1;
      }
    });
    return { shown: shown, total: entries.length };
  }

  function setupFilter(form) {
    var status = form.querySelector("[data-faq-filter-status]");
    var radios = form.querySelectorAll('input[name="platform"]');

    function selected() {
      var checked = form.querySelector('input[name="platform"]:checked');
      return checked ? checked.value : "all";
    }

    function apply(updateAddress) {
      var platform = selected();
      // The CSS rule keyed on this attribute covers browsers without :has().
      if (platform === "all") {
        document.body.removeAttribute("data-faq-platform");
      } else {
        document.body.setAttribute("data-faq-platform", platform);
      }
      openPlatformTabs(platform);
      var count = entriesShownFor(platform);
      if (status) {
        status.textContent = words(form, platform === "all" ? "showing-all" : "showing-some", count);
      }
      if (updateAddress && window.history && window.history.replaceState) {
        var url = new URL(window.location.href);
        if (platform === "all") {
          url.searchParams.delete("platform");
        } else {
          url.searchParams.set("platform", platform);
        }
        window.history.replaceState(window.history.state, "", url.toString());
      }
    }

    // Answers with a tab per platform open on the chosen platform's tab.
    function openPlatformTabs(platform) {
      var name = { android: "Android", ios: "iOS" }[platform];
      if (!name) {
        return;
      }
      document.querySelectorAll(".tabbed-set > .tabbed-labels > label").forEach(function (label) {
        var input = document.getElementById(label.htmlFor);
        if (input && label.textContent.trim() === name) {
          input.checked = true;
        }
      });
    }

    function choose(platform) {
      radios.forEach(function (radio) {
        radio.checked = radio.value === platform;
      });
    }

    // A link to one answer must show it, whatever filter was chosen before.
    function revealLinkedAnswer() {
      var id = decodeURIComponent(window.location.hash.slice(1));
      var target = id ? document.getElementById(id) : null;
      if (target && target.offsetParent === null && selected() !== "all") {
        choose("all");
        apply(true);
        target.scrollIntoView();
      }
    }

    var requested = new URL(window.location.href).searchParams.get("platform");
    if (PLATFORMS.indexOf(requested) >= 0) {
      choose(requested);
    }
    radios.forEach(function (radio) {
      radio.addEventListener("change", function () {
        apply(true);
      });
    });
    apply(false);
    revealLinkedAnswer();
    window.addEventListener("hashchange", revealLinkedAnswer);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return Promise.reject(new Error("clipboard unavailable"));
  }

  function setupCopyButton(button) {
    var id = button.getAttribute("data-copy-link");
    var label = button.textContent;
    var timer = null;
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = new URL(window.location.href);
      url.search = "";
      url.hash = id;
      function show(message) {
        button.textContent = message;
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          button.textContent = label;
        }, 2500);
      }
      copyText(url.toString()).then(
        function () {
          show(words(button, "copied"));
        },
        function () {
          // No clipboard (e.g. plain http on another host): put the link in the address bar.
          window.location.hash = id;
          show(words(button, "in-address-bar"));
        }
      );
    });
  }

  function init() {
    var filter = document.querySelector("[data-faq-filter]");
    if (filter) {
      setupFilter(filter);
    }
    document.querySelectorAll("button[data-copy-link]").forEach(setupCopyButton);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
