"""Live preview for writers: serves the site at http://127.0.0.1:8000, rebuilds on every save
of content, templates or assets, reloads the open page, and shows content errors in the page
and here. PDFs are skipped unless --pdfs."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
from pathlib import Path

import uvicorn

from helpcenter.server import make_app
from helpcenter.server.preview import (
    PREVIEW_PREFIX,
    BuildState,
    PreviewBuilder,
    Rebuilder,
    build_wheel_or_report,
    inject_reload_script,
    preview_app,
    watched_folders,
)
from helpcenter.server.run import uvicorn_config

ROOT = Path(__file__).resolve().parent.parent


def report(state: BuildState) -> None:
    """One line per build in the terminal; the problems in full when it failed."""
    if state.ok:
        print(f"preview: build {state.generation} ready in {state.seconds:.1f} s", flush=True)
    else:
        print(f"preview: build {state.generation} failed; the page keeps the last good build:",
              *state.problems, sep="\n", file=sys.stderr, flush=True)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--pdfs", action="store_true", help="print the PDF guides on every build")
    parser.add_argument("--work-dir", type=Path, default=ROOT / ".cache" / "preview")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # keeps the problems readable
    os.chdir(ROOT)
    problem = build_wheel_or_report()
    if problem:
        print(f"preview: {problem}", file=sys.stderr)
        return 1
    builder = PreviewBuilder(ROOT / "mkdocs.yml", args.work_dir, pdfs=args.pdfs)
    report(builder.build())  # a first build that fails still serves its problems
    stopping = threading.Event()
    rebuilder = Rebuilder(builder, watched_folders(ROOT), on_build=report)
    app = make_app(
        builder.current_root,
        mounts={PREVIEW_PREFIX: preview_app(builder, stopping)},
        html_filter=inject_reload_script,
    )
    config = uvicorn_config(app, quiet=True, host=args.host, port=args.port,
                            timeout_graceful_shutdown=1)  # fmt: skip
    server = uvicorn.Server(config)
    rebuilder.start()

    def announce() -> None:
        # The port is known once the socket is bound (--port 0 for tests).
        while not server.started:
            if stopping.wait(0.05):
                return
        port = server.servers[0].sockets[0].getsockname()[1]
        print(f"preview: http://{args.host}:{port}/ (rebuilds on save; Ctrl+C to stop)",
              flush=True)  # fmt: skip

    threading.Thread(target=announce, daemon=True).start()
    try:
        with contextlib.suppress(KeyboardInterrupt):
            server.run()
    finally:
        stopping.set()
        rebuilder.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
