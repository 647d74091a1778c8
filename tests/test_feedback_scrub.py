"""Scrubbing: every kind of personal text in a comment or search becomes a placeholder."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpcenter.feedback.scrub import EMAIL, ID_EXPORT, PHONE, THREEMA_ID, scrub

BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
# Ordinary words around the personal text, as a reader would write them.
WORDS = st.lists(
    st.sampled_from(
        ["the", "backup", "did", "not", "work", "after", "I", "moved", "to", "my", "new",
         "phone", "and", "restore", "failed", "with", "password", "Safe", "iCloud", "help",
         "why", "is", "this", "so", "hard", "2024", "v5.2"]
    ),
    max_size=8,
).map(" ".join)  # fmt: skip
PLACEHOLDERS = (ID_EXPORT, THREEMA_ID, EMAIL, PHONE)


def _join(groups: list[str], separator: str) -> str:
    return separator.join(groups)


id_exports = st.builds(
    _join,
    st.lists(st.text(BASE32, min_size=4, max_size=4), min_size=20, max_size=20),
    st.sampled_from(["-", " ", "", " - "]),
).filter(lambda text: any(c.isdigit() for c in text) or text.isupper())
threema_ids = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=8, max_size=8).filter(
    lambda t: not t.isdigit()
)
emails = st.builds(
    "{}@{}.{}".format,
    st.from_regex(r"[a-z][a-z0-9._+-]{0,15}", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True),
    st.sampled_from(["ch", "de", "com", "org", "info"]),
)
phones = st.builds(
    "{}{}{}{}".format,
    st.sampled_from(["+41 ", "+49 ", "0", "+1 (", "0041 "]),
    st.from_regex(r"[1-9][0-9]{1,2}", fullmatch=True),
    st.sampled_from([" ", "-", ") ", "/", "."]),
    st.from_regex(r"[0-9]{3}[ -]?[0-9]{2}[ -]?[0-9]{2}", fullmatch=True),
)


def _assert_scrubbed(secret: str, before: str, after: str) -> None:
    text = f"{before} {secret} {after}".strip()
    scrubbed = scrub(text)
    assert secret not in scrubbed, (text, scrubbed)
    assert any(placeholder in scrubbed for placeholder in PLACEHOLDERS), (text, scrubbed)


@settings(max_examples=150)
@given(id_exports, WORDS, WORDS)
def test_id_exports_are_scrubbed(secret: str, before: str, after: str) -> None:
    _assert_scrubbed(secret, before, after)


@settings(max_examples=150)
@given(threema_ids, WORDS, WORDS)
def test_threema_ids_are_scrubbed(secret: str, before: str, after: str) -> None:
    _assert_scrubbed(secret, before, after)


@settings(max_examples=150)
@given(emails, WORDS, WORDS)
def test_email_addresses_are_scrubbed(secret: str, before: str, after: str) -> None:
    _assert_scrubbed(secret, before, after)


@settings(max_examples=150)
@given(phones, WORDS, WORDS)
def test_phone_numbers_are_scrubbed(secret: str, before: str, after: str) -> None:
    _assert_scrubbed(secret, before, after)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my ID is ECHOECHO and it is gone", f"my ID is {THREEMA_ID} and it is gone"),
        ("id abcd1234?", f"id {THREEMA_ID}?"),
        ("gateway *THREEMA sends", f"gateway {THREEMA_ID} sends"),
        ("write to anna.muster@example.ch please", f"write to {EMAIL} please"),
        ("call +41 79 123 45 67 today", f"call {PHONE} today"),
        ("call 079/123.45.67", f"call {PHONE}"),
        ("call ０７９ １２３ ４５ ６７", f"call {PHONE}"),  # full-width digits
        (
            "export: FAC6-TYRH-56RX-ABCD-EFGH-2345-6722-QQQQ-WWWW-EEEE-RRRR-TTTT-YYYY-UUUU-"
            "IIII-OOOO-PPPP-AAAA-SSSS-DDDD done",
            f"export: {ID_EXPORT} done",
        ),
        ("half of it fac6tyrh56rxabcd2345", f"half of it {ID_EXPORT}"),
    ],
)
def test_each_kind_gets_its_placeholder(text: str, expected: str) -> None:
    assert scrub(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The restore on my new iPhone failed after step 3.",
        "Where is the data backup kept on Android 14?",
        "this that with from when were they",  # four-letter words are no ID export
        "Version 5.2.1 of the app, 2 phones",
        "password requirements are unclear",  # an 8-letter word is no Threema ID
    ],
)
def test_ordinary_text_is_kept(text: str) -> None:
    assert scrub(text) == text


def test_control_characters_and_blank_runs_are_removed() -> None:
    # NUL and DEL go; NEL and tabs are spacing, so they become one space.
    assert scrub("a\x00b\x7fc\u0085d\t\te\n\n\n\nf\r\ng") == "abc d e\n\nf\ng"
