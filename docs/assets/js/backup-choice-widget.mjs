// The backup wizard on /tools/backup-choice/ (markup: helpcenter/templates/pages/
// tools-backup-choice.md.j2). One question at a time; the answers live in the URL query with
// the spec's input names (?from=android&to=ios&old-device=lost&keep=id,chats&have=threema-safe),
// so a link opens on the finished answer and the browser's Back steps through the questions.
// The result element carries data-state, data-options (best first) and data-lost for tests.
// Every sentence of the answer comes from Python (checkers/choice_report.py); this file only
// shows the report's fields. The worker fetches the catalog and its words itself, at start.
import { CheckerUnavailable, SITE_ROOT, checkersClient } from "./checkers-client.mjs";
import { h, pageWords } from "./dom.mjs";

const QUESTIONS = ["from", "to", "old-device", "keep", "have"];
const MULTIPLE = new Set(["keep", "have"]); // comma-separated sets

// The questions that apply: `have` matters only when the old phone is gone.
function askedQuestions(answers) {
  return QUESTIONS.filter((name) => name !== "have" || answers.get("old-device") === "lost");
}

// A query string that keeps commas readable: ?keep=id,chats rather than id%2Cchats.
function queryOf(answers) {
  const parts = [];
  for (const name of QUESTIONS) {
    if (!answers.has(name)) continue;
    const value = answers.get(name).split(",").map(encodeURIComponent).join(",");
    parts.push(`${name}=${value}`);
  }
  return parts.length ? `?${parts.join("&")}` : location.pathname;
}

// Options whose backup a checker of this site can test: before the old phone is reset, or,
// when it is lost already, before the backup is restored. The link's words (keys of the
// template's words, [old phone at hand, old phone lost]) are in the page's language.
const OPTION_CHECKERS = {
  "data-backup": ["tools/data-backup/", ["check-data-backup", "check-data-backup-lost"]],
};

function checkerLink(option, oldPhoneLost, t) {
  if (!(option in OPTION_CHECKERS)) return null;
  const [path, [atHand, lost]] = OPTION_CHECKERS[option];
  const words = t(oldPhoneLost ? lost : atHand);
  return h("p", {}, h("a", { href: new URL(path, SITE_ROOT).href }, words));
}

class BackupChoiceWidget {
  constructor(root) {
    this.root = root;
    // The words around the checkers' answer, in the page's language (from the template).
    this.t = pageWords(root);
    this.form = root.querySelector("#backup-choice-form");
    this.result = root.querySelector("#backup-choice-result");
    this.backButton = root.querySelector("#backup-choice-back");
    this.nextButton = root.querySelector("#backup-choice-next");
    this.status = root.querySelector("#backup-choice-announce");
    this.renderToken = 0;
    this.announced = ""; // the answer last announced, so that it is announced once
  }

  start() {
    performance.mark("checkers:wizard-start"); // for the start-up benchmark (a time, nothing else)
    this.client = checkersClient(); // start loading now: the answer is a few clicks away
    this.loaded = false;
    this.failed = false;
    this.client.ready.then(
      () => {
        this.loaded = true;
      },
      (error) => this.fail(error), // say so at once, not after the last question
    );
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.next();
    });
    this.backButton.addEventListener("click", () => this.back());
    window.addEventListener("popstate", () => this.render(true));
    this.render(false);
  }

  section(name) {
    return this.form.querySelector(`.hc-step[data-step="${name}"]`);
  }

  inputs(name) {
    return [...this.form.querySelectorAll(`input[name="${name}"]`)];
  }

  // The answers in the URL; an answer with a value the question does not offer is dropped
  // and its question asked again, with a note saying why.
  readAnswers() {
    const query = new URLSearchParams(location.search);
    const answers = new Map();
    const invalid = new Map();
    for (const name of QUESTIONS) {
      if (!query.has(name)) continue;
      // A repeated parameter (have=a&have=b, as a form would send it) counts as a list.
      const value = query.getAll(name).join(",").trim().toLowerCase();
      const allowed = this.inputs(name).map((input) => input.value);
      const values = MULTIPLE.has(name)
        ? value
            .split(",")
            .map((v) => v.trim())
            .filter(Boolean)
        : [value];
      const unknown = values.filter((v) => !allowed.includes(v));
      if (unknown.length || (!MULTIPLE.has(name) && values.length !== 1)) {
        invalid.set(name, this.t("link-answer-unknown", { value: unknown.join(", ") || value }));
      } else if (name === "keep" && values.length === 0) {
        invalid.set(name, this.t("link-keeps-nothing"));
      } else {
        answers.set(name, values.join(","));
      }
    }
    return { answers, invalid };
  }

  currentQuestion(answers) {
    return askedQuestions(answers).find((name) => !answers.has(name)) || null;
  }

  // Show the URL's answers in the form, so going back shows what was chosen.
  fillForm(answers) {
    for (const name of answers.keys()) {
      const chosen = answers.get(name).split(",");
      for (const input of this.inputs(name)) input.checked = chosen.includes(input.value);
    }
    const from = answers.get("from");
    const to = answers.get("to");
    // Only backups that could move between these two phones are worth asking about.
    for (const choice of this.section("have").querySelectorAll(".hc-choice[data-from]")) {
      const fits =
        (!from || choice.dataset.from.split(" ").includes(from)) &&
        (!to || choice.dataset.to.split(" ").includes(to));
      choice.hidden = !fits;
      if (!fits) choice.querySelector("input").checked = false;
    }
  }

  render(moveFocus) {
    this.renderToken += 1;
    if (this.failed) return;
    const { answers, invalid } = this.readAnswers();
    this.fillForm(answers);
    for (const name of QUESTIONS) {
      this.root.querySelector(`#backup-choice-error-${name}`).textContent = invalid.get(name) || "";
    }
    const question = this.currentQuestion(answers);
    if (question === null) {
      this.form.hidden = true;
      this.showAnswer(answers, moveFocus);
      return;
    }
    this.result.hidden = true;
    Object.assign(this.result.dataset, { state: "ready", options: "", lost: "" });
    this.form.hidden = false;
    for (const name of QUESTIONS) this.section(name).hidden = name !== question;
    this.backButton.hidden = question === QUESTIONS[0];
    // The last question's button says what comes next: the answer, not another question.
    const asked = askedQuestions(answers);
    this.nextButton.textContent = this.t(question === asked[asked.length - 1] ? "show-answer" : "next");
    if (moveFocus) this.section(question).querySelector("h2").focus();
  }

  // The chosen value of a question, or null (with a message) when nothing fits.
  chosenValue(name) {
    const checked = this.inputs(name).filter(
      (input) => input.checked && !input.closest("[hidden]"),
    );
    const error = this.root.querySelector(`#backup-choice-error-${name}`);
    if (!MULTIPLE.has(name) && checked.length !== 1) {
      error.textContent = this.t("choose-one");
      return null;
    }
    if (name === "keep" && checked.length === 0) {
      error.textContent = this.t("keep-one");
      return null;
    }
    error.textContent = "";
    return checked.map((input) => input.value).join(",");
  }

  next() {
    const { answers } = this.readAnswers();
    const question = this.currentQuestion(answers);
    if (question === null) return;
    const value = this.chosenValue(question);
    if (value === null) {
      this.inputs(question)[0].focus();
      return;
    }
    answers.set(question, value);
    history.pushState({ backupChoice: true }, "", queryOf(answers));
    this.render(true);
  }

  // One question back: the browser's own Back when the wizard put the step in the history,
  // else (opened from a link) drop the last answer.
  back() {
    if (history.state && history.state.backupChoice) {
      history.back();
      return;
    }
    const { answers } = this.readAnswers();
    const answered = askedQuestions(answers).filter((name) => answers.has(name));
    const current = this.currentQuestion(answers);
    const previous =
      current === null
        ? answered[answered.length - 1]
        : answered[answered.indexOf(current) - 1] || answered[answered.length - 1];
    if (previous === undefined) return;
    for (const name of QUESTIONS.slice(QUESTIONS.indexOf(previous))) answers.delete(name);
    history.replaceState(null, "", queryOf(answers));
    this.render(true);
  }

  setResult(state, ...content) {
    this.result.hidden = false;
    this.result.dataset.state = state;
    this.result.setAttribute("aria-busy", String(state === "loading" || state === "working"));
    this.result.replaceChildren(...content);
  }

  async showAnswer(answers, moveFocus) {
    const token = this.renderToken;
    this.result.dataset.options = "";
    this.result.dataset.lost = "";
    const heading = () => h("h2", { tabIndex: -1 }, this.t("your-answer"));
    if (this.loaded) this.setResult("working", heading(), h("p", {}, this.t("working")));
    else {
      this.setResult(
        "loading",
        heading(),
        h("p", {}, this.t("loading")),
      );
    }
    // The form is hidden now: focus goes to the answer's heading rather than being lost.
    if (moveFocus) this.result.querySelector("h2").focus();
    try {
      // Only the questions asked: `have` means nothing while the old phone is at hand. Sent at
      // once: a shared link's answer is asked for while Python starts.
      const asked = askedQuestions(answers);
      const inputs = Object.fromEntries([...answers].filter(([name]) => asked.includes(name)));
      performance.mark("checkers:choose-sent");
      const reply = await this.client.send("choose", { inputs });
      performance.mark("checkers:choose-answered");
      if (token !== this.renderToken) return;
      if (reply.unavailable) throw new CheckerUnavailable("load-failed", reply.unavailable);
      const focused = this.result.contains(document.activeElement);
      if (reply.error) this.showInputError(reply.error, answers);
      else this.showReport(reply.report, answers.get("old-device") === "lost");
      if (moveFocus || focused) this.result.querySelector("h2").focus();
    } catch (error) {
      if (token === this.renderToken) this.fail(error);
    }
  }

  // The report of checkers/choice_report.py: `answer` (the spec's JSON) and `view` (words);
  // `oldPhoneLost`: the answer to "old-device" was "lost".
  showReport(report, oldPhoneLost) {
    const { answer, view } = report;
    this.result.dataset.options = answer.recommendations.map((r) => r.option).join(" ");
    this.result.dataset.lost = answer.lost.join(" ");
    const content = [
      h("h2", { tabIndex: -1 }, this.t("what-fits")),
      h("p", {}, view.headline),
      h(
        "ol",
        { className: "hc-recommendations" },
        answer.recommendations.map((recommendation, index) =>
          this.recommendationItem(recommendation, view.recommendations[index], oldPhoneLost),
        ),
      ),
      h("h3", {}, this.t("not-along")),
      h("p", { className: "hc-lost" }, view.lost),
    ];
    if (answer.notes.length) {
      content.push(
        h("h3", {}, this.t("good-to-know")),
        h(
          "ul",
          { className: "hc-notes" },
          answer.notes.map((note) => h("li", { "data-code": note.code }, note.message)),
        ),
      );
    }
    content.push(this.navigation());
    this.setResult("done", ...content);
    this.announce(view.announcement);
  }

  // Said once by screen readers when the answer changes (not on every re-render of the same).
  announce(text) {
    if (text === this.announced) return;
    this.announced = text;
    this.status.textContent = text;
  }

  guideLink(link, className) {
    const href = new URL(link.href.replace(/^\//, ""), SITE_ROOT).href;
    return h("p", { className }, h("strong", {}, link.lead), " ", h("a", { href }, link.title));
  }

  recommendationItem(recommendation, shown, oldPhoneLost) {
    const steps = [this.guideLink(shown.guide, "hc-guide")];
    if (shown.restore_guide) steps.push(this.guideLink(shown.restore_guide, "hc-restore-guide"));
    return h(
      "li",
      { "data-option": recommendation.option },
      h("h3", {}, shown.name),
      h("p", {}, recommendation.why),
      h("p", {}, h("strong", {}, this.t("takes-along")), shown.carries),
      ...steps,
      checkerLink(recommendation.option, oldPhoneLost, this.t),
    );
  }

  showInputError(error, answers) {
    const question = QUESTIONS.includes(error.input) ? error.input : QUESTIONS[0];
    const again = h("button", { type: "button", className: "md-button" }, this.t("answer-again"));
    again.addEventListener("click", () => {
      for (const name of QUESTIONS.slice(QUESTIONS.indexOf(question))) answers.delete(name);
      history.pushState({ backupChoice: true }, "", queryOf(answers));
      this.render(true);
    });
    this.setResult(
      "error",
      h("h2", { tabIndex: -1 }, this.t("does-not-fit")),
      h("p", {}, error.message),
      h("p", {}, again),
    );
  }

  navigation() {
    const change = h("button", { type: "button", className: "md-button" }, this.t("change-last"));
    change.addEventListener("click", () => this.back());
    const restart = h("button", { type: "button", className: "md-button" }, this.t("start-again"));
    restart.addEventListener("click", () => {
      // Nothing of the old answers stays: not in the address, not ticked in the form.
      this.form.reset();
      this.announced = "";
      this.status.textContent = "";
      history.pushState({ backupChoice: true }, "", location.pathname);
      this.render(true);
    });
    return h("p", { className: "hc-step-nav" }, change, " ", restart);
  }

  fail(error) {
    this.failed = true;
    // Hiding the form under a keyboard reader's focus would drop it to the page's start.
    const hadFocus = this.form.contains(document.activeElement);
    this.form.hidden = true;
    const reason =
      error instanceof CheckerUnavailable ? error.message : this.t("could-not-work-out");
    this.setResult(
      "error",
      h("h2", { tabIndex: -1 }, this.t("cannot-show")),
      h("p", {}, this.t("answers-kept", { reason })),
      h(
        "p",
        {},
        this.t("without-before"),
        h("a", { href: "#without-wizard" }, this.t("without-link")),
        this.t("without-after"),
      ),
    );
    if (hadFocus) this.result.querySelector("h2").focus();
  }
}

function init() {
  const root = document.getElementById("backup-choice-widget");
  if (root && !root.dataset.started) {
    root.dataset.started = "true";
    new BackupChoiceWidget(root).start();
  }
}

init();
