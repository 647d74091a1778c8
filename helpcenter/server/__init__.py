"""The project's own server: the built site as an ASGI app (Starlette), run by uvicorn."""

from helpcenter.server.app import make_app
from helpcenter.server.run import RunningServer, serve_in_thread

__all__ = ["RunningServer", "make_app", "serve_in_thread"]
