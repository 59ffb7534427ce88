# Two commands on a fresh clone: `make run` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast test-coding accuracy bench clean setup

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PY) >/dev/null 2>&1 || { echo "python3.11 not found; set PY=/path/to/python3.11"; exit 2; }
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/flashpoint demo

test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not postgres"

# Every test of the coder, slow ones included (about 7 minutes): run before landing a rule.
CODING_TESTS := tests/coding tests/coding_context tests/coding_news tests/coding_targets tests/details tests/nlp \
	tests/nlp_prefilter tests/nlp_quantities tests/articles tests/actors tests/actors_eval tests/actors_people tests/geo \
	tests/backoff tests/petrarch tests/sample tests/test_sample_golden.py tests/test_example_article.py
test-coding: $(STAMP)
	$(BIN)/python -m pytest -m "slow or not slow" $(CODING_TESTS)

accuracy: $(STAMP)
	$(BIN)/flashpoint eval --all --write docs/ACCURACY.md

bench: $(STAMP)
	$(BIN)/flashpoint bench

clean:
	rm -rf $(VENV) flashpoint.db flashpoint.db-wal flashpoint.db-shm
