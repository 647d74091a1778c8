"""Runs the site's ASGI app with uvicorn: in the foreground (scripts/serve.py) or in a thread."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from types import TracebackType

import uvicorn
from starlette.types import ASGIApp

from helpcenter.server.app import make_app

START_TIMEOUT_S = 10


def uvicorn_config(app: ASGIApp, *, quiet: bool, **kw) -> uvicorn.Config:
    # h11 and asyncio: pure Python, nothing compiled; no lifespan, the app keeps no state.
    return uvicorn.Config(
        app, http="h11", ws="none", loop="asyncio", lifespan="off",
        log_level="warning" if quiet else "info", access_log=not quiet, **kw,
    )  # fmt: skip


class RunningServer:
    """A uvicorn server running in a daemon thread; stop it with shutdown() (or `with`)."""

    def __init__(self, app: ASGIApp, host: str = "127.0.0.1", port: int = 0, quiet: bool = True):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind((host, port))
        self.server = uvicorn.Server(uvicorn_config(app, quiet=quiet))
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the site server did not start on {host}:{port}")
            time.sleep(0.01)
        bound_host, bound_port = self.socket.getsockname()[:2]
        self.base_url = f"http://{bound_host}:{bound_port}"

    def shutdown(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=START_TIMEOUT_S)

    def server_close(self) -> None:
        self.socket.close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.shutdown()
        self.server_close()


def serve_in_thread(root: Path, quiet: bool = True) -> tuple[RunningServer, str]:
    """Serve the site under root on a free local port; returns (server, base_url)."""
    server = RunningServer(make_app(Path(root)), quiet=quiet)
    return server, server.base_url
