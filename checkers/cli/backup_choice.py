"""`python -m checkers backup-choice`: which backup to use, as text or as the spec's JSON.

The catalog and the UI labels come from the content through helpcenter's loader (the project's
docs/content unless --content names another folder), or the catalog from --catalog FILE.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from checkers.backup_choice import INPUTS, InputError, choose, parse_inputs
from checkers.choice_report import choice_report
from checkers.cli import content
from checkers.cli.passwords import Say, english
from checkers.cli.words import compose, print_error
from checkers.wording import Wording, message

# As for the other checkers (spec id-export.md §7: 0 ok, 1 not ok, 2 usage error): "not ok" is
# the spec's "nothing possible" (backup-choice.md §3), where the only answer is a new ID. A
# recommendation that loses some items is still a good answer: `lost` and the notes say what.
EXIT_OK = 0
EXIT_NOTHING_POSSIBLE = 1
EXIT_USAGE = 2
_PROG = "python -m checkers backup-choice"


def add_parser(
    subparsers: argparse._SubParsersAction, name: str, say: Say = english
) -> argparse.ArgumentParser:
    """Register the subcommand; values are checked by parse_inputs, like the browser's. The
    help in `say`'s language (cli_help_text.py)."""
    parser = subparsers.add_parser(
        name,
        help=say("cli.help.backup-choice"),
        description=say("cli.help.backup-choice.description"),
        epilog=say("cli.help.backup-choice.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    platform = say("cli.metavar.platform")
    parser.add_argument(
        "--from", dest="from_platform", required=True, metavar=platform,
        help=say("cli.help.backup-choice.from", choices=_either(INPUTS["from"], say)),
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="to_platform", required=True, metavar=platform,
        help=say("cli.help.backup-choice.to", choices=_either(INPUTS["to"], say)),
    )  # fmt: skip
    parser.add_argument(
        "--old-device", dest="old_device", required=True, metavar=say("cli.metavar.state"),
        help=say("cli.help.backup-choice.old-device"),
    )  # fmt: skip
    parser.add_argument(
        "--keep", metavar=say("cli.metavar.items"),
        help=say("cli.help.backup-choice.keep", choices=",".join(INPUTS["keep"])),
    )  # fmt: skip
    parser.add_argument(
        "--have", default="", metavar=say("cli.metavar.backups"),
        help=say("cli.help.backup-choice.have", choices=",".join(INPUTS["have"])),
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help=say("cli.help.backup-choice.json"))
    parser.add_argument(
        "--catalog", type=Path, default=None, metavar=say("cli.metavar.path"),
        help=say("cli.help.backup-choice.catalog"),
    )  # fmt: skip
    parser.add_argument(
        "--content", type=Path, default=None, metavar=say("cli.metavar.dir"),
        help=say("cli.help.backup-choice.content"),
    )  # fmt: skip
    return parser


def _either(values: tuple[str, ...], say: Say) -> str:
    """'android or ios' in the help's language."""
    return f" {say('word.or')} ".join(values)


def run(args: argparse.Namespace) -> int:
    """Print the answer; exit status 0 a backup fits, 1 only a new ID, 2 usage error."""
    values = {"from": args.from_platform, "to": args.to_platform, "old-device": args.old_device}
    values.update(keep=args.keep, have=args.have)
    language = getattr(args, "language", "en")  # --language (the main parser adds it)
    words = content.plain_wording(language)  # the labels come with the content, below
    try:
        inputs = parse_inputs(values)
    except InputError as error:
        print_error(_PROG, "--" + words(error.message), words)
        return EXIT_USAGE
    if language != "en" and args.catalog is not None:
        problem = message("cli.error.catalog-english-only", path=str(args.catalog),
                          language=language)  # fmt: skip
        print_error(_PROG, problem, words)
        return EXIT_USAGE
    # Imported here: the content loader needs PyYAML, which the core never does.
    from helpcenter.choice_data import DEFAULT_CONTENT_DIR, load_choice_data
    from helpcenter.yamlsource import ContentError

    try:
        if language == "en":
            data = load_choice_data(args.content or DEFAULT_CONTENT_DIR, args.catalog)
        else:
            data = _translated_data(args)
    except ContentError as error:
        for problem in error.problems:  # the content's own `path:line` problems, for writers
            print_error(_PROG, problem, words)
        return EXIT_USAGE
    answer = choose(data.catalog, inputs)
    wording = Wording(language, words.translations if language != "en" else None, data.labels)
    report = localized_links(
        choice_report(data.catalog, inputs, answer, wording, data.guide_titles), language
    )
    if args.json:
        print(json.dumps(report["answer"], indent=2, ensure_ascii=False))
    else:
        print(format_report(report, wording))
    return EXIT_NOTHING_POSSIBLE if answer.nothing_possible else EXIT_OK


def _translated_data(args: argparse.Namespace):
    """The wizard's data from the translated content (option names, labels, guide titles)."""
    from helpcenter.choice_data import DEFAULT_CONTENT_DIR, choice_data
    from helpcenter.i18n.localized import load_localized

    localized = load_localized(
        args.content or DEFAULT_CONTENT_DIR, content.locale_dir(), args.language
    )
    return choice_data(localized.content)


def localized_links(report: dict[str, Any], language: str) -> dict[str, Any]:
    """The report with its guide links to `language`'s edition of the site ("/de/guides/...",
    the same anchors); English keeps the site's paths as they are."""
    from helpcenter.i18n.site import site_root

    root = site_root(language)
    if not root:
        return report

    def local(path: str | None) -> str | None:
        return f"/{root}{path.lstrip('/')}" if path else path

    for spec in report["answer"]["recommendations"]:
        spec["guide"], spec["restore_guide"] = local(spec["guide"]), local(spec["restore_guide"])
    for shown in report["view"]["recommendations"]:
        for key in ("guide", "restore_guide"):
            if shown[key]:
                shown[key]["href"] = local(shown[key]["href"])
    return report


def format_report(report: dict[str, Any], wording: Wording | None = None) -> str:
    """The wizard's report for a person reading a terminal, the leads in `wording`'s language."""
    words = wording or Wording()

    def say(code: str, **params: Any) -> str:
        return compose(words, code, **params)

    view, answer = report["view"], report["answer"]
    lines = [view["headline"]]
    for rank, (shown, spec) in enumerate(
        zip(view["recommendations"], answer["recommendations"], strict=True), start=1
    ):
        lines += [
            say(
                "cli.choice.recommendation",
                rank=rank,
                name=shown["name"],
                option=shown["option"],
                carries=shown["carries"],
            ),  # fmt: skip
            f"   {spec['why']}",
            "   " + say("cli.choice.guide", href=spec["guide"]),
        ]
        if spec["restore_guide"]:
            lines.append("   " + say("cli.choice.then", href=spec["restore_guide"]))
    lines.append(say("cli.choice.lost", lost=view["lost"]))
    if answer["notes"]:
        lines.append(say("cli.choice.notes"))
        lines += [f"  - {note['message']}" for note in answer["notes"]]
    return "\n".join(lines)
