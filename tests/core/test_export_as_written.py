"""An export exactly as the apps write it is read without the lenient reader's per-character
work (the data-backup check reads its `identity` entry so, before the ID export's key
derivation can begin), to exactly what the lenient reader makes of it.

The lenient reader (export_text.read_leniently) is the reference; the vectors of
tests/data/id-export.json, and variants of them that the strict reading must leave to it, are
read both ways; one export's reading is also written out in full.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers import export_text
from checkers.driver import run
from checkers.export_text import ExportText, read_leniently, read_text
from checkers.idexport import check_steps
from checkers.kdf import derive

VECTORS = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "id-export.json").read_text(encoding="utf-8")
)["cases"]
V0 = next(case for case in VECTORS if case["name"] == "v0 basic")
V1 = next(case for case in VECTORS if case["name"] == "v1 basic")
V0_GROUPS = (
    "FAC6", "TYRH", "56RX", "5WNG", "7DKL", "ZLY4", "GVQ6", "BQL6", "TC3Q", "FWMC", "LL3E",
    "I2GP", "3PC5", "Y6H4", "RUTB", "JQJI", "QCZ5", "IXHE", "GKEC", "OU5P",
)  # fmt: skip


def _variants(text: str) -> list[str]:
    """The export and forms of it that are not as written: the strict reading must leave
    each to the lenient one (which finds their warnings and problems)."""
    groups = text.split("-")
    return [
        text,
        text.lower(),
        text + "\n",
        " " + text,
        text.replace("-", " "),
        text.replace("-", ""),
        text.replace("-", "\u2010"),  # a Unicode hyphen
        text[:10] + "\u200b" + text[10:],  # an invisible character
        text + "==",
        "-".join(groups[:-1]),  # a group short
        "-".join([*groups, groups[0]]),  # a group too many (21 of 4: matches the pattern)
        "-".join([*groups[:-1], groups[-1][:3]]),  # one letter short
        text.replace("A", "8", 1) if "A" in text else text.replace("B", "8", 1),
        "-".join(groups[:5]) + "--" + "-".join(groups[5:]),
    ]


@pytest.mark.parametrize("case", VECTORS, ids=lambda case: case["name"])
def test_every_vector_reads_as_the_lenient_reader_reads_it(case: dict) -> None:
    for text in _variants(case["input"]) if len(case["input"]) < 200 else [case["input"]]:
        assert read_text(text) == read_leniently(text), repr(text)


def test_an_export_as_written_reads_in_full() -> None:
    reading = read_text(V0["input"])
    assert reading == ExportText(
        compact="".join(V0_GROUPS),
        expected_chars=80,
        problems=(),
        repaired="".join(V0_GROUPS),
        normalized=V0["input"],
        warnings=(),
        pasted=V0_GROUPS,
    )
    assert read_text(V1["input"]).expected_chars == 104


def test_only_an_export_as_written_skips_the_lenient_reader(monkeypatch) -> None:
    """A spy on the lenient reader: the written forms never reach it, every other form does
    (and a group too many, though of the written pattern, is read with its length problem)."""
    read: list[str] = []

    def lenient(text: str) -> object:
        read.append(text)
        return read_leniently(text)

    monkeypatch.setattr(export_text, "read_leniently", lenient)
    for case in (V0, V1):
        read_text(case["input"])
    assert read == []
    too_many = "-".join([*V0_GROUPS, "AAAA"])
    reading = read_text(too_many)
    assert read == [too_many]
    assert isinstance(reading, ExportText)
    assert [problem.code for problem in reading.problems] == ["length"]


@pytest.mark.parametrize("name", ["v0 basic", "v0 wrong password"])
def test_the_verdict_on_a_written_export_is_the_vectors(name: str) -> None:
    case = next(case for case in VECTORS if case["name"] == name)
    verdict = run(check_steps(case["input"], case["password"]), derive)
    expect = case["expect"]
    assert (verdict.ok, verdict.version, verdict.identity) == (
        expect["ok"], expect["version"], expect.get("identity"),
    )  # fmt: skip
    if "normalized" in expect:
        assert verdict.normalized == expect["normalized"]
    assert set(expect["codes"]) <= {problem.code for problem in verdict.problems}
