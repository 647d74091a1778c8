// "Did this help?" under each answer and "Tell us what you were looking for" in the search
// panel. Nothing is sent until the visitor presses a button, and then only what the line next
// to that button says, to the site's own collector. No cookie, no storage, no identifier.

const lang = () => document.documentElement.lang || "en";

async function send(endpoint, kind, payload) {
  const response = await fetch(`${endpoint}/${kind}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
    credentials: "omit",
    cache: "no-store",
    referrerPolicy: "no-referrer",
    mode: "same-origin",
  });
  if (!response.ok) throw new Error(`feedback: ${response.status}`);
}

// The words an element's data-words hands over, in the page's language (the templates
// helpcenter/templates/feedback/widget.html.j2 and theme/partials/feedback-search.html).
function pageWords(element) {
  let words = {};
  try {
    words = JSON.parse(element.dataset.words || "{}");
  } catch {
    // A broken attribute is a build error; the key still says which message it was.
  }
  return (key) => (typeof words[key] === "string" ? words[key] : key);
}

function setUpAnswer(widget) {
  const { feedbackEndpoint: endpoint, feedbackPage: page, feedbackAnchor: anchor } = widget.dataset;
  const vote = widget.querySelector(".hc-feedback-vote");
  const note = vote.nextElementSibling;
  const buttons = [...vote.querySelectorAll("[data-feedback-vote]")];
  const form = widget.querySelector(".hc-feedback-comment");
  const text = form.querySelector("textarea");
  const status = widget.querySelector(".hc-feedback-status");
  const t = pageWords(widget);
  let busy = false;

  for (const button of buttons) {
    button.addEventListener("click", async () => {
      if (busy) return;
      busy = true;
      const helpful = button.dataset.feedbackVote === "yes";
      try {
        await send(endpoint, "vote", { page, anchor, helpful, lang: lang() });
      } catch {
        status.textContent = t("failed");
        busy = false;
        return;
      }
      vote.hidden = true;
      note.hidden = true;
      if (helpful) {
        status.textContent = t("thanks-yes");
        status.focus();
      } else {
        status.textContent = t("thanks-no");
        form.hidden = false;
        text.focus();
      }
    });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const comment = text.value.trim();
    if (!comment) {
      status.textContent = t("write-first");
      text.focus();
      return;
    }
    if (busy === "comment") return;
    busy = "comment";
    try {
      await send(endpoint, "comment", { page, anchor, comment, lang: lang() });
    } catch {
      status.textContent = t("failed");
      busy = true;
      return;
    }
    form.hidden = true;
    text.value = "";
    status.textContent = t("thanks-comment");
    status.focus();
  });

  widget.hidden = false;
}

function noResultsText() {
  // Material's own wording for an empty result, from its configuration block.
  try {
    const config = JSON.parse(document.getElementById("__config").textContent);
    return (config.translations || {})["search.result.none"] || null;
  } catch {
    return null;
  }
}

function setUpSearch(box) {
  const input = document.querySelector("[data-md-component=search-query]");
  const result = document.querySelector("[data-md-component=search-result]");
  const none = noResultsText();
  if (!input || !result || !none) return;
  const meta = result.querySelector(".md-search-result__meta");
  const list = result.querySelector(".md-search-result__list");
  const button = box.querySelector("button");
  const status = box.querySelector(".hc-feedback-status");
  const max = Number(box.dataset.feedbackSearchMax) || 200;
  const t = pageWords(box);
  let sentFor = null;
  result.after(box);

  const update = () => {
    const terms = input.value.trim();
    const nothingFound =
      terms.length > 0 && list.childElementCount === 0 && meta.textContent.trim() === none;
    box.hidden = !nothingFound;
    if (terms !== sentFor) {
      button.disabled = false;
      status.textContent = "";
    }
  };
  new MutationObserver(update).observe(result, { childList: true, subtree: true, characterData: true });
  input.addEventListener("input", update);

  button.addEventListener("click", async () => {
    const terms = input.value.trim().slice(0, max);
    if (!terms || terms === sentFor) return;
    button.disabled = true;
    try {
      await send(box.dataset.feedbackEndpoint, "search", { terms, lang: lang() });
    } catch {
      status.textContent = t("failed");
      button.disabled = false;
      return;
    }
    sentFor = terms;
    status.textContent = t("thanks-search");
  });
  update();
}

for (const widget of document.querySelectorAll(".hc-feedback")) setUpAnswer(widget);
const searchBox = document.querySelector(".hc-feedback-search");
if (searchBox) setUpSearch(searchBox);
