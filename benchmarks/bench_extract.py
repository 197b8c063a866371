#!/usr/bin/env python3
"""Throughput and memory of `extract` in one process.

    python benchmarks/bench_extract.py [--corpus DIR] [--rounds N]

DIR holds variant folders of *.txt (default: ../shared/corpus/dev, whose clean/,
no_diacritics/ and ocr/ are measured separately; falls back to tests/fixtures).
Reports documents per CPU second of this one process and per wall second for each
variant (the variants take turns round by round; the best round counts), the OCR/clean
time ratio (also as the median of the ratios within each round, the figure least moved
by other work sharing the machine),
peak resident memory, the cost of `import meeting_extractor`, and whether dateparser
was needed at all.

Those rounds read texts the process has read before, so every cache is warm: the OCR word
repair decides each distinct printed word once per process, and a word met again costs a
dictionary look-up. A batch of new reports keeps meeting new words (about 40-70 a report even
after a hundred OCR'd reports), so the first pass is measured too: a fresh process per variant,
warmed up on the project's own fixture reports and `preload()` (every table loaded, the
patterns compiled, as in a batch worker, which calls `preload()` before its first input), reads
every text once (best of --fresh processes, the variants taking turns). What is left is each
report's own work: the words of its text that the process has not met before, the names and
phrases it has not restored before.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def import_seconds() -> float:
    code = "import time; t=time.perf_counter(); import meeting_extractor; print(time.perf_counter()-t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return statistics.median(runs)


def first_call_seconds() -> float:
    code = ("import time; t=time.perf_counter(); from meeting_extractor import extract; "
            "extract('Ngày 5/12/2019, tại Hà Nội, Bộ KH&CN tổ chức Hội nghị.'); print(time.perf_counter()-t)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


_WARMED_UP = """
import sys, time
from pathlib import Path
from meeting_extractor import extract, preload
for path in sorted(Path(sys.argv[1]).glob("*/*.txt")):
    extract(path.read_text(encoding="utf-8"))
preload()
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
"""


def run_first_pass(code: str, variant: Path) -> str:
    """The output of `code` run in a fresh process warmed up on the fixtures and `preload()` (the
    tables loaded, the patterns compiled), with the texts of `variant`, not yet read, in `texts`."""
    return subprocess.run([sys.executable, "-c", _WARMED_UP + code, str(ROOT / "tests" / "fixtures"), str(variant)],
                          capture_output=True, text=True, check=True).stdout


_FIRST_PASS = """
start = time.process_time()
for t in texts:
    extract(t)
print(time.process_time() - start)
"""


def first_pass_seconds(variants: list[Path], processes: int) -> dict[str, list[float]]:
    """CPU seconds of each of `processes` fresh processes per variant reading every text of it once.
    The variants take turns, as the rounds do, so that a slow stretch falls on each alike."""
    runs: dict[str, list[float]] = {d.name: [] for d in variants}
    for _ in range(processes):
        for d in variants:
            runs[d.name].append(float(run_first_pass(_FIRST_PASS, d)))
    return runs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--fresh", type=int, default=7, help="fresh processes a variant for the first pass (0: skip it)")
    a = ap.parse_args()
    corpus = a.corpus if a.corpus.is_dir() else ROOT / "tests" / "fixtures"
    variants = [d for d in sorted(corpus.iterdir()) if d.is_dir() and any(d.glob("*.txt"))]

    print(f"import meeting_extractor: {import_seconds() * 1000:.0f} ms (median of 5, fresh processes)")
    print(f"first extract() in a fresh process (imports, data files, regex compilation): "
          f"{first_call_seconds() * 1000:.0f} ms")

    from meeting_extractor import extract

    # The variants take turns round by round, so that a stretch of time when other programs (or
    # other machines on the same host) slow this one falls on every variant alike: the best round
    # of each is its speed, and the OCR/clean ratio is the median over rounds of the ratio within
    # a round, which such stretches barely move.
    corpora = {d.name: [p.read_text(encoding="utf-8") for p in sorted(d.glob("*.txt"))] for d in variants}
    for texts in corpora.values():
        for t in texts:  # warm-up: caches, lazy imports
            extract(t)
    times: dict[str, list[float]] = {name: [] for name in corpora}
    cpu: dict[str, list[float]] = {name: [] for name in corpora}
    for _ in range(a.rounds):
        for name, texts in corpora.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            for t in texts:
                extract(t)
            times[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    rates = {}
    for name, texts in corpora.items():
        size = sum(len(t.encode("utf-8")) for t in texts) / len(texts)
        rates[name] = len(texts) / min(cpu[name])
        print(f"{name:14} {len(texts):4d} docs, mean {size / 1024:.1f} KB: {rates[name]:7.0f} docs per CPU second, "
              f"{len(texts) / min(times[name]):5.0f} per wall second (best of {a.rounds}; median wall "
              f"{len(texts) / statistics.median(times[name]):.0f})")
    if rates:
        total = sum(len(list(d.glob("*.txt"))) for d in variants)
        per_doc = sum(len(list(d.glob("*.txt"))) / rates[d.name] for d in variants)
        print(f"whole corpus ({total} docs): {total / per_doc:.0f} docs per CPU second")
    if "clean" in rates and "ocr" in rates:
        n_clean, n_ocr = len(corpora["clean"]), len(corpora["ocr"])
        paired = [(o / n_ocr) / (c / n_clean) for c, o in zip(cpu["clean"], cpu["ocr"])]
        print(f"OCR'd text takes {rates['clean'] / rates['ocr']:.2f}x the time of clean text (best rounds; "
              f"median of the {a.rounds} paired rounds {statistics.median(paired):.2f}x)")
    if a.fresh and "clean" in rates and "ocr" in rates:
        runs = first_pass_seconds(variants, a.fresh)
        first = {name: len(corpora[name]) / min(seconds) for name, seconds in runs.items()}
        print("first pass, every text new to a fresh process (warmed up on tests/fixtures and preload()): "
              + ", ".join(f"{name} {rate:.0f}" for name, rate in first.items()) + " docs per CPU second "
              f"(best of {a.fresh})")
        paired = [(o / len(corpora["ocr"])) / (c / len(corpora["clean"])) for c, o in zip(runs["clean"], runs["ocr"])]
        print(f"OCR'd text takes {first['clean'] / first['ocr']:.2f}x the time of clean text on a first pass "
              f"(best processes; median of the {a.fresh} paired processes {statistics.median(paired):.2f}x)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")
    print(f"dateparser imported during the run: {'dateparser' in sys.modules}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
