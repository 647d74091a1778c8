"""The password options and input every checker's command line shares (never the command line
itself: standard input, a file, or the terminal without echo)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from checkers.cli.words import reason
from checkers.wording import Message, Wording, message

# The apps allow at most 256 characters; this generous bound keeps a runaway file from being read.
PASSWORD_LIMIT_BYTES = 4096


class UsageError(Exception):
    """Bad arguments or unreadable password input; exit status 2. `problem` is the message
    (worded in the command's language); str() is its English."""

    def __init__(self, problem: Message) -> None:
        self.problem = problem
        super().__init__(Wording()(problem))


def english(code: str, **params: object) -> str:
    """A help text or metavar of the command line in English (cli_help_text.py)."""
    return Wording()(message(code, **params))


# Words a parser is built with: `say(code, **params)`, in the command's language.
Say = Callable[..., str]


def add_password_options(parser: argparse.ArgumentParser, say: Say = english) -> None:
    """--password-stdin | --password-file FILE, and --content-dir for the labels in messages."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--password-stdin", action="store_true", help=say("cli.help.password-stdin")
    )
    file = say("cli.metavar.file")
    source.add_argument(
        "--password-file", metavar=file, help=say("cli.help.password-file", file=file)
    )
    parser.add_argument(
        "--content-dir", metavar=say("cli.metavar.dir"), help=say("cli.help.content-dir")
    )


def password_input(args: argparse.Namespace, wording: Wording | None = None) -> str | None:
    """The password the options name; None for none (or an empty one). UsageError when it
    cannot be read, is too long or is not UTF-8. `wording` words the terminal's prompt."""
    if args.password_stdin and is_terminal(sys.stdin):
        return typed_password(wording)
    if args.password_stdin:
        return password_text(read_stdin_bytes(PASSWORD_LIMIT_BYTES), None)
    if args.password_file is not None:
        return password_text(read_password_file(args.password_file), args.password_file)
    return None


def is_terminal(stream: TextIO | None) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def typed_password(wording: Wording | None = None) -> str | None:
    """Asked for on the terminal without echo; nothing typed means no password."""
    prompt = (wording or Wording())(message("cli.password-prompt"))
    try:
        return getpass.getpass(prompt) or None
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
        problem = message("cli.error.password-file", name=name, reason=reason(error))
        raise UsageError(problem) from error


def password_text(raw: bytes, file_name: str | None) -> str | None:
    """The password as text, read from `file_name` (None: standard input); None when empty,
    which means no password (as in the browser)."""
    source = "stdin" if file_name is None else "file"
    if len(raw) > PASSWORD_LIMIT_BYTES:
        problem = message(
            f"cli.error.password-too-long.{source}", name=file_name, limit=PASSWORD_LIMIT_BYTES
        )
        raise UsageError(problem)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        problem = message(f"cli.error.password-not-utf8.{source}", name=file_name)
        raise UsageError(problem) from error
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
