"""`python -m checkers data-backup FILE`: will this Android data backup restore?"""

from __future__ import annotations

import argparse
import json
import sys

from checkers.cli import content
from checkers.cli.data_backup_host import check_file
from checkers.cli.passwords import (
    Say,
    UsageError,
    add_password_options,
    english,
    password_input,
    reconfigure_output,
)
from checkers.cli.words import fact_lines, print_error, problem_line, reason
from checkers.databackup.report import BackupReport
from checkers.wording import Wording, message

EXIT_OK, EXIT_NOT_OK, EXIT_USAGE = 0, 1, 2
_PROG = "python -m checkers data-backup"


def add_parser(
    subparsers: argparse._SubParsersAction, name: str, say: Say = english
) -> argparse.ArgumentParser:
    """The subcommand's options, their help in `say`'s language (cli_help_text.py)."""
    parser = subparsers.add_parser(
        name,
        help=say("cli.help.data-backup"),
        description=say("cli.help.data-backup.description"),
    )
    parser.add_argument("--json", action="store_true", help=say("cli.help.json"))
    add_password_options(parser, say)
    parser.add_argument(
        "file", metavar=say("cli.metavar.file"), help=say("cli.help.data-backup.file")
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """Prints the report; 0 when the backup will restore, 1 when not, 2 for a usage error."""
    language = getattr(args, "language", "en")  # --language (the main parser adds it)
    wording = content.wording_or_say_why(args.content_dir, language, _PROG)
    if wording is None:
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
