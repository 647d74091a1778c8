"""Plain HTTP requests for the server and hosting tests, and the policy they must carry."""

from __future__ import annotations

import urllib.error
import urllib.request

# helpcenter/security.py's header policy, written out.
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
    "connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def lowercase(headers) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def fetch(url: str, method: str = "GET", data: bytes | None = None) -> tuple[int, dict, bytes]:
    """(status, headers by lowercase name, body), for error statuses too; no redirects followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, data=data, method=method)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, lowercase(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, lowercase(error.headers), error.read()
