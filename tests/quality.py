"""Shared helpers of the site-wide quality gates: built pages, their links, the site config."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"

# Folders of the built site that hold files, not pages (Pyodide ships an HTML console, for one).
NOT_PAGES = ("assets/", "search/", "pdf/")
# Print pages are laid out for paper (PDF source); they are still checked, once, on a desktop.
PRINT_PREFIX = "/print/"
# Base of the URLs used to resolve links while the site is not served anywhere.
OFFLINE_BASE = "http://site.invalid"


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing what its `!!python/name:` tags refer to."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node):
    """`!ENV VAR` or `!ENV [VAR, ..., default]`, resolved as MkDocs does."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    names = loader.construct_sequence(node)
    # With more than one item, the last is the default value, not a variable name.
    default = names.pop() if len(names) > 1 else None
    return next((os.environ[name] for name in names if name in os.environ), default)


_LenientLoader.add_constructor("!ENV", _environment_value)
_LenientLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@cache
def mkdocs_config() -> dict:
    """mkdocs.yml as plain data (tagged values read as None)."""
    return yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}


def configured_site_url() -> str:
    """The site_url of mkdocs.yml, always ending with a slash."""
    site_url = mkdocs_config().get("site_url")
    if not site_url:
        raise AssertionError(f"{MKDOCS_YML}: site_url is not set")
    return site_url if site_url.endswith("/") else site_url + "/"


def site_path_prefix() -> str:
    """The path part of site_url ("/" for a site at the root of its host)."""
    return urlsplit(configured_site_url()).path or "/"


@dataclass(frozen=True)
class SitePage:
    """One built HTML page: its URL path relative to the site root and its file."""

    url_path: str
    file: Path

    @property
    def is_print(self) -> bool:
        # The German edition's print pages too (/de/print/...).
        return self.url_path.removeprefix("/de").startswith(PRINT_PREFIX)


def list_pages(site_dir: Path) -> list[SitePage]:
    """Every HTML page of the built site, sorted by URL ("/", "/faq/", ..., "/404.html")."""
    pages = []
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        if relative.startswith(NOT_PAGES):
            continue
        if relative == "index.html":
            url_path = "/"
        elif relative.endswith("/index.html"):
            url_path = "/" + relative[: -len("index.html")]
        else:
            url_path = "/" + relative
        pages.append(SitePage(url_path, file))
    if not pages:
        raise AssertionError(f"no HTML pages found in {site_dir}")
    return pages


@dataclass
class Link:
    """A reference found in a page: the attribute's value and the source line."""

    tag: str
    attribute: str
    value: str
    line: int


@dataclass
class ParsedPage:
    """What the link checks need from one page: its anchors and the references it makes."""

    anchors: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    resources: list[Link] = field(default_factory=list)


class _PageParser(HTMLParser):
    # Attributes that load a file the page needs (as opposed to links a visitor follows).
    RESOURCE_ATTRIBUTES = {"script": "src", "img": "src", "source": "src", "link": "href"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parsed = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.parsed.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.parsed.anchors.add(values["name"])
        line = self.getpos()[0]
        if tag == "a" and "href" in values:
            self.parsed.links.append(Link(tag, "href", values["href"], line))
        resource_attribute = self.RESOURCE_ATTRIBUTES.get(tag)
        if resource_attribute and resource_attribute in values:
            # <link rel="canonical"> and friends name pages, not files to load.
            if tag == "link" and values.get("rel", "") in {"canonical", "alternate"}:
                self.parsed.links.append(Link(tag, "href", values["href"], line))
            else:
                self.parsed.resources.append(
                    Link(tag, resource_attribute, values[resource_attribute], line)
                )


@cache
def parse_page(file: Path) -> ParsedPage:
    """Anchors and references of one HTML file (parsed once per process)."""
    parser = _PageParser()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser.parsed


def site_relative_path(url: str) -> str | None:
    """The path below the site root that an absolute URL points to, or None when it is elsewhere.

    Both the offline base (for links resolved from a page) and the configured site_url (for
    absolute links, as in the PDFs) count as the site.
    """
    parts = urlsplit(url)
    if url.startswith(OFFLINE_BASE + "/"):
        prefix = "/"
    elif (parts.scheme, parts.netloc) == urlsplit(configured_site_url())[:2]:
        prefix = site_path_prefix()
    else:
        return None
    if not parts.path.startswith(prefix):
        return None
    return unquote(parts.path[len(prefix) :])


def target_file(site_dir: Path, relative_path: str) -> Path | None:
    """The built file a site path is served from (directory URLs serve their index.html)."""
    candidate = site_dir / relative_path
    if relative_path == "" or relative_path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def absolute_page_url(page: SitePage) -> str:
    """The page's URL below the offline base, against which its relative links resolve."""
    return OFFLINE_BASE + page.url_path


def broken_references(site_dir: Path, page: SitePage) -> list[str]:
    """Every same-site link, anchor or resource of `page` that does not resolve, one line each."""
    parsed = parse_page(page.file)
    problems = []
    prefix_on_root = site_path_prefix()
    for link in parsed.links + parsed.resources:
        if link.value.startswith(("mailto:", "tel:", "javascript:", "data:", "blob:")):
            continue
        value = link.value
        # 404.html uses site_url's path for its links; locally the site sits at the root.
        if (
            page.url_path == "/404.html"
            and prefix_on_root != "/"
            and value.startswith(prefix_on_root)
        ):
            value = "/" + value[len(prefix_on_root) :]
        absolute = urljoin(absolute_page_url(page), value)
        relative_path = site_relative_path(absolute)
        if relative_path is None:
            continue
        where = f'{page.url_path} (line {link.line}) <{link.tag} {link.attribute}="{link.value}">'
        file = target_file(site_dir, relative_path)
        if file is None:
            problems.append(f"{where}: no file /{relative_path} in the built site")
            continue
        fragment = unquote(urlsplit(absolute).fragment)
        if fragment and file.suffix == ".html" and fragment not in parse_page(file).anchors:
            problems.append(f'{where}: /{relative_path} has no id or name "{fragment}"')
    return problems


def color_palettes() -> list[dict]:
    """theme.palette of mkdocs.yml as a list (Material accepts a single mapping too)."""
    palette = (mkdocs_config().get("theme") or {}).get("palette") or []
    return [palette] if isinstance(palette, dict) else list(palette)


# --- The two widgets, as the accessibility and privacy checks drive them -------------------------

VALIDATOR_PATH = "/tools/id-export/"
WIZARD_PATH = "/tools/backup-choice/"
# Old Android phone lost, new iPhone, Threema Safe exists: the answer is Safe, restored on iOS.
WIZARD_ANSWER_QUERY = "?from=android&to=ios&old-device=lost&keep=id,chats&have=threema-safe"
WIZARD_FIRST_OPTION = "threema-safe"
# Pyodide's first start on a slow machine can take a while; a check after it is quick.
WIDGET_TIMEOUT_MS = 90_000


@dataclass(frozen=True)
class ValidatorSample:
    """An export, its password and the ID that a successful check reveals."""

    export: str
    password: str
    identity: str


def validator_case(name: str) -> dict:
    """One vector of tests/data/id-export.json by name (input, password, expect)."""
    import json

    cases = json.loads((ROOT / "tests" / "data" / "id-export.json").read_text(encoding="utf-8"))
    return next(case for case in cases["cases"] if case["name"] == name)


def validator_sample() -> ValidatorSample:
    """The 'v0 basic' vector: a real export with its password (a successful, complete check)."""
    case = validator_case("v0 basic")
    return ValidatorSample(case["input"], case["password"], case["expect"]["identity"])


def validator_controls(page):
    """(export field, password field, check button) of the validator (ids fixed by its template)."""
    return (
        page.locator("#id-export-input"),
        page.locator("#id-export-password"),
        page.locator("#id-export-check"),
    )


def enter_export(page, text: str, password: str | None = None) -> None:
    """Type `text` into the validator (and `password`, when given) as a reader does: the groups
    the live reading shows under the field appear before the next control is used. They move the
    controls below them, so a click sent while they appear can miss its button."""
    page.fill("#id-export-input", text)
    wait_for_live_reading(page)
    if password is not None:
        page.fill("#id-export-password", password)


def wait_for_live_reading(page) -> None:
    """Block until the validator's live reading answers for the text now in its field (typed,
    or read from a picture): its groups are shown and the controls below have stopped moving."""
    page.locator("#id-export-live[data-state=done]").wait_for(
        state="attached", timeout=WIDGET_TIMEOUT_MS
    )


# Resolves once no animation or transition with an end is running, after the next frame is
# drawn; a transition that starts meanwhile (Material's header slides in its page title when
# the page scrolls, e.g. to a focused result) is waited for too, a few rounds at most.
_SETTLE = """async () => {
  const finite = () => document.getAnimations().filter((animation) =>
    animation.playState === "running" &&
    Number.isFinite(animation.effect?.getComputedTiming().endTime));
  for (let round = 0; round < 5; round += 1) {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const running = finite();
    if (!running.length) return true;
    await Promise.all(running.map((animation) => animation.finished.catch(() => null)));
  }
  return false;
}"""


def settle(page) -> None:
    """Block until the page's animations and transitions have ended (colours are final)."""
    page.evaluate(_SETTLE)


_DESCRIBE_STATE = """(id) => {
  const element = document.getElementById(id);
  if (!element) return "missing";
  return `${element.dataset.state}: ${element.textContent.trim().slice(0, 200)}`;
}"""


def _wait_for_state(page, element_id: str, state: str, what: str) -> None:
    """Block until the widget's result element reaches `state`; fail saying where it stuck."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.locator(f"#{element_id}[data-state={state}]").wait_for(timeout=WIDGET_TIMEOUT_MS)
    except PlaywrightTimeout:
        stuck = page.evaluate(_DESCRIBE_STATE, element_id)
        raise AssertionError(
            f"{page.url}: {what} did not happen within {WIDGET_TIMEOUT_MS / 1000:.0f} s; "
            f"#{element_id} stayed at {stuck!r}"
        ) from None


def wait_for_validator_ready(page) -> None:
    """Block until Pyodide and the checkers have loaded and the validator says it is ready."""
    _wait_for_state(page, "id-export-result", "ready", "the validator getting ready")


def wait_for_validator_result(page, identity: str) -> None:
    """Block until the validator has finished a check and names the ID the export restores.

    The result element's data-state/data-identity are the widget's contract for tests.
    """
    _wait_for_state(page, "id-export-result", "done", "the check")
    shown = page.locator("#id-export-result").get_attribute("data-identity")
    assert shown == identity, f"{VALIDATOR_PATH}: the check found ID {shown!r}, not {identity!r}"


def wait_for_validator_verdict(page) -> None:
    """Block until the validator has finished a check, whatever its verdict."""
    _wait_for_state(page, "id-export-result", "done", "the check")


def wait_for_wizard_answer(page) -> None:
    """Block until the wizard shows its answer, and check it is the expected one."""
    _wait_for_state(page, "backup-choice-result", "done", "the answer")
    options = (page.locator("#backup-choice-result").get_attribute("data-options") or "").split()
    assert options[:1] == [WIZARD_FIRST_OPTION], (
        f"{WIZARD_PATH}{WIZARD_ANSWER_QUERY}: answer {options}, not {WIZARD_FIRST_OPTION} first"
    )
