"""`python -m checkers … --language de` speaks German from the first word to the last: every
subcommand, text and --json (codes stay English, the words a person reads are German), usage
errors included, and the wizard's guide links lead to the German pages (/de/, same anchors)."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from checkers.cli import main
from checkers.wording import Wording, message
from tests.databackup_maker import PASSWORD, Backup

DATA = Path(__file__).resolve().parent / "data"
CASES = json.loads((DATA / "id-export.json").read_text("utf-8"))["cases"]

# Words of the English messages that German never uses: one in a German line is a message (or
# a piece of one) left in English. Compared in lower case, as whole words.
_ENGLISH = """
    the and is are not of with this that your you has have does which what would
    error warning carries guide then lost notes cannot read file password character characters
    group groups nothing from only missing wrong allowed values did mean contacts settings
    phone new old restore restores restored opens open key public canonical suggestion
    corrected candidate created newest size media thumbnail thumbnails entry entries folder
    such permission denied shown yes or
"""  # not "Chats", "Format", "Version", "was", "will": German words too
ENGLISH_WORDS = frozenset(_ENGLISH.split())
# What a German line may hold that is not German words: codes in parentheses ("(wrong-password)",
# "(threema-safe)"), paths and options ("/de/guides/…", "--password-file"), file names, what
# was typed ('androi') and a usage error's list of allowed input values ("available, lost").
_NOT_WORDS = re.compile(
    r"\([a-z0-9.-]+\)|(?<!\w)(?:/|--)\S*|\S+\.(?:zip|yml|txt)\b|'[^']*'|(?:[a-z-]+, )+[a-z-]+$"
)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
# The JSON fields that hold words for people; all others are codes, numbers, IDs or paths.
HUMAN_FIELDS = frozenset({"message", "headline", "label", "value", "text", "lead", "why", "title"})

ROUTES = [
    ["--from", "android", "--to", "android", "--old-device", "available"],
    ["--from", "android", "--to", "ios", "--old-device", "available", "--keep", "id,chats"],
    ["--from", "ios", "--to", "ios", "--old-device", "available"],
    ["--from", "ios", "--to", "android", "--old-device", "available"],
    ["--from", "android", "--to", "android", "--old-device", "lost"],
    ["--from", "android", "--to", "ios", "--old-device", "lost", "--have", "threema-safe"],
    ["--from", "ios", "--to", "ios", "--old-device", "lost", "--have", "id-export"],
    ["--from", "ios", "--to", "android", "--old-device", "lost", "--have", "device-backup"],
]


def english_words(line: str) -> list[str]:
    """The words of `line` found in ENGLISH_WORDS (codes, paths and options left out)."""
    return [w for w in _WORD.findall(_NOT_WORDS.sub(" ", line)) if w.lower() in ENGLISH_WORDS]


def human_texts(data: object) -> Iterator[str]:
    """Every string of a JSON answer that a person reads (HUMAN_FIELDS, at any depth)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in HUMAN_FIELDS and isinstance(value, str):
                yield value
            elif key not in ("params", "why_params"):  # raw parameters: codes and ids
                yield from human_texts(value)
    elif isinstance(data, list):
        for item in data:
            yield from human_texts(item)


def run(capsys, monkeypatch, *argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    """`python -m checkers ARGV` in this process (the real entry point and parser)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse's own usage errors
        code = stop.code if isinstance(stop.code, int) else 2
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_german(output: str, where: str) -> None:
    problems = [f"{where}: {words} in: {line}" for line in output.splitlines()
                if (words := english_words(line))]  # fmt: skip
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def backups(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("german-backups")
    good = Backup().write(folder)
    cut = folder / "cut.zip"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    (folder / "empty.zip").write_bytes(b"")
    (folder / "right").write_text(PASSWORD + "\n", "utf-8")
    (folder / "short").write_text("wrong\n", "utf-8")
    return {
        "good": good, "cut": cut, "empty": folder / "empty.zip",
        "v28": Backup(version=28).write(folder, "v28.zip"),
        "no-media": Backup(include_media=False).write(folder, "no-media.zip"),
        "right": folder / "right", "short": folder / "short",
    }  # fmt: skip


def test_the_guard_finds_english_words_and_leaves_codes_and_paths_alone() -> None:
    assert english_words("error (typo): The export has a typo.") == ["error", "The", "has"]
    assert english_words("   Guide: /guides/android/#create-id-export") == ["Guide"]
    assert english_words("Fehler (wrong-password): Dieses Passwort öffnet den Export nicht.") == []
    assert english_words("1. Threema Safe (threema-safe) – nimmt mit: ID") == []
    assert english_words("x: Fehler: --password-file /tmp/no-such-file") == []


# --- The guard: every subcommand over the test vectors, text and JSON ------------------------


@pytest.mark.parametrize(
    ("digit", "words"), [("1", "I (oder L)."), ("9", "G (oder Q)."), ("8", "B.")]
)
def test_a_digit_with_two_lookalikes_names_both_in_german(
    digit, words, capsys, monkeypatch
) -> None:
    # A walkthrough found "der Buchstabe I (or L)": the "or" was part of a parameter.
    export = next(c for c in CASES if c["name"] == "v0 basic")["input"]
    code, out, err = run(capsys, monkeypatch, "id-export", "--language", "de", "--json",
                         export[:1] + digit + export[2:])  # fmt: skip
    assert code == 1, err
    [problem] = [p for p in json.loads(out)["problems"] if p["code"] == "character"]
    assert problem["message"].endswith(f"vermutlich ist es der Buchstabe {words}"), problem
    assert english_words(problem["message"]) == []


# JSON holds the same messages as the text: checked where no slow key derivation is needed.
RUNS = [("text", c) for c in CASES] + [("json", c) for c in CASES if not c.get("password")]


@pytest.mark.parametrize(("mode", "case"), RUNS, ids=[f"{m}-{c['name']}" for m, c in RUNS])
def test_id_export_in_german_has_no_english_word(mode, case, capsys, monkeypatch) -> None:
    argv = ["id-export", "--language", "de"] + (["--json"] if mode == "json" else [])
    stdin = b""
    if case.get("password"):
        argv.append("--password-stdin")
        stdin = case["password"].encode("utf-8")
    # An empty export comes from standard input (an empty argument is no argument).
    text = [case["input"]] if case["input"] else []
    code, out, err = run(capsys, monkeypatch, *argv, *text, stdin=stdin)
    assert code in (0, 1), err
    if mode == "json":
        report = json.loads(out)
        assert report["kind"] == case["expect"]["kind"]  # codes stay English
        out = "\n".join(human_texts(report))
    assert_german(out + err, case["name"])


@pytest.mark.parametrize("route", ROUTES, ids=[" ".join(r[1:6:2]) for r in ROUTES])
def test_backup_choice_in_german_has_no_english_word(route, capsys, monkeypatch) -> None:
    code, text, err = run(capsys, monkeypatch, "backup-choice", "--language", "de", *route)
    assert code in (0, 1), err
    assert_german(text + err, "text")
    code, out, err = run(capsys, monkeypatch, "backup-choice", "--language", "de", "--json", *route)
    answer = json.loads(out)
    assert_german("\n".join(human_texts(answer)), "json")
    for spec in answer["recommendations"]:  # the German pages, the same anchors
        assert spec["guide"].startswith("/de/guides/"), spec
        assert spec["restore_guide"] is None or spec["restore_guide"].startswith("/de/guides/")


@pytest.mark.parametrize(
    ("backup", "password"),
    [("good", "right"), ("good", None), ("good", "short"), ("cut", "right"), ("empty", None),
     ("v28", "right"), ("no-media", "right")],
)  # fmt: skip
@pytest.mark.parametrize("mode", ["text", "json"])
def test_data_backup_in_german_has_no_english_word(
    backups, backup, password, mode, capsys, monkeypatch
) -> None:
    argv = ["data-backup", "--language", "de", str(backups[backup])]
    if password:
        argv += ["--password-file", str(backups[password])]
    if mode == "json":
        argv.append("--json")
    code, out, err = run(capsys, monkeypatch, *argv)
    assert code in (0, 1), err
    if mode == "json":
        out = "\n".join(human_texts(json.loads(out)))
    assert_german(out + err, f"{backup} {password}")


@pytest.mark.parametrize(
    "argv",
    [
        ["id-export", "FAC6", "-"],
        ["id-export", "--password-stdin"],
        ["id-export", "--password-file", "/no/such/file", "FAC6"],
        ["data-backup", "/no/such/backup.zip"],
        ["backup-choice", "--from", "androi", "--to", "ios", "--old-device", "lost"],
        ["backup-choice", "--from", "ios", "--to", "ios", "--old-device", "gone"],
        ["backup-choice", "--from", "ios", "--to", "ios", "--old-device", "lost",
         "--catalog", "catalog.yml"],
    ],
    ids=lambda argv: " ".join(argv[:3]),
)  # fmt: skip
def test_usage_errors_in_german_have_no_english_word(argv, capsys, monkeypatch) -> None:
    code, out, err = run(capsys, monkeypatch, argv[0], "--language", "de", *argv[1:])
    assert (code, out) == (2, "")
    assert ": Fehler: " in err
    assert_german(err, " ".join(argv))


# --- What the German says, written out --------------------------------------------------------


def test_backup_choice_text_in_german(capsys, monkeypatch) -> None:
    code, out, _ = run(capsys, monkeypatch, "backup-choice", "--language", "de",
                       "--from", "android", "--to", "android", "--old-device", "lost")  # fmt: skip
    lines = out.splitlines()
    assert code == 1
    assert lines[:2] == [
        "Von einem Android-Gerät zu einem Android-Gerät, ohne das alte Gerät. Das Beste zuerst:",
        "1. Neue ID (new-id) – nimmt mit: nichts, was die App wiederherstellen kann",
    ]
    assert "   Anleitung: /de/guides/android/#without-backup" in lines
    assert (
        "Bleibt zurück: ID, Kontakte, Gruppen, Einstellungen, Chats und Medien: Diese kann "
        "keiner dieser Vorschläge mitnehmen."
    ) in lines
    assert "Hinweise:" in lines


def test_backup_choice_links_the_german_guides(capsys, monkeypatch) -> None:
    code, out, _ = run(capsys, monkeypatch, "backup-choice", "--language", "de", "--from",
                       "android", "--to", "ios", "--old-device", "available")  # fmt: skip
    lines = out.splitlines()
    assert "   Anleitung: /de/guides/android/#create-threema-safe" in lines
    assert "   Danach: /de/guides/ios/#restore-threema-safe" in lines
    _, english, _ = run(capsys, monkeypatch, "backup-choice", "--from", "android", "--to", "ios",
                        "--old-device", "available")  # fmt: skip
    assert "   Guide: /guides/android/#create-threema-safe" in english.splitlines()
    assert "   Then: /guides/ios/#restore-threema-safe" in english.splitlines()


def test_id_export_text_in_german(capsys, monkeypatch) -> None:
    typo = next(c for c in CASES if c["name"] == "v0 digit typed for a letter")
    code, out, _ = run(capsys, monkeypatch, "id-export", "--language", "de", typo["input"])
    assert code == 1
    assert out.splitlines()[:2] == [
        "NICHT OK: Dieser ID-Export hat Probleme.",
        "Fehler (character): Zeichen 29 (Gruppe 8, 1. Zeichen) ist die Ziffer 8; ein ID-Export "
        "enthält nie eine 8 – vermutlich ist es der Buchstabe B.",
    ]
    assert out.splitlines()[-1] == "    Vorschlag: B"
    basic = next(c for c in CASES if c["name"] == "v0 lowercase, no dashes")
    code, out, _ = run(capsys, monkeypatch, "id-export", "--language", "de", "--password-stdin",
                       basic["input"], stdin=basic["password"].encode())  # fmt: skip
    lines = out.splitlines()
    assert code == 0
    # The values in one column, after the longest German label.
    assert "  ID:                     3HGAZYX9" in lines
    assert "  Öffentlicher Schlüssel: " + basic["expect"]["public_key"] in lines
    assert lines[-1].startswith("Hinweis (reformatted): Der Text wurde großzügig gelesen")


def test_id_export_without_a_password_is_not_checked_in_german(capsys, monkeypatch) -> None:
    basic = next(c for c in CASES if c["name"] == "v0 basic")
    code, out, _ = run(capsys, monkeypatch, "id-export", "--language", "de", basic["input"])
    assert code == 0
    assert out.splitlines()[0] == (
        "NICHT GEPRÜFT: Der Text hat die richtige Form für einen ID-Export, aber ob ein Zeichen "
        "darin falsch ist, zeigt erst sein Passwort (es wurde kein Passwort angegeben)."
    )


def test_id_export_json_in_german_keeps_its_codes(capsys, monkeypatch) -> None:
    code, out, _ = run(capsys, monkeypatch, "id-export", "--language", "de", "--json", "FAC6-TYRH")
    problem = json.loads(out)["problems"][0]
    assert (code, problem["code"], problem["severity"]) == (1, "length", "error")
    assert problem["message"].startswith("Der Text hat 8 Buchstaben und Ziffern")


def test_data_backup_text_in_german(backups, capsys, monkeypatch) -> None:
    code, out, _ = run(capsys, monkeypatch, "data-backup", "--language", "de", str(backups["good"]),
                       "--password-file", str(backups["right"]))  # fmt: skip
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == (
        "OK: Dieses Backup öffnet sich mit diesem Passwort und stellt die ID ECHOECHO wieder her."
    )
    assert "  Neuester Eintrag: 20.11.2026, 21:15:04 (Ortszeit des Geräts)" in lines
    assert "  Größe:            227 kB" in lines
    code, out, _ = run(capsys, monkeypatch, "data-backup", "--language", "de", str(backups["good"]))
    assert out.splitlines()[-1] == (
        "Hinweis (no-password): Kein Passwort angegeben: Geprüft wurde nur der Aufbau der Datei. "
        "Geben Sie das Passwort des Backups ein, um zu prüfen, ob es das Backup öffnet."
    )
    code, out, _ = run(capsys, monkeypatch, "data-backup", "--language", "de", str(backups["cut"]))
    assert out.splitlines()[-1].startswith(
        "Fehler (truncated): Die Datei ist abgeschnitten: Das Ende der ZIP-Datei"
    )


def test_usage_errors_in_german(backups, capsys, monkeypatch) -> None:
    _, _, err = run(capsys, monkeypatch, "data-backup", "--language", "de", "/no/such.zip")
    assert err == (
        "python -m checkers data-backup: Fehler: /no/such.zip lässt sich nicht lesen: Datei oder "
        "Ordner gibt es nicht\n"
    )
    _, _, err = run(capsys, monkeypatch, "id-export", "--language", "de", "--password-stdin")
    assert err == (
        "python -m checkers id-export: Fehler: Export und Passwort können nicht beide von der "
        "Standardeingabe kommen; geben Sie das Passwort mit --password-file DATEI an\n"
    )
    folder = str(backups["good"].parent)
    _, _, err = run(capsys, monkeypatch, "data-backup", "--language", "de", "--password-file",
                    folder, str(backups["good"]))  # fmt: skip
    assert err == (
        f"python -m checkers data-backup: Fehler: die Passwortdatei {folder} lässt sich nicht "
        "lesen: das ist ein Ordner, keine Datei\n"
    )
    _, _, err = run(capsys, monkeypatch, "backup-choice", "--language", "de", "--from", "androi",
                    "--to", "ios", "--old-device", "lost")  # fmt: skip
    assert err == (
        "python -m checkers backup-choice: Fehler: --from: 'androi' ist nicht erlaubt (meinten Sie "
        "'android'?); erlaubte Werte: android, ios\n"
    )
    # English stays as it was.
    _, _, err = run(capsys, monkeypatch, "data-backup", "/no/such.zip")
    assert err == (
        "python -m checkers data-backup: error: cannot read /no/such.zip: no such file or folder\n"
    )


def test_numbers_with_a_fraction_take_a_decimal_comma_in_german() -> None:
    """A size below 10 units keeps one decimal: "2,5 MB" in German (checkers' wording)."""
    from checkers.cli.content import wording
    from checkers.databackup.report import size_message

    german = wording(language="de")
    assert german(size_message(2_500_000)) == "2,5 MB"
    assert german(size_message(1_400_000_000)) == "1,4 GB"
    assert german(size_message(12_000_000)) == "12 MB"
    assert Wording()(size_message(2_500_000)) == "2.5 MB"
    assert german(message("backup.value.media", files=message("backup.value.media.files", count=2),
                          thumbnails=message("backup.value.media.thumbnails", count=1),
                          size=size_message(3_300_000))) == (
        "2 Dateien und 1 Vorschaubild, etwa 3,3 MB"
    )  # fmt: skip


def test_finished_text_is_put_in_as_it_is(capsys) -> None:
    """A content error names a label as the writer wrote it ("[[foo]]"): the German frame
    around it must not read it as a label again."""
    from checkers.cli.content import plain_wording
    from checkers.cli.words import print_error

    print_error("prog", "labels.yml:3: unknown label [[foo]] in {braces}", plain_wording("de"))
    assert capsys.readouterr().err == (
        "prog: Fehler: labels.yml:3: unknown label [[foo]] in {braces}\n"
    )
