"""`python -m checkers data-backup FILE`: will this Android data backup restore?"""

from __future__ import annotations

import argparse
import json
import sys

from checkers.cli import content
from checkers.cli.data_backup_host import check_file
from checkers.cli.passwords import (
    UsageError,
    add_password_options,
    password_input,
    reconfigure_output,
)
from checkers.databackup.report import BackupReport
from checkers.wording import Wording
from helpcenter.yamlsource import ContentError

EXIT_OK, EXIT_NOT_OK, EXIT_USAGE = 0, 1, 2
_PROG = "python -m checkers data-backup"


def add_parser(subparsers: argparse._SubParsersAction, name: str) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        name,
        help="check an Android data backup (ZIP) and its password before a phone is reset",
        description=(
            "Checks an Android data backup file (threema-backup_….zip): whether the password "
            "opens it, the ID it restores, its format version, what it holds, and every "
            "problem. Reads only the parts it needs (well under 1 MB of a multi-GB file). "
            "The password never comes from the command line; without one, only the file's "
            "structure is checked (exit status 1)."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    add_password_options(parser)
    parser.add_argument("file", metavar="FILE", help="the backup file")
    return parser


def run(args: argparse.Namespace) -> int:
    """Prints the report; 0 when the backup will restore, 1 when not, 2 for a usage error."""
    try:
        wording = content.wording(args.content_dir, getattr(args, "language", "en"))
    except ContentError as error:
        print(f"{_PROG}: error: the content's labels: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        password = password_input(args)
        report = check_file(args.file, password)
    except UsageError as error:
        print(f"{_PROG}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"{_PROG}: error: cannot read {args.file}: {reason}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(report.to_dict(wording)))
    else:
        reconfigure_output(sys.stdout)
        print(render(report, wording))
    return EXIT_OK if report.ok else EXIT_NOT_OK


def render(report: BackupReport, wording: Wording) -> str:
    """The human-readable report: a verdict line, the facts, then each finding (all words from
    the report's own rendering, so the page and the terminal say the same)."""
    data = report.to_dict(wording)
    lines = [data["headline"]]
    lines += [f"  {fact['label'] + ':':16}{fact['value']}" for fact in data["facts"]]
    lines += [f"{f['severity']} ({f['code']}): {f['text']}" for f in data["findings"]]
    return "\n".join(lines)
