"""The built site: every page, anchor and label where the content says, and no other host named."""

from __future__ import annotations

import fnmatch
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from checkers.catalog import Catalog
from helpcenter.content import load_content
from helpcenter.markdown_refs import LABEL_PATTERN

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["", "faq/", "backups/", "guides/android/", "guides/ios/", "tools/id-export/",
         "tools/backup-choice/"]  # fmt: skip
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
             "track", "wbr"}  # fmt: skip


class Element:
    """A parsed HTML element: tag, attributes, children (elements and text)."""

    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag, self.attrs, self.children = tag, attrs, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def elements(self, tag: str | None = None, **attrs: str) -> list[Element]:
        """Descendants with this tag whose attributes contain these (class_ matches a class)."""
        found = []
        for element in self.iter():
            if tag and element.tag != tag:
                continue
            classes = (element.attrs.get("class") or "").split()
            if "class_" in attrs and attrs["class_"] not in classes:
                continue
            if all(element.attrs.get(k) == v for k, v in attrs.items() if k != "class_"):
                found.append(element)
        return found

    def direct(self, tag: str) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element) and c.tag == tag]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            self.stack.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_page(site: Path, url: str) -> Element:
    builder = _TreeBuilder()
    builder.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return builder.root


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "docs" / "content")


def test_strict_build_made_every_page_and_no_content_yaml(built_site: Path) -> None:
    for url in PAGES:
        assert (built_site / url / "index.html").is_file(), f"/{url} is missing"
    assert not list(built_site.rglob("*.yml")), "content YAML must not be published"
    for url in PAGES[:5]:  # the content pages: no Markdown or [[label]] left unrendered
        text = parse_page(built_site, url).text()
        assert "](" not in text and "[[" not in text and "{ #" not in text, f"/{url}"
    assert (built_site / "search" / "search_index.json").is_file()


def test_catalog_json_is_the_catalog(built_site: Path) -> None:
    data = yaml.safe_load((ROOT / "docs/content/backup-options.yml").read_text(encoding="utf-8"))
    published = json.loads((built_site / "assets/checkers/backup-options.json").read_text())
    assert published == Catalog.from_data(data).to_data()
    assert Catalog.from_data(published) == Catalog.from_data(data)


def test_every_faq_entry_and_topic_has_a_working_anchor(built_site: Path, content) -> None:
    page = parse_page(built_site, "faq/")
    ids = [element.attrs["id"] for element in page.iter() if element.attrs.get("id")]
    for topic in content.faq.topics:
        assert ids.count(topic.id) == 1
        assert page.elements("h2", id=topic.id)
    for entry in content.faq.entries:
        assert ids.count(entry.id) == 1, entry.id
        [article] = [a for a in page.elements("article", class_="hc-faq-entry")
                     if a.elements("h3", id=entry.id)]  # fmt: skip
        assert article.attrs["data-platforms"] == " ".join(entry.platforms)
        assert article.elements("a", href=f"#{entry.id}", class_="hc-permalink")
        assert article.elements("button", **{"data-copy-link": entry.id})
        related = [a.attrs["href"] for a in article.elements("a")]
        for related_id in entry.related:
            assert f"#{related_id}" in related


def test_every_guide_section_and_backup_option_has_an_anchor(built_site: Path, content) -> None:
    for platform, guide in content.guides.items():
        page = parse_page(built_site, f"guides/{platform}/")
        for section in guide.sections:
            assert page.elements("h2", id=section.id), f"/guides/{platform}/#{section.id}"
    page = parse_page(built_site, "backups/")
    for option in content.catalog.options:
        assert page.elements("h2", id=option.id), f"/backups/#{option.id}"


def test_start_page_offers_the_three_situations_and_search(built_site: Path) -> None:
    page = parse_page(built_site, "")
    for anchor, title in [
        ("new-phone", "I'm getting a new phone"),
        ("lost-phone", "I lost my phone"),
        ("forgot-password", "I forgot a password"),
    ]:
        assert words(page.elements("h3", id=anchor)[0].text()).rstrip("¶") == title
    [search] = page.elements("form", role="search")
    assert search.elements("input", name="q", type="search")
    assert "data-search-exclude" in search.attrs  # its label and button are not answers
    # No left sidebar with a lone "Start" in it (`hide: [navigation]`; the tabs remain).
    [sidebar] = page.elements("div", class_="md-sidebar--primary")
    assert "hidden" in sidebar.attrs
    # Both platforms side by side in content tabs, labelled Android and iOS.
    tab_labels = [words(label.text()) for label in page.elements("label")
                  if label.attrs.get("for", "").startswith("__tabbed_")]  # fmt: skip
    assert tab_labels and set(tab_labels) == {"Android", "iOS"}
    links = {a.attrs.get("href") for a in page.elements("a")}
    assert {"guides/android/", "guides/ios/", "tools/id-export/", "tools/backup-choice/"} <= links


def test_backups_table_marks_carried_items_with_words(built_site: Path, content) -> None:
    page = parse_page(built_site, "backups/")
    table = page.elements("table")[0]
    rows = [row for row in table.elements("tr") if row.direct("td")]
    assert len(rows) == len(content.catalog.options)
    assert content.catalog.option("data-backup").condition("media")  # the case this covers
    # A condition names the app's setting ([[key]]) as labels.yml words it for the platform.
    shown_conditions = {
        ("data-backup", "media"): "with Include media files switched on",
        ("ios-device-transfer", "id"): "with the ID export in the phone backup",
    }
    for row, option in zip(rows, content.catalog.options, strict=True):
        # The option names its row (a row header), the marks are its cells.
        [row_header] = row.direct("th")
        assert row_header.attrs.get("scope") == "row"
        cells = [words(cell.text()) for cell in [row_header, *row.direct("td")]]
        assert cells[0] == option.name
        expected = [
            (f"✓ Yes ({shown_conditions[option.id, item.id]})" if option.condition(item.id)
             else "✓ Yes") if item.id in option.carries else "✗ No"
            for item in content.catalog.items
        ]  # fmt: skip
        assert cells[1:] == expected


def test_backups_say_which_options_help_once_the_old_phone_is_gone(built_site: Path) -> None:
    page = parse_page(built_site, "backups/")
    table = page.elements("table")[1]
    header = [words(cell.text()) for cell in table.elements("th")]
    assert header[2] == "If the old phone is gone"
    answers = {words(row.direct("th")[0].text()): words(row.direct("td")[1].text())
               for row in table.elements("tr") if row.direct("td")}  # fmt: skip
    assert answers["Data backup"] == answers["Threema Safe"] == "Only if made beforehand"
    assert (answers["Chat export"], answers["New ID"]) == ("No", "Yes")
    assert "Needs the old phone" not in words(page.text())


def _expected_labels(text: str, labels: dict[str, dict[str, str]], platform: str) -> list[str]:
    return [labels[m.group(1)][platform] for m in LABEL_PATTERN.finditer(text)]


def _plain_start(text: str, labels: dict[str, dict[str, str]], platform: str) -> str:
    """The first words of a step as a reader sees them (labels in wording, link text only)."""
    text = LABEL_PATTERN.sub(lambda m: labels[m.group(1)][platform], text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    return words(text)[:40]


def test_guides_show_steps_in_order_with_their_own_labels(built_site: Path, content) -> None:
    labels = content.labels
    for platform, guide in content.guides.items():
        other = "ios" if platform == "android" else "android"
        page = parse_page(built_site, f"guides/{platform}/")
        headings = page.elements("h2")
        for section in guide.sections:
            steps = [block.text for block in section.blocks if block.kind == "step"]
            # The section's list is the first <ol> after its heading.
            heading = page.elements("h2", id=section.id)[0]
            parent = next(e for e in page.iter() if heading in e.children)
            after = parent.children[parent.children.index(heading) + 1 :]
            next_heading = next((c for c in after if c in headings), None)
            within = after[: after.index(next_heading)] if next_heading else after
            [steps_list] = [c for c in within if isinstance(c, Element) and c.tag == "ol"]
            items = steps_list.direct("li")
            assert len(items) == len(steps), f"{platform}#{section.id}"
            # Notes after the last step follow the list instead of hiding in its last item.
            step_at = [i for i, block in enumerate(section.blocks) if block.kind == "step"]
            outside = step_at[0] + len(section.blocks) - 1 - step_at[-1]  # before + after
            admonitions = [c for c in within if isinstance(c, Element)
                           and "admonition" in (c.attrs.get("class") or "").split()]  # fmt: skip
            assert len(admonitions) == outside, f"{platform}#{section.id}"
            for item, step in zip(items, steps, strict=True):
                shown = [words(span.text()) for span in item.elements("span", class_="ui-label")
                         if not any(span in a.iter() for a in item.elements("div"))]  # fmt: skip
                assert shown == _expected_labels(step, labels, platform)
                assert words(item.text()).startswith(_plain_start(step, labels, platform))
        # Where the wording differs, the other app's wording is not shown as a label.
        label_texts = {words(span.text()) for span in page.elements("span", class_="ui-label")}
        own_wordings = {wordings[platform] for wordings in labels.values() if platform in wordings}
        for key, wordings in labels.items():
            if other in wordings and wordings[other] not in own_wordings:
                assert wordings[other] not in label_texts, f"{platform} guide shows {key}"


# --- No request to another host ---------------------------------------------------------------

# Strings naming another host that are not requests of this site. Anything else fails the test.
XML_NAMESPACES = {
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/XML/1998/namespace",
}
# (file pattern, URL prefix): why the theme's vendored code may contain it.
THEME_STRINGS = {
    ("assets/javascripts/bundle.*.min.js", "https://unpkg.com/mermaid@"):
        "loaded only for pages with Mermaid diagrams; test_theme_features_that_fetch_are_off",
    ("assets/javascripts/bundle.*.min.js", "https://unpkg.com/resize-observer-polyfill"):
        "loaded only by browsers without ResizeObserver, and blocked by the CSP there",
    ("assets/javascripts/bundle.*.min.js", "https://api.github.com/"):
        "repository facts, fetched only when repo_url is set; it is not",
    ("assets/javascripts/bundle.*.min.js", "https://${e}/api/v4/projects/"):
        "repository facts (GitLab), fetched only when repo_url is set; it is not",
    ("assets/javascripts/workers/search.*.min.js", "https://bit.ly/2s3ChXG"):
        "text of a console warning about a malformed search query",
    ("assets/javascripts/lunr/wordcut.js", "https://github.com/isaacs/node-glob/issues/167"):
        "text of an error message in a vendored library",
    ("*/pyodide.mjs", "https://cdn.jsdelivr.net/pyodide/"):
        "Pyodide's package CDN, used only under Node.js; browsers load packages from the site",
    ("*/pyodide.asm.mjs", "https://${t}"):
        "Pyodide's socket helper for Node.js; never called in a browser",
}  # fmt: skip
URL = re.compile(r"https?://[^\s\"'<>()\\`]+")
LINE_COMMENT = re.compile(r"(^|[\s;,{}()])//")


def _in_comment(text: str, start: int) -> bool:
    """Whether the URL at `start` of a JS/CSS file sits in a comment (licence, docs, notes)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if re.match(r"\s*//", before):
        return True
    if re.match(r"\s*(\*|/\*)", before) and "*/" not in before:  # inside a block comment
        return True
    # A trailing `// note` after code; not on minified lines, where `//` may sit in a string.
    if len(before) < 160 and LINE_COMMENT.search(before):
        return True
    opening = text.rfind("/*", 0, start)
    return (
        opening >= 0
        and text.find("*/", opening, start) < 0
        and (opening == 0 or text[opening - 1] in "\n;}) ")
    )


def _allowed(url: str, path: str, text: str, start: int, own_hosts: set[str]) -> bool:
    path = path.removeprefix("de/")  # the German edition ships its own copy of the theme
    host = urlparse(url).hostname
    if host in own_hosts or url in XML_NAMESPACES:
        return True
    if path.endswith((".js", ".mjs", ".css")) and _in_comment(text, start):
        return True
    if path.endswith(".css") and re.search(r"(<|\\3c\s?)!--", text[max(0, start - 200) : start]):
        return True  # a comment inside an inline SVG icon (the icon font's licence)
    return any(fnmatch.fnmatch(path, pattern) and url.startswith(prefix)
               for pattern, prefix in THEME_STRINGS)  # fmt: skip


def test_built_files_name_no_other_host(built_site: Path) -> None:
    with open(ROOT / "mkdocs.yml", "rb") as config_file:
        site_url = yaml_load(config_file)["site_url"]  # MkDocs' loader resolves !ENV
    own_hosts = {urlparse(site_url).hostname, "127.0.0.1", "localhost"}
    offenders = []
    for file in sorted(built_site.rglob("*")):
        if file.suffix not in {".html", ".js", ".mjs", ".css"}:
            continue
        path = file.relative_to(built_site).as_posix()
        text = file.read_text(encoding="utf-8", errors="replace")
        for match in URL.finditer(text):
            if not _allowed(match.group(0), path, text, match.start(), own_hosts):
                offenders.append(f"{path}: {match.group(0)}")
    assert not offenders, "\n".join(offenders)


def test_theme_features_that_fetch_are_off(built_site: Path) -> None:
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in text, f"{html}: a Mermaid diagram loads code from a CDN"
        assert "md-source" not in text, f"{html}: repository facts are fetched from GitHub"
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


# --- The platform filter works with and without the script -----------------------------------


def _visible_entries(page) -> list[str]:
    script = "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.platforms)"
    return page.eval_on_selector_all(".hc-faq-entry", script)


def test_faq_filter_works_without_javascript(chromium, site_url: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/faq/")
    assert {"android", "ios"} <= set(" ".join(_visible_entries(page)).split())
    page.check('input[name="platform"][value="ios"]')
    shown = _visible_entries(page)
    assert shown and all("ios" in platforms.split() for platforms in shown)
    assert not page.is_visible("button[data-copy-link]")  # the script shows them
    context.close()


def test_faq_filter_script_counts_and_keeps_choice_in_address(page, site_url: str) -> None:
    page.goto(f"{site_url}/faq/?platform=android")
    shown = _visible_entries(page)
    assert shown and all("android" in platforms.split() for platforms in shown)
    status = page.text_content("[data-faq-filter-status]")
    assert re.fullmatch(rf"Showing {len(shown)} of \d+ answers\.", status)
    page.check('input[name="platform"][value="ios"]')
    assert "platform=ios" in page.url
    # Answers written per platform open on the chosen platform's tab.
    tabs = page.eval_on_selector_all(
        ".tabbed-labels > label",
        "labels => labels.filter(l => l.textContent.trim() === 'iOS')"
        "                .map(l => document.getElementById(l.htmlFor).checked)",
    )
    assert tabs and all(tabs)
    page.check('input[name="platform"][value="all"]')
    assert "platform=" not in page.url
    assert page.is_visible("button[data-copy-link]")
