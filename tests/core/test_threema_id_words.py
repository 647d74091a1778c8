"""An ID pasted instead of an export is named as what it is, word for word: a plain ID, a gateway
ID (the '*' first, only when pasted bare), or a link to either; and a contact QR
code, with its ID or the text where one should be."""

from __future__ import annotations

import pytest
from english import say

from checkers.export_text import read_leniently

REST = (
    "An ID names an identity; it cannot restore one. To restore, use the ID export (the 80 "
    "letters and digits in 20 groups of four that the app shows under “id export”) with its "
    "password, or Threema Safe (this ID plus the Safe password)."
)


@pytest.mark.parametrize(
    ("text", "identity", "first"),
    [
        ("ECHOECHO", "ECHOECHO", "This is the Threema ID ECHOECHO."),
        ("echoecho", "ECHOECHO", "This is the Threema ID ECHOECHO."),
        (
            "*THREEMA",
            "*THREEMA",
            "This is the Threema ID *THREEMA (a gateway ID, used by businesses and services).",
        ),
        ("https://threema.id/ECHOECHO", "ECHOECHO", "This is a link to the Threema ID ECHOECHO."),
        # A link's words stay those of a link, for a gateway ID too.
        ("threema://add?id=*threema", "*THREEMA", "This is a link to the Threema ID *THREEMA."),
    ],
)
def test_an_id_is_named_as_an_id(text: str, identity: str, first: str) -> None:
    verdict = read_leniently(text)
    assert (verdict.kind, verdict.identity) == ("threema-id", identity)
    assert [(p.code, p.severity, say(p)) for p in verdict.problems] == [
        ("threema-id", "error", f"{first} {REST}")
    ]


CONTACT_QR = (
    "This is the contact QR code of {whose}: it carries only the public key, for adding the ID "
    "as a contact. It can never restore an ID. To restore, use the ID export (the 80 letters and "
    "digits in 20 groups of four that the app shows under “id export”) with its password, or "
    "Threema Safe."
)


@pytest.mark.parametrize(
    ("text", "identity", "words"),
    [
        ("3mid:ECHOECHO,0123456789abcdef", "ECHOECHO", CONTACT_QR.format(whose="the ID ECHOECHO")),
        ("3mid:echoecho", "ECHOECHO", CONTACT_QR.format(whose="the ID ECHOECHO")),
        (
            "3MID:ec ho,abc",
            None,
            CONTACT_QR.format(whose="a Threema ID")
            + " The ID part (“ec ho”) is not even a valid Threema ID.",
        ),
    ],
)
def test_a_contact_qr_code_is_named_with_its_id_or_what_stands_there(
    text: str, identity: str | None, words: str
) -> None:
    verdict = read_leniently(text)
    assert (verdict.kind, verdict.identity) == ("contact-qr", identity)
    assert [(p.code, p.severity, say(p)) for p in verdict.problems] == [
        ("contact-qr", "error", words)
    ]
