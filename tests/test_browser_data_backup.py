"""The data-backup checker in Chromium through /tools/data-backup/: the CLI's verdicts, a 2 GB
file read by slices, and nothing of the file or the password leaving the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from checkers.cli.data_backup_host import check_file
from tests.databackup_maker import (
    CONTACTS_CSV,
    FILE_NAME,
    PASSWORD,
    Backup,
    entry_data_range,
    sparse_giant,
    zip_end,
)

RESULT = "#data-backup-result"
LOAD_TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def backups(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every case of the issue, as files (the browser gets them through the file input)."""
    folder = tmp_path_factory.mktemp("browser-backups")
    good = Backup().write(folder)
    data = good.read_bytes()
    files = {"right password": good, "wrong password": good}
    files["no media"] = Backup(include_media=False).write(folder, "no-media.zip")
    files["version 28"] = Backup(version=28).write(folder, "v28.zip")
    unfinished = folder / f"INCOMPLETE-{FILE_NAME}"
    unfinished.write_bytes(data[: zip_end(data)["offset"]])
    files["unfinished"] = unfinished
    truncated = folder / "truncated" / FILE_NAME
    truncated.parent.mkdir()
    truncated.write_bytes(data[: len(data) * 2 // 3])
    files["truncated"] = truncated
    damaged = bytearray(data)
    start, end = entry_data_range(data, "identity")
    damaged[(start + end) // 2] ^= 0x20
    files["damaged identity"] = folder / "damaged.zip"
    files["damaged identity"].write_bytes(bytes(damaged))
    files["not a zip"] = folder / "photo.zip"
    files["not a zip"].write_bytes(b"\xff\xd8\xff\xe0" + bytes(3000))
    files["empty"] = folder / "empty.zip"
    files["empty"].write_bytes(b"")
    files["no encryption"] = Backup(encrypt=False).write(folder, "plain.zip")
    return files


EXPECTED = {  # written out: (ok, kind, identity, finding codes)
    "right password": ("true", "android-data-backup", "ECHOECHO", ""),
    "wrong password": ("false", "android-data-backup", "", "wrong-password"),
    "no media": ("true", "android-data-backup", "ECHOECHO", ""),
    "version 28": ("false", "android-data-backup", "ECHOECHO", "newer-version"),
    "unfinished": ("false", "android-data-backup", "", "unfinished"),
    "truncated": ("false", "android-data-backup", "", "truncated"),
    "damaged identity": ("false", "android-data-backup", "", "damaged-entry"),
    "not a zip": ("false", "not-zip", "", "not-zip"),
    "empty": ("false", "not-zip", "", "empty-file"),
    "no encryption": ("true", "android-data-backup", "ECHOECHO", "not-encrypted"),
}


def wait_for_state(page, *states: str, timeout: float = LOAD_TIMEOUT_MS) -> str:
    selector = ", ".join(f'{RESULT}[data-state="{state}"]' for state in states)
    page.wait_for_selector(selector, state="attached", timeout=timeout)
    return page.get_attribute(RESULT, "data-state")


def run_check(page, path: Path, password: str) -> dict[str, str]:
    page.set_input_files("#data-backup-file", str(path))
    page.fill("#data-backup-password", password)
    page.click("#data-backup-check")
    assert wait_for_state(page, "done", "error") == "done", page.inner_text(RESULT)
    return {
        name: page.get_attribute(RESULT, f"data-{name}") or ""
        for name in ("ok", "kind", "identity", "problems", "bytes-read")
    }


@pytest.fixture(scope="module")
def session(chromium, site_url: str) -> Iterator[dict]:
    """One checker page for the module (Pyodide loads once), with all it requested and logged."""
    context = chromium.new_context()
    requests: list[tuple[str, str, bytes | None]] = []
    console: list[str] = []
    context.on("request", lambda r: requests.append((r.method, r.url, r.post_data_buffer)))
    page = context.new_page()
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{site_url}/tools/data-backup/")
    assert wait_for_state(page, "ready", "error") == "ready", page.inner_text(RESULT)
    yield {"page": page, "requests": requests, "console": console, "site_url": site_url}
    context.close()


@pytest.mark.parametrize("case", list(EXPECTED))
def test_every_case_as_the_cli_says(session: dict, backups: dict[str, Path], case: str) -> None:
    password = "not the password" if case == "wrong password" else PASSWORD
    shown = run_check(session["page"], backups[case], password)
    ok, kind, identity, codes = EXPECTED[case]
    assert (shown["ok"], shown["kind"], shown["identity"], shown["problems"]) == (
        ok, kind, identity, codes,
    )  # fmt: skip
    cli = check_file(backups[case], password)  # the same verdict from the CPython host
    assert shown["problems"] == " ".join(f.code for f in cli.findings)
    assert shown["ok"] == str(cli.ok).lower() and shown["identity"] == (cli.identity or "")


def test_report_in_plain_words(session: dict, backups: dict[str, Path]) -> None:
    page = session["page"]
    run_check(page, backups["right password"], PASSWORD)
    text = page.inner_text(RESULT)
    assert "OK: this backup opens with this password and restores the ID ECHOECHO." in text
    facts = (
        "Contacts: 3",
        "Groups: 2",
        "Lists: 1",
        "version 27 (today's apps can restore it)",
        "Created: 2025-11-20, 21:15:04 UTC",
        "2 files and 1 thumbnail, about 223 kB",
    )
    for fact in facts:
        assert fact in text
    # The next step is the guide's restore section, not this page's "Checking by restoring"
    # (for when the check can't run).
    steps = page.locator(f"{RESULT} a", has_text="Restore steps")
    assert steps.evaluate("(link) => link.href").endswith("/guides/android/#restore-data-backup")
    run_check(page, backups["damaged identity"], PASSWORD)
    problem = page.inner_text(f"{RESULT} .hc-problem[data-code='damaged-entry']")
    assert problem.startswith("Problem: The entry 'identity' is damaged")
    # The site's labels.yml words the app's buttons, as on the guide pages.
    assert problem.endswith("(“Backups” → “Data Backup” → “Create data backup”).")
    assert "Traceback" not in problem


def test_two_gigabytes_through_the_browser_read_by_slices(
    session: dict, backups: dict[str, Path], tmp_path: Path
) -> None:
    giant = sparse_giant(backups["right password"].read_bytes(), tmp_path / FILE_NAME,
                         2 * 1024**3, 2000)  # fmt: skip
    shown = run_check(session["page"], giant, PASSWORD)
    assert shown["ok"] == "true" and shown["identity"] == "ECHOECHO"
    assert 0 < int(shown["bytes-read"]) < 1024**2


def test_nothing_leaves_the_page(session: dict, backups: dict[str, Path]) -> None:
    page = session["page"]
    run_check(page, backups["right password"], PASSWORD)
    origin = urlsplit(session["site_url"]).netloc
    for method, url, body in session["requests"]:
        assert urlsplit(url).netloc == origin or url.startswith(("blob:", "data:")), url
        assert method in ("GET", "HEAD"), (method, url)
        assert body is None, url
    assert not any(PASSWORD in line for line in session["console"])
    # The theme keeps its own settings in localStorage; nothing of the check may be there.
    stored = page.evaluate(
        """() => [localStorage, sessionStorage].map((storage) => Array.from(
          {length: storage.length}, (_, i) => storage.key(i) + "=" + storage.getItem(storage.key(i))
        ).join("\\n")).join("\\n") + document.cookie"""
    )
    for secret in (PASSWORD, FILE_NAME, "ECHOECHO", "threema-backup"):
        assert secret not in stored


def test_the_aes_comes_from_the_site_and_is_the_checks(
    session: dict, backups: dict[str, Path]
) -> None:
    """The worker loads @noble/ciphers' aes.js from the site (with the two modules it imports)
    and installs it as the check's AES; were it missing, Python's own AES would answer alike
    and no test of the verdicts would notice."""
    page = session["page"]
    run_check(page, backups["right password"], PASSWORD)
    vendor = f"{session['site_url']}/assets/vendor/@noble/ciphers/"
    urls = [url for _, url, _ in session["requests"]]
    fetched = {url.removeprefix(vendor) for url in urls if url.startswith(vendor)}
    assert fetched == {"aes.js", "_polyval.js", "utils.js"}
    (worker,) = [w for w in page.workers if w.url.endswith("/checkers-worker.mjs")]
    assert worker.evaluate("typeof globalThis.checkersAesBlocks") == "function"


_COUNT_DERIVATIONS = """() => {
  const subtle = crypto.subtle;
  if (!globalThis.derivationsSeen) {
    const derive = subtle.deriveBits.bind(subtle);
    subtle.deriveBits = (...args) => {
      globalThis.derivationsSeen.push(args[0].hash);
      return derive(...args);
    };
  }
  globalThis.derivationsSeen = [];
}"""


def test_each_key_is_derived_once(
    session: dict, backups: dict[str, Path], tmp_path: Path
) -> None:
    """The planned keys begun with the password answer the check's own requests: five
    PBKDF2-SHA1 (settings, identity, three lists) and the ID export's PBKDF2-SHA256, each
    derived once (a plan that did not match them would derive the five again)."""
    page = session["page"]
    chosen = tmp_path / FILE_NAME  # a file not chosen before: read, and planned, anew
    chosen.write_bytes(backups["right password"].read_bytes())
    page.set_input_files("#data-backup-file", str(chosen))
    assert wait_for_state(page, "read") == "read"
    (worker,) = [w for w in page.workers if w.url.endswith("/checkers-worker.mjs")]
    worker.evaluate(_COUNT_DERIVATIONS)
    page.fill("#data-backup-password", PASSWORD)
    page.click("#data-backup-check")
    assert wait_for_state(page, "done") == "done"
    assert page.get_attribute(RESULT, "data-identity") == "ECHOECHO"
    assert sorted(worker.evaluate("globalThis.derivationsSeen")) == ["SHA-1"] * 5 + ["SHA-256"]


def axe_findings(page, backups: dict[str, Path]) -> list[str]:
    """axe's WCAG A/AA violations on the result of an ok, a failed and a warned-about check."""
    from helpcenter.axe import run_axe
    from tests.quality import settle

    found = []
    for case in ("right password", "version 28", "no encryption", "unfinished"):
        run_check(page, backups[case], PASSWORD)
        settle(page)
        found += [f"{case}: {violation.describe()}" for violation in run_axe(page)]
    return found


def test_results_meet_wcag_a_and_aa_light(session: dict, backups: dict[str, Path]) -> None:
    found = axe_findings(session["page"], backups)
    assert not found, "\n".join(found)


FORGET_SCHEME = """for (const key of Object.keys(localStorage)) {
  if (key.endsWith("__palette")) localStorage.removeItem(key);
}"""


def test_results_meet_wcag_a_and_aa_dark(warm_page, site_url: str, backups) -> None:
    # A later visit (the checker starts from the offline cache; the first visit's start is the
    # session's) by a reader whose system is dark. The theme keeps the scheme an earlier page of
    # the shared context showed (light) in localStorage: forgotten, the system's scheme counts.
    page = warm_page
    page.emulate_media(color_scheme="dark", reduced_motion="reduce")
    page.add_init_script(FORGET_SCHEME)
    page.goto(f"{site_url}/tools/data-backup/")
    assert wait_for_state(page, "ready", "error") == "ready"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    found = axe_findings(page, backups)
    assert not found, "\n".join(found)


def test_works_from_the_keyboard(session: dict, backups: dict[str, Path]) -> None:
    page = session["page"]
    page.set_input_files("#data-backup-file", str(backups["version 28"]))
    page.focus("#data-backup-file")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "data-backup-password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "data-backup-check"
    page.keyboard.press("Enter")
    assert wait_for_state(page, "done") == "done"
    assert page.get_attribute(RESULT, "data-problems") == "newer-version"
    # The result is announced: a polite live status region.
    assert page.get_attribute(RESULT, "role") == "status"
    assert page.get_attribute(RESULT, "aria-live") == "polite"


# Each state the result takes, in order, from now on (each check ends in "done" once; a quick
# one shows no "working" before it).
_RECORD_STATES = """() => {
  const result = document.getElementById("data-backup-result");
  window.statesSeen = [];
  new MutationObserver(() => window.statesSeen.push(result.dataset.state)).observe(
    result, { attributes: true, attributeFilter: ["data-state"] });
}"""


def test_enter_in_the_password_field_checks_once(session: dict, backups: dict[str, Path]) -> None:
    """Enter in a field submits the form through the Check button's click, which the page
    takes (before the theme's listeners) and cancels: one check, not a click's and a submit's."""
    page = session["page"]
    page.set_input_files("#data-backup-file", str(backups["right password"]))
    assert wait_for_state(page, "read") == "read"  # the file read, before the password
    page.evaluate(_RECORD_STATES)
    page.fill("#data-backup-password", PASSWORD)
    page.focus("#data-backup-password")
    page.keyboard.press("Enter")
    assert wait_for_state(page, "done") == "done"
    assert page.get_attribute(RESULT, "data-ok") == "true"
    page.wait_for_timeout(300)  # a second check, if there were one, would have ended by now
    assert page.evaluate("window.statesSeen").count("done") == 1
    assert urlsplit(page.url).query == ""  # nothing submitted: the password is in no address


# The check begun, then every state and aria-busy the result takes until its answer.
_RECORD_A_CHECK = """(delay) => {
  const root = document.getElementById("data-backup-widget");
  const result = document.getElementById("data-backup-result");
  root.dataset.workingDelay = String(delay);
  if (window.stateRecorder) window.stateRecorder.disconnect(); // an earlier case's
  const seen = (window.checkRecord = []);
  window.stateRecorder = new MutationObserver(() => seen.push(
    [result.dataset.state, result.getAttribute("aria-busy"), result.textContent.trim()]));
  window.stateRecorder.observe(result, { attributes: true, attributeFilter: ["data-state"] });
  document.getElementById("data-backup-check").click();
  return [result.dataset.state, result.getAttribute("aria-busy")];
}"""


@pytest.mark.parametrize(
    ("delay_ms", "shown"),
    [
        # Far longer than any check: the answer comes first, with no "Checking" line before it.
        (600_000, ["done"]),
        # At once: "Checking" shows (busy) before the answer, which needs 100,000 rounds first.
        (0, ["working", "done"]),
    ],
)
def test_checking_shows_only_when_the_answer_takes_longer_than_the_delay(
    session: dict, backups: dict[str, Path], delay_ms: int, shown: list[str], tmp_path: Path
) -> None:
    page = session["page"]
    chosen = tmp_path / FILE_NAME  # a file not chosen before: it is read anew
    chosen.write_bytes(backups["right password"].read_bytes())
    page.set_input_files("#data-backup-file", str(chosen))
    assert wait_for_state(page, "read") == "read"
    page.fill("#data-backup-password", PASSWORD)
    try:
        after_click = page.evaluate(_RECORD_A_CHECK, delay_ms)
        assert wait_for_state(page, "done") == "done"
    finally:
        page.evaluate("delete document.getElementById('data-backup-widget').dataset.workingDelay")
    # The screen unchanged at the click; the status region marked busy for assistive technology.
    assert after_click == ["read", "true"]
    seen = page.evaluate("window.checkRecord")
    assert [state for state, _, _ in seen] == shown
    if "working" in shown:
        checking = "Checking. Opening the backup with the password takes a moment."
        assert seen[0][1:] == ["true", checking]
    assert seen[-1][1] == "false" and "ECHOECHO" in seen[-1][2]


def test_what_is_wrong_comes_right_under_the_headline(
    session: dict, backups: dict[str, Path]
) -> None:
    """A backup that will not restore says why before the ten facts of what it holds."""
    page = session["page"]
    assert run_check(page, backups["version 28"], PASSWORD)["problems"] == "newer-version"
    order = page.evaluate(
        """() => Array.from(document.querySelectorAll('#data-backup-result > *'),
                     (element) => element.className)"""
    )
    assert order[:3] == ["hc-verdict-headline", "hc-problems", "hc-facts"]


def test_the_answer_is_brought_into_sight_on_a_wide_screen(
    session: dict, backups: dict[str, Path]
) -> None:
    """With the Check button at the bottom of a 1280 x 800 screen, the result lies below its
    edge: a Check that changed nothing in sight would look broken. The page scrolls the
    result's start into sight (clear of the sticky header); the focus stays on the button."""
    page = session["page"]
    page.set_viewport_size({"width": 1280, "height": 800})
    try:
        page.set_input_files("#data-backup-file", str(backups["right password"]))
        assert wait_for_state(page, "read", "done") in ("read", "done")
        page.fill("#data-backup-password", PASSWORD)
        page.evaluate("document.querySelector('#data-backup-check').scrollIntoView(false)")
        top = f"document.querySelector('{RESULT}').getBoundingClientRect().top"
        assert page.evaluate(top) > 800  # the premise: out of sight
        page.click("#data-backup-check")  # in sight: Playwright scrolls nothing
        assert wait_for_state(page, "done") == "done"
        page.wait_for_timeout(800)  # a smooth scroll's end
        assert 48 <= page.evaluate(top) < 800 - 100  # its start and headline in sight
        assert page.evaluate("document.activeElement.id") == "data-backup-check"
        check = page.evaluate(
            "(() => { const r = document.querySelector('#data-backup-check')"
            ".getBoundingClientRect(); return [r.top, r.bottom]; })()"
        )
        assert check[0] >= 48 and check[1] <= 800  # the focus in sight too
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})


# --- A list long enough that the AES counter carries into its second byte ---
def _many_contacts(count: int) -> str:
    """A contacts.csv of `count` contacts that compresses to several kB: its AES counter runs
    past 255 blocks, so the little-endian counter carries into its second byte."""
    header = CONTACTS_CSV.split("\n", 1)[0]
    rows = (
        f'"{number:08X}","{number * 7919 % 65536:04x}","UNVERIFIED","","Contact {number}","",'
        f'"","1","false","false","{number}"\n'
        for number in range(count)
    )
    return header + "\n" + "".join(rows)


def test_a_long_contact_list_is_decrypted_and_counted(session: dict, tmp_path: Path) -> None:
    data = Backup(contacts_csv=_many_contacts(600)).zip_bytes()
    start, end = entry_data_range(data, "contacts.csv")
    assert end - start > 16 * 256  # more than 256 counter blocks
    path = tmp_path / FILE_NAME
    path.write_bytes(data)
    page = session["page"]
    shown = run_check(page, path, PASSWORD)
    assert (shown["ok"], shown["identity"], shown["problems"]) == ("true", "ECHOECHO", "")
    assert "Contacts: 600" in page.inner_text(RESULT)
    damaged = bytearray(data)
    damaged[end - 20] ^= 0x01  # inside the encrypted list, before its authentication code
    broken = tmp_path / "damaged" / FILE_NAME
    broken.parent.mkdir()
    broken.write_bytes(bytes(damaged))
    shown = run_check(page, broken, PASSWORD)
    assert (shown["ok"], shown["problems"]) == ("false", "damaged-entry")
    problem = page.inner_text(f"{RESULT} .hc-problem[data-code='damaged-entry']")
    assert problem.startswith("Problem: The entry 'contacts.csv' is damaged")
