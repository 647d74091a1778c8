"""Reverse-proxy rules that put the collector on the site's origin, for nginx and Caddy.

The host configuration generator (nginx `server` block, Caddyfile) adds these where the
collector runs; `python -m helpcenter.feedback proxy nginx|caddy` prints them.
"""

from __future__ import annotations

PREFIX = "/api/feedback/"
# Above the collector's own limit (validate.Limits.body_max, 4 KiB), which answers in JSON; a
# body past this one gets the same JSON answer from nginx itself.
MAX_BODY = "16k"
TOO_LARGE = '{"error": "the body is larger than 4096 bytes"}'


def nginx_location(upstream: str = "127.0.0.1:8001", indent: str = "    ") -> str:
    """A `location` for the site's nginx `server` block."""
    lines = [
        "# The feedback collector (python -m helpcenter.feedback serve), on this origin.",
        f"location {PREFIX} {{",
        f"    # {PREFIX}vote -> http://{upstream}/vote",
        f"    proxy_pass http://{upstream}/;",
        "    proxy_set_header Host $host;",
        "    # Read only by the rate limit, which keeps a daily-keyed hash in memory, never the",
        "    # address; the collector trusts it from 127.0.0.1 (--forwarded-allow-ips).",
        "    proxy_set_header X-Forwarded-For $remote_addr;",
        "    proxy_set_header X-Forwarded-Proto $scheme;",
        f"    client_max_body_size {MAX_BODY};",
        "    # The collector stores no address: the proxy logs none for these requests either.",
        "    access_log off;",
        "    error_page 413 = @feedback_too_large;",
        "}",
        "location @feedback_too_large {",
        "    access_log off;",
        "    default_type application/json;",
        f"    return 413 '{TOO_LARGE}';",
        "}",
    ]
    return "\n".join(indent + line for line in lines) + "\n"


def caddy_handle(upstream: str = "127.0.0.1:8001", indent: str = "\t") -> str:
    """A `handle_path` for the site's Caddyfile block (Caddy sets X-Forwarded-For itself and
    writes no access log unless a `log` directive asks for one)."""
    lines = [
        "# The feedback collector (python -m helpcenter.feedback serve), on this origin.",
        f"handle_path {PREFIX}* {{",
        f"\treverse_proxy {upstream}",
        "}",
    ]
    return "\n".join(indent + line for line in lines) + "\n"
