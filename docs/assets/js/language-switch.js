// The link to this page in another language keeps the reader's place: when it is followed, the
// current query (the wizard's answers, the FAQ's platform) and #anchor go along; their values are
// codes and ids, the same in every language. Without scripts the link still leads to the same
// page, at its top.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("a[data-hc-language]");
  if (!link) return;
  if (window.location.search) link.search = window.location.search;
  if (window.location.hash) link.hash = window.location.hash;
});
