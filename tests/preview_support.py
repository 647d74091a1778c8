"""Runs `scripts/preview.py` (the writers' live preview) for the preview tests, on a free port,
over copies of the content the test may edit; and edits those copies."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 180


@contextmanager
def running_preview(work_dir: Path, env: dict[str, str]) -> Iterator[tuple[str, list[str]]]:
    """(its http address without the final slash, the lines it wrote to stderr so far); the
    preview builds into work_dir, with `env` added to the environment (the content's and
    catalogs' copies), and is stopped with Ctrl-C after (killed if it does not stop)."""
    process = subprocess.Popen(
        [sys.executable, "scripts/preview.py", "--port", "0", "--work-dir", str(work_dir)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **env},
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    errors: list[str] = []
    threading.Thread(target=lambda: [lines.put(x) for x in process.stdout], daemon=True).start()
    threading.Thread(target=lambda: [errors.append(x) for x in process.stderr], daemon=True).start()
    url = None
    deadline = time.monotonic() + START_TIMEOUT_S
    while url is None and time.monotonic() < deadline and process.poll() is None:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if line.startswith("preview: http://"):
            url = line.split()[1].rstrip("/")
    try:
        if url is None:
            pytest.fail(f"the preview did not start: {''.join(errors)}")
        yield url, errors
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def edit(path: Path, old: str, new: str) -> None:
    """Replaces the first `old` in the file by `new` (as a writer saving the file would)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
