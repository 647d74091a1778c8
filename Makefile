# The two commands of the README: `make serve` and `make test`. Everything else is a step of them.
PY := .venv/bin/python

.PHONY: setup build serve test bench lint report clean

setup:
	@bash scripts/setup.sh

build: setup
	@$(PY) scripts/build_site.py

serve: build
	@$(PY) scripts/serve.py --root site --port 8000

test: setup
	@$(PY) -m ruff check checkers helpcenter scripts tests
	@$(PY) -m pytest

bench: setup
	@$(PY) scripts/bench.py

# What readers told us: `make report`, or e.g. `make report REPORT_ARGS="--days 7 --html report.html"`.
report: setup
	@$(PY) -m helpcenter.feedback report $(REPORT_ARGS)

lint: setup
	@$(PY) -m ruff check checkers helpcenter scripts tests

clean:
	rm -rf site .site-staging-* .cache build dist
