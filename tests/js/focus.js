// Loaded by tests/test_reading.py: whether the focused element is something one can see.
(() => {
  let element = document.activeElement;
  const described = `${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""} ` +
    `"${(element.getAttribute("aria-label") || element.textContent).trim().slice(0, 30)}"`;
  const box0 = element.getBoundingClientRect();
  if (box0.width === 0 && element.matches("input[type=radio], input[type=checkbox]") &&
      element.nextElementSibling && element.nextElementSibling.matches("label")) {
    element = element.nextElementSibling;
  }
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const inside = box.width > 0 && box.height > 0 && box.left >= -1 && box.top >= -1 &&
    box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1;
  const hit = inside && document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  const onTop = !!hit && (hit === element || element.contains(hit) || hit.contains(element));
  return {
    described,
    role: element.getAttribute("role") || element.tagName.toLowerCase(),
    visible: inside && onTop && style.visibility === "visible" && Number(style.opacity) > 0.5,
    menu: element.classList.contains("hc-menu-button"),
  };
})
