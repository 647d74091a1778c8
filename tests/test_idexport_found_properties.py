"""Property tests: a valid export wrapped in random text and random invisible characters still
opens with its password, and any text around exports still gets a verdict (issue 15)."""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from idexport_encoder import encode_export  # noqa: E402
from kdf_fixture import derive_or_skip, with_key  # noqa: E402

from checkers import base32  # noqa: E402
from checkers.export_crypto import kdf_request  # noqa: E402

PASSWORD = "property wrapped"
SALT = b"wrapped!"
ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Unicode format characters (category Cf) that apps, messengers and web pages leave in text.
INVISIBLE = "\u200e\u200f\u200b\u200c\u200d\u2060\u2066\u2067\u2068\u2069\u202a\u202c\ufeff\u00ad"
words = st.text(st.characters(exclude_categories=["Cs", "Cf"]), max_size=120)


@pytest.fixture(scope="module")
def keys() -> dict[int, bytes]:
    """One derivation per format version; each example then answers with the known key."""
    return {v: derive_or_skip(kdf_request(v, PASSWORD.encode(), SALT)) for v in (0, 1)}


def sprinkle(text: str, data: st.DataObject) -> str:
    """`text` with up to 6 invisible characters put in at random places."""
    chars = list(text)
    for _ in range(data.draw(st.integers(0, 6))):
        where = data.draw(st.integers(0, len(chars)))
        chars.insert(where, data.draw(st.sampled_from(INVISIBLE)))
    return "".join(chars)


@settings(max_examples=60, deadline=None)
@given(
    version=st.sampled_from([0, 1]),
    identity=st.text(st.sampled_from(ID_CHARS), min_size=8, max_size=8),
    private_key=st.binary(min_size=32, max_size=32),
    before=words,
    after=words,
    layout=st.sampled_from(["-", " ", "\n"]),
    data=st.data(),
)
def test_a_wrapped_export_still_opens(
    keys, version, identity, private_key, before, after, layout, data
) -> None:
    text = encode_export(identity, private_key, PASSWORD, version, SALT, keys[version])
    shown = layout.join(text.split("-")) if layout != "-" else text
    # Words end where a colon or a blank line and a bracket stand, as in a note or an e-mail.
    wrapped = sprinkle(f"{before}:\n{shown}\n\n({after})", data)
    verdict = with_key(wrapped, PASSWORD, keys[version])
    assert verdict.ok, verdict.problems
    assert verdict.identity == identity and verdict.normalized == text
    codes = {p.code for p in verdict.problems}
    assert codes <= {"surrounded", "invisible", "reformatted", "several-exports"}


@settings(max_examples=200, deadline=None)
@given(
    before=st.text(max_size=200),
    middle=st.text(max_size=60),
    after=st.text(max_size=200),
    compact=st.text(st.sampled_from(base32.ALPHABET), min_size=80, max_size=80),
    password=st.one_of(st.none(), st.text(max_size=12)),
)
def test_text_around_exports_always_gets_a_verdict(before, middle, after, compact, password):
    text = before + base32.group(compact) + middle + base32.group(compact[::-1]) + after
    verdict = with_key(text, password, bytes(32))
    result = verdict.to_dict()
    assert result["kind"] in ("id-export", "contact-qr", "threema-id", "unknown")
    assert result["ok"] == (not any(p["severity"] == "error" for p in result["problems"]))
    assert result["ok"] or result["problems"]
