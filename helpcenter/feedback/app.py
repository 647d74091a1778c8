"""The collector: a Starlette ASGI app that stores votes, comments and search terms.

Mounted at /api/feedback on the site's own origin. It stores what `validate` accepts and
nothing about who sent it: no address, user agent, cookie or time of day.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from helpcenter.feedback.database import DatabaseError, open_store
from helpcenter.feedback.ratelimit import RateLimit, utc_today
from helpcenter.feedback.validate import Limits, Rejected, read_item
from helpcenter.feedback.writer import BatchWriter

log = logging.getLogger("helpcenter.feedback")

# How long a request waits for its commit before it is answered 503 (and may be retried).
COMMIT_TIMEOUT = 30.0
NO_STORE = {"Cache-Control": "no-store"}


@dataclass(frozen=True)
class Settings:
    """The collector's knobs; the defaults suit a public site."""

    limits: Limits = field(default_factory=Limits)
    rate_limit: int = 60  # requests per address per 10 minutes; 0 turns the limit off
    # Bearer token for GET /report; None (the default) means there is no read endpoint at all.
    read_token: str | None = None
    # page -> anchors that take feedback (the site's items.json); None accepts any well-formed.
    items: Mapping[str, frozenset[str]] | None = None


def load_items(path: Path) -> dict[str, frozenset[str]]:
    """The answers the built site asks about: {"/faq/": ["anchor", ...], ...}."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"{path}: cannot read the list of answers: {error}") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(a, str) for a in v)
        for k, v in data.items()
    ):
        raise ValueError(f"{path}: expected an object of page -> list of anchors")
    return {page: frozenset(anchors) for page, anchors in data.items()}


def error(status: int, reason: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    headers = {**NO_STORE, **(headers or {})}
    return JSONResponse({"error": reason}, status_code=status, headers=headers)


class FeedbackApp:
    """The ASGI collector; `close()` (or the ASGI lifespan shutdown) flushes and disconnects."""

    def __init__(self, database_url: str, settings: Settings | None = None, *, today=utc_today):
        self.settings = settings or Settings()
        self.database_url = database_url
        self._today = today
        self.writer = BatchWriter(database_url)  # opens and migrates now: errors show at start
        self.rate_limit = RateLimit(self.settings.rate_limit, today=today)
        routes = [
            Route("/vote", self.store, methods=["POST"], name="vote"),
            Route("/comment", self.store, methods=["POST"], name="comment"),
            Route("/search", self.store, methods=["POST"], name="search"),
            Route("/health", self.health, methods=["GET"]),
            Route("/report", self.report, methods=["GET"]),
        ]
        self.app = Starlette(
            routes=routes,
            exception_handlers={HTTPException: self._http_error, Exception: self._crash},
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        await self.app(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await asyncio.to_thread(self.close)
                await send({"type": "lifespan.shutdown.complete"})
                return

    def close(self) -> None:
        self.writer.close()

    @staticmethod
    async def _http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        reasons = {404: "no such endpoint", 405: "method not allowed"}
        headers = dict(exc.headers or {})
        return error(exc.status_code, reasons.get(exc.status_code, exc.detail), headers)

    @staticmethod
    async def _crash(request: Request, exc: Exception) -> Response:
        # Logged on the server; the client gets no trace of the code.
        log.error("feedback: unexpected error: %r", exc)
        return error(500, "internal error")

    async def health(self, request: Request) -> Response:
        return JSONResponse({"ok": True}, headers=NO_STORE)

    @staticmethod
    def _same_origin(request: Request) -> bool:
        """Browsers say where a request comes from; refuse what another site's page sends."""
        if request.headers.get("sec-fetch-site", "same-origin") not in {"same-origin", "none"}:
            return False
        origin = request.headers.get("origin")
        if origin is None or origin == "null":
            return origin is None
        host = request.headers.get("host", "")
        return origin.split("://", 1)[-1] == host

    async def _body(self, request: Request) -> bytes:
        limit = self.settings.limits.body_max
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            raise Rejected(413, f"the body is larger than {limit} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise Rejected(413, f"the body is larger than {limit} bytes")
        return bytes(body)

    async def store(self, request: Request) -> Response:
        kind = request.url.path.rstrip("/").rsplit("/", 1)[-1]
        try:
            if not self._same_origin(request):
                raise Rejected(403, "only the site's own pages may send feedback")
            media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if media_type != "application/json":
                raise Rejected(415, "send application/json")
            client = request.client.host if request.client else ""
            if not self.rate_limit.allow(client):
                raise Rejected(429, "too many requests; try again later")
            body = await self._body(request)
            item = read_item(kind, body, self._today(), self.settings.limits, self.settings.items)
        except Rejected as rejected:
            headers = {"Retry-After": "600"} if rejected.status == 429 else None
            return error(rejected.status, rejected.reason, headers)
        try:
            await asyncio.wait_for(asyncio.wrap_future(self.writer.submit(item)), COMMIT_TIMEOUT)
        except (DatabaseError, TimeoutError):
            return error(503, "feedback cannot be stored right now", {"Retry-After": "60"})
        return JSONResponse({"stored": kind}, status_code=201, headers=NO_STORE)

    async def report(self, request: Request) -> Response:
        token = self.settings.read_token
        if not token:
            return error(404, "no such endpoint")
        offered = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(offered.encode(), token.encode()):
            return error(401, "a valid read token is required", {"WWW-Authenticate": "Bearer"})
        from helpcenter.feedback.report import build_report, parse_period

        try:
            since, until = parse_period(
                request.query_params.get("since"), request.query_params.get("until"),
                request.query_params.get("days"), today=self._today(),
            )  # fmt: skip
        except ValueError as problem:
            return error(400, str(problem))

        def read() -> dict:
            store = open_store(self.database_url, migrate=False)
            try:
                return build_report(store, since, until).to_data()
            finally:
                store.close()

        return JSONResponse(await asyncio.to_thread(read), headers=NO_STORE)


def make_feedback_app(database_url: str, settings: Settings | None = None) -> FeedbackApp:
    """The collector for `database_url` (sqlite:///FILE or postgresql://...), migrated."""
    return FeedbackApp(database_url, settings)

