"""Command line: one subcommand per checker; exit status 0 ok, 1 not ok, 2 usage error.

A front end beside the core: it may read files and the content (through helpcenter), so it is
left out of the browser's wheel.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from checkers.cli import backup_choice, data_backup, id_export
from checkers.cli.argparse_words import argparse_words
from checkers.cli.content import LANGUAGES, plain_wording
from checkers.cli.words import print_error
from checkers.wording import Wording, message

SUBCOMMANDS = {
    "id-export": id_export,
    "backup-choice": backup_choice,
    "data-backup": data_backup,
}
_LANGUAGE_OPTION = "--language"


class _Parser(argparse.ArgumentParser):
    wording = Wording()  # the language of its usage errors (set per run by _parser_class)

    def error(self, message: str) -> None:  # argparse exits 2 on usage errors; keep that
        self.print_usage(sys.stderr)
        print_error(self.prog, message, self.wording)
        self.exit(2)


def _parser_class(wording: Wording) -> type[_Parser]:
    return type("_Parser", (_Parser,), {"wording": wording})


def requested_language(argv: list[str]) -> str:
    """The --language the arguments ask for (the last one; argparse's unique prefixes too),
    known before parsing so that `--help` and argparse's own errors speak it."""
    language = "en"
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        option, equals, value = arg.partition("=")
        if len(option) < 4 or not _LANGUAGE_OPTION.startswith(option):
            continue
        if not equals:
            value = argv[index + 1] if index + 1 < len(argv) else ""
        language = value if value in LANGUAGES else "en"
    return language


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    wording = plain_wording(requested_language(argv))

    def say(code: str, **params: object) -> str:
        return wording(message(code, **params))

    with argparse_words(wording):
        args = _parse(argv, _parser_class(wording), say)
    return SUBCOMMANDS[args.command].run(args)


def _parse(argv: list[str], parser_class: type[_Parser], say: Callable[..., str]):
    parser = parser_class(prog="python -m checkers", description=say("cli.help.description"))
    # issue 13: the messages in the site's other languages (docs/locale, labels.yml), before
    # the command or after it; the command's own option sets it only when given.
    help_text = say("cli.help.language")
    parser.add_argument(_LANGUAGE_OPTION, choices=LANGUAGES, default="en", help=help_text)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=parser_class)
    for name, module in SUBCOMMANDS.items():
        subparser = module.add_parser(sub, name, say)
        subparser.add_argument(
            _LANGUAGE_OPTION, choices=LANGUAGES, default=argparse.SUPPRESS, help=help_text
        )
    return parser.parse_args(argv)
