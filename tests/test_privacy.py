"""A crawl of every page in Chromium: requests stay on the site's origin, no cookies, and what a
visitor types into the validator never leaves the page (requests, storage, console)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from quality import (
    VALIDATOR_PATH,
    WIZARD_ANSWER_QUERY,
    WIZARD_PATH,
    list_pages,
    validator_controls,
    validator_sample,
    wait_for_validator_ready,
    wait_for_validator_result,
    wait_for_validator_verdict,
    wait_for_wizard_answer,
)

# Wait this long after `load` for late requests (fonts, workers, lazy scripts) on each page.
SETTLE_MS = 1500
# In the crawl, each page is first given until its network has been quiet for 0.5 s (Playwright's
# "networkidle": a tool page's runtime downloads end there), then this long for stragglers.
CRAWL_SETTLE_MS = 300

_STORAGE = """() => {
  const dump = (storage) => Array.from({length: storage.length}, (_, i) => storage.key(i))
    .map((key) => key + "=" + storage.getItem(key)).join("\\n");
  return {localStorage: dump(window.localStorage), sessionStorage: dump(window.sessionStorage)};
}"""


class Recorder:
    """Everything a context sends or logs: requests (URL and body), WebSockets, console lines.

    The context's events include what the page's workers (Pyodide) request and log.
    """

    def __init__(self, context) -> None:
        self.requests: list[tuple[str, str, bytes]] = []  # (page, url, body)
        self.console: list[tuple[str, str]] = []  # (page, text)
        self.current_page = ""
        context.on("request", self._on_request)
        context.on(
            "console", lambda message: self.console.append((self.current_page, message.text))
        )

    def _on_request(self, request) -> None:
        self.requests.append((self.current_page, request.url, request.post_data_buffer or b""))

    def watch(self, page) -> None:
        page.on(
            "websocket", lambda socket: self.requests.append((self.current_page, socket.url, b""))
        )


def foreign_requests(recorder: Recorder, site_url: str) -> list[str]:
    origin = urlsplit(site_url)
    allowed = (origin.scheme, origin.netloc)
    return [
        f"{page}: request to {url}"
        for page, url, _ in recorder.requests
        if (urlsplit(url).scheme, urlsplit(url).netloc) != allowed
        and not url.startswith(("data:", "blob:"))
    ]


# One test per edition, so that parallel workers share the crawl.
@pytest.mark.parametrize("edition", ["en", "de"])
def test_every_page_requests_only_its_own_origin_and_sets_no_cookie(
    built_site: Path, site_url: str, chromium, edition: str
) -> None:
    german = edition == "de"
    pages = [p for p in list_pages(built_site) if p.url_path.startswith("/de/") == german]
    assert pages, f"no pages of the {edition} edition"
    context = chromium.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    recorder.watch(page)
    try:
        for site_page in pages:
            recorder.current_page = site_page.url_path
            page.goto(site_url + site_page.url_path, wait_until="load")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(CRAWL_SETTLE_MS)
        if edition == "en":
            recorder.current_page = WIZARD_PATH + WIZARD_ANSWER_QUERY
            page.goto(site_url + recorder.current_page, wait_until="load")
            wait_for_wizard_answer(page)
        cookies = context.cookies()
    finally:
        context.close()
    assert recorder.requests, "the crawl recorded no request at all"
    problems = foreign_requests(recorder, site_url)
    problems += [f"cookie set: {cookie['name']} for {cookie['domain']}" for cookie in cookies]
    assert not problems, "\n".join(problems)


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
        export, password, button = validator_controls(page)
        export.fill(sample.export)
        password.fill(sample.password)
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
