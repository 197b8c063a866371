# A newcomer's two commands: `make demo` and `make test`; each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test schema bench bench-stages bench-batch dev holdout clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml hatch_build.py src/meeting_extractor/ocr_repair.py | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/meeting-extractor convert examples --out out/examples
	$(BIN)/python benchmarks/summarize.py out/examples

test: $(STAMP)
	$(BIN)/python -m pytest

schema: $(STAMP)
	$(BIN)/meeting-extractor schema > schemas/meeting-record.schema.json

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

bench-stages: $(STAMP)
	$(BIN)/python benchmarks/bench_stages.py

bench-batch: $(STAMP)
	$(BIN)/python benchmarks/bench_batch.py

dev: $(STAMP)
	../shared/eval/run_dev.sh

holdout: $(STAMP)
	for set in holdout holdout2 diag3; do for v in clean no_diacritics ocr; do \
	  rm -rf out/$$set/$$v; $(BIN)/meeting-extractor convert tests/$$set/$$v --out out/$$set/$$v >/dev/null; \
	  echo "== $$set $$v"; python3 ../shared/eval/score.py --gold tests/$$set/gold --pred out/$$set/$$v | tail -2; \
	done; done

clean:
	rm -rf $(VENV) out .pytest_cache
