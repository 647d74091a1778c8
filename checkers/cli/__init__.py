"""Command line: one subcommand per checker; exit status 0 ok, 1 not ok, 2 usage error.

A front end beside the core: it may read files and the content (through helpcenter), so it is
left out of the browser's wheel.
"""

from __future__ import annotations

import argparse
import sys

from checkers.cli import backup_choice, data_backup, id_export
from checkers.cli.content import LANGUAGES

SUBCOMMANDS = {
    "id-export": id_export,
    "backup-choice": backup_choice,
    "data-backup": data_backup,
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors; keep that
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m checkers", description="Backup checkers.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, module in SUBCOMMANDS.items():
        subparser = module.add_parser(sub, name)
        # issue 13: the messages in the site's other languages (docs/locale, labels.yml).
        subparser.add_argument(
            "--language", choices=LANGUAGES, default="en",
            help="the language of the messages (default: en); translations from docs/locale, "
            "or $HELPCENTER_LOCALE_DIR",
        )  # fmt: skip
    args = parser.parse_args(argv)
    return SUBCOMMANDS[args.command].run(args)
