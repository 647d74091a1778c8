"""labels.yml in every language: English per platform, and each translation under its code.

    my_profile:
      android: My Profile      # English, where it has always been
      ios: Profile
      de:                      # the German wording of each of the key's platforms
        android: Mein Profil
        ios: Profil

A translation must word every platform the key has in English, and no other: a label that
exists only in one app exists only there in every language. A gap is a content error with
`path:line`, so a German page never shows an English menu name.
"""

from __future__ import annotations

from types import MappingProxyType

from checkers.platforms import PLATFORM_NAMES, PLATFORMS
from helpcenter.content_fields import FieldReader

BASE_LANGUAGE = "en"
# The translations labels.yml carries under each key, with the name problems call them by.
TRANSLATIONS = MappingProxyType({"de": "German"})
LANGUAGES = (BASE_LANGUAGE, *TRANSLATIONS)

Labels = dict[str, dict[str, str]]  # key -> {platform: wording}


def read_label_forms(reader: FieldReader) -> dict[str, Labels]:
    """{language: {key: {platform: wording}}} of labels.yml, English included; every problem
    is reported to `reader` with its line."""
    forms: dict[str, Labels] = {language: {} for language in LANGUAGES}
    top = reader.mapping((), ["labels"], what="labels.yml")
    raw = top.get("labels")
    if not isinstance(raw, dict):
        if "labels" in top:
            reader.report(("labels",), "'labels' must map label keys to their wordings")
        return forms
    allowed = (*PLATFORMS, *TRANSLATIONS)
    for key in raw:
        wordings = reader.mapping(("labels", key), [], allowed, what=f"label '{key}'")
        platforms = tuple(p for p in PLATFORMS if p in wordings)
        if not platforms and isinstance(raw[key], dict):
            reader.report(("labels", key), f"label '{key}' needs an android or ios wording")
        texts = {p: reader.text(("labels", key, p)) for p in platforms}
        forms[BASE_LANGUAGE][str(key)] = {p: text for p, text in texts.items() if text}
        for language in TRANSLATIONS:
            forms[language][str(key)] = _translation(reader, str(key), language, platforms)
    return forms


def _translation(
    reader: FieldReader, key: str, language: str, platforms: tuple[str, ...]
) -> dict[str, str]:
    """The `language` wordings of one key, each platform of `platforms` required."""
    name = TRANSLATIONS[language]
    wordings = reader.document.get(("labels", key)) if platforms else {}
    if language not in wordings:
        for platform in platforms:
            reader.report(("labels", key, platform), _missing(key, language, platform))
        return {}
    path = ("labels", key, language)
    given = reader.mapping(path, [], PLATFORMS, what=f"the {name} wordings of label '{key}'")
    if not isinstance(wordings[language], dict):
        return {}  # reported by mapping(): no use listing each platform as missing too
    texts = {}
    for platform in PLATFORMS:
        if platform in given and platform not in platforms:
            shown = PLATFORM_NAMES[platform]
            reader.report(
                (*path, platform),
                f"label '{key}' has a {name} wording for {shown} but no English one; a label "
                f"exists on the same platforms in every language",
            )
        elif platform in given:
            texts[platform] = reader.text((*path, platform))
        elif platform in platforms:
            reader.report(path, _missing(key, language, platform))
    return {platform: text for platform, text in texts.items() if text}


def _missing(key: str, language: str, platform: str) -> str:
    name, shown = TRANSLATIONS[language], PLATFORM_NAMES[platform]
    return (
        f"label '{key}' has no {name} wording for {shown}: add it under '{language}:' as "
        f"'{platform}: …', exactly as the {shown} app shows it in {name}"
    )


def labels_in(forms: dict[str, Labels], language: str) -> Labels:
    """The labels of one language; ValueError naming the known ones for any other."""
    if language not in forms:
        known = ", ".join(forms) or "none"
        raise ValueError(f"no UI labels in the language '{language}' (labels.yml has: {known})")
    return forms[language]
