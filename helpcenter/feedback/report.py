"""The writers' report: votes per answer, the answers that fail most, comments and searches.

An answer's id (page and anchor) is the same in every language; votes and comments carry the
page's language, so the report also ranks each answer per language (`failing_by_language`):
a German answer that fails while the English one does not shows as such.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from helpcenter.feedback.database import Store

# An answer "fails" when, with 95 % confidence, at least this share of its votes is "no"
# (Wilson lower bound), so one stray "no" does not outrank ten clear ones.
_Z = 1.96


@dataclass(frozen=True)
class AnswerVotes:
    page: str
    anchor: str
    yes: int
    no: int
    lang: str = ""  # "" for all languages together

    @property
    def label(self) -> str:
        """`/faq/#anchor`, with ` [de]` for one language's votes."""
        return f"{self.page}#{self.anchor}" + (f" [{self.lang}]" if self.lang else "")

    @property
    def total(self) -> int:
        return self.yes + self.no

    @property
    def yes_share(self) -> float:
        return self.yes / self.total if self.total else 0.0

    @property
    def failing_score(self) -> float:
        """Lower bound of the 95 % Wilson interval of the share of "no"."""
        n = self.total
        if not n:
            return 0.0
        p = self.no / n
        centre = p + _Z * _Z / (2 * n)
        margin = _Z * math.sqrt(p * (1 - p) / n + _Z * _Z / (4 * n * n))
        return (centre - margin) / (1 + _Z * _Z / n)


@dataclass(frozen=True)
class CommentRow:
    page: str
    anchor: str
    day: str
    text: str
    lang: str = ""


@dataclass(frozen=True)
class SearchGroup:
    terms: str  # the most frequent spelling in the group
    count: int


@dataclass(frozen=True)
class Report:
    since: date
    until: date
    answers: tuple[AnswerVotes, ...]  # by page, then anchor
    comments: tuple[CommentRow, ...]  # by page, anchor, day
    searches: tuple[SearchGroup, ...]  # most told first
    by_language: tuple[AnswerVotes, ...] = ()  # each answer's votes per language

    @property
    def failing(self) -> tuple[AnswerVotes, ...]:
        """Answers with at least one "no", most clearly failing first (at most ten)."""
        return _most_failing(self.answers)

    @property
    def failing_by_language(self) -> tuple[AnswerVotes, ...]:
        """The same ranking with each language's votes of an answer on their own."""
        return _most_failing(self.by_language)

    @property
    def totals(self) -> tuple[int, int]:
        return sum(a.yes for a in self.answers), sum(a.no for a in self.answers)

    def to_data(self) -> dict:
        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "answers": [
                {**asdict(a), "yes_share": round(a.yes_share, 4)} for a in self.answers
            ],
            "failing": [f"{a.page}#{a.anchor}" for a in self.failing],
            "by_language": [
                {**asdict(a), "yes_share": round(a.yes_share, 4)} for a in self.by_language
            ],
            "failing_by_language": [
                {"answer": f"{a.page}#{a.anchor}", "lang": a.lang} for a in self.failing_by_language
            ],
            "comments": [asdict(c) for c in self.comments],
            "searches": [asdict(s) for s in self.searches],
        }


def _most_failing(answers: tuple[AnswerVotes, ...]) -> tuple[AnswerVotes, ...]:
    ranked = sorted(
        (a for a in answers if a.no),
        key=lambda a: (-a.failing_score, -a.no, a.page, a.anchor, a.lang),
    )
    return tuple(ranked[:10])


def parse_period(
    since: str | None, until: str | None, days: str | int | None, *, today: date
) -> tuple[date, date]:
    """(first day, last day), both included; the default is the last 30 days up to today."""

    def day(text: str, name: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{name} {text!r} is not a date (YYYY-MM-DD)") from None

    last = day(until, "until") if until else today
    if since:
        if days is not None:
            raise ValueError("give since or days, not both")
        first = day(since, "since")
    else:
        try:
            count = int(days) if days is not None else 30
        except ValueError:
            raise ValueError(f"days {days!r} is not a whole number") from None
        if count < 1:
            raise ValueError("days must be at least 1")
        first = last - timedelta(days=count - 1)
    if first > last:
        raise ValueError(f"the period starts ({first}) after it ends ({last})")
    return first, last


def search_key(terms: str) -> str:
    """Searches that differ only in case, spacing or punctuation are the same search."""
    return " ".join(re.sub(r"[^\w\s]", " ", terms.casefold()).split())


def build_report(store: Store, since: date, until: date) -> Report:
    votes = store.query(
        "SELECT page, anchor, "
        "SUM(CASE WHEN helpful THEN 1 ELSE 0 END), SUM(CASE WHEN helpful THEN 0 ELSE 1 END) "
        "FROM votes WHERE day BETWEEN ? AND ? GROUP BY page, anchor ORDER BY page, anchor",
        since, until,
    )  # fmt: skip
    per_language = store.query(
        "SELECT page, anchor, lang, "
        "SUM(CASE WHEN helpful THEN 1 ELSE 0 END), SUM(CASE WHEN helpful THEN 0 ELSE 1 END) "
        "FROM votes WHERE day BETWEEN ? AND ? GROUP BY page, anchor, lang "
        "ORDER BY page, anchor, lang",
        since, until,
    )  # fmt: skip
    comments = store.query(
        "SELECT page, anchor, day, text, lang FROM comments WHERE day BETWEEN ? AND ? "
        "ORDER BY page, anchor, day, id",
        since, until,
    )  # fmt: skip
    searches = store.query(
        "SELECT terms FROM searches WHERE day BETWEEN ? AND ? ORDER BY id", since, until
    )
    spellings: dict[str, Counter] = defaultdict(Counter)
    for (terms,) in searches:
        spellings[search_key(terms) or terms][terms] += 1
    groups = sorted(
        (SearchGroup(c.most_common(1)[0][0], sum(c.values())) for c in spellings.values()),
        key=lambda g: (-g.count, search_key(g.terms)),
    )
    return Report(
        since=since,
        until=until,
        answers=tuple(AnswerVotes(p, a, int(y), int(n)) for p, a, y, n in votes),
        comments=tuple(CommentRow(p, a, str(d), t, lang) for p, a, d, t, lang in comments),
        searches=tuple(groups),
        by_language=tuple(
            AnswerVotes(p, a, int(y), int(n), lang) for p, a, lang, y, n in per_language
        ),
    )


def format_text(report: Report) -> str:
    """The report as plain text for a terminal."""
    yes, no = report.totals
    lines = [f"Feedback from {report.since} to {report.until}: {yes} yes, {no} no"]
    width = max((len(f"{a.page}#{a.anchor}") for a in report.answers), default=10)
    lines += ["", "Votes per answer (yes, no, share of yes):"]
    lines += [
        f"  {a.page + '#' + a.anchor:<{width}}  {a.yes:>5}  {a.no:>5}  {a.yes_share:>4.0%}"
        for a in report.answers
    ] or ["  (none)"]
    lines += ["", "Failing most (most clearly unhelpful first):"]
    lines += [
        f"  {a.page}#{a.anchor}: {a.no} of {a.total} said no" for a in report.failing
    ] or ["  (none)"]
    lines += ["", "Failing most, each language on its own:"]
    lines += [
        f"  {a.label}: {a.no} of {a.total} said no" for a in report.failing_by_language
    ] or ["  (none)"]
    lines += ["", "What was missing (comments):"]
    lines += [
        f"  {c.page}#{c.anchor} ({c.day}{', ' + c.lang if c.lang else ''}): "
        f"{' / '.join(c.text.splitlines())}"
        for c in report.comments
    ] or [
        "  (none)"
    ]
    lines += ["", "Searches that found nothing (as told by readers):"]
    lines += [f"  {g.count:>5}  {g.terms}" for g in report.searches] or ["  (none)"]
    return "\n".join(lines) + "\n"
