"""The command line's own words in the chosen language: error lines, problem lines, reasons.

Every word it prints comes from the `checkers` message catalog (checkers/wording/cli_text.py),
so `--language de` prints German from the first word to the last.
"""

from __future__ import annotations

import errno
import sys

from checkers.wording import Message, Wording, message

# The system's errors that get words of our own; any other keeps the system's (English) words.
_REASONS = {
    errno.ENOENT: "cli.reason.not-found",
    errno.EACCES: "cli.reason.permission",
    errno.EPERM: "cli.reason.permission",
    errno.EISDIR: "cli.reason.is-folder",
}


def compose(wording: Wording, code: str, **parts: object) -> str:
    """The message `code` around `parts` that are finished text: put in after the wording, so
    that nothing in them is read again (a content error's `[[key]]` stays as written)."""
    marks = {name: f"\x00{name}\x00" for name in parts}
    text = wording(message(code, **marks))
    for name, value in parts.items():
        text = text.replace(marks[name], str(value))
    return text


def print_error(prog: str, problem: Message | str, wording: Wording | None = None) -> None:
    """`prog: error: problem` on standard error, in `wording`'s language (English without)."""
    wording = wording or Wording()
    text = wording(problem) if isinstance(problem, Message) else problem
    print(compose(wording, "cli.error", prog=prog, problem=text), file=sys.stderr)


def problem_line(wording: Wording, severity: str, code: str, text: str) -> str:
    """`error (code): text`: the severity worded, the code as it is (it names the problem)."""
    worded = wording(message(f"cli.severity.{severity}"))
    return compose(wording, "cli.problem", severity=worded, which=code, text=text)


def reason(error: OSError) -> Message | str:
    """Why a file cannot be read: our words for the usual errors, else the system's."""
    code = _REASONS.get(error.errno or 0)
    if code is not None:
        return message(code)
    return error.strerror or str(error)


def fact_lines(pairs: list[tuple[str, str]], indent: str = "  ", width: int = 16) -> list[str]:
    """`label value` lines with the values in one column, wide enough for the longest label
    (German labels are longer: "Öffentlicher Schlüssel:")."""
    column = max([width, *(len(label) + 1 for label, _ in pairs)])
    return [f"{indent}{label:<{column}}{value}" for label, value in pairs]
