"""What a visitor types into the validator never leaves the page (requests, storage, console).

That every page's requests stay on the site's origin and set no cookie is checked during the page
tour of tests/test_accessibility.py, which visits every page anyway."""

from __future__ import annotations

from urllib.parse import unquote

from quality import (
    VALIDATOR_PATH,
    enter_export,
    validator_controls,
    validator_sample,
    wait_for_validator_ready,
    wait_for_validator_result,
    wait_for_validator_verdict,
)
from recording import Recorder, foreign_requests

# Wait this long after `load` for late requests (fonts, workers, lazy scripts) on each page.
SETTLE_MS = 1500

_STORAGE = """() => {
  const dump = (storage) => Array.from({length: storage.length}, (_, i) => storage.key(i))
    .map((key) => key + "=" + storage.getItem(key)).join("\\n");
  return {localStorage: dump(window.localStorage), sessionStorage: dump(window.sessionStorage)};
}"""


def secret_forms(text: str) -> set[str]:
    """How a typed secret could show up: as typed, normalized, URL- or form-encoded."""
    compact = text.replace("-", "").replace(" ", "")
    forms = {text, compact, compact.lower()}
    forms |= {form.replace(" ", "+") for form in forms} | {
        form.replace(" ", "%20") for form in forms
    }
    return {form for form in forms if len(form) >= 8}


def leaks(haystack: str, secrets: set[str]) -> list[str]:
    return [secret for secret in secrets if secret in haystack or secret in unquote(haystack)]


def test_typed_export_and_password_never_leave_the_page(site_url: str, chromium) -> None:
    sample = validator_sample()
    secrets = secret_forms(sample.export) | secret_forms(sample.password)
    context = chromium.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    recorder.watch(page)
    recorder.current_page = VALIDATOR_PATH
    try:
        page.goto(site_url + VALIDATOR_PATH, wait_until="load")
        wait_for_validator_ready(page)
        _export, password, button = validator_controls(page)
        enter_export(page, sample.export, sample.password)
        button.click()
        wait_for_validator_result(page, sample.identity)
        # The same again with the password wrong, so the error paths run too.
        password.fill(sample.password + "!")
        button.click()
        wait_for_validator_verdict(page)
        page.wait_for_timeout(SETTLE_MS)
        storage = page.evaluate(_STORAGE)
        address = page.url  # history.pushState changes it without a request
        cookies = context.cookies()
    finally:
        context.close()

    problems = foreign_requests(recorder, site_url)
    secrets |= secret_forms(sample.password + "!")
    problems += [
        f"typed text {secret!r} in the page address {address}" for secret in leaks(address, secrets)
    ]
    for where, url, body in recorder.requests:
        for secret in leaks(url, secrets):
            problems.append(f"{where}: typed text {secret!r} in request URL {url}")
        for secret in leaks(body.decode("utf-8", "replace"), secrets):
            problems.append(f"{where}: typed text {secret!r} in the body of a request to {url}")
    for name, content in storage.items():
        problems += [
            f"typed text {secret!r} stored in {name}" for secret in leaks(content, secrets)
        ]
    for where, text in recorder.console:
        problems += [
            f"{where}: typed text {secret!r} logged: {text[:200]}"
            for secret in leaks(text, secrets)
        ]
    problems += [f"cookie set: {cookie['name']}" for cookie in cookies]
    assert not problems, "\n".join(problems)
