"""`python -m checkers`: the command line of the checkers."""

import sys

from checkers.cli import main
from checkers.cli.pipe import run_command

sys.exit(run_command(main))
