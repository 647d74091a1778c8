// The link to this page in another language keeps the reader's place: when it is followed,
// the current #anchor goes along (FAQ ids and guide sections are the same in every language).
// Without scripts the link still leads to the same page, at its top.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("a[data-hc-language]");
  if (link && window.location.hash) link.hash = window.location.hash;
});
