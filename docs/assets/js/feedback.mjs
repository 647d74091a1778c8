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

const FAILED = "Sorry, that could not be sent. Please try again later.";

function setUpAnswer(widget) {
  const { feedbackEndpoint: endpoint, feedbackPage: page, feedbackAnchor: anchor } = widget.dataset;
  const vote = widget.querySelector(".hc-feedback-vote");
  const note = vote.nextElementSibling;
  const buttons = [...vote.querySelectorAll("[data-feedback-vote]")];
  const form = widget.querySelector(".hc-feedback-comment");
  const text = form.querySelector("textarea");
  const status = widget.querySelector(".hc-feedback-status");
  let busy = false;

  for (const button of buttons) {
    button.addEventListener("click", async () => {
      if (busy) return;
      busy = true;
      const helpful = button.dataset.feedbackVote === "yes";
      try {
        await send(endpoint, "vote", { page, anchor, helpful, lang: lang() });
      } catch {
        status.textContent = FAILED;
        busy = false;
        return;
      }
      vote.hidden = true;
      note.hidden = true;
      if (helpful) {
        status.textContent = "Thank you for telling us.";
        status.focus();
      } else {
        status.textContent = "Thank you. If you like, tell us what was missing.";
        form.hidden = false;
        text.focus();
      }
    });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const comment = text.value.trim();
    if (!comment) {
      status.textContent = "Write a few words first, or just leave it.";
      text.focus();
      return;
    }
    if (busy === "comment") return;
    busy = "comment";
    try {
      await send(endpoint, "comment", { page, anchor, comment, lang: lang() });
    } catch {
      status.textContent = FAILED;
      busy = true;
      return;
    }
    form.hidden = true;
    text.value = "";
    status.textContent = "Thank you: we read every note.";
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
      status.textContent = FAILED;
      button.disabled = false;
      return;
    }
    sentFor = terms;
    status.textContent = "Thank you: we will look at what you searched for.";
  });
  update();
}

for (const widget of document.querySelectorAll(".hc-feedback")) setUpAnswer(widget);
const searchBox = document.querySelector(".hc-feedback-search");
if (searchBox) setUpSearch(searchBox);
