"""A tour of every built page in Chromium: WCAG 2.x A/AA (axe-core) in both color schemes and at
two widths, including the widgets' states that appear only after use (the validator's results and
problems, each of the wizard's questions and its "choose one" error); on the same visits, that
the first page follows the system's color scheme, that nothing sticks out of a 390 px screen,
that every request stays on the site's origin and no cookie is set, and that no page logs an
error or breaks its content security policy (one visit of a page serves all these checks); and
keyboard use of both widgets: tab order, visible focus and announced results."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from quality import (
    VALIDATOR_PATH,
    WIZARD_FIRST_OPTION,
    WIZARD_PATH,
    color_palettes,
    enter_export,
    list_pages,
    settle,
    validator_case,
    validator_controls,
    validator_sample,
    wait_for_validator_ready,
    wait_for_validator_result,
    wait_for_validator_verdict,
    wait_for_wizard_answer,
)
from recording import Recorder, cookie_problems, foreign_requests, page_errors

from helpcenter.axe import WCAG_TAGS, run_axe

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 390, "height": 844}}
SCHEMES = ("light", "dark")
# How long the palette toggle may take to switch the scheme; its colour transition is waited
# for by settle() (quality.py) before each scan, not by a fixed pause.
PALETTE_SWITCH_MS = 10_000
# Which (scheme, width) pairs each kind of page is scanned in; the English pages and every tool
# page in all four. The German edition (/de/) has the English pages' layout and styles with other
# words: each of its pages is checked in the pair that differs most from the default (dark,
# narrow), where longer words would overflow and every colour is the other scheme's.
GERMAN_RUNS = {("dark", "mobile")}
# Print pages (both editions) are laid out for paper: scanned once, on a desktop.
PRINT_RUNS = {("light", "desktop")}
# Narrow-screen faults (tests/js/overflow.js) are measured in the 390 px pair that shows every
# page of both editions; tests/test_reading.py measures 320 px.
OVERFLOW_RUNS = {("dark", "mobile")}
OVERFLOW_JS = (Path(__file__).resolve().parent / "js" / "overflow.js").read_text(encoding="utf-8")
# Where a page's late requests are waited for (the privacy check), once its scans are done: the
# one pair that scans each German or print page, light desktop for the others. Requests are
# recorded all the time.
PRIVACY_RUN = ("light", "desktop")
# After the network has been quiet for 0.5 s (Playwright's "networkidle": a tool page's runtime
# downloads end there), this long for stragglers.
PRIVACY_SETTLE_MS = 300
# The system's color scheme (prefers-color-scheme) of each width's browser: the first page of a
# test shows it untouched, the palette toggle shows the other (each width's test reaches one
# scheme through the system, the other through the toggle). Each "more" test's pages are
# scanned in just this one (German: dark mobile; print: light desktop). Nothing of the site
# reads prefers-color-scheme but Material's palette: were a style or script to, its other
# pairing would go unseen here.
SYSTEM_SCHEMES = {"desktop": "light", "mobile": "dark"}
# Enough Tab presses to walk past the header, navigation and intro to the widget's last control.
MAX_TABS = 120


def expected_scheme(scheme: str) -> str:
    """Material's data-md-color-scheme value that mkdocs.yml configures for 'light' or 'dark'."""
    palettes = color_palettes()
    for palette in palettes:
        if scheme in (palette.get("media") or ""):
            return palette.get("scheme") or "default"
    if scheme == "light":
        return "default"
    dark = [p.get("scheme") for p in palettes if p.get("scheme") not in (None, "default")]
    if not dark:
        pytest.fail("mkdocs.yml theme.palette configures no dark scheme (e.g. scheme: slate)")
    return dark[0]


def shown_scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme') || 'default'")


def show_scheme(page, scheme: str) -> None:
    """Switch the open page to the wanted scheme with the palette toggle, as a visitor would
    (Material keeps the choice for the next pages); scan() waits for the colours to settle."""
    wanted = expected_scheme(scheme)
    for _ in range(len(color_palettes()) + 1):
        shown = shown_scheme(page)
        if shown == wanted:
            break
        toggle = page.locator("[data-md-component=palette] label:visible").first
        if not toggle.count():
            break
        toggle.click()
        page.locator(f'body:not([data-md-color-scheme="{shown}"])').wait_for(
            state="attached", timeout=PALETTE_SWITCH_MS
        )
    shown = shown_scheme(page)
    assert shown == wanted, f"{page.url}: wanted color scheme {wanted!r}, the page shows {shown!r}"


def shown_first(page, schemes: tuple[str, ...]) -> list[str]:
    """`schemes` with the one the page shows now first: one toggle per page, not two."""
    return sorted(schemes, key=lambda scheme: expected_scheme(scheme) != shown_scheme(page))


def describe(violations, where: str) -> list[str]:
    return [f"{where}: {violation.describe()}" for violation in violations]


def scan(page, where: str) -> list[str]:
    """axe's violations on the page as it is now, once transitions have ended."""
    settle(page)
    return describe(run_axe(page), where)


def scan_in_schemes(page, where: str, viewport: str) -> list[str]:
    """Scans of the page as it is now in both schemes (`where` gets "[scheme, viewport]"); a
    scheme that cannot be shown or scanned is a fault of its own, the other is still scanned."""
    report: list[str] = []
    for scheme in shown_first(page, SCHEMES):
        report += scan_in_scheme(page, f"{where} [{scheme}, {viewport}]", scheme)
    return report


def scan_in_scheme(page, where: str, scheme: str) -> list[str]:
    """axe's violations on the open page in `scheme` (switched with the toggle if need be)."""
    try:
        show_scheme(page, scheme)
        return scan(page, where)
    except (AssertionError, PlaywrightError) as error:
        return [f"{where}: could not show or scan the page in this scheme: {error}"]


def scheme_name(material_scheme: str) -> str:
    """'light' or 'dark' for Material's scheme name ('default', 'slate'), else that name."""
    names = {expected_scheme(scheme): scheme for scheme in SCHEMES}
    return names.get(material_scheme, material_scheme)


@dataclass(frozen=True)
class ValidatorState:
    """A validator result to scan: what is typed, and an element only that result shows."""

    name: str
    export: str
    password: str
    shows: str


def validator_states() -> list[ValidatorState]:
    typo = validator_case("v0 one typo after the salt")
    digit = validator_case("v0 digit typed for a letter")
    short = validator_case("v0 4-character password from an old app")
    return [
        ValidatorState(
            "a typo with its correction button",
            typo["input"],
            typo["password"],
            ".hc-problem[data-code='typo'] .hc-use-correction",
        ),
        ValidatorState(
            "a digit for a letter, its group flagged and marked",
            digit["input"],
            "",
            ".hc-problem[data-code='character'] .hc-in-place mark",
        ),
        ValidatorState(
            "warnings (lenient text, short password)",
            short["input"].replace("-", "").lower(),
            short["password"],
            ".hc-problem--warning[data-code='short-password']",
        ),
    ]


def validator_reports(page, url: str, viewport: str) -> list[str]:
    """Scans of the validator with a result, a typo, a wrong character and warnings, each state
    reached once and scanned in both schemes."""
    report: list[str] = []
    sample = validator_sample()
    try:
        page.goto(url, wait_until="load")
        wait_for_validator_ready(page)
    except (AssertionError, PlaywrightError) as error:
        return [f"{VALIDATOR_PATH} [{viewport}]: the validator did not start: {error}"]
    button = validator_controls(page)[2]
    where = f"{VALIDATOR_PATH} with a result"
    try:
        enter_export(page, sample.export, sample.password)
        button.click()
        wait_for_validator_result(page, sample.identity)
        report += scan_in_schemes(page, where, viewport)
    except (AssertionError, PlaywrightError) as error:
        report.append(f"{where} [{viewport}]: could not get a result to check: {error}")
    for state in validator_states():
        where = f"{VALIDATOR_PATH} with {state.name}"
        try:
            enter_export(page, state.export, state.password)
            button.click()
            wait_for_validator_verdict(page)
            page.locator(f"#id-export-result {state.shows}").first.wait_for()
            if "in-place" in state.shows:  # the live check flags the group above the field
                page.locator("#id-export-groups .hc-group--flagged").wait_for()
            report += scan_in_schemes(page, where, viewport)
        except (AssertionError, PlaywrightError) as error:
            report.append(f"{where} [{viewport}]: could not get this state to check: {error}")
    return report


# The wizard's questions after the first, in order, and the answer that leads on from each.
WIZARD_STEPS = [
    ("from", "android"),
    ("to", "ios"),
    ("old-device", "lost"),
    ("keep", None),
    ("have", None),
]


def wizard_reports(page, url: str, viewport: str) -> list[str]:
    """Scans of the wizard's "choose one" error, of questions 2 to 5 and of its answer (reached
    by answering, in the same page: one Pyodide start fewer than opening the answer's link),
    each in both schemes."""
    report: list[str] = []
    try:
        page.goto(url, wait_until="load")
        page.locator(".hc-step[data-step='from']:not([hidden])").wait_for()
        page.click("#backup-choice-next")  # nothing chosen yet
        page.locator("#backup-choice-error-from:not(:empty)").wait_for()
        report += scan_in_schemes(page, f"{WIZARD_PATH} 'choose one' error", viewport)
        for (name, value), (following, _) in zip(WIZARD_STEPS, WIZARD_STEPS[1:], strict=False):
            if value is not None:
                page.check(f"#backup-choice-{name}-{value}")
            page.click("#backup-choice-next")
            page.locator(f".hc-step[data-step='{following}']:not([hidden])").wait_for()
            report += scan_in_schemes(page, f"{WIZARD_PATH} question '{following}'", viewport)
        page.check(f"#backup-choice-have-{WIZARD_FIRST_OPTION}")
        page.click("#backup-choice-next")
        page.locator("#backup-choice-result[data-state='done']").wait_for()
        report += scan_in_schemes(page, f"{WIZARD_PATH} answer", viewport)
    except (AssertionError, PlaywrightError) as error:
        report.append(f"{WIZARD_PATH} [{viewport}]: could not step through the questions: {error}")
    return report


def scanned_in(site_page, scheme: str, viewport: str) -> bool:
    """Print pages (both editions) are laid out for paper: scanned once, light on a desktop; the
    German edition's other pages in GERMAN_RUNS; the English ones in every pair."""
    if site_page.is_print:
        return (scheme, viewport) in PRINT_RUNS
    if site_page.url_path.startswith("/de/"):
        return (scheme, viewport) in GERMAN_RUNS
    return True


def tour_part(site_page) -> str:
    """Which test of a width visits the page: "main" (the English edition's pages and every
    tool page, then the widgets' states), "more" (the other German pages and the print pages:
    only one pair each shows them). The tool pages and the widgets stay together: the first
    tool page a context opens starts its checker bare and fills the offline cache, which a
    second context would do again."""
    german = site_page.url_path.startswith("/de/")
    tool = site_page.url_path.removeprefix("/de").startswith("/tools/")
    return "more" if (site_page.is_print or german) and not tool else "main"


def waits_for_late_requests(site_page, scheme: str, viewport: str) -> bool:
    german_or_print = site_page.is_print or site_page.url_path.startswith("/de/")
    return german_or_print or (scheme, viewport) == PRIVACY_RUN


def page_reports(
    page, recorder: Recorder, built_site: Path, site_url: str, viewport: str, part: str
) -> list[str]:
    """Scans of the width's built pages of `part`, each loaded once and scanned in the schemes
    it is checked in; the first page in the system's scheme; overflow at 390 px and late
    requests once."""
    report: list[str] = []
    first = True
    for site_page in list_pages(built_site):
        schemes = tuple(s for s in SCHEMES if scanned_in(site_page, s, viewport))
        if not schemes or tour_part(site_page) != part:
            continue
        recorder.current_page = site_page.url_path
        try:
            page.goto(site_url + site_page.url_path, wait_until="load")
        except PlaywrightError as error:
            report.append(f"{site_page.url_path} [{viewport}]: did not load: {error}")
            continue
        if first:  # nothing toggled yet: Material follows the system (prefers-color-scheme)
            # Material's HTML comes with the light scheme: only a dark system tells here.
            system, shown = SYSTEM_SCHEMES[viewport], scheme_name(shown_scheme(page))
            if shown != system:
                report.append(f"{site_page.url_path} [{viewport}]: the system asks for the "
                              f"{system} color scheme, the page opened in {shown}")  # fmt: skip
            first = False
        for scheme in shown_first(page, schemes):
            where = f"{site_page.url_path} [{scheme}, {viewport}]"
            report += scan_in_scheme(page, where, scheme)
            if (scheme, viewport) in OVERFLOW_RUNS:
                report += [f"{where}: sticks out: {fault}" for fault in page.evaluate(OVERFLOW_JS)]
        if any(waits_for_late_requests(site_page, s, viewport) for s in schemes):
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(PRIVACY_SETTLE_MS)
    return report


def widget_reports(page, site_url: str, viewport: str) -> list[str]:
    """Scans of the widgets' states that appear only after use."""
    report = validator_reports(page, site_url + VALIDATOR_PATH, viewport)
    report += wizard_reports(page, site_url + WIZARD_PATH, viewport)
    return report


# One test per width shows every page and widget state in both schemes, switched with the
# palette toggle on the loaded page (a page load, a checker start and each widget state serve
# both). The widths that also show German or print pages visit most of those in a test of
# their own ("more"), so that parallel workers share the load evenly and no single test is much
# longer than the others (the longest test is the least time the whole suite can take, however
# many workers share it). The widgets' states are scanned in the "main" test, after its tool
# pages: in the same context their checkers start from the offline cache the tool pages filled
# (a fresh context would start them bare again, which the tool pages have just checked).
TOUR = [
    pytest.param(viewport, part, id=f"{viewport}-{part}")
    for viewport in VIEWPORTS
    for part in ("main", "more")
    if part != "more" or any(run[1] == viewport for run in GERMAN_RUNS | PRINT_RUNS)
]


@pytest.mark.parametrize(("viewport", "part"), TOUR)
def test_every_page_passes_axe_fits_and_stays_on_its_origin(
    built_site: Path, site_url: str, chromium, viewport, part
):
    # Reduced motion: fewer transitions to wait for before colours can be measured.
    context = chromium.new_context(
        viewport=VIEWPORTS[viewport],
        color_scheme=SYSTEM_SCHEMES[viewport],
        is_mobile=viewport == "mobile",
        reduced_motion="reduce",
    )
    recorder = Recorder(context)
    page = context.new_page()
    recorder.watch(page)
    try:
        report = page_reports(page, recorder, built_site, site_url, viewport, part)
        if part == "main":
            recorder.current_page = f"{VALIDATOR_PATH} and {WIZARD_PATH}, used"
            report += widget_reports(page, site_url, viewport)
        cookies = context.cookies()
    finally:
        context.close()
    assert recorder.requests, "the tour recorded no request at all"
    # The report names page, scheme/width, rule and selectors; a traceback adds nothing.
    leaving = foreign_requests(recorder, site_url) + cookie_problems(cookies)
    if leaving:
        pytest.fail("requests to other origins or cookies:\n" + "\n".join(leaving), False)
    errors = page_errors(recorder)
    if errors:
        pytest.fail("console errors (a CSP violation among them?):\n" + "\n".join(errors), False)
    if report:
        tags = ", ".join(WCAG_TAGS)
        pytest.fail(f"axe ({tags}), the 390 px screen or the system's color scheme found "
                    f"{len(report)} faults:\n"
                    + "\n".join(report), False)  # fmt: skip


# --- Keyboard ------------------------------------------------------------------------------------

_FOCUS_STYLE = """(element) => {
  const style = getComputedStyle(element);
  return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow].join(" | ");
}"""

_ACTIVE_MATCHES = (
    "(selector) => !!document.activeElement && document.activeElement.matches(selector)"
)

_LIVE_REGIONS_AT_LOAD = """() => Array.from(document.querySelectorAll(
  "main [aria-live], main [role=status], main [role=alert], main [role=log]"
)).filter((region) => region.getAttribute("aria-live") !== "off")"""


@dataclass
class FocusStop:
    """A control reached with Tab, and its outline/box-shadow while it had keyboard focus."""

    label: str
    element: object  # Playwright ElementHandle
    focused_style: str = ""


def tab_to(page, selector: str, label: str, not_before: tuple[str, ...] = ()) -> FocusStop:
    """Press Tab until the focused element matches `selector`. Reaching one of `not_before`
    (controls that must come later), or leaving the page, first is a tab-order failure."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(_ACTIVE_MATCHES, selector):
            element = page.evaluate_handle("document.activeElement")
            return FocusStop(label, element, element.evaluate(_FOCUS_STYLE))
        for later in not_before:
            if page.evaluate(_ACTIVE_MATCHES, later):
                pytest.fail(f"{page.url}: Tab reaches {later} before {label} ({selector})")
        if page.evaluate("!document.activeElement || document.activeElement === document.body"):
            pytest.fail(f"{page.url}: Tab left the page without reaching {label} ({selector})")
    pytest.fail(f"{page.url}: {label} ({selector}) not reached after {MAX_TABS} Tab presses")


def invisible_focus(page, stops: list[FocusStop]) -> list[str]:
    """Labels of the stops whose outline and box-shadow look the same without focus."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    return [
        stop.label for stop in stops if stop.element.evaluate(_FOCUS_STYLE) == stop.focused_style
    ]


def test_validator_works_from_the_keyboard(site_url: str, warm_page) -> None:
    page = warm_page  # its checker starts from the snapshot: the keys are what is tested
    page.goto(site_url + VALIDATOR_PATH, wait_until="load")
    page.locator("#id-export-form:not([hidden])").wait_for()
    live_regions = page.evaluate_handle(_LIVE_REGIONS_AT_LOAD)
    # No waiting for the checker to be ready: a check asked for while it loads must still run.
    sample = validator_sample()
    export, password, button = "#id-export-input", "#id-export-password", "#id-export-check"
    stops = [tab_to(page, export, "export field", not_before=(password, button))]
    page.keyboard.type(sample.export)
    stops.append(tab_to(page, password, "password field", not_before=(button,)))
    page.keyboard.type(sample.password)
    stops.append(tab_to(page, button, "check button"))
    page.keyboard.press("Enter")
    wait_for_validator_result(page, sample.identity)

    invisible = invisible_focus(page, stops)
    assert not invisible, f"{VALIDATOR_PATH}: no visible focus (outline/box-shadow) on {invisible}"
    found = page.evaluate(
        "([regions, text]) => regions.some((region) => region.textContent.includes(text))",
        [live_regions, sample.identity],
    )
    assert found, (
        f"{VALIDATOR_PATH}: the result (ID {sample.identity}) is not inside a live region "
        "(aria-live / role=status) that was on the page before the check"
    )


# The wizard's questions in order and the answers given by keyboard (None: keep the default).
WIZARD_KEYBOARD_ANSWERS: list[tuple[str, set[str] | None]] = [
    ("from", {"android"}),
    ("to", {"ios"}),
    ("old-device", {"lost"}),
    ("keep", None),
    ("have", {"threema-safe"}),
]


def answer_question_by_keyboard(page, name: str, wanted: set[str] | None) -> list[FocusStop]:
    """Reach the question's controls with Tab, choose with arrows/Space, go on with Enter."""
    next_button = "#backup-choice-next"
    page.locator(f".hc-step[data-step='{name}']:not([hidden])").wait_for()
    group = f".hc-step[data-step='{name}'] input[name='{name}']"
    stops = []
    kinds = page.locator(group).evaluate_all("(inputs) => inputs.map((i) => i.type)")
    if kinds[0] == "radio":
        stop = tab_to(page, group, f"{name} radio group", not_before=(next_button,))
        for _ in kinds:  # arrow keys move and check within the group
            if page.evaluate("document.activeElement.value") in (wanted or set()):
                page.keyboard.press("Space")
                break
            page.keyboard.press("ArrowDown")
        stop.element = page.evaluate_handle("document.activeElement")
        stop.focused_style = stop.element.evaluate(_FOCUS_STYLE)
        stops.append(stop)
    else:
        boxes = page.locator(group)
        for index in range(boxes.count()):
            box = boxes.nth(index)
            if not box.is_visible():
                continue
            value = box.get_attribute("value")
            stops.append(tab_to(page, f"{group}[value='{value}']", f"{name}={value}"))
            if wanted is not None and box.is_checked() != (value in wanted):
                page.keyboard.press("Space")
    stops.append(tab_to(page, next_button, f"Next after {name}"))
    page.keyboard.press("Enter")
    return stops


def test_wizard_works_from_the_keyboard(site_url: str, warm_page) -> None:
    page = warm_page  # its checker starts from the snapshot: the keys are what is tested
    page.goto(site_url + WIZARD_PATH, wait_until="load")
    page.locator("#backup-choice-form:not([hidden])").wait_for()
    live_regions = page.evaluate_handle(_LIVE_REGIONS_AT_LOAD)
    stops = []
    for name, wanted in WIZARD_KEYBOARD_ANSWERS:
        stops += answer_question_by_keyboard(page, name, wanted)
    wait_for_wizard_answer(page)

    invisible = invisible_focus(page, stops)
    assert not invisible, f"{WIZARD_PATH}: no visible focus (outline/box-shadow) on {invisible}"
    # The answer is announced once, in a short sentence naming the best option, by a live
    # region that was there before (the long answer itself is not read out on every change).
    best = page.inner_text("#backup-choice-result [data-option] h3")
    found = page.evaluate(
        "([regions, text]) => regions.some((region) => region.textContent.includes(text))",
        [live_regions, best],
    )
    assert found, (
        f"{WIZARD_PATH}: the answer ({best} first) is not announced by a live region "
        "(aria-live / role=status) that was on the page before the answer"
    )
