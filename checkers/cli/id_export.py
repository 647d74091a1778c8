"""`python -m checkers id-export`: the ID-export validator on the command line (spec section 7)."""

from __future__ import annotations

import argparse
import json
import sys

from checkers.cli import content
from checkers.cli.passwords import (
    Say,
    UsageError,
    add_password_options,
    english,
    password_input,
    read_stdin_bytes,
    reconfigure_output,
)
from checkers.cli.words import fact_lines, print_error, problem_line
from checkers.export_text import MAX_INPUT_CHARS
from checkers.idexport import check_export
from checkers.idexport_report import ExportReport, app_form, build_report
from checkers.wording import Wording, message

EXIT_OK, EXIT_NOT_OK, EXIT_USAGE = 0, 1, 2
_PROG = "python -m checkers id-export"
# UTF-8 takes at most 4 bytes a character: input beyond this many bytes is too long whatever it
# holds, so standard input is read only that far (plus one byte, to know there was more).
STDIN_LIMIT_BYTES = 4 * MAX_INPUT_CHARS


def add_parser(
    subparsers: argparse._SubParsersAction, name: str, say: Say = english
) -> argparse.ArgumentParser:
    """The subcommand's options, their help in `say`'s language (cli_help_text.py)."""
    parser = subparsers.add_parser(
        name, help=say("cli.help.id-export"), description=say("cli.help.id-export.description")
    )
    parser.add_argument("--json", action="store_true", help=say("cli.help.json"))
    add_password_options(parser, say)
    parser.add_argument(
        "text", nargs="*", metavar=say("cli.metavar.text"), help=say("cli.help.id-export.text")
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """Prints the verdict; 0 when ok, 1 when not, 2 for a usage error."""
    language = getattr(args, "language", "en")  # --language (the main parser adds it)
    wording = content.wording_or_say_why(args.content_dir, language, _PROG)
    if wording is None:
        return EXIT_USAGE
    try:
        text, password = _inputs(args, wording)
    except UsageError as error:
        print_error(_PROG, error.problem, wording)
        return EXIT_USAGE
    verdict = check_export(text, password)
    if args.json:
        print(json.dumps(verdict.to_dict(wording)))
    else:
        reconfigure_output(sys.stdout)
        print(render(build_report(text, verdict), wording, password is not None))
    return EXIT_OK if verdict.ok else EXIT_NOT_OK


def _inputs(args: argparse.Namespace, wording: Wording) -> tuple[str, str | None]:
    words: list[str] = list(args.text)
    from_stdin = words in ([], ["-"])
    if "-" in words and not from_stdin:
        raise UsageError(message("cli.error.stdin-with-text"))
    if from_stdin and args.password_stdin:
        raise UsageError(message("cli.error.both-from-stdin"))
    password = password_input(args, wording)
    if from_stdin:
        text = read_stdin_bytes(STDIN_LIMIT_BYTES).decode("utf-8", "replace")
    else:
        text = " ".join(words)
    return text, password


def render(report: ExportReport, wording: Wording, password_given: bool) -> str:
    """The human-readable report: verdict line, canonical form, ID, key, problems with carets
    under the character as pasted (the groups as pasted, joined by dashes)."""
    verdict = report.verdict
    lines = [wording(_headline(report, password_given))]
    facts = [
        (wording(message(code)), value)
        for code, value in (
            ("cli.canonical", app_form(verdict)),  # never the text as typed when it has a typo
            ("cli.identity", verdict.identity),
            ("cli.public-key", verdict.public_key),
        )
        if value
    ]
    lines += fact_lines(facts)
    shown = "-".join(group.text for group in report.groups)
    for problem, place in zip(verdict.problems, report.places, strict=True):
        lines.append(problem_line(wording, problem.severity, problem.code, wording(problem.text)))
        if place is not None and shown:
            column = sum(len(g.text) + 1 for g in report.groups[: place.group]) + place.offset
            lines += [f"    {shown}", f"    {' ' * column}^"]
        if problem.suggestion is not None:
            code = "cli.corrected" if len(problem.suggestion) > 1 else "cli.suggestion"
            lines.append(f"    {wording(message(code))} {problem.suggestion}")
        candidate = wording(message("cli.candidate"))
        lines += [f"    {candidate} {text}" for text in problem.candidates or ()]
    return "\n".join(lines)


def _headline(report: ExportReport, password_given: bool):
    verdict = report.verdict
    if verdict.ok:
        if verdict.identity:
            return message("cli.ok-opened", version=verdict.version)
        code = "cli.ok-well-formed" if password_given else "cli.ok-unchecked"
        return message(code, version=verdict.version)
    kind = verdict.kind if verdict.kind in ("contact-qr", "threema-id", "unknown") else "export"
    return message(f"cli.not-ok.{kind}")
