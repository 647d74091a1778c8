"""Tests here run only inside Pyodide (via run_suite.mjs); CPython does not collect them."""

import sys

collect_ignore_glob = [] if sys.platform == "emscripten" else ["test_*.py"]
