"""Which scripts each built page loads, in which order, and the preload hints before them.

Why it matters (measured with scripts/bench_startup.py, phone profile, second visit): the CSP
meta tag stops Chromium's preload scanner, so without hints each script was asked for only when
the parser reached it; a tool page's widget that waited for the theme's bundle and the page's
end answered a shared link ~0.1-0.2 s later; and every page loaded all three widgets.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpcenter.csp_plugin import preload_hints

TOOL_PAGES = {
    "tools/id-export/": "id-export",
    "tools/backup-choice/": "backup-choice",
    "tools/data-backup/": "data-backup",
    "de/tools/id-export/": "id-export",
    "de/tools/backup-choice/": "backup-choice",
    "de/tools/data-backup/": "data-backup",
}
PAGES_WITHOUT_A_CHECKER = ["", "faq/", "guides/android/", "de/faq/", "de/guides/ios/"]
BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
DEFERRED = ["faq.js", "start-search.js", "menu.js", "language-switch.js"]


class _Tags(HTMLParser):
    """The page's <script> and <link> start tags in document order, and where <head> ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.head_end = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "link"):
            self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.head_end = len(self.tags)


def tags_of(site: Path, page: str) -> _Tags:
    parser = _Tags()
    parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
    assert parser.head_end is not None, page
    return parser


def body_scripts(parsed: _Tags) -> list[dict[str, str]]:
    body = parsed.tags[parsed.head_end :]
    return [attrs for tag, attrs in body if tag == "script" and "src" in attrs]


def file_name(attrs: dict[str, str]) -> str:
    return attrs["src"].rsplit("/", 1)[-1]


@pytest.mark.parametrize("page", sorted(TOOL_PAGES))
def test_a_tool_page_runs_its_guard_and_own_widget_before_the_theme(
    built_site: Path, page: str
) -> None:
    scripts = body_scripts(tags_of(built_site, page))
    names = [file_name(s) for s in scripts]
    widget = f"{TOOL_PAGES[page]}-widget.mjs"
    bundle = next(i for i, s in enumerate(scripts) if BUNDLE.search(s["src"]))
    # Only this page's widget; the guard first, then the early start that imports the widget,
    # then the widget's own module element (which the guard watches for a failed load).
    assert [n for n in names if n.endswith("-widget.mjs")] == [widget], names
    guard = names.index("tool-guard.js")
    assert names[guard:bundle] == ["tool-guard.js", "widget-start.js", widget], names
    start = scripts[names.index("widget-start.js")]
    assert start["data-modules"] == scripts[names.index(widget)]["src"]
    module = scripts[names.index(widget)]
    assert module.get("type") == "module" and "async" in module, module
    # The guard blocks the parser: it listens for a failed module before any is created.
    assert "defer" not in scripts[guard] and "async" not in scripts[guard]


@pytest.mark.parametrize("page", PAGES_WITHOUT_A_CHECKER)
def test_a_page_without_a_checker_loads_no_widget_and_no_guard(built_site: Path, page: str) -> None:
    names = [file_name(s) for s in body_scripts(tags_of(built_site, page))]
    assert not [n for n in names if n.endswith("-widget.mjs")], names
    assert "tool-guard.js" not in names and "widget-start.js" not in names, names


@pytest.mark.parametrize("page", [*sorted(TOOL_PAGES), *PAGES_WITHOUT_A_CHECKER])
def test_the_pages_own_helpers_wait_for_the_parse(built_site: Path, page: str) -> None:
    scripts = {file_name(s): s for s in body_scripts(tags_of(built_site, page))}
    for name in DEFERRED:
        assert "defer" in scripts[name], (page, name)


@pytest.mark.parametrize("page", [*sorted(TOOL_PAGES), *PAGES_WITHOUT_A_CHECKER])
def test_every_body_script_is_preloaded_from_the_head(built_site: Path, page: str) -> None:
    parsed = tags_of(built_site, page)
    head = parsed.tags[: parsed.head_end]
    modules = {a["href"] for t, a in head if t == "link" and a.get("rel") == "modulepreload"}
    classic = {
        a["href"]
        for t, a in head
        if t == "link" and a.get("rel") == "preload" and a.get("as") == "script"
    }
    for script in body_scripts(parsed):
        wanted = modules if script.get("type") == "module" else classic
        assert script["src"] in wanted, (page, script["src"])


def test_hints_follow_the_scripts_order_once_each_and_skip_data_blocks() -> None:
    body = (
        '<script src="a.js"></script><script type="module" src="m.mjs"></script>'
        '<script src="a.js"></script><script type="application/json">{}</script>'
        '<script src="c.js" crossorigin="anonymous" defer></script>'
        '<script type="text/x-template" src="t.html"></script>'
    )
    assert preload_hints(body) == (
        '<link rel="preload" as="script" href="a.js">'
        '<link rel="modulepreload" href="m.mjs">'
        '<link rel="preload" as="script" href="c.js" crossorigin="anonymous">'
    )


def test_hints_leave_out_what_the_head_already_preloads() -> None:
    head = '<link rel="modulepreload" href="m.mjs"><link rel="preload" as="script" href="a.js">'
    body = '<script src="a.js"></script><script type="module" src="m.mjs"></script>'
    assert preload_hints(body, head) == ""
    assert preload_hints(body) != ""
