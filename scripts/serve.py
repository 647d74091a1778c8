"""Serves the built site at http://127.0.0.1:8000 with the site's security headers."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from helpcenter.serve import make_server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("site"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    if not (args.root / "index.html").is_file():
        print(f"serve: {args.root}/index.html not found; run `make build` first", file=sys.stderr)
        return 2
    server = make_server(args.root, args.host, args.port)
    print(f"Serving {args.root}/ at http://{args.host}:{args.port}/ (Ctrl+C to stop)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
