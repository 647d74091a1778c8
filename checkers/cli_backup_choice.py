"""`python -m checkers backup-choice`: which backup to use, as text or as the spec's JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from checkers.backup_choice import INPUTS, Answer, InputError, choose, parse_inputs
from checkers.catalog import DEFAULT_CATALOG, Catalog, CatalogError, load_catalog_file

EXIT_KEEPS_EVERYTHING = 0
EXIT_SOMETHING_LOST = 1
EXIT_USAGE = 2

_EPILOG = """\
exit status:
  0  the first recommendation keeps everything asked for with --keep
  1  something asked for is lost (listed under "lost")
  2  usage error: a bad input value, or a catalog that cannot be read

example:
  python -m checkers backup-choice --from android --to ios --old-device available \\
      --keep id,contacts,groups,chats --have threema-safe --json
"""


def add_parser(subparsers: argparse._SubParsersAction, name: str) -> argparse.ArgumentParser:
    """Register the subcommand; values are checked by parse_inputs, like the browser's."""
    parser = subparsers.add_parser(
        name,
        help="which backup should I use to move to a new phone?",
        description="Recommend the backup options that keep what you want on your new phone.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--from", dest="from_platform", required=True, metavar="PLATFORM",
        help=f"the old phone's platform: {' or '.join(INPUTS['from'])}",
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="to_platform", required=True, metavar="PLATFORM",
        help=f"the new phone's platform: {' or '.join(INPUTS['to'])}",
    )  # fmt: skip
    parser.add_argument(
        "--old-device", dest="old_device", required=True, metavar="STATE",
        help="available (the app still works on it) or lost (lost, stolen, broken, reset)",
    )  # fmt: skip
    parser.add_argument(
        "--keep", metavar="ITEMS",
        help=f"comma-separated, what to keep (default: all): {','.join(INPUTS['keep'])}",
    )  # fmt: skip
    parser.add_argument(
        "--have", default="", metavar="BACKUPS",
        help="comma-separated, backups that exist already with a known password: "
        f"{','.join(INPUTS['have'])} (default: none); counts only with --old-device lost, "
        "since any backup can still be made while the old phone works",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    parser.add_argument(
        "--catalog", type=Path, default=DEFAULT_CATALOG, metavar="PATH",
        help="backup-options catalog, YAML or JSON (default: docs/content/backup-options.yml)",
    )  # fmt: skip
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the answer; exit status 0 keeps everything, 1 something lost, 2 usage error."""
    prog = "python -m checkers backup-choice"
    values = {"from": args.from_platform, "to": args.to_platform, "old-device": args.old_device}
    values.update(keep=args.keep, have=args.have)
    try:
        inputs = parse_inputs(values)
    except InputError as error:
        print(f"{prog}: error: --{error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        catalog = load_catalog_file(args.catalog)
    except CatalogError as error:
        print(f"{prog}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    answer = choose(catalog, inputs)
    if args.json:
        print(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_answer(answer, catalog))
    return EXIT_KEEPS_EVERYTHING if answer.keeps_everything else EXIT_SOMETHING_LOST


def format_answer(answer: Answer, catalog: Catalog) -> str:
    """The answer for a person reading a terminal."""
    lines: list[str] = []
    for rank, recommendation in enumerate(answer.recommendations, start=1):
        option = catalog.option(recommendation.option)
        carries = ", ".join(catalog.item_name(i) for i in recommendation.carries) or "nothing"
        lines += [
            f"{rank}. {option.name} ({option.id}) - carries: {carries}",
            f"   {recommendation.why}",
            f"   Guide: {recommendation.guide}",
        ]
    lost = ", ".join(catalog.item_name(i) for i in answer.lost)
    lines.append(f"Lost: {lost}" if lost else "Lost: nothing")
    if answer.notes:
        lines.append("Notes:")
        lines += [f"  - {note.message}" for note in answer.notes]
    return "\n".join(lines)
