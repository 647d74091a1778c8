"""Numbers, sizes and dates in each language's form (issue 13, item 5): "1,234" and "1.5 GB" in
English, "1.234" and "1,5 GB" in German; a backup's timestamps "2026-11-20, 21:15:04" in
English (the date as the English edition writes dates), "20.11.2026, 21:15:04" in German. The
German forms come from the `checkers` catalog's `locale.*` entries, the same data the browser's
checkers get."""

from __future__ import annotations

import pytest
from babel import Locale

from checkers.cli import main
from checkers.cli.content import wording
from checkers.databackup.report import size_message
from checkers.wording import CodeTranslations, Wording, message
from checkers.wording.numbers import NumberStyle, date_time, decimal, integer, rounded_size
from helpcenter.i18n.status import checkers_translations

ENGLISH = Wording()
GERMAN = wording(language="de")
DE = NumberStyle(",", ".", "{day}.{month}.{year}, {hour}:{minute}:{second}", "{day}.{month}.{year}")


@pytest.mark.parametrize(
    ("number", "english", "german"),
    [(0, "0", "0"), (7, "7", "7"), (999, "999", "999"), (1000, "1,000", "1.000"),
     (1234, "1,234", "1.234"), (99_999, "99,999", "99.999"), (100_000, "100,000", "100.000"),
     (999_999, "999,999", "999.999"), (1_000_000, "1,000,000", "1.000.000"),
     (-1234, "-1,234", "-1.234")],
)  # fmt: skip
def test_whole_numbers_are_grouped_by_thousands(number, english, german) -> None:
    assert integer(number, NumberStyle()) == english
    assert integer(number, DE) == german


@pytest.mark.parametrize(
    ("number", "english", "german"),
    [(0.5, "0.5", "0,5"), (2.5, "2.5", "2,5"), (1.0, "1.0", "1,0"), (-0.5, "-0.5", "-0,5"),
     (1234.5, "1,234.5", "1.234,5"), (1e20, "1e+20", "1e+20")],
)  # fmt: skip
def test_numbers_with_a_fraction(number, english, german) -> None:
    assert decimal(number, NumberStyle()) == english
    assert decimal(number, DE) == german


@pytest.mark.parametrize(
    ("count", "unit", "amount"),
    [(0, "bytes", 0), (999, "bytes", 999), (1000, "kB", 1.0), (9_949, "kB", 9.9),
     (9_960, "kB", 10), (999_499, "kB", 999), (999_500, "MB", 1.0), (999_999, "MB", 1.0),
     (1_000_000, "MB", 1.0), (1_500_000_000, "GB", 1.5), (999_999_999_999, "TB", 1.0),
     (3 * 10**15, "TB", 3000)],
)  # fmt: skip
def test_sizes_change_unit_where_the_rounded_amount_reaches_a_thousand(count, unit, amount) -> None:
    found = rounded_size(count)
    assert found == (unit, amount) and type(found[1]) is type(amount)


@pytest.mark.parametrize(
    ("count", "english", "german"),
    [(0, "0 bytes", "0 Byte"), (1, "1 byte", "1 Byte"), (999, "999 bytes", "999 Byte"),
     (1000, "1.0 kB", "1,0 kB"), (999_999, "1.0 MB", "1,0 MB"), (1_000_000, "1.0 MB", "1,0 MB"),
     (9_960_000, "10 MB", "10 MB"), (223_000_000, "223 MB", "223 MB"),
     (1_500_000_000, "1.5 GB", "1,5 GB"), (3 * 10**15, "3,000 TB", "3.000 TB")],
)  # fmt: skip
def test_sizes_in_words(count, english, german) -> None:
    assert ENGLISH(size_message(count)) == english
    assert GERMAN(size_message(count)) == german


def test_counts_in_sentences_are_grouped() -> None:
    files = message("backup.value.media.files", count=1_234_567)
    assert (ENGLISH(files), GERMAN(files)) == ("1,234,567 files", "1.234.567 Dateien")
    media = message(
        "backup.value.media", files=message("backup.value.media.files", count=1000),
        thumbnails=message("backup.value.media.thumbnails", count=999),
        size=size_message(1_500_000_000),
    )  # fmt: skip
    assert ENGLISH(media) == "1,000 files and 999 thumbnails, about 1.5 GB"
    assert GERMAN(media) == "1.000 Dateien und 999 Vorschaubilder, etwa 1,5 GB"
    chats = message("backup.value.chats", value=12_345)
    assert ENGLISH(chats).startswith("12,345 (one per contact")
    assert GERMAN(chats).startswith("12.345 (")


def test_timestamps_in_each_language() -> None:
    newest = message("backup.value.newest_entry", value="2026-11-20T21:15:04")
    created = message("backup.value.created", value="2026-01-02T03:04:05Z")
    assert ENGLISH(newest) == "2026-11-20, 21:15:04 (the phone's local time)"
    assert GERMAN(newest) == "20.11.2026, 21:15:04 (Ortszeit des Geräts)"
    assert ENGLISH(created) == "2026-01-02, 03:04:05 UTC (from the file name)"
    assert GERMAN(created) == "02.01.2026, 03:04:05 UTC (laut Dateiname)"


@pytest.mark.parametrize("text", ["", "yesterday", "2026-11-20", "2026-11-20T21:15", "20.11.2026"])
def test_text_that_is_no_timestamp_is_shown_as_it_is(text) -> None:
    assert date_time(text, DE) == text
    assert GERMAN(message("backup.value.newest_entry", value=text)).startswith(f"{text} (")


def test_the_browser_gets_the_same_forms_from_the_published_catalog() -> None:
    """The site's messages.json is the judged catalog as plain data (CodeTranslations)."""
    from checkers.cli.content import locale_dir

    data = checkers_translations(locale_dir(), "de").as_data()
    browser = Wording("de", CodeTranslations(data))
    assert browser(size_message(1_500_000_000)) == "1,5 GB"
    assert browser(message("backup.value.media.files", count=2000)) == "2.000 Dateien"
    assert browser(message("backup.value.newest_entry", value="2026-11-20T21:15:04")) == (
        "20.11.2026, 21:15:04 (Ortszeit des Geräts)"
    )


def test_the_german_catalog_holds_cldrs_symbols_and_patterns() -> None:
    """The translated locale data agrees with CLDR as Babel ships it (separators; the medium
    date, the medium time and how the two are joined)."""
    german = Locale.parse("de")
    symbols = german.number_symbols["latn"]
    assert GERMAN.rules.style.decimal == symbols["decimal"] == ","
    assert GERMAN.rules.style.group == symbols["group"] == "."
    assert german.date_formats["medium"].pattern == "dd.MM.y"
    assert german.time_formats["medium"].pattern == "HH:mm:ss"
    assert german.datetime_formats["medium"] == "{1}, {0}"
    assert GERMAN.rules.style.date_time == "{day}.{month}.{year}, {hour}:{minute}:{second}"
    english = Locale.parse("en").number_symbols["latn"]
    assert (ENGLISH.rules.style.decimal, ENGLISH.rules.style.group) == (
        english["decimal"], english["group"],
    )  # fmt: skip


def test_the_data_backup_command_prints_german_dates(capsys, tmp_path) -> None:
    from tests.databackup_maker import PASSWORD, Backup

    backup = Backup().write(tmp_path)
    password = tmp_path / "password"
    password.write_text(PASSWORD + "\n", "utf-8")
    argv = ["data-backup", str(backup), "--password-file", str(password)]
    assert main([argv[0], "--language", "de", *argv[1:]]) == 0
    german = capsys.readouterr().out
    assert main(argv) == 0
    english = capsys.readouterr().out
    assert "  Neuester Eintrag: 20.11.2026, 21:15:04 (Ortszeit des Geräts)" in german.splitlines()
    assert "  Newest entry:   2026-11-20, 21:15:04 (the phone's local time)" in english.splitlines()
    assert any(line.startswith("  Erstellt:         ") and " UTC (laut Dateiname)" in line
               for line in german.splitlines())  # fmt: skip


def test_the_style_takes_each_locale_entry_from_the_catalog() -> None:
    """Each `locale.*` entry answered by the catalog goes to its own field; one the catalog does
    not translate keeps its English pattern (the lookup is given it as the fallback)."""
    answers = {
        "locale.decimal-separator": ",",
        "locale.group-separator": ".",
        "locale.date-time": "{day}.{month}.{year} {hour}:{minute}:{second}",
        "locale.date-time-utc": "{day}.{month}.{year} {hour}:{minute}:{second} (UTC)",
    }
    style = NumberStyle.from_gettext(lambda code, english: answers[code])
    assert style == NumberStyle(
        decimal=",",
        group=".",
        date_time="{day}.{month}.{year} {hour}:{minute}:{second}",
        date_time_utc="{day}.{month}.{year} {hour}:{minute}:{second} (UTC)",
    )
    asked = []
    untranslated = NumberStyle.from_gettext(lambda code, english: asked.append(code) or english)
    assert untranslated == NumberStyle(
        decimal=".",
        group=",",
        date_time="{year}-{month}-{day}, {hour}:{minute}:{second}",
        date_time_utc="{year}-{month}-{day}, {hour}:{minute}:{second} UTC",
    )
    assert sorted(asked) == sorted(answers)
