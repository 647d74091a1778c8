// The Android data-backup checker on /tools/data-backup/ (markup: helpcenter/templates/pages/
// tools-data-backup.md.j2). The chosen File goes to this page's worker, where Python reads only
// the slices it needs (checkers/bridge.py); the file is never uploaded or stored.
// Two stages: as soon as a file is chosen, the worker reads what needs no password (its table
// of contents and the entries the password will open: "data-backup-open"); pressing Check then
// runs only the password's part ("data-backup-check") on that file's bytes. Each file chosen is
// a new generation: an answer for an earlier file, or an earlier password, is never shown.
// The result element carries data-state (loading, ready, reading, read, working, done, error),
// data-ok, data-kind, data-identity, data-problems, data-tone and data-bytes-read (how much was
// read); in the state "read" (the file read, the password not yet tried) data-ok is "" unless
// the file's problems need no password ("false").
import { CheckerUnavailable, checkersClient } from "./checkers-client.mjs";
import { disableKeepingFocus, h, pageWords, revealStart } from "./dom.mjs";

// How long a check of a file read already may take before the page says it is checking: one
// that answers sooner goes straight to its answer, without a "Checking" line flashing past (a
// screen reader waits for the answer alone) and without a repaint that, on a phone's few cores,
// would share the CPU with the key derivations the answer waits for. The widget's
// data-working-delay (milliseconds) sets another.
const WORKING_DELAY_MS = 200;

class DataBackupWidget {
  constructor(root) {
    this.root = root;
    // The words around the checkers' report, in the page's language (from the template).
    this.t = pageWords(root);
    this.form = root.querySelector("#data-backup-form");
    this.file = root.querySelector("#data-backup-file");
    this.password = root.querySelector("#data-backup-password");
    this.result = root.querySelector("#data-backup-result");
    this.checkToken = 0;
    this.checkQueued = false;
    this.generation = 0; // files read so far; the worker keeps the newest under its number
    this.opening = null; // the read of the file chosen last: {generation, file, promise, ...}
    this.passwordSeen = this.password.value; // the field's value at the last change seen
  }

  start() {
    this.form.hidden = false;
    this.result.hidden = false;
    this.client = checkersClient();
    this.setState(
      "loading",
      h("p", {}, this.t("loading")),
    );
    this.client.ready.then(
      () => {
        this.showReady();
        const file = this.chosenFile(); // chosen while the check loaded, or kept by the browser
        if (file) this.openFile(file);
        if (this.checkQueued) this.check();
      },
      (error) => this.fail(error),
    );
    this.file.addEventListener("change", () => this.fileChanged());
    // Typed, pasted or filled in by a password manager that says so only on "change".
    this.password.addEventListener("input", () => this.passwordChanged());
    this.password.addEventListener("change", () => this.passwordChanged());
    // The Check button's click (also what Enter in a field gives) starts the check before the
    // click reaches the theme's listeners on the document; cancelled, it submits nothing.
    this.form.querySelector("#data-backup-check").addEventListener("click", (event) => {
      event.preventDefault();
      this.check();
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check();
    });
  }

  chosenFile() {
    return (this.file.files && this.file.files[0]) || null;
  }

  setState(state, ...content) {
    this.state = state;
    this.result.dataset.state = state;
    this.markBusy();
    this.result.replaceChildren(...content);
  }

  // aria-busy as the state says (a check begun marks it busy before its state shows: check).
  markBusy() {
    const busy = ["working", "loading", "reading"].includes(this.state);
    this.result.setAttribute("aria-busy", String(busy));
  }

  setReportData(report) {
    const data = this.result.dataset;
    data.ok = report ? String(report.ok) : "";
    data.kind = report ? report.kind : "";
    data.identity = report && report.identity ? report.identity : "";
    data.problems = report ? report.findings.map((finding) => finding.code).join(" ") : "";
    data.bytesRead = report ? String(report.read.bytes) : "";
    data.tone = report ? report.tone : "";
    if (report && report.stage === "read" && !report.final) data.ok = ""; // not decided yet
  }

  showReady() {
    this.setReportData(null);
    this.setState(
      "ready",
      h("p", {}, this.t("ready")),
    );
  }

  fileChanged() {
    this.checkToken += 1; // a check still running answers for the file chosen before
    this.opening = null;
    if (this.state === "loading" || this.unavailable) return; // read once ready, or never
    const file = this.chosenFile();
    if (file) this.openFile(file);
    else this.showReady();
  }

  passwordChanged() {
    // "change" after "input" (the field left) is the same password: a check it started runs on.
    if (this.password.value === this.passwordSeen) return;
    this.passwordSeen = this.password.value;
    this.checkToken += 1; // a check still running answers for the password typed before
    if (this.state === "done" || this.state === "working") this.showOpening();
    else this.markBusy(); // a check begun, not yet showing, is dropped
  }

  // Reads `file` without its password in the worker, as a new generation; shows what it found
  // unless a check has started meanwhile (which waits for it).
  openFile(file) {
    this.generation += 1;
    const opening = { generation: this.generation, file, early: null, failure: null };
    opening.promise = this.client
      .call("data-backup-open", { file, generation: opening.generation })
      .then(
        (early) => {
          opening.early = early;
        },
        (error) => {
          opening.failure = error;
        },
      )
      .then(() => {
        opening.settled = true;
        if (this.opening === opening && this.state === "reading") this.showOpening();
      });
    this.opening = opening;
    this.setReportData(null);
    this.setState("reading", h("p", {}, this.t("reading")));
    return opening;
  }

  // What is known of the chosen file before the password is tried.
  showOpening() {
    const opening = this.opening;
    if (!opening) this.showReady();
    else if (!opening.settled) {
      this.setReportData(null);
      this.setState("reading", h("p", {}, this.t("reading")));
    } else if (opening.failure) this.stopped(opening.failure);
    else if (opening.early.error) this.unreadable("read");
    else this.showReport(opening.early, "read");
  }

  async check() {
    if (this.unavailable) return;
    const file = this.chosenFile();
    if (!file) {
      this.setReportData(null);
      this.setState("ready", h("p", {}, this.t("choose-file")));
      this.file.focus();
      return;
    }
    if (this.state === "loading") {
      this.checkQueued = true;
      this.setState(
        "loading",
        h("p", {}, this.t("still-loading")),
      );
      return;
    }
    this.checkQueued = false;
    let opening = this.opening;
    const readAgain = opening && opening.settled && (opening.failure || opening.early.error);
    if (!opening || opening.file !== file || readAgain) opening = this.openFile(file);
    this.checkToken += 1;
    const token = this.checkToken;
    const password = this.password.value;
    const generation = opening.generation;
    // A file read already is checked at once, before the page changes: the keys take the
    // worker's time, and its answer need not wait for this page's work below.
    const readWell = opening.settled && !opening.failure && !opening.early.error;
    const ask = () => this.client.send("data-backup-check", { generation, password });
    const asked = readWell ? ask() : null;
    if (asked) asked.catch(() => {}); // awaited below, unless another check starts first
    let working = false;
    const showWorking = () => {
      if (token !== this.checkToken) return;
      working = true;
      this.setReportData(null);
      this.setState("working", h("p", {}, this.t(password ? "checking-password" : "checking")));
      revealStart(this.result); // below the screen's edge, a check would seem to do nothing
    };
    // A file still being read says so at once: its check waits for that read. Otherwise the
    // status region is only marked busy (assistive technology waits for the answer; nothing
    // on the screen changes).
    if (asked) this.result.setAttribute("aria-busy", "true");
    const delay = Number(this.root.dataset.workingDelay ?? WORKING_DELAY_MS);
    const timer = asked ? setTimeout(showWorking, delay) : showWorking();
    try {
      await opening.promise; // the file's read, begun when it was chosen
      if (token !== this.checkToken) return;
      if (opening.failure) throw opening.failure;
      if (opening.early.error) {
        this.unreadable();
        return;
      }
      const report = await (asked || ask());
      if (token !== this.checkToken || opening !== this.opening) return;
      if (report.error) this.unreadable();
      else this.showReport(report);
    } catch (error) {
      if (token !== this.checkToken) return;
      this.stopped(error);
    } finally {
      clearTimeout(timer);
    }
    // Answered without the "Checking" line: the answer is brought into sight instead, in the
    // frame that lays it out.
    if (!working) requestAnimationFrame(() => revealStart(this.result));
  }

  stopped(error) {
    if (error instanceof CheckerUnavailable) this.fail(error);
    else
      this.setState(
        "error",
        h("p", {}, this.t("stopped", { reason: error.message })),
      );
  }

  unreadable(state = "done") {
    this.setReportData(null);
    this.setState(
      state,
      h("p", {}, this.t("unreadable")),
    );
    this.result.dataset.ok = "false";
  }

  // The report arrives worded (checkers/databackup/report.py; before the password, in the
  // state "read", checkers/databackup/stages.py): this only lays it out.
  showReport(report, state = "done") {
    this.setReportData(report);
    const content = [
      h("p", { className: "hc-verdict-headline" }, h("strong", {}, report.headline)),
    ];
    // What is wrong first, right under the headline; then what the file holds.
    if (report.findings.length) {
      content.push(
        h(
          "ul",
          { className: "hc-problems" },
          report.findings.map((finding) =>
            h(
              "li",
              {
                className: `hc-problem hc-problem--${finding.severity}`,
                "data-code": finding.code,
              },
              h("p", {}, h("strong", {}, `${finding.lead} `), finding.text),
            ),
          ),
        ),
      );
    }
    if (report.facts.length) {
      content.push(
        h(
          "ul",
          { className: "hc-facts" },
          report.facts.map((fact) =>
            h("li", { "data-fact": fact.key }, h("strong", {}, `${fact.label}: `), fact.value),
          ),
        ),
      );
    }
    if (report.ok) {
      content.push(
        h(
          "p",
          {},
          this.t("keep"),
          // The guide's restore steps (data-restore-guide), not this page's "Checking by
          // restoring", which is for when the check can't run.
          h("a", { href: this.root.dataset.restoreGuide || "#by-hand" }, this.t("restore-steps")),
          this.t("sentence-end"),
        ),
      );
    }
    this.setState(state, ...content);
  }

  fail(error) {
    this.unavailable = true; // the checkers cannot run on this page: nothing to read or check
    const reason = error instanceof CheckerUnavailable ? error.message : String(error);
    this.setState(
      "error",
      h(
        "p",
        { className: "hc-checker-message hc-checker-message--error" },
        this.t("cannot-run", { reason }),
        this.t("by-restoring-before"),
        h("a", { href: "#by-hand" }, this.t("by-restoring-link")),
        this.t("by-restoring-after"),
      ),
    );
    const check = this.form.querySelector("#data-backup-check");
    disableKeepingFocus(check, this.result.firstElementChild);
  }
}

function init() {
  const root = document.getElementById("data-backup-widget");
  if (root && !root.dataset.started) {
    root.dataset.started = "true";
    new DataBackupWidget(root).start();
  }
}

init();
