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
    """Each recorded request to another origin than the site's (data: and blob: are local)."""
    origin = urlsplit(site_url)
    allowed = (origin.scheme, origin.netloc)
    return [
        f"{page}: request to {url}"
        for page, url, _ in recorder.requests
        if (urlsplit(url).scheme, urlsplit(url).netloc) != allowed
        and not url.startswith(("data:", "blob:"))
    ]


def cookie_problems(cookies: list[dict]) -> list[str]:
    return [f"cookie set: {cookie['name']} for {cookie['domain']}" for cookie in cookies]
