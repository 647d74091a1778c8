"""Turns a Message into a sentence: gettext for the words, labels.yml for the apps' UI labels."""

from __future__ import annotations

import functools
import gettext
import re
import string
from collections.abc import Mapping
from typing import Any

from checkers.platforms import PLATFORM_NAMES
from checkers.wording import numbers
from checkers.wording.message import Message
from checkers.wording.source import MESSAGES

__all__ = ["Labels", "Wording"]

# label key -> {platform: wording as the app shows it}, the shape of labels.yml's `labels`.
Labels = Mapping[str, Mapping[str, str]]

# `[[key]]` names a UI label, as in the content's Markdown.
LABEL_REFERENCE = re.compile(r"\[\[([a-z0-9_]+)\]\]")


class _LanguageRules:
    """What differs between languages beyond the catalog's sentences."""

    def __init__(self, language: str, style: numbers.NumberStyle | None = None) -> None:
        self.language = language
        self.style = style or numbers.NumberStyle()  # issue 13: from the catalog's locale.*

    def ordinal(self, number: int) -> str:
        if self.language == "de":
            return f"{number}."
        teens = 10 <= number % 100 <= 20
        suffix = "th" if teens else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix}"

    def join(self, words: list[str], conjunction: str) -> str:
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"

    def with_article(self, letter: str) -> str:
        """'an F', 'a B' (English letter names); other languages name the letter alone."""
        if self.language != "en":
            return letter
        return f"{'an' if letter in 'AEFHILMNORSX' else 'a'} {letter}"

    def lower_first(self, text: str) -> str:
        """English sentence case for a name inside a sentence: its first letter lowered, unless
        its first word is an acronym ("ID export"). German keeps it: the names are nouns."""
        if self.language == "de" or not text.strip() or text.split()[0].isupper():
            return text
        return text[:1].lower() + text[1:]

    def quoted(self, text: str) -> str:
        return f"„{text}“" if self.language == "de" else f"“{text}”"

    def decimal(self, number: float) -> str:
        """A number with a fraction as the language writes it: "2.5" in English, "2,5" in
        German (issue 13: numbers in German form)."""
        return numbers.decimal(number, self.style)

    def integer(self, number: int) -> str:
        """A whole number, thousands grouped: "1,234" in English, "1.234" in German."""
        return numbers.integer(number, self.style)


_PARSER = string.Formatter()


@functools.lru_cache(maxsize=2048)
def _parsed(template: str) -> tuple[tuple[str, str | None, str], ...]:
    """A catalog template as str.format reads it: (literal text, field name or None, format
    spec) parts, parsed once. The catalog's fields are plain names (`{count}`, `{when:datetime}`):
    no attributes, indexes, conversions or nested fields (tests/core/test_wording_render.py)."""
    return tuple((literal, name, spec or "") for literal, name, spec, _ in _PARSER.parse(template))


class _Formatter(string.Formatter):
    """str.format's field formatting with the catalog's format specs: `ordinal`, `list` ("a, b
    and c"), `alternatives` ("a; or b; or c"), `quoted`, `a` (English article), `lower` (first
    letter in English, unless an acronym; German nouns keep it), `upper` (first letter),
    `datetime` (an ISO timestamp in the language's pattern). Numbers without a spec take the
    language's separators. A UI label is named with `[[key]]` in the text itself."""

    def __init__(self, wording: Wording) -> None:
        self.wording = wording

    def format_field(self, value: Any, format_spec: str) -> str:
        rules = self.wording.rules
        if isinstance(value, Message):
            value = self.wording(value)
        if isinstance(value, float) and not format_spec:
            return rules.decimal(value)
        if isinstance(value, int) and not isinstance(value, bool) and not format_spec:
            return rules.integer(value)
        if format_spec == "datetime":  # issue 13: "20.11.2026, 21:15:04" in German
            return numbers.date_time(str(value), rules.style)
        if format_spec == "ordinal":
            return rules.ordinal(int(value))
        if format_spec in ("list", "alternatives"):
            words = [self.wording(v) if isinstance(v, Message) else str(v) for v in value]
            if format_spec == "alternatives":  # each may hold commas: "a; or b; or c"
                return f"; {self.wording.gettext(MESSAGES['word.or'], code='word.or')} ".join(words)
            return rules.join(words, self.wording.gettext(MESSAGES["word.and"], code="word.and"))
        if format_spec == "a":
            return rules.with_article(str(value))
        if format_spec == "quoted":
            return rules.quoted(str(value))
        if format_spec == "lower":
            return rules.lower_first(str(value))
        if format_spec == "upper":
            text = str(value)
            return text[:1].upper() + text[1:]
        return super().format_field(value, format_spec)


class Wording:
    """Sentences in one language, for one platform's labels (or every platform's).

    `translations` is a gettext catalog for `language` (None: the English source text);
    the caller reads it (the core opens no file). `labels` is labels.yml's mapping; `platform`
    picks whose wording a `[[key]]` shows; a message's own `platform` parameter wins."""

    def __init__(
        self,
        language: str = "en",
        translations: gettext.NullTranslations | None = None,
        labels: Labels | None = None,
        platform: str | None = None,
    ) -> None:
        self.language = language
        self.translations = translations or gettext.NullTranslations()
        self.labels = labels or {}
        self.platform = platform
        style = numbers.NumberStyle.from_gettext(self._locale_entry)
        self.rules = _LanguageRules(language, style)
        self._platform_stack: list[str | None] = []
        self._fields = _Formatter(self)
        self._sentences: dict[Message, str] | None = None

    def remembering(self) -> Wording:
        """A copy that keeps each top-level sentence it renders: a report rendered while it is
        still incomplete (during a long wait) and again once complete then renders only what
        changed. For one report's life: the sentences are kept as long as the copy."""
        copy = Wording(self.language, self.translations, self.labels, self.platform)
        copy._sentences = {}
        return copy

    def _locale_entry(self, code: str, english: str) -> str:
        """One of the catalog's `locale.*` data entries (numbers.NumberStyle's source)."""
        return self.translations.pgettext(code, english)

    def gettext(
        self, source: str | tuple[str, str, str], count: int | None = None, *, code: str
    ) -> str:
        """The translation of the catalog entry `code` (its msgctxt), whose English is `source`
        (MESSAGES[code]: a text, or (singular, plural, count's name)); `count` picks the plural
        form, the singular if None."""
        if isinstance(source, tuple):
            singular, plural, _ = source
            n = 1 if count is None else count
            return self.translations.npgettext(code, singular, plural, n)
        return self.translations.pgettext(code, source)

    def __call__(self, message: Message) -> str:
        """The sentence for `message`; KeyError names an unknown code (a programming error)."""
        if self._sentences is None or self._platform_stack:  # nested: the platform may differ
            return self._render(message)
        try:
            sentence = self._sentences.get(message)
        except TypeError:  # a parameter that cannot be a key (a list made by hand)
            return self._render(message)
        if sentence is None:
            sentence = self._sentences[message] = self._render(message)
        return sentence

    def _render(self, message: Message) -> str:
        source = MESSAGES[message.code]
        params = dict(message.params)
        count = params.get(source[2]) if isinstance(source, tuple) else None
        template = self.gettext(source, count, code=message.code)
        if "{" not in template and "[[" not in template:  # nothing to fill in (a fact's name)
            return template
        self._platform_stack.append(params.get("platform", self._current_platform()))
        try:
            fields = self._fields
            text = "".join(
                literal if name is None else literal + fields.format_field(params[name], spec)
                for literal, name, spec in _parsed(template)
            )
            return LABEL_REFERENCE.sub(lambda match: self.label(match.group(1)), text)
        finally:
            self._platform_stack.pop()

    def _current_platform(self) -> str | None:
        return self._platform_stack[-1] if self._platform_stack else self.platform

    def label(self, key: str) -> str:
        """The quoted UI label `key` for the current platform, or each platform's if they differ."""
        wordings = self.labels.get(key)
        if not wordings:
            return self.rules.quoted(key.replace("_", " "))
        platform = self._current_platform()
        if platform in wordings:
            return self.rules.quoted(wordings[platform])
        distinct = list(dict.fromkeys(wordings.values()))
        if len(distinct) == 1:
            return self.rules.quoted(distinct[0])
        return " / ".join(
            f"{self.rules.quoted(text)} ({PLATFORM_NAMES.get(p, p)})"
            for p, text in wordings.items()
        )
