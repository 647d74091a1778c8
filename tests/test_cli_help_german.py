"""`python -m checkers … --language de --help` is German, argparse's own words included ("Aufruf:",
"Optionen", "diese Hilfe zeigen und beenden", its usage errors); English stays as argparse
writes it. The help is wrapped to $COLUMNS, fixed here so that the lines can be written out."""

from __future__ import annotations

import argparse
import inspect
import re

import pytest

from checkers.cli import main, requested_language
from checkers.wording.cli_help_text import MESSAGES


@pytest.fixture(autouse=True)
def _columns(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """`python -m checkers ARGV` in this process; argparse ends --help and errors by SystemExit."""
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 2
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_id_export_help_in_german(capsys) -> None:
    code, out, err = run(capsys, "id-export", "--language", "de", "--help")
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert lines[:5] == [
        "Aufruf: python -m checkers id-export [-h] [--json]",
        "                                     [--password-stdin | --password-file DATEI]",
        "                                     [--content-dir ORDNER]",
        "                                     [--language {en,de}]",
        "                                     [TEXT ...]",
    ]
    assert lines[6].startswith("Prüft einen ID-Export so, wie er eingefügt wurde")
    assert lines[lines.index("Argumente:") :] == [
        "Argumente:",
        "  TEXT                  der Export (mehrere Wörter werden mit Leerzeichen",
        "                        verbunden); „-“ oder nichts: Standardeingabe",
        "",
        "Optionen:",
        "  -h, --help            diese Hilfe zeigen und beenden",
        "  --json                ein JSON-Objekt ausgeben",
        "  --password-stdin      das Passwort von der Standardeingabe lesen (im",
        "                        Terminal wird danach gefragt, die Eingabe bleibt",
        "                        unsichtbar)",
        "  --password-file DATEI",
        "                        das Passwort aus DATEI lesen",
        "  --content-dir ORDNER  die Inhalte der Website, für die Menünamen der Apps in",
        "                        den Meldungen (Vorgabe: $HELPCENTER_CONTENT_DIR, sonst",
        "                        docs/content des Projekts)",
        "  --language {en,de}    die Sprache der Meldungen und dieser Hilfe (Vorgabe:",
        "                        en); Übersetzungen aus docs/locale oder",
        "                        $HELPCENTER_LOCALE_DIR",
    ]


def test_backup_choice_help_in_german(capsys) -> None:
    code, out, _ = run(capsys, "backup-choice", "--help", "--language=de")  # after --help, too
    lines = out.splitlines()
    assert code == 0
    assert lines[:2] == [
        "Aufruf: python -m checkers backup-choice [-h] --from PLATTFORM --to PLATTFORM",
        "                                         --old-device ZUSTAND [--keep TEILE]",
    ]
    assert "  --from PLATTFORM      die Plattform des alten Telefons: android oder ios" in lines
    assert "  --old-device ZUSTAND  available (die App läuft darauf noch) oder lost" in lines
    assert "  --json                die Antwort als ein JSON-Objekt ausgeben" in lines
    assert lines[lines.index("Exit-Status:") :][:3] == [
        "Exit-Status:",
        "  0  ein Backup kann etwas mitnehmen: die Empfehlungen (was sie nicht mitnehmen",
        '     können, steht unter "lost")',
    ]
    assert "Beispiel:" in lines


@pytest.mark.parametrize(
    "argv", [["--language", "de", "--help"], ["--help", "--lang", "de"]], ids=["before", "prefix"]
)
def test_the_commands_list_in_german(capsys, argv) -> None:
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert out.splitlines() == [
        "Aufruf: python -m checkers [-h] [--language {en,de}]",
        "                           {id-export,backup-choice,data-backup} ...",
        "",
        "Prüfprogramme für Backups.",
        "",
        "Argumente:",
        "  {id-export,backup-choice,data-backup}",
        "    id-export           einen ID-Export prüfen und, wenn gewünscht, sein",
        "                        Passwort",
        "    backup-choice       welches Backup eignet sich für den Umzug auf ein neues",
        "                        Telefon?",
        "    data-backup         ein Android-Daten-Backup (ZIP) und sein Passwort",
        "                        prüfen, bevor ein Telefon zurückgesetzt wird",
        "",
        "Optionen:",
        "  -h, --help            diese Hilfe zeigen und beenden",
        "  --language {en,de}    die Sprache der Meldungen und dieser Hilfe (Vorgabe:",
        "                        en); Übersetzungen aus docs/locale oder",
        "                        $HELPCENTER_LOCALE_DIR",
    ]


def test_the_language_before_the_command_counts_and_the_commands_own_wins(capsys) -> None:
    _, _, err = run(capsys, "--language", "de", "data-backup", "/no/such.zip")
    assert err == (
        "python -m checkers data-backup: Fehler: /no/such.zip lässt sich nicht lesen: Datei oder "
        "Ordner gibt es nicht\n"
    )
    _, _, err = run(capsys, "--language", "de", "data-backup", "--language", "en", "/no/such.zip")
    assert err == (
        "python -m checkers data-backup: error: cannot read /no/such.zip: no such file or folder\n"
    )


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["data-backup"], "python -m checkers data-backup: Fehler: diese Argumente fehlen: DATEI"),
        (["id-export", "--password-stdin", "--password-file", "x"],
         "python -m checkers id-export: Fehler: Argument --password-file: nicht zusammen mit "
         "Argument --password-stdin erlaubt"),
        (["id-export", "--password-file"],
         "python -m checkers id-export: Fehler: Argument --password-file: ein Wert erwartet"),
        (["id-export", "--bogus"], "python -m checkers: Fehler: unbekannte Argumente: --bogus"),
        (["backup-choice", "--from", "ios"],
         "python -m checkers backup-choice: Fehler: diese Argumente fehlen: --to, --old-device"),
        (["backup-choice", "--json=yes", "--from", "ios", "--to", "ios", "--old-device", "lost"],
         "python -m checkers backup-choice: Fehler: Argument --json: Wert 'yes' ignoriert"),
    ],
    ids=["required", "not-allowed-with", "expected-one", "unrecognized", "required-two",
         "ignored-explicit"],
)  # fmt: skip
def test_argparse_errors_in_german(capsys, argv, error) -> None:
    code, out, err = run(capsys, argv[0], "--language", "de", *argv[1:])
    lines = err.splitlines()
    assert (code, out) == (2, "")
    assert lines[0].startswith("Aufruf: python -m checkers")
    assert lines[-1] == error


def test_english_help_and_errors_stay_argparses(capsys) -> None:
    code, out, _ = run(capsys, "data-backup", "--help")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("usage: python -m checkers data-backup [-h] [--json]")
    assert "positional arguments:" in lines and "options:" in lines
    assert "  -h, --help            show this help message and exit" in lines
    assert "  FILE                  the backup file" in lines
    _, _, err = run(capsys, "data-backup")
    assert err.splitlines()[-1] == (
        "python -m checkers data-backup: error: the following arguments are required: FILE"
    )
    # A language the command line does not know is an English usage error.
    _, _, err = run(capsys, "id-export", "--language", "fr")
    assert err.splitlines()[-1] == (
        "python -m checkers id-export: error: argument --language: invalid choice: 'fr' "
        "(choose from 'en', 'de')"
    )


def test_argparse_speaks_english_again_after_a_german_run(capsys) -> None:
    run(capsys, "data-backup", "--language", "de")
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
    assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == (
        "expected %s arguments"
    )
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"


@pytest.mark.parametrize(
    ("argv", "language"),
    [([], "en"), (["--language", "de"], "de"), (["--language=de"], "de"), (["--lang", "de"], "de"),
     (["--language", "fr"], "en"), (["--language"], "en"), (["--", "--language", "de"], "en"),
     (["--language", "de", "--language", "en"], "en"), (["--l", "de"], "en"),
     (["TEXT", "--language=de", "--json"], "de")],
)  # fmt: skip
def test_the_language_is_found_before_parsing(argv, language) -> None:
    assert requested_language(argv) == language


def test_every_argparse_msgid_is_one_argparse_asks_for() -> None:
    """A Python whose argparse words a message differently would leave it English: caught here."""
    source = inspect.getsource(argparse)
    asked = set(re.findall(r"""_\((['"])(.+?)\1\)""", source))
    asked_texts = {text for _, text in asked}
    for code, text in MESSAGES.items():
        if code.startswith("argparse."):
            singular = text if isinstance(text, str) else text[0]
            assert singular in asked_texts or f"ngettext('{singular}'" in source, code


def _all_help(capsys, monkeypatch, *language: str) -> str:
    """Every parser's --help (the commands' list and each command), on lines long enough that
    no help text is wrapped."""
    monkeypatch.setenv("COLUMNS", "2000")
    texts = []
    for command in ([], ["id-export"], ["backup-choice"], ["data-backup"]):
        code, out, _ = run(capsys, *command, *language, "--help")
        assert code == 0
        texts.append(out)
    return "\n".join(texts)


def test_every_help_text_is_used_in_english_and_translated_in_german(capsys, monkeypatch) -> None:
    """Each `cli.help.*` text shows in the English help, and none of them in the German one
    (a text the parsers no longer use, or one left English, is found)."""
    from checkers.cli.content import plain_wording

    english = _all_help(capsys, monkeypatch)
    german = _all_help(capsys, monkeypatch, "--language", "de")
    german_words = plain_wording("de")
    for code, text in MESSAGES.items():
        if not code.startswith("cli.help."):
            continue
        assert isinstance(text, str)
        shown = text.split("{")[0].rstrip()  # up to its first placeholder
        assert shown in english, code
        assert shown not in german, code
        translated = german_words.gettext(text, code=code)
        assert translated != text, code
        assert translated.split("{")[0].rstrip() in german, code
