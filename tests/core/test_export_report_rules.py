"""checkers.idexport_report's rules, each on a verdict written out here: the headline, the tone,
the live summary, the form offered to paste, and which group an error marks. The export text is
the "v0 basic" vector's (tests/data/id-export.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers.idexport import check_export
from checkers.idexport_report import build_report
from checkers.verdict import ERROR, WARNING, Problem, Verdict
from checkers.wording import message

CASES = json.loads((Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8"))
V0 = next(c for c in CASES["cases"] if c["name"] == "v0 basic")
EXPORT = V0["input"]  # 20 groups of four, dashes between
COMPACT = EXPORT.replace("-", "")
TYPO = Problem("typo", ERROR, message("typo.unexplained"), position=5)
UNCHECKED = Problem("password-unchecked", WARNING, message("password-unchecked"))


@pytest.mark.parametrize(
    ("text", "kind", "headline"),
    [
        ("", "unknown", "headline.unknown"),
        ("https://example.org", "unknown", "headline.unknown"),
        ("3mid:ECHOECHO,abc", "contact-qr", "headline.contact-qr"),
        ("ECHOECHO", "threema-id", "headline.threema-id"),
    ],
)
def test_a_text_that_is_no_export_is_headed_by_its_kind(
    text: str, kind: str, headline: str
) -> None:
    report = build_report(text, check_export(text))
    assert (report.verdict.kind, report.headline) == (kind, message(headline))
    assert report.tone == "problem"


def test_a_kind_the_report_does_not_know_is_headed_as_unknown() -> None:
    report = build_report("x", Verdict(kind="a-newer-kind"))
    assert report.headline == message("headline.unknown")


def test_an_export_whose_key_cannot_be_derived_here_says_so_in_the_headline() -> None:
    unavailable = Problem("kdf-unavailable", ERROR, message("kdf-unavailable"))
    verdict = Verdict(kind="id-export", version=1, problems=(unavailable,))
    assert build_report(EXPORT, verdict).headline == message("headline.kdf-unavailable")
    unchecked = Verdict(kind="id-export", version=1, problems=(UNCHECKED,))
    assert build_report(EXPORT, unchecked).headline == message("headline.well-formed")


def test_a_complete_export_without_errors_is_summed_up_by_its_groups() -> None:
    verdict = Verdict(kind="id-export", version=0, normalized=EXPORT, problems=(UNCHECKED,))
    report = build_report(EXPORT, verdict)
    assert report.summary == message("live.complete", groups=20)
    assert report.tone == "neutral"


def test_the_first_error_is_the_summary_even_after_a_warning() -> None:
    verdict = Verdict(kind="id-export", version=0, problems=(UNCHECKED, TYPO))
    report = build_report(EXPORT, verdict)
    assert report.summary == TYPO.text
    assert report.tone == "problem"


def test_no_summary_for_an_export_that_is_not_ok_without_an_error() -> None:
    """A partial (still being typed) verdict has no error, yet is not ok: no "complete" line."""
    verdict = Verdict(kind="id-export", version=0, problems=(UNCHECKED,), partial=True)
    assert build_report(EXPORT, verdict).summary is None


def test_the_form_to_paste_is_offered_only_for_a_good_export_pasted_otherwise() -> None:
    spaced = EXPORT.replace("-", " ")
    good = Verdict(kind="id-export", version=0, normalized=EXPORT, identity="ECHOECHO")
    assert build_report(spaced, good).offer == EXPORT
    assert build_report(EXPORT, good).offer is None  # pasted exactly so already
    bad = Verdict(kind="id-export", version=0, normalized=EXPORT, problems=(TYPO,))
    assert build_report(spaced, bad).offer is None  # a broken export is never offered


def test_an_error_just_after_the_last_character_marks_no_group() -> None:
    """A missing end points after the text: no group holds it, so none is marked."""
    after = Problem("typo", ERROR, message("typo.unexplained"), position=len(COMPACT))
    report = build_report(EXPORT, Verdict(kind="id-export", version=0, problems=(after,)))
    assert (report.places[0].group, report.places[0].offset) == (19, 4)
    assert not any(group.flagged for group in report.groups)
    last = Problem("typo", ERROR, message("typo.unexplained"), position=len(COMPACT) - 1)
    report = build_report(EXPORT, Verdict(kind="id-export", version=0, problems=(last,)))
    assert [group.flagged for group in report.groups] == [False] * 19 + [True]
