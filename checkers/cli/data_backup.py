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
from checkers.cli.words import fact_lines, print_error, problem_line, reason
from checkers.databackup.report import BackupReport
from checkers.wording import Wording, message
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
    language = getattr(args, "language", "en")  # --language (the main parser adds it)
    try:
        wording = content.wording(args.content_dir, language)
    except ContentError as error:
        problem = message("cli.error.labels", problem=str(error))
        print_error(_PROG, problem, content.plain_wording(language))
        return EXIT_USAGE
    try:
        password = password_input(args, wording)
        report = check_file(args.file, password)
    except UsageError as error:
        print_error(_PROG, error.problem, wording)
        return EXIT_USAGE
    except OSError as error:
        problem = message("cli.error.cannot-read", name=args.file, reason=reason(error))
        print_error(_PROG, problem, wording)
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
    lines += fact_lines([(fact["label"] + ":", fact["value"]) for fact in data["facts"]])
    lines += [problem_line(wording, f["severity"], f["code"], f["text"]) for f in data["findings"]]
    return "\n".join(lines)
