"""The cache of the code's PO templates (helpcenter/i18n/template_cache.py): read again only for
exactly the same sources and extractor; any change to either, or a damaged file, extracts anew."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog

from helpcenter.i18n import catalogs as catalogs_module
from helpcenter.i18n.catalogs import ROOT, render
from helpcenter.i18n.template_cache import EXTRACTOR_FILES, cache_key, cached_catalogs, cached_po


class Extractor:
    """A real extraction of `_("…")` calls from the sources, counting how often it ran."""

    def __init__(self, root: Path, sources: list[Path]) -> None:
        self.root, self.sources, self.runs = root, sources, 0

    def __call__(self) -> dict[str, Catalog]:
        self.runs += 1
        catalog = Catalog(domain="site")
        for path in self.sources:
            for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
                if line.startswith('_("') and line.endswith('")'):
                    catalog.add(line[3:-2], locations=[(path.name, number)])
        return {"site": catalog}


def _tree(tmp_path: Path) -> tuple[Path, list[Path], Path]:
    root = tmp_path / "project"
    root.mkdir()
    page = root / "page.html"
    page.write_text('_("Hello")\n_("Goodbye")\n', "utf-8")
    extractor = root / "extract.py"
    extractor.write_text("# version 1\n", "utf-8")
    return root, [page], extractor


def test_the_second_build_reads_the_cache(tmp_path: Path) -> None:
    root, sources, extractor = _tree(tmp_path)
    extract = Extractor(root, sources)
    first = cached_catalogs(root, sources, extract, tmp_path / "cache", [extractor])
    second = cached_catalogs(root, sources, extract, tmp_path / "cache", [extractor])
    assert extract.runs == 1
    assert [m.id for m in second["site"] if m.id] == ["Hello", "Goodbye"]
    assert render(first["site"]) == render(second["site"])


def test_a_changed_source_or_a_new_file_is_extracted_again(tmp_path: Path) -> None:
    root, sources, extractor = _tree(tmp_path)
    extract = Extractor(root, sources)
    cache = tmp_path / "cache"
    cached_catalogs(root, sources, extract, cache, [extractor])
    sources[0].write_text('_("Hello")\n_("Good night")\n', "utf-8")
    found = cached_catalogs(root, sources, extract, cache, [extractor])
    assert extract.runs == 2
    assert [m.id for m in found["site"] if m.id] == ["Hello", "Good night"]
    extra = root / "other.html"
    extra.write_text('_("More")\n', "utf-8")
    extract.sources = [*sources, extra]
    found = cached_catalogs(root, extract.sources, extract, cache, [extractor])
    assert extract.runs == 3
    assert [m.id for m in found["site"] if m.id] == ["Hello", "Good night", "More"]


def test_a_changed_extractor_invalidates_the_cache(tmp_path: Path) -> None:
    root, sources, extractor = _tree(tmp_path)
    extract = Extractor(root, sources)
    before = cache_key(root, sources, [extractor])
    cached_catalogs(root, sources, extract, tmp_path / "cache", [extractor])
    extractor.write_text("# version 2: reads plural forms too\n", "utf-8")
    assert cache_key(root, sources, [extractor]) != before
    cached_catalogs(root, sources, extract, tmp_path / "cache", [extractor])
    assert extract.runs == 2


def test_a_damaged_cache_file_is_extracted_again(tmp_path: Path) -> None:
    root, sources, extractor = _tree(tmp_path)
    extract = Extractor(root, sources)
    cache = tmp_path / "cache"
    cached_catalogs(root, sources, extract, cache, [extractor])
    (stored,) = cache.glob("templates-*.pickle")
    stored.write_bytes(stored.read_bytes()[:40])
    found = cached_catalogs(root, sources, extract, cache, [extractor])
    assert extract.runs == 2
    assert [m.id for m in found["site"] if m.id] == ["Hello", "Goodbye"]
    assert len(stored.read_bytes()) > 40  # written again, whole
    cached_catalogs(root, sources, extract, cache, [extractor])
    assert extract.runs == 2


def test_the_extractors_code_is_part_of_the_projects_key() -> None:
    sources = catalogs_module._code_sources(ROOT)
    names = {path.name for path in sources}
    assert {"main.html", "pages.py", "cli_text.py"} <= names
    default = cache_key(ROOT, sources)
    catalogs_file = Path(catalogs_module.__file__).resolve()
    assert catalogs_file in EXTRACTOR_FILES
    without = [path for path in EXTRACTOR_FILES if path != catalogs_file]
    assert cache_key(ROOT, sources, without) != default


def test_the_projects_cached_templates_equal_a_fresh_extraction(tmp_path: Path) -> None:
    fresh = catalogs_module._code_catalogs(ROOT)
    sources = catalogs_module._code_sources(ROOT)
    first = cached_catalogs(ROOT, sources, lambda: catalogs_module._code_catalogs(ROOT),
                            tmp_path)  # fmt: skip
    again = cached_catalogs(ROOT, sources, lambda: {}, tmp_path)  # from the file
    for domain in ("wizard", "site", "checkers"):
        assert render(again[domain]) == render(first[domain]) == render(fresh[domain])


PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "faq/x/answer/1"
msgid "Hello"
msgstr "{german}"
"""


def read_catalog(path: Path, language: str, cache: Path) -> Catalog:
    """catalogs.read_catalog's reading, through the cache in `cache`."""
    from babel.messages.pofile import read_po

    def read() -> Catalog:
        with path.open("rb") as handle:
            return read_po(handle, locale=language, domain=path.stem, abort_invalid=True)

    return cached_po(path, language, read, cache)


def test_a_parsed_po_file_is_read_again_when_its_bytes_change(tmp_path: Path) -> None:
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    path = folder / "faq.po"
    path.write_text(PO.format(german="Hallo"), "utf-8")
    cache = tmp_path / "cache"
    assert read_catalog(path, "de", cache).get("Hello", "faq/x/answer/1").string == "Hallo"
    (stored,) = cache.glob("po-de-faq-*.pickle")
    path.write_text(PO.format(german="Guten Tag"), "utf-8")  # a translator's change
    assert read_catalog(path, "de", cache).get("Hello", "faq/x/answer/1").string == "Guten Tag"
    assert [p.name for p in cache.glob("po-de-faq-*.pickle")] != [stored.name]  # the old: gone
    assert len(list(cache.glob("po-de-faq-*.pickle"))) == 1
    (stored,) = cache.glob("po-de-faq-*.pickle")
    stored.write_bytes(b"not a pickle")
    assert read_catalog(path, "de", cache).get("Hello", "faq/x/answer/1").string == "Guten Tag"


def test_the_projects_catalogs_read_through_the_cache_are_the_files(tmp_path: Path) -> None:
    from babel.messages.pofile import read_po

    from helpcenter.i18n.catalogs import po_path, read_catalog

    path = po_path(ROOT / "docs" / "locale", "de", "site")
    with path.open("rb") as handle:
        direct = read_po(handle, locale="de", domain="site", abort_invalid=True)
    for _ in range(2):  # made, then read from the cache
        cached = read_catalog(path, "de")
        assert cached is not None
        assert render(cached) == render(direct)
