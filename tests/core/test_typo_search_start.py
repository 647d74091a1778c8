"""A letter left out of a run of equal letters that begins inside the salt: the typo search
starts at character 13 of a version 0 export (the first that holds ciphertext bits, beside the
salt's last four), so the fix is placed there, not earlier in the run. Export made with
tests/idexport_encoder.py (ID ECHOECHO, private key bytes 0..31, password "correct horse",
salt 01 02 03 04 05 06 b6 00: found by trying salts until characters 12 to 14 were one
letter)."""

from __future__ import annotations

from checkers.idexport import check_export

EXPORT = (
    "AEBA-GBAF-A23A-AATW-C3SS-OGTL-ETF2-SKOX-NUTV-RA3K-"
    "Z6IY-EHL7-VQX4-OW2P-FP6V-EJSI-G6ZO-NFRK-DFQD-CR2T"
)
PASSWORD = "correct horse"


def test_a_letter_left_out_where_the_salt_ends_is_placed_after_it() -> None:
    compact = EXPORT.replace("-", "")
    assert compact[11:14] == "AAA"  # characters 12 to 14
    verdict = check_export(compact[:13] + compact[14:], PASSWORD)  # 79 characters
    assert [(p.code, p.position) for p in verdict.problems] == [("length", None), ("typo", 12)]
    assert verdict.problems[1].suggestion == EXPORT
