"""The typo search at its edges: the last character, the last two, a missing or extra last one,
and the first searchable character after the salt, for both export versions (vectors' texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from english import say
from kdf_fixture import derive_or_skip, with_key

from checkers import base32
from checkers.export_crypto import header_bytes, kdf_request

CASES = {
    case["name"]: case
    for case in json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))[
        "cases"
    ]
}
V0, V1 = CASES["v0 basic"], CASES["v1 basic"]


def compact(case: dict) -> str:
    return case["expect"]["normalized"].replace("-", "")


@pytest.fixture(scope="module")
def keys() -> dict[int, bytes]:
    """Each vector's key, derived once; every edit below leaves the salt as it was."""
    found = {}
    for version, case in ((0, V0), (1, V1)):
        header = base32.decode(compact(case)[:16])[: header_bytes(version)]
        request = kdf_request(version, case["password"].encode(), header[-8:])
        found[version] = derive_or_skip(request)
    return found


def other(letter: str, bit: int = 1) -> str:
    """The base32 letter whose value differs from `letter`'s in `bit` only."""
    return base32.ALPHABET[base32.ALPHABET.index(letter) ^ bit]


def v0_edits() -> list[tuple[str, str, int, str]]:
    text = compact(V0)  # 80 characters: 0..11 salt, 12 holds the salt's last 4 bits and 1 more
    assert len(text) == 80
    return [
        (
            "substitution, last",
            text[:79] + other(text[79]),
            79,
            "character 80 (group 20, 4th character) reads O but should be P",
        ),
        (
            "swap, last two",
            text[:78] + text[79] + text[78],
            78,
            "character 79 (group 20, 3rd character) and the next one are swapped: P5 should read "
            "5P",
        ),
        (
            "missing, last",
            text[:79],
            79,
            "a P is missing at the end, after character 79 (group 20, 3rd character)",
        ),
        (
            "extra, trailing",
            text + "A",
            80,
            "character 81 (group 21, 1st character), an A, is one character too many",
        ),
        (
            "substitution, first after the salt",
            text[:12] + other(text[12]) + text[13:],
            12,
            "character 13 (group 4, 1st character) reads 4 but should be 5",
        ),
    ]


def v1_edits() -> list[tuple[str, str, int, str]]:
    text = compact(V1)  # 104 characters: 0..13 header, 14 holds its last 2 bits and 3 more
    assert len(text) == 104
    return [
        ("substitution, last", text[:103] + other(text[103]), 103,
         "character 104 (group 26, 4th character) reads 6 but should be 7"),
        ("swap, last two", text[:102] + text[103] + text[102], 102,
         "character 103 (group 26, 3rd character) and the next one are swapped: 7U should read U7"),
        ("missing, last", text[:103], 103,
         "a 7 is missing at the end, after character 103 (group 26, 3rd character)"),
        ("extra, trailing", text + "A", 104,
         "character 105 (group 27, 1st character), an A, is one character too many"),
        ("substitution, first after the header", text[:14] + other(text[14]) + text[15:], 14,
         "character 15 (group 4, 3rd character) reads 4 but should be 5"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("version", "name", "broken", "position", "said"),
    [(0, *edit) for edit in v0_edits()] + [(1, *edit) for edit in v1_edits()],
    ids=[f"v0 {e[0]}" for e in v0_edits()] + [f"v1 {e[0]}" for e in v1_edits()],
)
def test_a_typo_at_the_edge_of_the_search_is_found(
    keys, version: int, name: str, broken: str, position: int, said: str
) -> None:
    case = V0 if version == 0 else V1
    verdict = with_key(broken, case["password"], keys[version])
    errors = [p for p in verdict.problems if p.severity == "error"]
    length = ["length"] if len(broken) != len(compact(case)) else []
    assert [p.code for p in errors] == [*length, "typo"]
    typo = errors[-1]
    assert typo.suggestion == case["expect"]["normalized"]
    assert typo.position == position
    assert said in say(typo)
    assert case["expect"]["identity"] in say(typo)
    assert not verdict.ok and verdict.identity is None
