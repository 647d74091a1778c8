"""Properties: random exports round-trip, single typos are found, and any text gets a verdict."""

from __future__ import annotations

import os

import pytest

hypothesis = pytest.importorskip("hypothesis")
from english import say  # noqa: E402
from hypothesis import HealthCheck, assume, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from idexport_encoder import encode_export  # noqa: E402
from kdf_fixture import derive_or_skip, drive, with_key  # noqa: E402

from checkers import base32  # noqa: E402
from checkers.export_crypto import kdf_request  # noqa: E402
from checkers.idexport import check_typing  # noqa: E402
from checkers.primitives import x25519  # noqa: E402

ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
identities = st.builds(
    lambda first, rest: first + "".join(rest),
    st.sampled_from("*" + ID_CHARS),
    st.lists(st.sampled_from(ID_CHARS), min_size=7, max_size=7),
)
private_keys = st.binary(min_size=32, max_size=32)
salts = st.binary(min_size=8, max_size=8)
# Any Unicode except lone surrogates, which no app can put into a password.
passwords = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)


def public_key(private_key: bytes) -> str:
    try:
        from nacl.bindings import crypto_scalarmult_base
    except ImportError:
        return x25519.x25519_base(private_key).hex()
    return crypto_scalarmult_base(private_key).hex()


@settings(max_examples=15, deadline=None)
@given(identity=identities, private_key=private_keys, password=passwords, salt=salts)
def test_v0_round_trip(identity: str, private_key: bytes, password: str, salt: bytes) -> None:
    key = derive_or_skip(kdf_request(0, password.encode("utf-8"), salt))
    text = encode_export(identity, private_key, password, 0, salt, key)
    verdict = drive(text, password)
    assert verdict.ok, verdict.problems
    assert (verdict.kind, verdict.version, verdict.normalized) == ("id-export", 0, text)
    assert verdict.identity == identity
    assert verdict.public_key == public_key(private_key)
    assert (verdict.problem("short-password") is not None) == (len(password) < 8)


@settings(max_examples=3, deadline=None)
@given(identity=identities, private_key=private_keys, password=passwords)
def test_v1_round_trip(identity: str, private_key: bytes, password: str) -> None:
    # Argon2id takes 128 MiB and about half a second per derivation, hence few examples.
    salt = os.urandom(8)
    key = derive_or_skip(kdf_request(1, password.encode("utf-8"), salt))
    text = encode_export(identity, private_key, password, 1, salt, key)
    verdict = drive(text, password)
    assert verdict.ok, verdict.problems
    assert (verdict.version, verdict.identity) == (1, identity)
    assert verdict.public_key == public_key(private_key)


@pytest.fixture(scope="module")
def v0_export() -> tuple[str, str, bytes]:
    password, salt = "typo search test", os.urandom(8)
    key = derive_or_skip(kdf_request(0, password.encode(), salt))
    return encode_export("ECHOECHO", os.urandom(32), password, 0, salt, key), password, key


@pytest.fixture(scope="module")
def v1_export() -> tuple[str, str, bytes]:
    password, salt = "typo search test", os.urandom(8)
    key = derive_or_skip(kdf_request(1, password.encode(), salt))
    return encode_export("*GATEWAY", os.urandom(32), password, 1, salt, key), password, key


def edited(compact: str, kind: str, position: int, letter: str) -> str:
    if kind == "substitution":
        return compact[:position] + letter + compact[position + 1 :]
    if kind == "swap":
        return (
            compact[:position] + compact[position + 1] + compact[position] + compact[position + 2 :]
        )
    if kind == "missing":
        return compact[:position] + compact[position + 1 :]
    return compact[:position] + letter + compact[position:]


def fix_positions(compact: str, broken: str, kind: str, position: int) -> set[int]:
    """Where a fix of `broken` may be reported: in a run of equal letters, any of them."""
    if kind == "missing":
        lost = compact[position]
        return {q for q in range(len(broken) + 1) if broken[:q] + lost + broken[q:] == compact}
    if kind == "extra":
        return {q for q in range(len(broken)) if broken[:q] + broken[q + 1 :] == compact}
    return {position}


def assert_typo_found(export: tuple[str, str, bytes], kind: str, position: int, letter: str):
    text, password, key = export
    compact = text.replace("-", "")
    broken = edited(compact, kind, position, letter)
    assume(broken != compact)
    verdict = with_key(base32.group(broken), password, key)
    typo = verdict.problem("typo")
    assert typo is not None, verdict.problems
    fixes = fix_positions(compact, broken, kind, position)
    if typo.suggestion is None:
        # About 3 % of version 0 cases: the 16-bit checksum also matches another single edit
        # (the ID part unchanged), so the validator offers each fix rather than pick one.
        assert "more than one" in say(typo)
        assert text in typo.candidates and len(typo.candidates) > 1
        assert all(candidate in say(typo) for candidate in typo.candidates)
    else:
        assert typo.suggestion == text
        assert typo.position in fixes
    assert verdict.identity is None and not verdict.ok


fixable = st.sampled_from(["substitution", "swap", "missing", "extra"])
letters = st.sampled_from(base32.ALPHABET)
settle = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def edits(first: int, length: int) -> st.SearchStrategy[tuple[str, int]]:
    """(kind, position) for every kind of typo at every position the search covers, both ends
    included: up to the last character, the last pair for a swap, one past the end for an extra
    character; from `first`, the character that holds the salt's last bits, for a substitution
    (see `keep_header_bits`), from the one after it for the other kinds (which would move those
    bits: another salt, another key, which reads as a wrong password)."""
    last = {"substitution": length - 1, "swap": length - 2, "missing": length - 1, "extra": length}
    start = {"substitution": first, "swap": first + 1, "missing": first + 1, "extra": first + 1}
    return fixable.flatmap(
        lambda kind: st.tuples(st.just(kind), st.integers(start[kind], last[kind]))
    )


def at_both_ends(first: int, length: int):
    """Hypothesis @example()s: each kind of typo at the first and at the last position."""
    ends = [("substitution", first), ("substitution", length - 1), ("swap", first + 1),
            ("swap", length - 2), ("missing", first + 1), ("missing", length - 1),
            ("extra", first + 1), ("extra", length)]  # fmt: skip

    def decorate(test):
        for edit in ends:
            test = example(edit=edit, letter="Q")(test)
        return test

    return decorate


def keep_header_bits(export: tuple[str, str, bytes], header_bits: int, edit, letter: str) -> str:
    """`letter`, or at the first searchable position the letter with that character's salt or
    header bits as they were: only its other bits can be a typo the key still opens."""
    kind, position = edit
    if kind != "substitution" or 5 * position >= header_bits:
        return letter
    free = 5 * (position + 1) - header_bits
    mask = (1 << free) - 1
    old = base32.ALPHABET.index(export[0].replace("-", "")[position])
    return base32.ALPHABET[(old & ~mask) | (base32.ALPHABET.index(letter) & mask)]


@settle
@given(edit=edits(12, 80), letter=letters)
@at_both_ends(12, 80)
def test_single_v0_typo_after_the_salt_is_found(v0_export, edit, letter) -> None:
    assert_typo_found(v0_export, *edit, keep_header_bits(v0_export, 64, edit, letter))


@settle
@given(edit=edits(14, 104), letter=letters)
@at_both_ends(14, 104)
def test_single_v1_typo_after_the_header_is_found(v1_export, edit, letter) -> None:
    assert_typo_found(v1_export, *edit, keep_header_bits(v1_export, 72, edit, letter))


@settings(max_examples=20, deadline=None)
@given(position=st.integers(0, 11), letter=letters)
def test_v0_typo_in_the_salt_reads_as_wrong_password(v0_export, position, letter) -> None:
    text, password, _ = v0_export
    compact = text.replace("-", "")
    broken = edited(compact, "substitution", position, letter)
    assume(broken != compact)
    verdict = drive(base32.group(broken), password)  # another salt: a real derivation
    assert [p.code for p in verdict.problems] == ["wrong-password"]


@settle
@given(password=passwords)
def test_wrong_password_never_yields_a_correction(v0_export, password) -> None:
    text, right, _ = v0_export
    assume(password != right)
    wrong_key = derive_or_skip(kdf_request(0, password.encode("utf-8"), os.urandom(8)))
    verdict = with_key(text, password, wrong_key)
    assert verdict.problem("typo") is None
    assert verdict.problem("wrong-password") is not None


export_like = st.text(
    st.sampled_from(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ2345670189abcxyz -\n*:,=._/\u00e4\u0410\u200b"
        "\uff21\uff42\uff13\uff10\uff0d\ufe63\u2043\u2014\ufdfa\u2022"  # full-width, dashes
    ),
    max_size=140,
)
any_text = st.one_of(st.text(max_size=300), export_like, st.binary(max_size=200))


@settings(max_examples=400, deadline=None)
@given(text=any_text, password=st.one_of(st.none(), st.text(max_size=20)), key=private_keys)
def test_any_text_gets_a_verdict(text, password, key) -> None:
    verdict = with_key(text, password, key)  # a random key stands in for a derivation
    result = verdict.to_dict()
    assert result["kind"] in ("id-export", "contact-qr", "threema-id", "unknown")
    assert result["ok"] == (not any(p["severity"] == "error" for p in result["problems"]))
    assert result["ok"] or result["problems"]
    for problem in result["problems"]:
        assert problem["message"] and problem["severity"] in ("error", "warning")


@settings(max_examples=400, deadline=None)
@given(text=any_text)
def test_any_text_typed_so_far_gets_a_verdict(text) -> None:
    verdict = check_typing(text)  # never asks for a key, never raises
    result = verdict.to_dict()
    assert result["kind"] in ("id-export", "contact-qr", "threema-id", "unknown")
    assert result["ok"] or result["problems"]
    if verdict.partial:
        assert result["kind"] == "id-export" and not result["ok"]
        assert [p["code"] for p in result["problems"]][-1] == "incomplete"
        assert all(p["code"] == "character" for p in result["problems"][:-1])
