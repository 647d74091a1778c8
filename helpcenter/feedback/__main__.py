"""Command line: `report` for the writers, `serve` for the collector alone, `migrate`, `check`.

    python -m helpcenter.feedback report [--since DAY] [--until DAY | --days N] [--html FILE]
    python -m helpcenter.feedback serve --port 8001 [--items site/assets/feedback/items.json]

The database is --database, else $HELPCENTER_FEEDBACK_DATABASE, else sqlite:///var/feedback.sqlite3.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from helpcenter.feedback.database import DEFAULT_DATABASE_URL, DatabaseError, open_store
from helpcenter.feedback.ratelimit import utc_today


def database_url(given: str | None) -> str:
    return given or os.environ.get("HELPCENTER_FEEDBACK_DATABASE") or DEFAULT_DATABASE_URL


def write_atomically(path: Path, text: str) -> None:
    """Whole or not at all: a half-written report never replaces a good one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def cmd_report(args: argparse.Namespace) -> int:
    from helpcenter.feedback.report import build_report, parse_period
    from helpcenter.feedback.report_html import render_html

    try:
        since, until = parse_period(args.since, args.until, args.days, today=utc_today())
    except ValueError as problem:
        print(f"report: {problem}", file=sys.stderr)
        return 2
    url = database_url(args.database)
    if url.startswith("sqlite:") and not url.startswith("sqlite:///:"):
        from helpcenter.feedback.database import sqlite_path

        if not sqlite_path(url).is_file():
            print(f"report: {sqlite_path(url)}: no feedback database there yet", file=sys.stderr)
            return 2
    store = open_store(url, migrate=False)
    try:
        report = build_report(store, since, until)
    finally:
        store.close()
    if args.html:
        write_atomically(args.html, render_html(report))
        print(f"report: wrote {args.html}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_data(), ensure_ascii=False, indent=1))
    elif not args.html:
        sys.stdout.write(_text(report))
    return 0


def _text(report) -> str:
    from helpcenter.feedback.report import format_text

    return format_text(report)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from helpcenter.feedback.app import Settings, load_items, make_feedback_app
    from helpcenter.server.drain import DrainRequestBody

    items = load_items(args.items) if args.items else None
    token = os.environ.get("HELPCENTER_FEEDBACK_READ_TOKEN") or None
    settings = Settings(rate_limit=args.rate_limit, read_token=token, items=items)
    app = make_feedback_app(database_url(args.database), settings)
    print(f"feedback: collector on http://{args.host}:{args.port}/ (Ctrl+C to stop)", flush=True)
    # A refusal (403, 415, 429) is sent before the body is read: drain it so the client
    # receives the refusal rather than a reset connection.
    uvicorn.run(
        DrainRequestBody(app), host=args.host, port=args.port, log_level="warning",
        access_log=False, proxy_headers=True, forwarded_allow_ips=args.forwarded_allow_ips,
    )  # fmt: skip
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    store = open_store(database_url(args.database), migrate=False)
    try:
        applied = store.migrate()
        print(f"migrate: schema version {store.schema_version()} (applied: {applied or 'none'})")
    finally:
        store.close()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    store = open_store(database_url(args.database), migrate=False)
    try:
        result = store.integrity_check()
    finally:
        store.close()
    print(f"check: {result}")
    return 0 if result == "ok" else 1


def cmd_proxy(args: argparse.Namespace) -> int:
    from helpcenter.feedback.proxy import caddy_handle, nginx_location

    rule = nginx_location if args.server == "nginx" else caddy_handle
    sys.stdout.write(rule(args.upstream, indent=""))
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m helpcenter.feedback",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = main.add_subparsers(dest="command", required=True)

    report = commands.add_parser("report", help="print what readers told us, for a period")
    report.add_argument("--since", help="first day, YYYY-MM-DD (default: 30 days ago)")
    report.add_argument("--until", help="last day, YYYY-MM-DD (default: today, UTC)")
    report.add_argument("--days", type=int, help="the last N days up to --until")
    report.add_argument("--html", type=Path, metavar="FILE", help="write an HTML page too")
    report.add_argument("--json", action="store_true", help="print JSON instead of text")
    report.set_defaults(run=cmd_report)

    serve = commands.add_parser("serve", help="run the collector alone (behind a proxy)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8001)
    serve.add_argument("--items", type=Path, help="the built site's assets/feedback/items.json")
    serve.add_argument("--rate-limit", type=int, default=60,
                       help="requests per address per 10 minutes (0: no limit)")  # fmt: skip
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                       help="proxies whose X-Forwarded-For is trusted")  # fmt: skip
    serve.set_defaults(run=cmd_serve)

    proxy = commands.add_parser("proxy", help="print the reverse-proxy rule for the collector")
    proxy.add_argument("server", choices=["nginx", "caddy"])
    proxy.add_argument("--upstream", default="127.0.0.1:8001", help="where the collector runs")
    proxy.set_defaults(run=cmd_proxy)

    for name, run, text in (
        ("migrate", cmd_migrate, "bring the schema up to date"),
        ("check", cmd_check, "run the database's integrity check"),
    ):
        command = commands.add_parser(name, help=text)
        command.set_defaults(run=run)
    for command in commands.choices.values():
        if command is proxy:
            continue
        command.add_argument("--database", metavar="URL",
                             help="sqlite:///FILE or postgresql://USER@HOST:PORT/DB")  # fmt: skip
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (DatabaseError, ValueError) as problem:
        print(f"{args.command}: {problem}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    from checkers.cli.pipe import run_command

    sys.exit(run_command(main))
