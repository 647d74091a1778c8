"""The typo finding in its rarer forms, in full words: several one-character fixes that open
the export (every candidate with its ID, pointing at the first), more typos than one fix
explains after a repaired digit (the ID it decrypts to), and a fix that opens an export whose
content holds no well-formed ID ("?"). Exports from the "v0 basic" vector (tests/data/) or built
by tests/idexport_encoder.py; expected words written out."""

from __future__ import annotations

import json
from pathlib import Path

from checkers.idexport import check_export
from checkers.wording import Wording
from tests.idexport_encoder import encode_export
from tests.kdf_fixture import with_key

CASES = json.loads((Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8"))
V0 = next(c for c in CASES["cases"] if c["name"] == "v0 basic")
EXPORT, PASSWORD = V0["input"], V0["password"]
WORDS = Wording()


def typed(text: str, at: int, character: str) -> str:
    """`text` with the character at `at` (in the dashed text) typed as `character`."""
    return text[:at] + character + text[at + 1 :]


def test_two_fixes_that_open_are_both_offered_with_their_ids() -> None:
    """A B typed as U (group 8): changing it back, or a C to S in group 9, both open."""
    other = typed(typed(EXPORT, 35, "U"), 41, "S")  # U kept, the C of group 9 an S
    assert other[35:43] == "UQL6-TS3"
    typo = check_export(typed(EXPORT, 35, "U"), PASSWORD).problem("typo")
    assert typo is not None
    assert (typo.severity, typo.position, typo.suggestion) == ("error", 28, None)
    assert typo.candidates == (EXPORT, other)
    assert WORDS(typo.text) == (
        "The password is right, but more than one single-character fix opens the export, so "
        "none is picked: the 1st character of group 8 reads U but should be B, giving "
        f"{EXPORT} (ID 3HGAZYX9); or the 2nd character of group 9 reads C but should be S, "
        f"giving {other} (ID 3HGAZYX9). Compare these places with the original and use the "
        "matching candidate."
    )


def test_more_typos_after_a_repaired_digit_name_the_id_the_text_decrypts_to() -> None:
    """An 8 for B, plus two letters wrong in groups 15 and 17: no single fix opens it, but the
    ID decrypts well-formed, so the password is right."""
    text = typed(typed(typed(EXPORT, 35, "8"), 70, "A"), 80, "A")
    verdict = check_export(text, PASSWORD)
    assert [problem.code for problem in verdict.problems] == ["character", "typo"]
    assert WORDS(verdict.problems[1].text) == (
        "The password looks right (the text decrypts to the well-formed ID 3HGAZYX9), but the "
        "checksum does not match: the text has more than one typo. Compare it group by group "
        "with the original."
    )


def test_a_fix_that_opens_content_without_a_well_formed_id_shows_a_question_mark() -> None:
    """A version 1 export whose content starts with lowercase letters, a letter wrong in group
    10: the fix opens it, and the ID it holds is shown as "?"."""
    key = bytes(range(32))
    export = encode_export("hello123", bytes(32), "password", version=1, salt=bytes(8), key=key)
    assert export[45] == "G"
    typo = with_key(typed(export, 45, "A"), "password", key).problem("typo")
    assert typo is not None and typo.suggestion == export
    assert WORDS(typo.text) == (
        "The password is right, but the 1st character of group 10 reads A but should be G. With "
        "that fix the export opens and holds the ID ?; paste the corrected text given as the "
        "suggestion."
    )
