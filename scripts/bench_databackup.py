"""Benchmark of the data-backup checker (not a test): a 2 GB sparse backup against its KDFs.

The backup is made by pyzipper (tests/databackup_maker.py) and grown to 2 GiB with 2000 media
entries whose data are holes, so it costs no disk space. The baseline is the key derivations
the check needs, done bare with hashlib: PBKDF2-HMAC-SHA1 (1000 iterations) for each entry it
opens and PBKDF2-HMAC-SHA256 (100,000 iterations) for the ID export inside.

Usage: .venv/bin/python scripts/bench_databackup.py [--json FILE] [--repeat N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checkers.cli.data_backup_host import FileHost, check_file  # noqa: E402
from checkers.databackup import ReadRequest, check_steps  # noqa: E402
from checkers.driver import run as drive  # noqa: E402
from checkers.kdf import KdfRequest  # noqa: E402
from tests.databackup_maker import FILE_NAME, PASSWORD, Backup, sparse_giant  # noqa: E402

GIANT_BYTES = 2 * 1024**3
MEDIA_ENTRIES = 2000
TARGET_RATIO = 1.2
_HASHES = {"pbkdf2-sha1": "sha1", "pbkdf2-sha256": "sha256"}


def requests_of(path: Path) -> tuple[list[KdfRequest], int, int]:
    """The key derivations one check asks for, and the bytes and ranges it reads."""
    kdfs: list[KdfRequest] = []
    read = ranges = 0
    with path.open("rb") as file:
        host = FileHost(file.fileno())

        def perform(request: Any) -> bytes:
            nonlocal read, ranges
            if isinstance(request, KdfRequest):
                kdfs.append(request)
            answer = host.perform(request)
            if isinstance(request, ReadRequest):
                read, ranges = read + len(answer), ranges + 1
            return answer

        report = drive(check_steps(path.stat().st_size, path.name, PASSWORD), perform)
    if not report.ok:
        raise SystemExit(f"bench: the generated backup does not check ok: {report.to_dict()}")
    return kdfs, read, ranges


def bare_derivations(kdfs: list[KdfRequest]) -> Callable[[], object]:
    def run() -> object:
        return [
            hashlib.pbkdf2_hmac(_HASHES[k.algorithm], k.password, k.salt, k.iterations, k.length)
            for k in kdfs
        ]

    return run


def paired_fastest(action: Callable[[], object], baseline: Callable[[], object], repeat: int):
    """Fastest of alternate runs: load from other processes only ever adds time."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for index, run in enumerate((action, baseline)):
            start = time.perf_counter()
            run()
            best[index] = min(best[index], time.perf_counter() - start)
    return best[0], best[1]


def measure(folder: Path, repeat: int) -> list[dict]:
    small = Backup().zip_bytes()
    giant = sparse_giant(small, folder / FILE_NAME, GIANT_BYTES, MEDIA_ENTRIES)
    size = giant.stat().st_size
    kdfs, read, ranges = requests_of(giant)
    check, bare = paired_fastest(lambda: check_file(giant, PASSWORD), bare_derivations(kdfs),
                                 repeat)  # fmt: skip
    kinds = ", ".join(f"{sum(k.algorithm == a for k in kdfs)}× {a}" for a in _HASHES)
    return [
        {
            "measure": (
                f"Data-backup check, {size / 1e9:.2f} GB backup, {MEDIA_ENTRIES + 15} entries "
                f"(read {read / 1000:.0f} kB in {ranges} ranges)"
            ),
            "seconds": check,
            "baseline_seconds": bare,
            "ratio": check / bare,
            "target": f"ratio <= {TARGET_RATIO}, read < 1 MB",
            "baseline": f"its key derivations bare ({kinds})",
            "bytes_read": read,
            "file_bytes": size,
        }
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    parser.add_argument("--repeat", type=int, default=9, help="alternate runs (fastest counts)")
    parser.add_argument("--keep", metavar="DIR", help="make the sparse backup in DIR, keep it")
    args = parser.parse_args(argv)
    if args.keep:
        rows = measure(Path(args.keep), max(1, args.repeat))
    else:
        with tempfile.TemporaryDirectory(prefix="bench-databackup-") as temp:
            rows = measure(Path(temp), max(1, args.repeat))
    for row in rows:
        print(
            f"{row['measure']}: {row['seconds'] * 1000:.1f} ms; {row['baseline']}: "
            f"{row['baseline_seconds'] * 1000:.1f} ms; ratio {row['ratio']:.3f} "
            f"(target {row['target']})"
        )
    if args.json:
        report = {"bench": "checkers.databackup", "python": sys.version.split()[0], "rows": rows}
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
