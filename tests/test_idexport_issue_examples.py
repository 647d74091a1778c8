"""Every example of issue 15 ("The validator reads exports the way people really paste,
photograph and type them") through the Python API and through the command line (`--json` and
its exit status), side by side: the same verdict both ways, and what each example needs."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from english import say
from idexport_encoder import encode_export
from test_cli_id_export import run_in_process

from checkers.idexport import check_export

CASES = json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))["cases"]
V0 = next(c for c in CASES if c["name"] == "v0 basic")
V1 = next(c for c in CASES if c["name"] == "v1 basic")
TYPO = next(c for c in CASES if c["name"] == "v0 one typo after the salt")
EXPORT, PASSWORD, IDENTITY = V0["input"], V0["password"], V0["expect"]["identity"]
GROUPS = EXPORT.split("-")
ACCENTED = "Müller über Zürich"  # as typed on a keyboard: each accented letter one character
ACCENTED_EXPORT = encode_export("ECHOECHO", bytes(range(32)), ACCENTED, 0, salt=b"issue-15")
DECOMPOSED = unicodedata.normalize("NFD", ACCENTED)  # "u" + U+0308, as copied from some files

# (id, text, password, exit status, ok, identity, a problem code the verdict must have)
EXAMPLES = [
    ("share-button", "Here is my Threema ID export. Keep it safe:\n\n" + EXPORT, PASSWORD,
     0, True, IDENTITY, "surrounded"),
    ("e-mail-signature", EXPORT + "\n\n-- \nAnna Meier\n+41 79 123 45 67", PASSWORD,
     0, True, IDENTITY, "surrounded"),
    ("note-titled", "ID export:\n" + EXPORT, PASSWORD, 0, True, IDENTITY, "surrounded"),
    ("quoted-reply", "> " + "-".join(GROUPS[:10]) + "\n> " + "-".join(GROUPS[10:]), PASSWORD,
     0, True, IDENTITY, "reformatted"),
    ("pasted-twice", EXPORT + "\n" + EXPORT, PASSWORD, 0, True, IDENTITY, "surrounded"),
    ("old-and-new", "old: " + EXPORT + "\nnew: " + V1["input"], V1["password"],
     0, True, V1["expect"]["identity"], "several-exports"),
    ("left-to-right-mark", "-".join(GROUPS[:2]) + "\u200e-" + "-".join(GROUPS[2:]), PASSWORD,
     0, True, IDENTITY, "invisible"),
    ("decomposed-accents", ACCENTED_EXPORT, DECOMPOSED, 0, True, "ECHOECHO", "password-form"),
    ("typo-after-salt-no-password", TYPO["input"], None, 0, True, None, None),
    ("missing-in-group-8", "-".join([*GROUPS[:7], GROUPS[7][1:], *GROUPS[8:]]), PASSWORD,
     1, False, None, "length"),
    ("extra-at-start-of-group-8", "-".join([*GROUPS[:7], "Q" + GROUPS[7], *GROUPS[8:]]),
     PASSWORD, 1, False, None, "length"),
    ("pasted-twice-no-password", EXPORT + "\n" + EXPORT, None, 0, True, None, "surrounded"),
]  # fmt: skip


def command_line(monkeypatch, text: str, password: str | None) -> tuple[int, dict]:
    """`python -m checkers id-export --json [--password-stdin] TEXT`, run in this process."""
    args = ["--json", text] if password is None else ["--json", "--password-stdin", text]
    status, output = run_in_process(monkeypatch, args, stdin=password or "")
    if password:
        assert password not in output  # never echoed
    return status, json.loads(output)


@pytest.mark.parametrize(
    ("text", "password", "status", "ok", "identity", "code"),
    [example[1:] for example in EXAMPLES],
    ids=[example[0] for example in EXAMPLES],
)
def test_an_example_of_the_issue_through_the_api_and_the_command_line(
    monkeypatch,
    text: str, password: str | None, status: int, ok: bool, identity: str | None, code: str | None
) -> None:
    verdict = check_export(text, password)
    assert (verdict.ok, verdict.identity) == (ok, identity)
    if code is not None:
        assert verdict.problem(code) is not None, [p.code for p in verdict.problems]
    exit_status, shown = command_line(monkeypatch, text, password)
    assert exit_status == status
    assert list(shown) == [
        "kind", "version", "ok", "normalized", "identity", "public_key", "problems"
    ]  # fmt: skip
    assert shown == verdict.to_dict()
    # Plain words: no message names a format version or base32.
    for problem in verdict.problems:
        assert "version" not in say(problem) and "base32" not in say(problem).lower()


def test_the_decomposed_password_is_named_as_the_cause() -> None:
    form = check_export(ACCENTED_EXPORT, DECOMPOSED).problem("password-form")
    assert form is not None and "accented letters are written as single characters" in say(form)


def test_a_missing_character_and_an_extra_one_name_group_8() -> None:
    missing = "-".join([*GROUPS[:7], GROUPS[7][1:], *GROUPS[8:]])
    extra = "-".join([*GROUPS[:7], "Q" + GROUPS[7], *GROUPS[8:]])
    assert "group 8 has 3 characters instead of 4" in say(check_export(missing).problem("length"))
    assert "group 8 has 5 characters instead of 4" in say(check_export(extra).problem("length"))


def test_the_export_pasted_twice_is_not_said_to_be_too_long() -> None:
    for password in (None, PASSWORD):
        verdict = check_export(EXPORT + "\n" + EXPORT, password)
        said = " ".join(say(p) for p in verdict.problems)
        assert "104" not in said and verdict.problem("length") is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("AA" + V1["input"][2:], "it starts like an export of the usual kind, which has 80 "
         "letters and digits"),
        (next(c for c in CASES if c["name"] == "unknown version 2")["input"],
         "the export comes from an app newer than this checker"),
    ],
    ids=["zero", "newer"],
)  # fmt: skip
def test_an_export_of_unknown_kind_is_explained_in_plain_words(text: str, said: str) -> None:
    problem = check_export(text).problem("unsupported-version")
    assert problem is not None
    words = say(problem)
    assert said in words and "AE, AF, AG or AH" in words
    assert "version" not in words and "byte" not in words and "base32" not in words
