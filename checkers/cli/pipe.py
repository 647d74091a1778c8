"""A command's end when whoever reads its output stops early (`… | head`): quiet, not a trace."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

# Not 0: the whole answer was not delivered; the reader of a cut pipe rarely looks anyway.
CUT_OFF_STATUS = 1


def run_command(main: Callable[[], int]) -> int:
    """`main()`'s exit status, or CUT_OFF_STATUS if standard output's reader went away.

    Python turns the closed pipe into BrokenPipeError, on a write or on the flush at exit; the
    rest of the output then goes to the null device, so that the interpreter's own last flush
    does not raise again (the recipe of the `signal` module's documentation, "Note on SIGPIPE").
    """
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        return CUT_OFF_STATUS
    return status
