"""The nginx rule for the collector, in a real nginx: votes pass, nothing about them is logged,
a spoofed X-Forwarded-For does not dodge the rate limit, and oversized bodies get JSON."""

from __future__ import annotations

import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedback_support import collector_process, free_port, request, wait_for_port

from helpcenter.feedback.proxy import caddy_handle, nginx_location

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_config(workdir: Path, port: int, root: Path, upstream: str) -> str:
    """nginx in the foreground, one process, every file inside workdir, an access log on."""
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
    access_log {workdir / "access.log"};
{temp}
    server {{
        listen 127.0.0.1:{port};
        root {root};
{nginx_location(upstream, indent="        ")}
    }}
}}
"""


@pytest.fixture
def proxied(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(base URL of nginx in front of a collector with a limit of 3 per address, workdir)."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed; run `bash scripts/setup.sh --tests`")
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "index.html").write_text("<!doctype html><title>site</title>")
    collector_port, nginx_port = free_port(), free_port()
    collector = collector_process(
        f"sqlite:///{tmp_path}/feedback.sqlite3", collector_port, "--rate-limit", "3"
    )
    config = tmp_path / "nginx.conf"
    config.write_text(
        nginx_config(tmp_path, nginx_port, tmp_path / "root", f"127.0.0.1:{collector_port}")
    )
    nginx = None
    try:
        wait_for_port(collector_port, process=collector)
        check = subprocess.run(
            [NGINX, "-t", "-p", str(tmp_path), "-c", str(config)], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stderr
        nginx = subprocess.Popen(
            [NGINX, "-p", str(tmp_path), "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(nginx_port, process=nginx)
        yield f"http://127.0.0.1:{nginx_port}", tmp_path
    finally:
        for process in (nginx, collector):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=20)


VOTE = {"page": "/faq/", "anchor": "a", "helpful": True, "lang": "en"}


def test_votes_pass_the_proxy_unlogged_and_rate_limited(proxied) -> None:
    base, workdir = proxied
    assert request(base + "/")[0] == 200  # an ordinary page is logged as usual
    statuses = [
        request(base + "/api/feedback/vote", VOTE, headers={"X-Forwarded-For": f"10.0.0.{n}"})[0]
        for n in range(5)
    ]
    # The proxy replaces the visitor's X-Forwarded-For: five "addresses" are still one.
    assert statuses == [201, 201, 201, 429, 429]
    status, answer, _ = request(base + "/api/feedback/vote", b"{" + b" " * 20_000 + b"}")
    assert (status, answer) == (413, {"error": "the body is larger than 4096 bytes"})
    status, answer, _ = request(base + "/api/feedback/nothing-here", VOTE)
    assert status == 404 and list(answer) == ["error"]

    log = (workdir / "access.log").read_text()
    assert "GET / " in log
    assert "/api/feedback" not in log


def test_the_caddy_rule_strips_the_prefix_to_the_collector() -> None:
    rule = caddy_handle("127.0.0.1:9000", indent="")
    assert rule.splitlines()[1:] == [
        "handle_path /api/feedback/* {",
        "\treverse_proxy 127.0.0.1:9000",
        "}",
    ]
