"""`python -m checkers backup-choice`: which backup to use, as text or as the spec's JSON.

The catalog and the UI labels come from the content through helpcenter's loader (the project's
docs/content unless --content names another folder), or the catalog from --catalog FILE.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from checkers.backup_choice import INPUTS, InputError, choose, parse_inputs
from checkers.choice_report import choice_report
from checkers.cli.content import locale_dir
from checkers.wording import Wording

# As for the other checkers (spec id-export.md §7: 0 ok, 1 not ok, 2 usage error): "not ok" is
# the spec's "nothing possible" (backup-choice.md §3), where the only answer is a new ID. A
# recommendation that loses some items is still a good answer: `lost` and the notes say what.
EXIT_OK = 0
EXIT_NOTHING_POSSIBLE = 1
EXIT_USAGE = 2
_PROG = "python -m checkers backup-choice"

_EPILOG = """\
exit status:
  0  a backup can move something: the recommendations (what they cannot carry is
     listed under "lost")
  1  nothing can be moved: the only recommendation is a new ID
  2  usage error: a bad input value, or content (catalog, labels) that cannot be read

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
        "--catalog", type=Path, default=None, metavar="PATH",
        help="backup-options catalog, YAML or JSON (default: the one in the content folder)",
    )  # fmt: skip
    parser.add_argument(
        "--content", type=Path, default=None, metavar="DIR",
        help="content folder whose labels.yml (and catalog) word the answer "
        "(default: the project's docs/content)",
    )  # fmt: skip
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the answer; exit status 0 a backup fits, 1 only a new ID, 2 usage error."""
    values = {"from": args.from_platform, "to": args.to_platform, "old-device": args.old_device}
    values.update(keep=args.keep, have=args.have)
    try:
        inputs = parse_inputs(values)
    except InputError as error:
        print(f"{_PROG}: error: --{error}", file=sys.stderr)
        return EXIT_USAGE
    # Imported here: the content loader needs PyYAML, which the core never does.
    from helpcenter.choice_data import DEFAULT_CONTENT_DIR, load_choice_data
    from helpcenter.yamlsource import ContentError

    language = getattr(args, "language", "en")  # --language (the main parser adds it)
    try:
        if language == "en":
            data = load_choice_data(args.content or DEFAULT_CONTENT_DIR, args.catalog)
        else:
            data = _translated_data(args)
    except ContentError as error:
        problems = "\n".join(f"{_PROG}: error: {problem}" for problem in error.problems)
        print(problems, file=sys.stderr)
        return EXIT_USAGE
    answer = choose(data.catalog, inputs)
    wording = Wording(language, _translations(language), data.labels)
    report = choice_report(data.catalog, inputs, answer, wording, data.guide_titles)
    if args.json:
        print(json.dumps(report["answer"], indent=2, ensure_ascii=False))
    else:
        print(format_report(report))
    return EXIT_NOTHING_POSSIBLE if answer.nothing_possible else EXIT_OK


def _translated_data(args: argparse.Namespace):
    """The wizard's data from the translated content (option names, labels, guide titles)."""
    from helpcenter.choice_data import DEFAULT_CONTENT_DIR, choice_data
    from helpcenter.i18n.localized import load_localized
    from helpcenter.yamlsource import ContentError

    language = args.language
    if args.catalog is not None:
        raise ContentError([f"--catalog {args.catalog}: a catalog file is English only; "
                            f"--language {language} takes the content folder's"])  # fmt: skip
    localized = load_localized(args.content or DEFAULT_CONTENT_DIR, locale_dir(), language)
    return choice_data(localized.content)


def _translations(language: str):
    if language == "en":
        return None
    from helpcenter.i18n.status import checkers_translations

    return checkers_translations(locale_dir(), language)


def format_report(report: dict[str, Any]) -> str:
    """The wizard's report for a person reading a terminal."""
    view, answer = report["view"], report["answer"]
    lines = [view["headline"]]
    for rank, (shown, spec) in enumerate(
        zip(view["recommendations"], answer["recommendations"], strict=True), start=1
    ):
        lines += [
            f"{rank}. {shown['name']} ({shown['option']}) - carries: {shown['carries']}",
            f"   {spec['why']}",
            f"   Guide: {spec['guide']}",
        ]
        if spec["restore_guide"]:
            lines.append(f"   Then: {spec['restore_guide']}")
    lines.append(f"Lost: {view['lost']}")
    if answer["notes"]:
        lines.append("Notes:")
        lines += [f"  - {note['message']}" for note in answer["notes"]]
    return "\n".join(lines)
