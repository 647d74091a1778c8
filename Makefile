# The two commands of the README: `make serve` and `make test`. Everything else is a step of them.
PY := .venv/bin/python

.PHONY: setup setup-tests build dist serve preview test bench mutate lint report clean translations

setup:
	@bash scripts/setup.sh

# What only the tests and benchmarks need besides: PostgreSQL, nginx, the Pyodide suite's wheels.
setup-tests:
	@bash scripts/setup.sh --tests

build: setup
	@$(PY) scripts/build_site.py --local-port $(PORT)

# A build to publish: refuses without HELPCENTER_SITE_URL, the site's public https address.
dist: setup
	@$(PY) scripts/build_site.py --release

# The local address's port: `make serve PORT=8765` when 8000 is taken (also for preview).
PORT ?= 8000

serve: build
	@$(PY) scripts/serve.py --root site --port $(PORT)

# Writers' live preview: rebuilds on save, reloads the open page, shows content errors; no PDFs.
preview: setup
	@$(PY) scripts/preview.py --port $(PORT)

# One pytest worker per core (pytest-xdist); `make test TEST_WORKERS=0` runs in one process.
TEST_WORKERS ?= auto

test: setup-tests
	@$(PY) -m ruff check checkers helpcenter scripts tests
	@$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal

bench: setup-tests
	@$(PY) scripts/bench.py

# Mutation testing of the checkers core and the content model against the fast tests (slow: not
# part of `make test`); writes mutation-report.md/.json. One module: MUTATE_ARGS="--module checkers.typos".
mutate: setup
	@$(PY) scripts/mutate.py $(MUTATE_ARGS)

# What readers told us: `make report`, or e.g. `make report REPORT_ARGS="--days 7 --html report.html"`.
report: setup
	@$(PY) -m helpcenter.feedback report $(REPORT_ARGS)

# Translators' catalogs: docs/locale/*.pot from the English source, docs/locale/de/LC_MESSAGES/*.po
# updated (translations kept; changed English marks them fuzzy). See README, "Translations".
translations: setup
	@$(PY) scripts/translations.py

lint: setup
	@$(PY) -m ruff check checkers helpcenter scripts tests

clean:
	rm -rf site .site-staging-* .cache build dist mutants
