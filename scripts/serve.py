"""Serves the built site at http://127.0.0.1:8000 with the site's security headers, and its
feedback collector at /api/feedback when the site was built with feedback controls."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import uvicorn

from helpcenter.feedback import collector_for_site
from helpcenter.server import make_app
from helpcenter.server.run import uvicorn_config


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("site"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--quiet", action="store_true", help="log no requests")
    args = parser.parse_args()
    if not (args.root / "index.html").is_file():
        print(f"serve: {args.root}/index.html not found; run `make build` first", file=sys.stderr)
        return 2
    # The feedback collector on the same origin, when the site was built with its controls.
    collector = collector_for_site(args.root)
    mounts = {"/api/feedback": collector} if collector is not None else {}
    print(f"Serving {args.root}/ at http://{args.host}:{args.port}/ (Ctrl+C to stop)")
    if collector is not None:
        print("Feedback is collected at /api/feedback (report: make report)")
    app = make_app(args.root, mounts=mounts)
    config = uvicorn_config(app, quiet=args.quiet, host=args.host, port=args.port)
    uvicorn.Server(config).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
