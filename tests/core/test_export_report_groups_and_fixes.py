"""The ID-export report's groups as pasted when a dash is missing, the place of an export that
stops short, which problems offer a corrected text, and a report with nothing to say live. The
export text is the "v0 basic" vector's (tests/data/id-export.json); expected values written out."""

from __future__ import annotations

import json
from pathlib import Path

from checkers.idexport import check_export, check_typing
from checkers.idexport_report import Place, build_report
from checkers.verdict import Verdict

CASES = json.loads((Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8"))
EXPORT = next(c for c in CASES["cases"] if c["name"] == "v0 basic")["input"]


def test_groups_are_shown_as_pasted_even_when_the_first_lacks_its_dash() -> None:
    """Pasted "FAC6TYRH-56RX": two pieces as pasted, the first of eight characters, none dropped."""
    text = "FAC6TYRH-56RX"
    report = build_report(text, check_typing(text))
    groups = [(g.text, g.start, g.end, g.first) for g in report.groups]
    assert groups == [("FAC6TYRH", 0, 8, 0), ("56RX", 9, 13, 8)]
    assert report.compact == "FAC6TYRH56RX"


def test_an_export_being_typed_points_just_after_its_last_character() -> None:
    """Typed "FAC6-TYRH-56": the place of what comes next is after the 2nd character of group 3."""
    text = "FAC6-TYRH-56"
    report = build_report(text, check_typing(text))
    assert [p.code for p in report.verdict.problems] == ["incomplete"]
    assert report.places == (Place(group=2, offset=2, start=12),)


def test_only_a_lenient_reading_offers_the_texts_canonical_form() -> None:
    """An export found inside other words: the "surrounded" warning offers no text to paste
    (the form to paste is the report's offer)."""
    text = f"My export: {EXPORT}"
    report = build_report(text, check_export(text))
    assert [p.code for p in report.verdict.problems] == ["surrounded"]
    assert report.corrections == ((),)
    assert report.offer == EXPORT


def test_a_report_with_nothing_to_say_live_has_no_summary() -> None:
    """A verdict without problems and without groups: the JSON's summary is null."""
    report = build_report("", Verdict("unknown"))
    assert report.summary is None
    assert report.to_dict()["summary"] is None
