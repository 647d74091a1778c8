"""The report as an HTML page with a bar per answer (Jinja template feedback/report.html.j2)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from helpcenter.feedback.report import Report

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
BAR_WIDTH = 240


def render_html(report: Report) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    most = max((a.total for a in report.answers), default=1)
    return environment.get_template("feedback/report.html.j2").render(
        report=report, totals=report.totals, most=most, bar_width=BAR_WIDTH
    )
