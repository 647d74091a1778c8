"""The ASGI app: the site's files with its security headers, MIME types and own 404 page.

Other ASGI apps (a feedback collector under /api/feedback, the preview's reload events) are
mounted on the same origin through `mounts`, so they live under the same CSP.
"""

from __future__ import annotations

import mimetypes
import posixpath
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from helpcenter.security import (
    HOSTING_FILES,
    PRECOMPRESSED,
    SECURITY_HEADERS,
    cache_control,
    content_type,
)
from helpcenter.server.drain import DrainRequestBody

# Rewrites an HTML page's text before it is sent (the preview adds its reload script).
HtmlFilter = Callable[[str], str]


class SecurityHeaders:
    """Adds the site's security headers to every HTTP response, mounted apps' included."""

    def __init__(self, app: ASGIApp, headers: Mapping[str, str]) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class SiteFiles:
    """Serves files under root: index.html for folders, never a listing, 404.html when absent
    (a translated edition's own, /de/404.html, for an address under /de/)."""

    def __init__(self, root: Path | Callable[[], Path], html_filter: HtmlFilter | None = None):
        # A callable root is asked on every request: the preview swaps in each new build.
        self.current_root = root if callable(root) else lambda: Path(root)
        self.html_filter = html_filter

    @property
    def root(self) -> Path:
        return Path(self.current_root()).resolve()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = self.respond(request)
        await response(scope, receive, send)

    def respond(self, request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            return PlainTextResponse("Method not allowed", 405, headers={"Allow": "GET, HEAD"})
        path = unquote(request.url.path)
        if "\x00" in path or any(path == f or path.startswith(f) for f in HOSTING_FILES):
            return self.not_found()
        # Lexically, so that `..` never leaves the site, while symbolic links inside it are
        # followed as nginx does (tests serve a site assembled from links).
        relative = posixpath.normpath(path.lstrip("/") or ".")
        if relative == ".." or relative.startswith(("../", "/")):
            return self.not_found()
        target = self.root / relative
        if target.is_dir():
            if not path.endswith("/"):
                query = f"?{request.url.query}" if request.url.query else ""
                return RedirectResponse(f"{request.url.path}/{query}", status_code=301)
            target = target / "index.html"
        if not target.is_file():
            return self.not_found(relative)
        return self.file(target, path, accepted=accepted_encodings(request))

    def file(
        self, target: Path, path: str, status: int = 200, accepted: frozenset[str] = frozenset()
    ) -> Response:
        media_type = content_type(target.name) or mimetypes.guess_type(target.name)[0]
        headers = {"Cache-Control": cache_control(path)}
        if self.html_filter and target.suffix == ".html":
            text = self.html_filter(target.read_text(encoding="utf-8"))
            return Response(text, status, headers=headers, media_type="text/html; charset=utf-8")
        if status != 200:
            return Response(target.read_bytes(), status, headers=headers, media_type=media_type)
        # The build's precompressed copy (helpcenter/precompress.py), where the browser takes it.
        copies = [(e, target.with_name(target.name + s)) for e, s in PRECOMPRESSED.items()]
        media_type = media_type or "text/plain"
        if any(copy.is_file() for _, copy in copies):
            headers["Vary"] = "Accept-Encoding"
            for encoding, copy in copies:
                if encoding in accepted and copy.is_file():
                    headers["Content-Encoding"] = encoding
                    return FileResponse(copy, headers=headers, media_type=media_type)
        return FileResponse(target, headers=headers, media_type=media_type)

    def not_found(self, relative: str = "") -> Response:
        """The 404 page of the edition the address belongs to: /de/404.html for one under a
        translated edition's folder /de/, else /404.html (as the generated host files say)."""
        edition, slash, _ = relative.partition("/")
        folders = [f"{edition}/", ""] if slash and edition not in ("", ".", "..") else [""]
        for folder in folders:
            page = self.root / folder / "404.html"
            if page.is_file():
                return self.file(page, f"/{folder}404.html", status=404)
        return PlainTextResponse("Not found", 404, headers={"Cache-Control": "no-cache"})


def accepted_encodings(request: Request) -> frozenset[str]:
    """The codings of the request's Accept-Encoding, without those it refuses (`;q=0`)."""
    accepted = set()
    for part in request.headers.get("accept-encoding", "").split(","):
        name, _, params = part.partition(";")
        quality = params.strip().removeprefix("q=").strip() if "q=" in params else "1"
        try:
            refused = float(quality) <= 0
        except ValueError:
            refused = False
        if name.strip() and not refused:
            accepted.add(name.strip().lower())
    return frozenset(accepted)


def make_app(
    root: Path | Callable[[], Path],
    *,
    mounts: Mapping[str, ASGIApp] | None = None,
    html_filter: HtmlFilter | None = None,
    headers: Mapping[str, str] = SECURITY_HEADERS,
) -> ASGIApp:
    """The site under root as an ASGI app; `mounts` maps a path prefix to another ASGI app."""
    routes = [Mount(prefix.rstrip("/"), app) for prefix, app in (mounts or {}).items()]
    routes.append(Mount("", SiteFiles(root, html_filter)))
    return DrainRequestBody(SecurityHeaders(Starlette(routes=routes), headers))
