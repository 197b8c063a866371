#!/usr/bin/env python3
"""Where the time of `extract` goes, stage by stage, on clean and on OCR'd text.

    python benchmarks/bench_stages.py [--corpus DIR] [--fresh N]

For the clean/ and ocr/ folders of DIR (default ../shared/corpus/dev), a fresh process warmed up
on the project's fixture reports and `preload()` reads every text once (the first pass of
`bench_extract.py`) through the real `extract()`, with each stage the pipeline calls (the
document's folded view and OCR repair, each field finder, the record's validation) wrapped in a
CPU timer. The two variants take turns; the best of --fresh processes counts, stage by stage.
Prints milliseconds a report per stage, the OCR/clean ratio of each, and how much of OCR'd
text's extra time each stage accounts for: the place to look before making OCR'd text cheaper.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench_extract import ROOT, run_first_pass  # (benchmarks/ is the script's folder, on the path)

# Runs in a fresh process after its warm-up: wraps every stage `pipeline.extract` calls by name,
# then reads the texts.
_TIMED_PASS = """
import json
from meeting_extractor import pipeline
from meeting_extractor.document import Document

spent = {}

def timed(name, fn):
    def run(*args, **kwargs):
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - start
    return run

stages = [n for n in vars(pipeline) if n.startswith("extract_") or n in ("validate_record", "check_grounding")]
for name in stages:
    setattr(pipeline, name, timed(name, getattr(pipeline, name)))
Document.from_text = staticmethod(timed("document", Document.from_text))  # (a classmethod, already bound)
start = time.process_time()
for t in texts:
    extract(t)
spent["whole extract"] = time.process_time() - start
print(json.dumps({k: v / len(texts) for k, v in spent.items()}))
"""


def best_first_passes(variants: list[Path], processes: int) -> list[dict[str, float]]:
    """The best of `processes` first passes of each variant, stage by stage. The variants take
    turns, so that a slow stretch of a shared machine falls on each alike."""
    runs: list[list[dict[str, float]]] = [[] for _ in variants]
    for _ in range(processes):
        for i, variant in enumerate(variants):
            runs[i].append(json.loads(run_first_pass(_TIMED_PASS, variant)))
    return [{name: min(r[name] for r in rs) for name in rs[0]} for rs in runs]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    ap.add_argument("--fresh", type=int, default=5, help="fresh processes per variant (the best counts)")
    a = ap.parse_args()
    corpus = a.corpus if a.corpus.is_dir() else ROOT / "tests" / "fixtures"
    if not ((corpus / "clean").is_dir() and (corpus / "ocr").is_dir()):
        print(f"{corpus} needs clean/ and ocr/ folders", file=sys.stderr)
        return 2
    clean, ocr = best_first_passes([corpus / "clean", corpus / "ocr"], a.fresh)
    extra = ocr["whole extract"] - clean["whole extract"]
    print(f"first pass over {corpus}, ms a report (best of {a.fresh} fresh processes per stage, CPU time)")
    print(f"{'stage':26}{'clean':>8}{'OCR':>8}{'ratio':>8}{'share of extra':>16}")
    for name in sorted(clean, key=lambda n: (n == "whole extract", -(ocr[n] - clean[n]))):
        share = f"{(ocr[name] - clean[name]) / extra:.0%}" if extra > 0 and name != "whole extract" else ""
        print(f"{name:26}{clean[name] * 1000:8.2f}{ocr[name] * 1000:8.2f}"
              f"{ocr[name] / clean[name] if clean[name] else float('nan'):8.2f}{share:>16}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
