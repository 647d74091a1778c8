"""`python -m checkers`: the command line of the checkers."""

import sys

from checkers.cli import main

sys.exit(main())
