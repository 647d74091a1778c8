"""`python -m checkers id-export`: the ID-export validator on the command line (spec section 7)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import TextIO

from checkers.base32 import group
from checkers.export_text import MAX_INPUT_CHARS, compact_text
from checkers.idexport import check_export
from checkers.verdict import Verdict

EXIT_OK, EXIT_NOT_OK, EXIT_USAGE = 0, 1, 2
_PROG = "python -m checkers id-export"
# UTF-8 takes at most 4 bytes a character: input beyond this many bytes is too long whatever it
# holds, so standard input is read only that far (plus one byte, to know there was more).
STDIN_LIMIT_BYTES = 4 * MAX_INPUT_CHARS
# The apps allow at most 256 characters; this generous bound keeps a runaway file from being read.
PASSWORD_LIMIT_BYTES = 4096
_HEADLINES = {
    "contact-qr": "this is a contact QR code, not an ID export.",
    "threema-id": "this is a Threema ID, not an ID export.",
    "unknown": "this is not an ID export.",
}


class UsageError(Exception):
    """Bad arguments or unreadable password input; exit status 2."""


def add_parser(subparsers: argparse._SubParsersAction, name: str) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        name,
        help="check an ID export and, optionally, its password",
        description=(
            "Checks an ID export as pasted (lowercase, spaces and missing dashes are fine), "
            "names each problem with its position, and with a password decrypts it and shows "
            "the ID and its public key. The password never comes from the command line. "
            "An empty password (empty input, or only a line break) counts as no password: "
            "the text is checked without one and the exit status follows that verdict."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (on a terminal: asked for, not echoed)",
    )
    source.add_argument("--password-file", metavar="FILE", help="read the password from FILE")
    parser.add_argument(
        "text",
        nargs="*",
        metavar="TEXT",
        help="the export (several words are joined with spaces); '-' or nothing: standard input",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """Prints the verdict; 0 when ok, 1 when not, 2 for a usage error."""
    try:
        text, password = _inputs(args)
    except UsageError as error:
        print(f"{_PROG}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    verdict = check_export(text, password)
    if args.json:
        print(json.dumps(verdict.to_dict()))
    else:
        _reconfigure(sys.stdout)
        print(render(verdict, text, password is not None))
    return EXIT_OK if verdict.ok else EXIT_NOT_OK


def _inputs(args: argparse.Namespace) -> tuple[str, str | None]:
    words: list[str] = list(args.text)
    from_stdin = words in ([], ["-"])
    if "-" in words and not from_stdin:
        raise UsageError("'-' (read standard input) cannot be combined with other TEXT")
    if from_stdin and args.password_stdin:
        raise UsageError(
            "the export and the password cannot both come from standard input; "
            "give the password with --password-file FILE"
        )
    password = None
    if args.password_stdin and _is_terminal(sys.stdin):
        password = _typed_password()
    elif args.password_stdin:
        password = _password(_read_stdin_bytes(PASSWORD_LIMIT_BYTES), "standard input")
    elif args.password_file is not None:
        password = _password(_read_file(args.password_file), args.password_file)
    if from_stdin:
        text = _read_stdin_bytes(STDIN_LIMIT_BYTES).decode("utf-8", "replace")
    else:
        text = " ".join(words)
    return text, password


def _is_terminal(stream: TextIO | None) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _typed_password() -> str | None:
    """Asked for on the terminal without echo; nothing typed means no password."""
    try:
        return getpass.getpass("Password (not shown): ") or None
    except EOFError:
        return None


def _read_stdin_bytes(limit: int) -> bytes:
    """At most `limit` + 1 bytes of standard input: one more than `limit` says it went on."""
    stream = sys.stdin
    if stream is None:
        return b""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer.read(limit + 1)
    return stream.read(limit + 1).encode("utf-8")  # a text-only stream: count characters


def _read_file(name: str) -> bytes:
    try:
        with Path(name).open("rb") as file:
            return file.read(PASSWORD_LIMIT_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read the password file {name}: {error.strerror}") from error


def _password(raw: bytes, source: str) -> str | None:
    """The password as text; None when empty, which means no password (as in the browser)."""
    if len(raw) > PASSWORD_LIMIT_BYTES:
        raise UsageError(f"the password from {source} is longer than {PASSWORD_LIMIT_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"the password from {source} is not UTF-8 text") from error
    # Only the line ending a file or `echo` adds; spaces may belong to the password.
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    return text or None


def _reconfigure(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:  # a terminal without UTF-8 still gets every message
        reconfigure(errors="backslashreplace")


def render(verdict: Verdict, text: str, password_given: bool) -> str:
    """The human-readable report: verdict line, canonical form, ID, key, problems with carets."""
    lines = [_headline(verdict, password_given)]
    if verdict.normalized:
        lines.append(f"  Canonical form: {verdict.normalized}")
    if verdict.identity:
        lines.append(f"  ID:             {verdict.identity}")
    if verdict.public_key:
        lines.append(f"  Public key:     {verdict.public_key}")
    shown = group(compact_text(text.strip())) if verdict.kind == "id-export" else ""
    for problem in verdict.problems:
        lines.append(f"{problem.severity} ({problem.code}): {problem.message}")
        if problem.position is not None and shown:
            column = problem.position + problem.position // 4
            lines += [f"    {shown}", f"    {' ' * column}^"]
        if problem.suggestion is not None:
            label = "corrected" if len(problem.suggestion) > 1 else "suggestion"
            lines.append(f"    {label}: {problem.suggestion}")
        lines += [f"    candidate: {candidate}" for candidate in problem.candidates or ()]
    return "\n".join(lines)


def _headline(verdict: Verdict, password_given: bool) -> str:
    if verdict.ok:
        if verdict.identity:
            return f"OK: a version {verdict.version} ID export; the password opens it."
        checked = "" if password_given else " (no password given, so not decrypted)"
        return f"OK: a well-formed version {verdict.version} ID export{checked}."
    return "NOT OK: " + _HEADLINES.get(verdict.kind, "this ID export has problems.")
