"""What a browser context sends and logs, for the privacy checks (tests/test_privacy.py, the page
tour of tests/test_accessibility.py): requests with their bodies, WebSockets, console lines."""

from __future__ import annotations

from urllib.parse import urlsplit


class Recorder:
    """Everything a context sends or logs: requests (URL and body), WebSockets, console lines.

    The context's events include what the page's workers (Pyodide) request and log.
    """

    def __init__(self, context) -> None:
        self.requests: list[tuple[str, str, bytes]] = []  # (page, url, body)
        self.console: list[tuple[str, str]] = []  # (page, text)
        # Console errors and uncaught exceptions of the watched pages: (page, text).
        self.errors: list[tuple[str, str]] = []
        self.current_page = ""
        context.on("request", self._on_request)
        context.on("console", self._on_console)

    def _on_request(self, request) -> None:
        self.requests.append((self.current_page, request.url, request.post_data_buffer or b""))

    def _on_console(self, message) -> None:
        self.console.append((self.current_page, message.text))
        # The worker's word that the trimmed standard library lacked a module (it then loads the
        # whole one): a tool path the trimmer did not record (helpcenter/stdlib_trim.py).
        if message.type == "error" or "trimmed standard library" in message.text:
            self.errors.append((self.current_page, message.text))

    def watch(self, page) -> None:
        page.on(
            "websocket", lambda socket: self.requests.append((self.current_page, socket.url, b""))
        )
        page.on("pageerror", lambda error: self.errors.append((self.current_page, str(error))))


def foreign_requests(recorder: Recorder, site_url: str) -> list[str]:
    """Each recorded request to another origin than the site's (data: and blob: are local)."""
    origin = urlsplit(site_url)
    allowed = (origin.scheme, origin.netloc)
    return [
        f"{page}: request to {url}"
        for page, url, _ in recorder.requests
        if (urlsplit(url).scheme, urlsplit(url).netloc) != allowed
        and not url.startswith(("data:", "blob:"))
    ]


def page_errors(recorder: Recorder) -> list[str]:
    """Console errors and uncaught exceptions, a CSP violation among them. The 404 page is
    served for an address that does not exist, so its own fetch is logged as an error."""
    return [
        f"{page}: {text}"
        for page, text in recorder.errors
        if not (page.endswith("404.html") and "Content Security Policy" not in text)
    ]


def cookie_problems(cookies: list[dict]) -> list[str]:
    return [f"cookie set: {cookie['name']} for {cookie['domain']}" for cookie in cookies]
