#!/usr/bin/env bash
# Installs everything the build needs, and with --tests what the tests need too; does nothing
# when it is all in place. Steps: Debian packages (Chromium, poppler; with --tests PostgreSQL and
# nginx), a virtual environment with the pinned Python packages, the pinned npm packages
# (Pyodide, Argon2id, QR decoder, axe-core) and, with --tests, the wheels of the Pyodide suite.
set -euo pipefail
cd "$(dirname "$0")/.."
for_tests=0
case "${1:-}" in
  "") ;;
  --tests) for_tests=1 ;;
  *) echo "setup: unknown option '$1' (only --tests)" >&2; exit 2 ;;
esac
stamps=.cache/stamps
mkdir -p "$stamps"

fingerprint() { cat "$@" | sha256sum | cut -c1-16; }

# --- Debian packages: a browser for the widgets, PDFs and tests; poppler for reading PDFs back.
missing=()
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 \
   && ! ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-*/chrome-linux*/chrome >/dev/null 2>&1; then
  missing+=(chromium)
fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# The PDFs and screenshots are laid out with Liberation Sans (Arial metrics) where present.
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)
if [ "$for_tests" = 1 ]; then  # servers the tests start privately; not for building or serving
  # PostgreSQL: the feedback collector's second database; its tests start a private server.
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  # A real nginx runs the collector's reverse-proxy rule in tests/test_feedback_proxy.py.
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -o DPkg::Lock::Timeout=600 -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Python: one virtual environment, every package pinned in requirements.lock.
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
fi
py_stamp="$stamps/python-$(fingerprint requirements.lock pyproject.toml)"
if [ ! -e "$py_stamp" ]; then
  echo "setup: installing Python packages from requirements.lock"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
  rm -f "$stamps"/python-*; touch "$py_stamp"
fi

# --- npm: exact versions and integrity hashes from package-lock.json; no install scripts run.
npm_stamp="$stamps/npm-$(fingerprint package-lock.json)"
if [ ! -e "$npm_stamp" ] || [ ! -d node_modules/pyodide ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  rm -f "$stamps"/npm-*; touch "$npm_stamp"
fi

# --- Wheels for running the checkers' test suite inside Pyodide (tests/pyodide/run_suite.mjs):
# pytest and its pure-Python dependencies at the versions requirements.lock pins, and
# Hypothesis built for Pyodide (platform tag and Python version from the pinned Pyodide).
wheels_dir=.cache/pyodide-wheels
wheels_stamp="$stamps/pyodide-wheels-$(fingerprint requirements.lock node_modules/pyodide/pyodide-lock.json)"
if [ "$for_tests" = 1 ] && [ ! -e "$wheels_stamp" ]; then
  echo "setup: downloading the test wheels for Pyodide"
  rm -rf "$wheels_dir"
  download=(.venv/bin/python -m pip download -q --disable-pip-version-check --only-binary=:all: --no-deps --dest "$wheels_dir")
  # shellcheck disable=SC2046  # one argument per pin
  "${download[@]}" $(grep -i -E '^(pytest|pluggy|iniconfig|packaging|pygments|sortedcontainers)==' requirements.lock)
  lock=node_modules/pyodide/pyodide-lock.json
  abi=$(node -p "require('./$lock').info.abi_version")
  pyver=$(node -p "require('./$lock').info.python.split('.').slice(0, 2).join('.')")
  "${download[@]}" --python-version "$pyver" --implementation cp --abi "cp${pyver/./}" \
    --platform "pyemscripten_${abi}_wasm32" $(grep -i -E '^hypothesis==' requirements.lock)
  rm -f "$stamps"/pyodide-wheels-*; touch "$wheels_stamp"
fi
