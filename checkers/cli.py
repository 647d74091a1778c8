"""Command line: one subcommand per checker; exit status 0 ok, 1 not ok, 2 usage error."""

from __future__ import annotations

import argparse
import sys

from checkers import cli_backup_choice, cli_data_backup, cli_id_export

SUBCOMMANDS = {
    "id-export": cli_id_export,
    "backup-choice": cli_backup_choice,
    "data-backup": cli_data_backup,
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors; keep that
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m checkers", description="Backup checkers.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, module in SUBCOMMANDS.items():
        module.add_parser(sub, name)
    args = parser.parse_args(argv)
    return SUBCOMMANDS[args.command].run(args)
