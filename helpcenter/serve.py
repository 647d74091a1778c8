"""Serves a built site from disk with the same security headers the site is designed for."""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Scripts only from the site itself (WebAssembly compilation allowed for Pyodide and Argon2id),
# connections only to the site: nothing a visitor types can be sent anywhere else.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "worker-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data: blob:",
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Static files with security headers and the MIME types Pyodide needs."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".whl": "application/zip",
        ".json": "application/json",
    }

    def end_headers(self) -> None:
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        # Request lines carry no visitor input (the checkers never send any), but stay quiet
        # anyway so a test run's output is readable.
        if not getattr(self.server, "quiet", False):
            super().log_message(format, *args)


class SiteServer(ThreadingHTTPServer):
    """A threading server that does not print a traceback when a browser drops a connection."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A page closed mid-download (a test ending, a visitor navigating away) is routine.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False):
    """A ready-to-run HTTP server for `root` (port 0 picks a free port)."""
    handler = functools.partial(SiteRequestHandler, directory=str(root))
    server = SiteServer((host, port), handler)
    server.quiet = quiet
    return server


def serve_in_thread(root: Path, quiet: bool = True):
    """Start a server on a free port in a daemon thread; returns (server, base_url)."""
    server = make_server(root, port=0, quiet=quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}"
