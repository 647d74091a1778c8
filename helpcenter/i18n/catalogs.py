"""Extracts every domain's units into PO templates and brings the languages' PO files up to date.

`make translations` runs `update_catalogs`: the templates `docs/locale/<domain>.pot` are made
anew from the English source, and each `docs/locale/<lang>/LC_MESSAGES/<domain>.po` keeps its
translations. A unit whose English changed keeps its old translation, marked fuzzy, with the old
English as `#| msgid` beside it (units are matched by msgctxt, their stable id, never guessed by
similar text); a unit that is gone is kept as obsolete (`#~`). Files whose messages did not
change are not touched, so running it twice changes nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.pofile import read_po, write_po
from jinja2.ext import babel_extract

from helpcenter.i18n.checkers_units import extract_checkers
from helpcenter.i18n.template_cache import cached_catalogs, cached_po
from helpcenter.i18n.units import CONTENT_DOMAINS, Unit, content_units

ROOT = Path(__file__).resolve().parent.parent.parent
LOCALE_DIR = "docs/locale"
LANGUAGES = ("de",)
PROJECT = "Backup help center"
DOMAINS = (*CONTENT_DOMAINS, "site", "checkers")
# Sources of the domains that are not content YAML (globs, relative to the project folder).
CHECKERS_SOURCES = ("checkers/wording/*_text.py",)
SITE_SOURCES = ("helpcenter/templates/**/*.j2", "helpcenter/theme/**/*.html")
# Python modules whose `_("...")` words end up on pages (the `site` domain too).
SITE_PYTHON_SOURCES = ("helpcenter/pages.py", "helpcenter/i18n/site_text.py")
# The wizard's questions and answers belong with the backup options (their translator).
WIZARD_TEMPLATE = "helpcenter/templates/pages/tools-backup-choice.md.j2"
TEMPLATE_COMMENT_TAGS = ("Translators:",)
# As helpcenter/pages.py renders them: a {% trans %} block's msgid is its text on one line.
TEMPLATE_OPTIONS = {"trimmed": "true", "trim_blocks": "true", "lstrip_blocks": "true",
                    "silent": "false"}  # fmt: skip
HEADER = """\
# {project}: the {domain} domain. Made by `make translations`; translate msgstr only.
# Keep [[label_key]] references, links, anchors and the Markdown structure as they are."""


def po_path(locale_dir: Path, language: str, domain: str) -> Path:
    return Path(locale_dir) / language / "LC_MESSAGES" / f"{domain}.po"


def pot_path(locale_dir: Path, domain: str) -> Path:
    return Path(locale_dir) / f"{domain}.pot"


def _new_catalog(domain: str, locale: str | None = None) -> Catalog:
    catalog = Catalog(
        locale=locale, domain=domain, project=PROJECT, version="1", fuzzy=False,
        header_comment=HEADER.format(project=PROJECT, domain=domain),
        msgid_bugs_address="", last_translator="",
        language_team="German" if locale == "de" else None,
    )  # fmt: skip
    catalog.creation_date = datetime(2026, 11, 30, tzinfo=UTC)
    return catalog


def units_catalog(domain: str, units: Iterable[Unit]) -> Catalog:
    """A PO template of content units: msgctxt = the unit's id, `#.` its kind, `#:` path:line."""
    catalog = _new_catalog(domain)
    for unit in units:
        catalog.add(
            unit.text, locations=[(unit.path, unit.line)], auto_comments=[unit.comment],
            context=unit.context,
        )  # fmt: skip
    return catalog


def _files(root: Path, patterns: Iterable[str]) -> list[Path]:
    return sorted({path for pattern in patterns for path in root.glob(pattern)})


def _extracted_catalog(
    domain: str, root: Path, files: Iterable[Path], method: Callable | str, tags=(), options=None
) -> Catalog:
    catalog = _new_catalog(domain)
    for path in files:
        relative = path.relative_to(root).as_posix()
        found = extract_from_file(method, path, DEFAULT_KEYWORDS, comment_tags=tags,
                                  options=options, strip_comment_tags=True)  # fmt: skip
        for line, msgid, comments, context in found:
            existing = catalog.get(msgid, context)
            if existing is not None:  # the same words elsewhere: one unit, every place
                existing.locations.append((relative, line))
                continue
            catalog.add(msgid, locations=[(relative, line)], auto_comments=comments,
                        context=context)  # fmt: skip
    return catalog


def template_catalogs(root: Path = ROOT, content_dir: Path | None = None) -> dict[str, Catalog]:
    """Every domain's PO template, extracted from the English source under `root`."""
    content_dir = Path(content_dir) if content_dir is not None else root / "docs" / "content"
    try:
        prefix = content_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        prefix = str(content_dir)
    catalogs = {d: units_catalog(d, u) for d, u in content_units(content_dir, prefix).items()}
    code = cached_catalogs(root, _code_sources(root), lambda: _code_catalogs(root))
    for message in code["wizard"]:
        if message.id:
            catalogs["backup-options"][message.id] = message
    catalogs["site"] = code["site"]
    catalogs["checkers"] = code["checkers"]
    return catalogs


def _code_sources(root: Path) -> list[Path]:
    """Every file the code's units come from (the templates, Python, the checkers' words)."""
    return _files(root, (*SITE_SOURCES, *SITE_PYTHON_SOURCES, *CHECKERS_SOURCES))


def _code_catalogs(root: Path) -> dict[str, Catalog]:
    """The units of the code: the wizard's template, the site's words, the checkers'."""
    wizard_path = root / WIZARD_TEMPLATE
    site_files = [path for path in _files(root, SITE_SOURCES) if path != wizard_path]
    wizard = _extracted_catalog("backup-options", root, [wizard_path], babel_extract,
                                TEMPLATE_COMMENT_TAGS, TEMPLATE_OPTIONS)  # fmt: skip
    site = _extracted_catalog("site", root, site_files, babel_extract,
                              TEMPLATE_COMMENT_TAGS, TEMPLATE_OPTIONS)  # fmt: skip
    python_site = _extracted_catalog("site", root, _files(root, SITE_PYTHON_SOURCES),
                                     "python", TEMPLATE_COMMENT_TAGS)  # fmt: skip
    for message in python_site:
        if message.id and site.get(message.id, message.context) is None:
            site[message.id] = message
    return {"wizard": wizard, "site": site, "checkers": checkers_template(root)}


def checkers_template(root: Path = ROOT) -> Catalog:
    """The `checkers` domain's template: every message of checkers/wording/*_text.py."""
    files = _files(root, CHECKERS_SOURCES)
    return _extracted_catalog("checkers", root, files, extract_checkers)


def _empty_string(message: Message, catalog: Catalog) -> str | tuple[str, ...]:
    return ("",) * catalog.num_plurals if message.pluralizable else ""


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return bool(strings) and all(strings)


def merge(template: Catalog, old: Catalog | None, language: str) -> Catalog:
    """The language's catalog for `template`, keeping what `old` holds (see the module doc)."""
    new = _new_catalog(template.domain or "", language)
    new.creation_date = template.creation_date
    if old is not None:
        new.revision_date = old.revision_date
        new.last_translator = old.last_translator
    by_key = {(m.id, m.context): m for m in old or () if m.id}
    by_context = {m.context: m for m in old or () if m.id and m.context}
    used = set()
    for message in template:
        if not message.id:
            continue
        key = (message.id, message.context)
        previous = by_key.get(key)
        flags = set(message.flags)
        previous_id: object = ()
        string = _empty_string(message, new)
        if previous is not None:
            used.add(key)
            if previous.pluralizable == message.pluralizable:
                string = previous.string
            flags |= previous.flags & {"fuzzy"}
            previous_id = previous.previous_id if "fuzzy" in flags else ()
        elif message.context in by_context:
            changed = by_context[message.context]
            used.add((changed.id, changed.context))
            if _translated(changed) and changed.pluralizable == message.pluralizable:
                string = changed.string
                flags.add("fuzzy")  # the English changed: the translation is out of date
                previous_id = changed.id
        new.add(message.id, string, locations=message.locations, flags=flags,
                auto_comments=message.auto_comments,
                user_comments=previous.user_comments if previous else (),
                previous_id=previous_id, context=message.context)  # fmt: skip
    for key, message in by_key.items():
        if key not in used and _translated(message):
            new.obsolete[key] = message
    if old is not None:
        for key, message in old.obsolete.items():
            # Babel keys an entry without a context by its id alone: ask by id and context.
            if key not in new.obsolete and new.get(message.id, message.context) is None:
                new.obsolete[key] = message
    return new


def render(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_previous=True, sort_output=False)
    return out.getvalue()


def read_catalog(path: Path, language: str | None = None) -> Catalog | None:
    if not path.exists():
        return None

    def read() -> Catalog:
        with path.open("rb") as handle:
            return read_po(handle, locale=language, domain=path.stem, abort_invalid=True)

    if language is None:  # a template, or the old file in `make translations`: read as it is
        return read()
    return cached_po(path, language, read)  # issue 13: parsed once per content of the file


def _write_if_changed(path: Path, catalog: Catalog, dated: Callable[[Catalog], None]) -> bool:
    """Write unless only the dates would change; True when written."""
    previous = path.read_bytes() if path.exists() else None
    if previous is not None:
        old = read_catalog(path)
        if old is not None:
            catalog.creation_date = old.creation_date
            if catalog.locale is not None:
                catalog.revision_date = old.revision_date
        if render(catalog) == previous:
            return False
    dated(catalog)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_bytes(render(catalog))
    temporary.replace(path)  # nothing half-written
    return True


def update_catalogs(
    root: Path = ROOT, locale_dir: Path | None = None, languages: Iterable[str] = LANGUAGES
) -> list[str]:
    """Extract the templates and merge them into each language's catalogs; the changed files."""
    locale_dir = Path(locale_dir) if locale_dir is not None else root / LOCALE_DIR
    now = datetime.now(UTC)
    changed = []

    def stamp_template(catalog: Catalog) -> None:
        catalog.creation_date = now

    for domain, template in template_catalogs(root).items():
        if _write_if_changed(pot_path(locale_dir, domain), template, stamp_template):
            changed.append(str(pot_path(locale_dir, domain)))
        for language in languages:
            path = po_path(locale_dir, language, domain)
            merged = merge(template, read_catalog(path, language), language)
            if _write_if_changed(path, merged, lambda c: None):
                changed.append(str(path))
    return changed
