"""Runs axe-core (from node_modules) in a Playwright page and reports WCAG violations readably."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe has no wcag22a tag: 2.2 added no A rule it checks).
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

_RUN_AXE = """async (tags) => {
  const results = await window.axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return results.violations.map((rule) => ({
    rule: rule.id,
    impact: rule.impact,
    help: rule.help,
    selectors: rule.nodes.map((node) => node.target.map(String).join(" >>> ")),
    summaries: rule.nodes.map((node) => node.failureSummary || ""),
  }));
}"""


class AxeMissing(RuntimeError):
    """axe-core is not installed in node_modules."""


@dataclass(frozen=True)
class Violation:
    """One axe rule that failed on a page, with every offending element's selector."""

    rule: str
    impact: str
    help: str
    selectors: tuple[str, ...]
    summaries: tuple[str, ...]

    def describe(self, max_nodes: int = 8) -> str:
        """Rule id, what it means, and the offending selectors (with axe's fix summary)."""
        lines = [f"{self.rule} ({self.impact}): {self.help}"]
        for selector, summary in list(zip(self.selectors, self.summaries, strict=True))[:max_nodes]:
            first_fix = summary.splitlines()[1].strip() if summary.count("\n") else summary
            lines.append(f"    {selector}  -- {first_fix}")
        if len(self.selectors) > max_nodes:
            lines.append(f"    ... and {len(self.selectors) - max_nodes} more elements")
        return "\n".join(lines)


@cache
def axe_source() -> str:
    """The axe-core script text (read once per process)."""
    if not AXE_SCRIPT.is_file():
        raise AxeMissing(f"{AXE_SCRIPT} not found: run `make setup` (npm ci) first")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def inject_axe(page) -> None:
    """Make `window.axe` available in the page.

    page.add_script_tag() inserts an inline <script>, which the site's strict CSP rightly blocks;
    page.evaluate() runs through the DevTools protocol, which CSP does not govern, so the page under
    test keeps its real policy.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source() + "\n;undefined")


def run_axe(page, tags: tuple[str, ...] = WCAG_TAGS) -> list[Violation]:
    """All violations of the given axe tags on the page as it is now."""
    inject_axe(page)
    found = page.evaluate(_RUN_AXE, list(tags))
    return [
        Violation(
            rule=item["rule"],
            impact=item["impact"] or "unknown",
            help=item["help"],
            selectors=tuple(item["selectors"]),
            summaries=tuple(item["summaries"]),
        )
        for item in found
    ]
