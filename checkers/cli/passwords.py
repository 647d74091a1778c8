"""The password options and input every checker's command line shares (never the command line
itself: standard input, a file, or the terminal without echo)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TextIO

# The apps allow at most 256 characters; this generous bound keeps a runaway file from being read.
PASSWORD_LIMIT_BYTES = 4096


class UsageError(Exception):
    """Bad arguments or unreadable password input; exit status 2."""


def add_password_options(parser: argparse.ArgumentParser) -> None:
    """--password-stdin | --password-file FILE, and --content-dir for the labels in messages."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (on a terminal: asked for, not echoed)",
    )
    source.add_argument("--password-file", metavar="FILE", help="read the password from FILE")
    parser.add_argument(
        "--content-dir", metavar="DIR",
        help="the site's content, for the apps' UI labels in messages (default: "
        "$HELPCENTER_CONTENT_DIR, else the project's docs/content)",
    )  # fmt: skip


def password_input(args: argparse.Namespace) -> str | None:
    """The password the options name; None for none (or an empty one). UsageError when it
    cannot be read, is too long or is not UTF-8."""
    if args.password_stdin and is_terminal(sys.stdin):
        return typed_password()
    if args.password_stdin:
        return password_text(read_stdin_bytes(PASSWORD_LIMIT_BYTES), "standard input")
    if args.password_file is not None:
        return password_text(read_password_file(args.password_file), args.password_file)
    return None


def is_terminal(stream: TextIO | None) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def typed_password() -> str | None:
    """Asked for on the terminal without echo; nothing typed means no password."""
    try:
        return getpass.getpass("Password (not shown): ") or None
    except EOFError:
        return None


def read_stdin_bytes(limit: int) -> bytes:
    """At most `limit` + 1 bytes of standard input: one more than `limit` says it went on."""
    stream = sys.stdin
    if stream is None:
        return b""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer.read(limit + 1)
    return stream.read(limit + 1).encode("utf-8")  # a text-only stream: count characters


def read_password_file(name: str) -> bytes:
    try:
        with Path(name).open("rb") as file:
            return file.read(PASSWORD_LIMIT_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read the password file {name}: {error.strerror}") from error


def password_text(raw: bytes, source: str) -> str | None:
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


def reconfigure_output(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:  # a terminal without UTF-8 still gets every message
        reconfigure(errors="backslashreplace")
