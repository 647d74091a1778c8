"""A typo that three single-character fixes undo (the 2-byte checksum of version 0 lets a few
typos in 10,000 match two other fixes as well: 10 of the 37,944 typos of 18 exports tried):
all three are offered, none picked.

The export was built with tests/idexport_encoder.py under the "v0 basic" vector's password and
salt (ID 3HGAZYX9, private key SHA-256 of b"three candidates 2") and chosen by trying every
one-character typo of it; the fixes are written out."""

from __future__ import annotations

from quality import validator_case

from checkers.idexport import check_export

PASSWORD = validator_case("v0 basic")["password"]
EXPORT = (
    "FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVSB-TVV5-O3CE-5Z7G-PCS6-POBL-7SDE-M4I6-NNUT-664F-TGZ4-I4MN-"
    "26A4-CTI4"
)
# The M of group 18 typed as J.
TYPED = EXPORT.replace("I4MN", "I4JN")
CANDIDATES = (
    # the K of group 6 as N
    "FAC6-TYRH-56RX-5WNG-7DNL-ZLY4-GVSB-TVV5-O3CE-5Z7G-PCS6-POBL-7SDE-M4I6-NNUT-664F-TGZ4-I4JN-"
    "26A4-CTI4",
    # the E of group 13 as 5
    "FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVSB-TVV5-O3CE-5Z7G-PCS6-POBL-7SD5-M4I6-NNUT-664F-TGZ4-I4JN-"
    "26A4-CTI4",
    EXPORT,
)


def test_three_fixes_that_open_are_all_offered() -> None:
    verdict = check_export(TYPED, PASSWORD)
    assert [problem.code for problem in verdict.problems] == ["typo"]
    typo = verdict.problem("typo")
    assert (typo.position, typo.suggestion, typo.candidates) == (18, None, CANDIDATES)
    assert verdict.identity is None
