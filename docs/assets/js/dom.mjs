// DOM helpers shared by the widgets (no inline markup strings: text is always set as text).

// A small element builder: h("p", {className: "x"}, "text", child, ...).
export function h(tag, properties = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(properties)) {
    if (key.startsWith("data-") || key.startsWith("aria-")) element.setAttribute(key, value);
    else element[key] = value;
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

// The words a widget shows around the checkers' messages, from its template (data-words, in
// the page's language): t("key", {name: value}) fills in {name}. A key the template lacks is
// a programming error, said as such rather than shown as a blank.
export function pageWords(root) {
  const words = JSON.parse(root.dataset.words || "{}");
  return (key, values = {}) => {
    const text = words[key];
    if (typeof text !== "string") throw new Error(`no words for "${key}" in the page`);
    return text.replace(/\{(\w+)\}/g, (whole, name) =>
      name in values ? String(values[name]) : whole,
    );
  };
}

// Disables a control without letting keyboard focus fall back to the page's start (the HTML
// "focus fixup" moves it there when the focused element stops being focusable, WCAG 2.4.3):
// if the control had the focus, `target` takes it (made focusable from script where needed).
export function disableKeepingFocus(control, target) {
  const hadFocus = document.activeElement === control;
  control.disabled = true;
  if (!hadFocus || !target) return;
  if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.focus();
}

// Scrolls `element` so that its start is in sight, when it is not (a result that appears below
// the screen's edge after a button press would go unseen); the focus stays where it is, and in
// sight too when it can be: the control that started the check (Check, or the field Enter was
// pressed in) lies above the result, and is put at the top when the result's start then still
// fits below it. At once, not smoothly: an animation's frames would share the device with the
// check itself.
export function revealStart(element, focused = document.activeElement) {
  const top = element.getBoundingClientRect().top;
  const margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
  if (top >= margin && top < window.innerHeight - 2 * margin) return;
  if (focused && focused !== document.body && !element.contains(focused)) {
    const from = focused.getBoundingClientRect().top;
    if (from <= top && top - from < window.innerHeight - 3 * margin) {
      window.scrollBy({ top: from - margin, behavior: "instant" });
      return;
    }
  }
  element.scrollIntoView({ block: "start", behavior: "instant" });
}
