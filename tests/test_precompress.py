"""Fewer bytes on the wire: the build's .br/.gz copies, sent by the project's server with the
right Content-Encoding, and digest-named runtime files that hosts may cache for good."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import urllib.request
from pathlib import Path

import brotli
import pytest

from helpcenter.precompress import precompress_site
from helpcenter.security import cache_control
from helpcenter.server import RunningServer, make_app

IMMUTABLE = "public, max-age=31536000, immutable"
SCRIPT = ("export const answer = 42;\n" * 400).encode()  # 10 kB, compresses well


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text("<h1>start</h1>", encoding="utf-8")
    (root / "404.html").write_text("<h1>missing</h1>", encoding="utf-8")
    (root / "assets" / "runtime" / "pyodide-0123456789abcdef").mkdir(parents=True)
    (root / "assets" / "runtime" / "pyodide-0123456789abcdef" / "big.mjs").write_bytes(SCRIPT)
    (root / "assets" / "tiny.js").write_text("1", encoding="utf-8")
    (root / "assets" / "noise.bin").write_bytes(os.urandom(4096))  # does not compress
    (root / "_deploy").mkdir()
    (root / "_deploy" / "nginx.conf").write_text("server {}\n" * 200, encoding="utf-8")
    precompress_site(root, cache_dir=None)
    return root


def test_large_compressible_files_get_both_copies(small_site: Path) -> None:
    big = small_site / "assets/runtime/pyodide-0123456789abcdef/big.mjs"
    assert brotli.decompress((big.parent / "big.mjs.br").read_bytes()) == SCRIPT
    assert gzip.decompress((big.parent / "big.mjs.gz").read_bytes()) == SCRIPT
    assert len((big.parent / "big.mjs.br").read_bytes()) < len(SCRIPT) // 10


def test_small_incompressible_and_host_files_get_none(small_site: Path) -> None:
    copies = {p.relative_to(small_site).as_posix() for p in small_site.rglob("*.br")}
    copies |= {p.relative_to(small_site).as_posix() for p in small_site.rglob("*.gz")}
    assert copies == {
        "assets/runtime/pyodide-0123456789abcdef/big.mjs.br",
        "assets/runtime/pyodide-0123456789abcdef/big.mjs.gz",
    }


@pytest.fixture(scope="module")
def small_server(small_site: Path):
    with RunningServer(make_app(small_site)) as server:
        yield server.base_url


def get(url: str, encoding: str | None) -> tuple[dict, bytes]:
    headers = {"Accept-Encoding": encoding} if encoding is not None else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:
        return {k.lower(): v for k, v in r.headers.items()}, r.read()


@pytest.mark.parametrize(
    ("accept", "sent"),
    [("gzip, deflate, br, zstd", "br"), ("gzip, deflate", "gzip"), ("br;q=0, gzip", "gzip"),
     (None, None), ("identity", None)],
)  # fmt: skip
def test_the_server_sends_the_copy_the_browser_takes(
    small_server: str, accept: str | None, sent: str | None
) -> None:
    path = "/assets/runtime/pyodide-0123456789abcdef/big.mjs"
    headers, body = get(small_server + path, accept)
    assert headers.get("content-encoding") == sent
    assert headers["content-type"] == "text/javascript; charset=utf-8"
    assert headers["vary"] == "Accept-Encoding"
    assert headers["cache-control"] == IMMUTABLE
    decoded = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[sent](body)
    assert decoded == SCRIPT


def test_a_file_without_copies_goes_as_it_is(small_server: str) -> None:
    headers, body = get(small_server + "/assets/tiny.js", "gzip, br")
    assert (body, headers.get("content-encoding"), headers.get("vary")) == (b"1", None, None)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/assets/runtime/pyodide-0123456789abcdef/pyodide.asm.wasm", IMMUTABLE),
        ("/assets/runtime/pyodide-0123456789abcdef/pyodide.asm.wasm.br", IMMUTABLE),
        ("/assets/checkers/helpcenter_checkers-0.1.0-py3-none-any.0123456789abcdef.whl",
         IMMUTABLE),
        ("/assets/checkers/snapshot-0123456789abcdef.fedcba9876543210.bin.gz", IMMUTABLE),
        ("/assets/checkers/stdlib-0123456789abcdef.fedcba9876543210.zip", IMMUTABLE),
        ("/assets/checkers/manifest.json", "no-cache"),
        ("/assets/vendor/hash-wasm/argon2.umd.min.js", "public, max-age=86400"),
        ("/sw.js", "no-cache"),
        ("/tools/id-export/", "no-cache"),
    ],
)  # fmt: skip
def test_only_digest_named_files_are_cached_for_good(path: str, expected: str) -> None:
    assert cache_control(path) == expected


def test_the_built_runtime_and_snapshot_have_digest_names_and_copies(built_site: Path) -> None:
    checkers = built_site / "assets" / "checkers"
    manifest = json.loads((checkers / "manifest.json").read_text(encoding="utf-8"))
    runtime = (checkers / manifest["runtime"]["dir"]).resolve()
    assert runtime.name.startswith("pyodide-") and len(runtime.name) == len("pyodide-") + 16
    wasm = runtime / "pyodide.asm.wasm"
    assert gzip.decompress((runtime / "pyodide.asm.wasm.gz").read_bytes()) == wasm.read_bytes()
    assert brotli.decompress((runtime / "pyodide.asm.wasm.br").read_bytes()) == wasm.read_bytes()
    assert manifest["wheel"].endswith(f".{manifest['sha256'][:16]}.whl")
    snapshot = checkers / manifest["snapshot"]["file"]
    assert snapshot.name.startswith(f"snapshot-{manifest['snapshot']['key']}.")
    image = snapshot.read_bytes()
    assert brotli.decompress((checkers / f"{snapshot.name}.br").read_bytes()) == image
    # Compressed, the snapshot is a fraction of its 30-odd MB (mostly empty memory).
    assert len((checkers / f"{snapshot.name}.br").read_bytes()) < len(image) // 3
    # The trimmed standard library it was made with: its digest in its name.
    stdlib = checkers / manifest["snapshot"]["stdlib"]["file"]
    assert stdlib.name.startswith(f"stdlib-{manifest['snapshot']['key']}.")
    digest = base64.b64encode(hashlib.sha256(stdlib.read_bytes()).digest()).decode()
    assert manifest["snapshot"]["stdlib"]["integrity"] == f"sha256-{digest}"
    assert stdlib.name.split(".")[-2] == hashlib.sha256(stdlib.read_bytes()).hexdigest()[:16]


def test_the_service_worker_caches_every_page_with_a_checker_box(tmp_path: Path) -> None:
    """The offline list comes from the built pages, not from a list of English paths: a
    translated tool page is covered as soon as it is built."""
    from helpcenter.offline import tool_pages

    for path, body in {
        "tools/id-export/index.html": '<div class="hc-checker" data-checker="id-export">',
        "de/tools/id-export/index.html": '<div id="x" data-checker="id-export">',
        "faq/index.html": "<p>data-checker is only mentioned here</p>",
        "index.html": "<h1>start</h1>",
    }.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(body, encoding="utf-8")
    assert tool_pages(tmp_path) == ["de/tools/id-export/", "tools/id-export/"]


def test_the_built_service_worker_is_a_same_origin_file_under_the_policy(
    built_site: Path, site_url: str
) -> None:
    from httpfetch import POLICY, fetch

    status, headers, body = fetch(site_url + "/sw.js")
    assert (status, headers["content-type"]) == (200, "text/javascript; charset=utf-8")
    assert headers["content-security-policy"] == POLICY
    assert "'unsafe-eval'" not in POLICY and "script-src 'self' 'wasm-unsafe-eval';" in POLICY
    assert headers["cache-control"] == "no-cache"  # a new build's worker is found at once
    text = body.decode()
    for page in ("tools/id-export/", "tools/backup-choice/", "tools/data-backup/"):
        assert f'"{page}"' in text
    assert "//" not in text.split("const BUILD = ")[1].split(";\n")[0]  # no other host
