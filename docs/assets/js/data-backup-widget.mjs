// The Android data-backup checker on /tools/data-backup/ (markup: helpcenter/templates/pages/
// tools-data-backup.md.j2). The chosen File goes to this page's worker, where Python reads only
// the slices it needs (checkers/bridge.py); the file is never uploaded or stored.
// The result element carries data-state (loading, ready, working, done, error), data-ok,
// data-kind, data-identity, data-problems, data-tone and data-bytes-read (how much was read).
import { CheckerUnavailable, checkersClient } from "./checkers-client.mjs";
import { h, pageWords } from "./dom.mjs";

class DataBackupWidget {
  constructor(root) {
    // The words around the checkers' report, in the page's language (from the template).
    this.t = pageWords(root);
    this.form = root.querySelector("#data-backup-form");
    this.file = root.querySelector("#data-backup-file");
    this.password = root.querySelector("#data-backup-password");
    this.result = root.querySelector("#data-backup-result");
    this.checkToken = 0;
    this.checkQueued = false;
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
        if (this.checkQueued) this.check();
      },
      (error) => this.fail(error),
    );
    this.file.addEventListener("change", () => this.clearReport());
    this.password.addEventListener("input", () => this.clearReport());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check();
    });
  }

  setState(state, ...content) {
    this.state = state;
    this.result.dataset.state = state;
    this.result.setAttribute("aria-busy", String(state === "working" || state === "loading"));
    this.result.replaceChildren(...content);
  }

  setReportData(report) {
    const data = this.result.dataset;
    data.ok = report ? String(report.ok) : "";
    data.kind = report ? report.kind : "";
    data.identity = report && report.identity ? report.identity : "";
    data.problems = report ? report.findings.map((finding) => finding.code).join(" ") : "";
    data.bytesRead = report ? String(report.read.bytes) : "";
    data.tone = report ? report.tone : "";
  }

  showReady() {
    this.setReportData(null);
    this.setState(
      "ready",
      h("p", {}, this.t("ready")),
    );
  }

  clearReport() {
    this.checkToken += 1; // a check still running would now answer for another file
    if (this.state === "done" || this.state === "working") this.showReady();
  }

  async check() {
    if (this.state === "error") return;
    const file = this.file.files && this.file.files[0];
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
    this.checkToken += 1;
    const token = this.checkToken;
    this.setReportData(null);
    const password = this.password.value;
    const working = this.t(password ? "checking-password" : "checking");
    this.setState("working", h("p", {}, working));
    try {
      const report = await this.client.call("data-backup", { file, password });
      if (token !== this.checkToken) return;
      if (report.error) this.unreadable();
      else this.showReport(report);
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

  unreadable() {
    this.setReportData(null);
    this.setState(
      "done",
      h("p", {}, this.t("unreadable")),
    );
    this.result.dataset.ok = "false";
  }

  // The report arrives worded (checkers/databackup/report.py): this only lays it out.
  showReport(report) {
    this.setReportData(report);
    const content = [
      h("p", { className: "hc-verdict-headline" }, h("strong", {}, report.headline)),
    ];
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
    if (report.ok) {
      content.push(
        h(
          "p",
          {},
          this.t("keep"),
          h("a", { href: "#by-hand" }, this.t("restore-steps")),
          this.t("sentence-end"),
        ),
      );
    }
    this.setState("done", ...content);
  }

  fail(error) {
    const reason = error instanceof CheckerUnavailable ? error.message : String(error);
    this.form.querySelector("#data-backup-check").disabled = true;
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
