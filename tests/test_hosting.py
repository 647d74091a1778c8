"""The generated host configuration: a real nginx serves the built site with it, and the
validator and the wizard work through it; `_headers` and the Caddyfile say the same rules."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from httpfetch import POLICY, fetch
from quality import enter_export

from helpcenter.hosting import PLACEHOLDER_HOST, PLACEHOLDER_ROOT

LOAD_TIMEOUT_MS = 120_000
IMMUTABLE = "public, max-age=31536000, immutable"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
V0_BASIC = (
    "FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVQ6-BQL6-TC3Q-FWMC-LL3E-I2GP-3PC5-Y6H4-RUTB-JQJI-QCZ5-"
    "IXHE-GKEC-OU5P",
    "correct horse battery staple",
    "3HGAZYX9",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main_config(workdir: Path, server_block: Path) -> str:
    """A minimal nginx.conf around the generated server block: foreground, one process, every
    path inside workdir, so it runs beside anything else on the machine."""
    temp = "\n".join(
        f"    {name}_temp_path {workdir / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""daemon off;
master_process off;
pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
{temp}
    include {server_block};
}}
"""


@pytest.fixture(scope="module")
def nginx(built_site: Path, tmp_path_factory) -> Iterator[str]:
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed; run `bash scripts/setup.sh --tests`")
    workdir = tmp_path_factory.mktemp("nginx")
    port = free_port()
    generated = (built_site / "_deploy" / "nginx.conf").read_text(encoding="utf-8")
    # The three lines a deployment edits, as the file's own comment says.
    server_block = (
        generated.replace("listen 80;", f"listen 127.0.0.1:{port};")
        .replace(f"server_name {PLACEHOLDER_HOST};", "server_name localhost;")
        .replace(f"root {PLACEHOLDER_ROOT};", f"root {built_site};")
    )
    assert str(built_site) in server_block and f":{port};" in server_block
    (workdir / "site.conf").write_text(server_block, encoding="utf-8")
    (workdir / "nginx.conf").write_text(main_config(workdir, workdir / "site.conf"), "utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(workdir), "-c", str(workdir / "nginx.conf")],
                           capture_output=True, text=True)  # fmt: skip
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [NGINX, "-p", str(workdir), "-c", str(workdir / "nginx.conf")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                log_file = workdir / "error.log"
                log = log_file.read_text() if log_file.exists() else ""
                pytest.fail(f"nginx did not start: {process.stderr.read().decode()} {log}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_nginx_sends_the_policy_and_types(nginx: str) -> None:
    status, headers, _ = fetch(nginx + "/")
    assert status == 200
    assert headers["content-security-policy"] == POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-cache"
    runtime = runtime_path(nginx)
    for path, mime in [
        ("/assets/js/checkers-worker.mjs", "text/javascript; charset=utf-8"),
        (f"{runtime}pyodide.asm.wasm", "application/wasm"),
    ]:
        status, headers, _ = fetch(nginx + path)
        assert (status, headers["content-type"]) == (200, mime), path
        assert headers["content-security-policy"] == POLICY
    assert fetch(nginx + "/assets/vendor/hash-wasm/argon2.umd.min.js")[1]["cache-control"] == (
        "public, max-age=86400"
    )
    # Named by their digest: cached for good.
    assert fetch(nginx + f"{runtime}pyodide.mjs")[1]["cache-control"] == IMMUTABLE


def runtime_path(base: str) -> str:
    """The site path of the runtime's folder, /assets/runtime/pyodide-<digest>/."""
    manifest = json.loads(fetch(base + "/assets/checkers/manifest.json")[2])
    return urljoin("/assets/checkers/manifest.json", manifest["runtime"]["dir"])


def test_nginx_compresses_text(nginx: str) -> None:
    import urllib.request

    request = urllib.request.Request(nginx + "/faq/", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Encoding"] == "gzip"


def test_nginx_sends_the_builds_gzip_copy(nginx: str, built_site: Path) -> None:
    """gzip_static: the .gz the build wrote, byte for byte, not a gzip made on the fly."""
    import urllib.request

    wasm = f"{runtime_path(nginx)}pyodide.asm.wasm"
    request = urllib.request.Request(nginx + wasm, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Content-Type"] == "application/wasm"
        assert response.headers["Cache-Control"] == IMMUTABLE
        body = response.read()
    assert body == (built_site / f"{wasm.lstrip('/')}.gz").read_bytes()


@pytest.mark.parametrize("path", ["/no/such/page/", "/assets/", "/_deploy/nginx.conf", "/_headers"])
def test_nginx_answers_unknown_paths_with_the_sites_404(nginx: str, path: str) -> None:
    status, headers, body = fetch(nginx + path)
    assert status == 404
    assert "This page does not exist" in body.decode()
    assert headers["content-security-policy"] == POLICY


# --- issue 13: each edition's own 404 page (helpcenter/hosting.py) ---
@pytest.mark.parametrize(
    ("path", "language", "says"),
    [
        ("/de/no/such/page/", "de", "Diese Seite gibt es nicht"),
        ("/de/faq/missing.html", "de", "Diese Seite gibt es nicht"),
        ("/no/such/", "en", "This page does not exist"),
        ("/deutsch/", "en", "This page does not exist"),
    ],
)
def test_nginx_answers_in_the_language_of_the_address(
    nginx: str, path: str, language: str, says: str
) -> None:
    status, headers, body = fetch(nginx + path)
    text = body.decode()
    assert status == 404
    assert f'<html lang="{language}"' in text and says in text
    assert headers["content-security-policy"] == POLICY


def test_nginx_still_serves_the_german_pages(nginx: str) -> None:
    status, _, body = fetch(nginx + "/de/faq/")
    assert status == 200 and '<html lang="de"' in body.decode()


# --- end of issue 13 ---


def test_nginx_redirects_a_folder_to_its_slash(nginx: str) -> None:
    status, headers, _ = fetch(nginx + "/faq")
    assert (status, headers["location"]) == (301, "/faq/")


def test_validator_works_through_nginx(chromium, nginx: str) -> None:
    text, password, identity = V0_BASIC
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(f"{nginx}/tools/id-export/")
        result = "#id-export-result"
        page.wait_for_selector(f'{result}[data-state="ready"]', timeout=LOAD_TIMEOUT_MS)
        enter_export(page, text, password)
        page.click("#id-export-check")
        page.wait_for_selector(f'{result}[data-state="done"]', timeout=LOAD_TIMEOUT_MS)
        assert page.get_attribute(result, "data-ok") == "true"
        assert page.get_attribute(result, "data-identity") == identity
    finally:
        context.close()


def test_wizard_works_through_nginx(chromium, nginx: str) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        query = "from=android&to=ios&old-device=lost&keep=id,chats&have=threema-safe"
        page.goto(f"{nginx}/tools/backup-choice/?{query}")
        result = "#backup-choice-result"
        page.wait_for_selector(f'{result}[data-state="done"]', timeout=LOAD_TIMEOUT_MS)
        # checkers.backup_choice's answer for this query (tests/test_browser_wizard.py).
        assert page.get_attribute(result, "data-options") == "threema-safe"
    finally:
        context.close()


def test_headers_file_for_netlify_and_cloudflare(built_site: Path) -> None:
    text = (built_site / "_headers").read_text(encoding="utf-8")
    assert f"/*\n  Content-Security-Policy: {POLICY}\n" in text
    assert "/*.mjs\n  Content-Type: text/javascript; charset=utf-8\n" in text
    assert "/*.wasm\n  Content-Type: application/wasm\n" in text
    assert "/assets/vendor/*\n  Cache-Control: public, max-age=86400\n" in text


def test_caddyfile_states_the_same_rules(built_site: Path) -> None:
    text = (built_site / "_deploy" / "Caddyfile").read_text(encoding="utf-8")
    assert f'\t\tContent-Security-Policy "{POLICY}"\n' in text
    assert '\theader @wasm Content-Type "application/wasm"\n' in text
    assert "\tencode zstd gzip\n" in text
    assert "\t\trewrite * /404.html\n" in text


def test_the_collector_rule_comes_with_a_site_built_with_feedback(tmp_path: Path) -> None:
    """Issue 14: the hosting files gain the reverse-proxy rule only where the site has the
    feedback controls (their answers' list is in the built site)."""
    from helpcenter.feedback.site import ITEMS_FILE
    from helpcenter.hosting import write_hosting_files

    plain, with_feedback = tmp_path / "plain", tmp_path / "feedback"
    for site in (plain, with_feedback):
        site.mkdir()
    (with_feedback / ITEMS_FILE).parent.mkdir(parents=True)
    (with_feedback / ITEMS_FILE).write_text("[]", encoding="utf-8")
    write_hosting_files(plain)
    write_hosting_files(with_feedback)
    deploy = with_feedback / "_deploy"
    assert "location /api/feedback/ {" in (deploy / "nginx.conf").read_text("utf-8")
    assert "handle_path /api/feedback/* {" in (deploy / "Caddyfile").read_text("utf-8")
    assert "/api/feedback" not in (plain / "_deploy/nginx.conf").read_text("utf-8")
    assert "/api/feedback" not in (plain / "_deploy/Caddyfile").read_text("utf-8")
