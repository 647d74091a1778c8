// Loaded by tests/test_reading.py: what sticks out or is cut off on a narrow screen.
(() => {
  const width = document.documentElement.clientWidth;
  const shown = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === "none" || style.visibility === "hidden" || e.inert || e.hidden) {
        return false;
      }
      if (style.clipPath === "inset(50%)") return false;  // visually hidden, read aloud only
    }
    return element.getClientRects().length > 0;
  };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\s+/).join(".") : "");
  const faults = [];
  for (const element of document.querySelectorAll("body *")) {
    if (!shown(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right <= 0 || box.left >= width) continue;
    if (box.right > width + 1 || box.left < -1) {
      faults.push(`${name(element)} crosses the edge: ${Math.round(box.left)} to ${Math.round(box.right)}`);
      continue;
    }
    const overflow = getComputedStyle(element).overflowX;
    if (overflow !== "visible" && element.scrollWidth > element.clientWidth + 1) {
      const text = element.textContent.trim().replace(/\s+/g, " ").slice(0, 40);
      faults.push(`${name(element)} cuts off ${element.scrollWidth - element.clientWidth}px: ${text}`);
    }
  }
  return faults;
})
