"""The data-backup page in two stages, in Chromium: the file is read when it is chosen (problems
that need no password shown at once, nothing reassuring before the password), Check runs only
the password's part, and two files' results never mix, whichever comes first."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.databackup_maker import FILE_NAME, PASSWORD, PRIVATE_KEY, Backup, zip_end
from tests.idexport_encoder import encode_export

RESULT = "#data-backup-result"
LOAD_TIMEOUT_MS = 120_000
OTHER_ID = "ZULUZULU"  # the second file's ID: a result of one file shown for the other shows


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("staged-page-backups")
    good = Backup().write(folder)
    data = good.read_bytes()
    unfinished = folder / f"INCOMPLETE-{FILE_NAME}"
    unfinished.write_bytes(data[: zip_end(data)["offset"]])
    truncated = folder / "truncated" / FILE_NAME
    truncated.parent.mkdir()
    truncated.write_bytes(data[: len(data) * 2 // 3])
    other = Backup(version=28, identity_text=encode_export(OTHER_ID, PRIVATE_KEY, PASSWORD))
    return {
        "good": good,
        "unfinished": unfinished,
        "truncated": truncated,
        "other": other.write(folder, "other" + FILE_NAME),
    }


@pytest.fixture(scope="module")
def page(warm_context, site_url: str) -> Iterator:
    """One page for the module, on a later visit: its checker starts from the offline cache."""
    page = warm_context.new_page()
    page.goto(f"{site_url}/tools/data-backup/")
    page.wait_for_selector(f'{RESULT}[data-state="ready"]', state="attached",
                           timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    yield page
    page.close()


# The result box's left border: the colour that marks a problem (widgets.css, #c62828), and the
# one that marks an opened backup (#2e7d32).
PROBLEM_MARK = "rgb(198, 40, 40)"
OPENED_MARK = "rgb(46, 125, 50)"


def mark(page) -> str:
    return page.eval_on_selector(RESULT, "(box) => getComputedStyle(box).borderLeftColor")


def shown(page) -> dict[str, str]:
    return {
        name: page.get_attribute(RESULT, f"data-{name}") or ""
        for name in ("state", "ok", "kind", "identity", "problems", "tone")
    }


def wait_for(page, *states: str) -> dict[str, str]:
    selector = ", ".join(f'{RESULT}[data-state="{state}"]' for state in states)
    page.wait_for_selector(selector, state="attached", timeout=LOAD_TIMEOUT_MS)
    return shown(page)


def choose(page, path: Path, password: str = "") -> dict[str, str]:
    """Chooses `path` (the password field as given) and waits for what it shows before Check."""
    page.fill("#data-backup-password", password)
    page.set_input_files("#data-backup-file", str(path))
    return wait_for(page, "read")


@pytest.mark.parametrize("case", ["unfinished", "truncated"])
def test_a_broken_file_is_reported_before_any_password(page, files, case: str) -> None:
    early = choose(page, files[case])
    assert early == {"state": "read", "ok": "false", "kind": "android-data-backup",
                     "identity": "", "problems": case, "tone": "problem"}  # fmt: skip
    text = page.inner_text(RESULT)
    assert text.startswith("NOT OK: this backup cannot be read as it is.")
    assert mark(page) == PROBLEM_MARK  # the same mark as a problem found after the password
    if case == "unfinished":
        assert "This backup was never finished: its name starts with INCOMPLETE-" in text
    else:
        assert "The file is cut short" in text
    # Check with a password then says the same: the password changes nothing here.
    page.fill("#data-backup-password", PASSWORD)
    page.click("#data-backup-check")
    assert wait_for(page, "done")["problems"] == case


def test_a_good_file_read_early_reassures_nothing_then_the_password_opens_it(page, files):
    early = choose(page, files["good"])
    assert early == {"state": "read", "ok": "", "kind": "android-data-backup", "identity": "",
                     "problems": "", "tone": "neutral"}  # fmt: skip
    text = page.inner_text(RESULT)
    assert text.startswith("NOT CHECKED YET: ")
    assert "its table of contents with 15 entries" in text
    assert "Whether the password opens it is still to be checked." in text
    assert "OK" not in text.replace("NOT CHECKED YET", "")
    assert mark(page) not in (PROBLEM_MARK, OPENED_MARK)
    assert page.locator(f"{RESULT} [data-fact='identity']").count() == 0
    assert page.get_attribute(RESULT, "aria-live") == "polite"
    page.fill("#data-backup-password", PASSWORD)
    page.click("#data-backup-check")
    done = wait_for(page, "done", "error")
    assert (done["state"], done["ok"], done["identity"]) == ("done", "true", "ECHOECHO")
    # A changed password takes the verdict back to what is known without it.
    page.fill("#data-backup-password", "not the password")
    assert shown(page)["state"] == "read" and shown(page)["ok"] == ""
    page.click("#data-backup-check")
    assert wait_for(page, "done")["problems"] == "wrong-password"


def test_password_first_then_the_file(page, files) -> None:
    page.fill("#data-backup-password", PASSWORD)
    page.set_input_files("#data-backup-file", str(files["other"]))
    page.click("#data-backup-check")  # at once: the check waits for the file's read
    done = wait_for(page, "done", "error")
    assert (done["state"], done["identity"], done["problems"]) == ("done", OTHER_ID,
                                                                   "newer-version")  # fmt: skip


def test_another_file_chosen_after_the_early_read_is_the_one_checked(page, files) -> None:
    choose(page, files["good"], PASSWORD)
    choose(page, files["other"], PASSWORD)
    page.click("#data-backup-check")
    done = wait_for(page, "done", "error")
    assert (done["identity"], done["problems"]) == (OTHER_ID, "newer-version")
    assert "ECHOECHO" not in page.inner_text(RESULT)


def test_a_file_changed_while_its_check_runs_never_shows_that_check(page, files) -> None:
    """The file is replaced in the same task as the click, so the first check is surely still
    running; every state the result shows afterwards is recorded."""
    choose(page, files["good"], PASSWORD)
    other = base64.b64encode(files["other"].read_bytes()).decode("ascii")
    after_click = page.evaluate(
        """([other, name]) => {
          const result = document.getElementById("data-backup-result");
          window.seenStates = [];
          new MutationObserver(() => window.seenStates.push(
            [result.dataset.state, result.dataset.identity].join(" "))
          ).observe(result, { attributes: true, attributeFilter: ["data-state"] });
          document.getElementById("data-backup-check").click();
          const afterClick = result.getAttribute("aria-busy");
          const bytes = Uint8Array.from(atob(other), (c) => c.charCodeAt(0));
          const files = new DataTransfer();
          files.items.add(new File([bytes], name, { type: "application/zip" }));
          const input = document.getElementById("data-backup-file");
          input.files = files.files;
          input.dispatchEvent(new Event("change", { bubbles: true }));
          return afterClick;
        }""",
        [other, files["other"].name],
    )
    assert wait_for(page, "read")["problems"] == ""  # the second file, read early
    page.click("#data-backup-check")
    done = wait_for(page, "done", "error")
    assert (done["identity"], done["problems"]) == (OTHER_ID, "newer-version")
    seen = page.evaluate("window.seenStates")
    assert after_click == "true"  # the first file's check had begun
    assert not any(state.startswith("done ECHOECHO") for state in seen), seen
    assert seen[-1] == f"done {OTHER_ID}", seen


def test_the_early_states_meet_wcag_a_and_aa(page, files) -> None:
    from helpcenter.axe import run_axe
    from tests.quality import settle

    found = []
    for case in ("good", "unfinished"):
        choose(page, files[case])
        settle(page)
        found += [f"{case}: {violation.describe()}" for violation in run_axe(page)]
    assert not found, "\n".join(found)
