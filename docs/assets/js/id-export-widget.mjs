// The ID-export validator on /tools/id-export/ (markup: helpcenter/templates/pages/
// tools-id-export.md.j2). Live feedback while typing (a started export is not yet a mistake),
// the full check only on the button, a QR code read from a picture. The worker answers with the
// validator's report (checkers/idexport_report.py): this module only renders it, it never reads
// the text itself. The result element carries data-state (loading, ready, working, done, error),
// data-tone, data-ok, data-kind, data-identity and data-problems for tests.
// Nothing typed is sent anywhere, stored or logged: it goes only to this page's worker.
import { CheckerUnavailable, checkersClient } from "./checkers-client.mjs";
import { disableKeepingFocus, h, pageWords, revealStart } from "./dom.mjs";
import { loadDecoder, readQrPicture } from "./qr-picture.mjs";

const LIVE_DELAY_MS = 250; // typing pause before the structure check runs

class IdExportWidget {
  constructor(root) {
    this.root = root;
    // The words around the checkers' messages, in the page's language (from the template).
    this.t = pageWords(root);
    this.form = root.querySelector("#id-export-form");
    this.input = root.querySelector("#id-export-input");
    this.password = root.querySelector("#id-export-password");
    this.button = root.querySelector("#id-export-check");
    this.result = root.querySelector("#id-export-result");
    this.groups = root.querySelector("#id-export-groups");
    this.live = root.querySelector("#id-export-live");
    this.status = root.querySelector("#id-export-announce");
    this.picture = root.querySelector("#id-export-picture");
    this.pictureStatus = root.querySelector("#id-export-picture-status");
    this.liveTimer = 0;
    this.liveToken = 0;
    this.checkToken = 0;
    this.checkQueued = false;
  }

  start() {
    this.form.hidden = false;
    this.result.hidden = false;
    this.client = checkersClient();
    // The picture decoder is compiled once the checkers have started (or failed), not beside
    // them: on a phone the two would share its few cores. A picture chosen before that loads
    // it at once; the offline cache holds its files either way (helpcenter/offline.py).
    const decoderAfterStart = () => loadDecoder().catch(() => {});
    this.setState(
      "loading",
      h("p", {}, this.t("loading")),
    );
    this.client.ready.then(
      () => {
        this.showReady();
        this.announce(this.t("ready-announce"));
        if (this.checkQueued) this.check(); // asked for while it was loading
      },
      (error) => this.fail(error),
    );
    this.client.ready.then(decoderAfterStart, decoderAfterStart);
    this.input.addEventListener("input", () => this.textChanged());
    this.password.addEventListener("input", () => this.clearVerdict());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check();
    });
    this.picture.addEventListener("change", () => this.readPicture());
    if (this.input.value) this.textChanged(); // text kept by the browser on reload
  }

  // Says `text` once through the page's status region (for changes that move no focus).
  announce(text) {
    this.status.textContent = "";
    this.status.textContent = text;
  }

  setState(state, ...content) {
    this.state = state;
    this.result.dataset.state = state;
    this.result.setAttribute("aria-busy", String(state === "working" || state === "loading"));
    this.result.replaceChildren(...content);
  }

  setVerdictData(verdict, tone = "") {
    const data = this.result.dataset;
    data.tone = tone;
    data.ok = verdict ? String(verdict.ok) : "";
    data.kind = verdict ? verdict.kind : "";
    data.identity = verdict && verdict.identity ? verdict.identity : "";
    data.problems = verdict ? verdict.problems.map((problem) => problem.code).join(" ") : "";
  }

  showReady() {
    this.setVerdictData(null);
    this.setState(
      "ready",
      h("p", {}, this.t("ready")),
    );
  }

  clearVerdict() {
    this.checkToken += 1; // a check still running would now answer for old text
    if (this.state === "done" || this.state === "working") this.showReady();
  }

  textChanged() {
    this.clearVerdict();
    clearTimeout(this.liveTimer);
    // data-state on the live line says whether it answers for the text in the field (tests
    // wait for it: the groups it shows move the controls below).
    this.live.dataset.state = "pending";
    this.liveTimer = setTimeout(() => this.liveCheck(), LIVE_DELAY_MS);
  }

  async liveCheck() {
    const text = this.input.value;
    this.liveToken += 1;
    const token = this.liveToken;
    if (!text.trim()) {
      this.groups.replaceChildren();
      this.live.textContent = "";
      this.live.dataset.state = "done";
      return;
    }
    try {
      const report = await this.client.call("live", { text });
      if (token !== this.liveToken) return;
      this.groups.replaceChildren(...this.groupChips(report.groups));
      this.live.textContent = report.summary || "";
    } catch (error) {
      if (token !== this.liveToken) return;
      if (!(error instanceof CheckerUnavailable)) this.live.textContent = "";
    }
    this.live.dataset.state = "done";
  }

  groupChips(groups) {
    return groups.map((group, index) =>
      h(
        "span",
        {
          className: group.flagged ? "hc-group hc-group--flagged" : "hc-group",
          title: this.t("group", { n: index + 1 }),
        },
        group.text,
      ),
    );
  }

  async check() {
    if (this.state === "error") return;
    clearTimeout(this.liveTimer);
    const text = this.input.value;
    const password = this.password.value;
    if (this.state === "loading") {
      this.checkQueued = true;
      this.setState(
        "loading",
        h("p", {}, this.t("still-loading")),
      );
      return;
    }
    this.checkQueued = false;
    this.checkToken += 1;
    const token = this.checkToken;
    this.setVerdictData(null);
    this.setState(
      "working",
      h("p", {}, this.t(password ? "checking-password" : "checking")),
    );
    revealStart(this.result); // below the screen's edge, a check would seem to do nothing
    try {
      const report = await this.client.call("check", { text, password });
      if (token !== this.checkToken) return;
      this.showVerdict(report);
      // Said once through the status region; focus stays on Check, right before the result.
      this.announce(report.headline);
      this.liveCheck();
    } catch (error) {
      if (token !== this.checkToken) return;
      if (error instanceof CheckerUnavailable) this.fail(error);
      else
        this.setState(
          "error",
          h("p", {}, this.t("stopped", { reason: error.message })),
        );
    }
  }

  showVerdict(report) {
    const verdict = report.verdict;
    this.setVerdictData(verdict, report.tone);
    const content = [
      h("p", { className: "hc-verdict-headline" }, h("strong", {}, report.headline)),
    ];
    if (verdict.public_key) {
      // Only for those who ask for it (issue 15: plain words first).
      content.push(
        h(
          "details",
          { className: "hc-details" },
          h("summary", {}, this.t("details")),
          h(
            "p",
            {},
            this.t("public-key"),
            h("code", { className: "hc-key" }, verdict.public_key),
          ),
        ),
      );
    }
    if (verdict.ok && verdict.normalized && !verdict.identity) {
      content.push(h("p", {}, this.t("enter-password")));
    }
    if (hasProblem(verdict, "kdf-unavailable")) {
      content.push(
        h(
          "p",
          {},
          this.t("kdf-unavailable"),
          h("a", { href: "#by-hand" }, this.t("kdf-unavailable-link")),
          this.t("sentence-end"),
        ),
      );
    }
    if (verdict.problems.length) {
      content.push(
        h(
          "ul",
          { className: "hc-problems" },
          verdict.problems.map((problem, index) =>
            this.problemItem(problem, report.problems[index], report.groups),
          ),
        ),
      );
    }
    if (report.offer) {
      // Only when it differs from what was pasted (issue 15: no false reassurance).
      content.push(
        h(
          "p",
          {},
          this.t("offer"),
          h("code", { className: "hc-export" }, report.offer),
        ),
      );
    }
    this.setState("done", ...content);
  }

  problemItem(problem, shown, groups) {
    const fixes = shown.corrections;
    const warning = problem.severity === "warning";
    const item = h(
      "li",
      {
        className: `hc-problem hc-problem--${warning ? "warning" : "error"}`,
        "data-code": problem.code,
      },
      h("p", {}, h("strong", {}, this.t(warning ? "note" : "problem")), problem.message),
    );
    if (shown.place) item.append(inPlace(groups, shown.place, this.t));
    if (problem.suggestion) {
      item.append(
        h("p", {}, this.t("suggested"), h("code", { className: "hc-export" }, problem.suggestion)),
      );
    }
    if (fixes.length === 1) {
      const label = this.t(problem.code === "reformatted" ? "use-form" : "use-correction");
      item.append(h("p", {}, this.correctionButton(label, fixes[0])));
    } else if (fixes.length > 1) {
      // Several fixes open the export; numbered as the message lists them.
      item.append(
        h(
          "ol",
          { className: "hc-candidates" },
          fixes.map((fix, index) =>
            h(
              "li",
              {},
              h("code", { className: "hc-export" }, fix),
              " ",
              this.correctionButton(this.t("use-correction-n", { n: index + 1 }), fix),
            ),
          ),
        ),
      );
    }
    return item;
  }

  correctionButton(label, text) {
    const button = h("button", { type: "button", className: "md-button hc-use-correction" }, label);
    button.addEventListener("click", () => this.useCorrection(text));
    return button;
  }

  // The corrected text is checked at once, with the password in the field: the verdict that
  // offered the correction gives way to the corrected text's own, not to the start-up text
  // (which looked as if the click had done nothing). Focus goes to Check: the button clicked
  // is gone with the old verdict.
  useCorrection(text) {
    this.input.value = text;
    this.live.textContent = this.t("corrected");
    this.button.focus();
    this.check();
  }

  async readPicture() {
    const file = this.picture.files[0];
    if (!file) return;
    this.pictureStatus.textContent = this.t("reading-picture");
    try {
      const text = await readQrPicture(file);
      if (text) {
        this.input.value = text;
        this.textChanged();
        this.pictureStatus.textContent = this.t("picture-read");
      } else {
        this.pictureStatus.textContent = this.t("no-qr");
      }
    } catch {
      this.pictureStatus.textContent = this.t("picture-unreadable");
    } finally {
      this.picture.value = ""; // the picture is not kept
    }
  }

  fail(error) {
    this.setVerdictData(null);
    const reason =
      error instanceof CheckerUnavailable ? error.message : this.t("could-not-start");
    this.announce(this.t("cannot-run", { reason }));
    this.setState(
      "error",
      h("p", {}, h("strong", {}, this.t("cannot-run", { reason }))),
      h(
        "p",
        {},
        this.t("by-hand-before"),
        h("a", { href: "#by-hand" }, this.t("by-hand-link")),
        this.t("by-hand-after"),
      ),
    );
    disableKeepingFocus(this.button, this.result.firstElementChild);
  }
}

function hasProblem(verdict, code) {
  return verdict.problems.some((problem) => problem.code === code);
}


// The problem's place shown in the groups as pasted: its group and neighbours, the character
// marked (after the group's last character when something is missing at its end).
function inPlace(groups, place, t) {
  const shown = [];
  const last = Math.min(groups.length - 1, place.group + 1);
  for (let i = Math.max(0, place.group - 1); i <= last; i += 1) {
    const text = groups[i].text;
    if (i !== place.group) {
      shown.push(h("span", { className: "hc-group" }, text));
      continue;
    }
    const at = place.offset;
    shown.push(
      h(
        "span",
        { className: "hc-group hc-group--flagged" },
        text.slice(0, at),
        h("mark", {}, text.charAt(at) || "\u2003"),
        text.slice(at + 1),
      ),
    );
  }
  // Numbered only where the text's own groups before it are fours, so that its numbers are
  // the message's: "hello my password is 1234" has "1234" as its 5th word, while the message
  // counts the 2nd character of the 5th group of four (a walkthrough read that as two places).
  const aligned = groups.slice(0, place.group).every((group) => group.text.length === 4);
  let where = t("in-place-plain");
  if (aligned) {
    where =
      place.offset < groups[place.group].text.length
        ? t("in-place", { group: place.group + 1, character: place.offset + 1 })
        : t("at-group-end", { group: place.group + 1 });
  }
  return h("p", { className: "hc-in-place" }, where, h("span", { className: "hc-groups" }, shown));
}

function init() {
  const root = document.getElementById("id-export-widget");
  if (root && !root.dataset.started) {
    root.dataset.started = "true";
    new IdExportWidget(root).start();
  }
}

init();
