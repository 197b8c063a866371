#!/usr/bin/env python3
"""Batch conversion throughput and memory: 1 and 2 local workers and a Dask local cluster.

    python benchmarks/bench_batch.py [--files 20000] [--engines local1,local2,dask] [--rounds 4] [--keep DIR]

Generates FILES reports (the dev corpus or the test fixtures, clean, without
diacritics and OCR'd, each copy made distinct) in folders of 1000, converts them with
each engine in fresh processes — in ROUNDS parts, the engines taking turns on each part
so that other programs sharing the machine slow them alike — and prints files per second, the speed-up of 2 workers over 1, the
peak memory of the converting process (sampled, with its value after the first tenth
of the run, to show it stays flat) and of the largest worker, the work per file (which
grows when other programs compete for the CPUs: compare it across engines before
trusting a speed-up), and checks that every engine wrote byte-identical outputs.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in a fresh process: converts, samples its own resident memory, prints JSON.
RUNNER = r"""
import json, resource, sys, threading, time
from meeting_extractor import convert

out, engine, workers, srcs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
samples = []
stop = threading.Event()

def rss_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

def sample():
    start = time.perf_counter()
    while not stop.wait(0.25):
        samples.append((time.perf_counter() - start, rss_mb()))

threading.Thread(target=sample, daemon=True).start()
start = time.perf_counter()
report = convert(srcs, out, workers=workers, engine=engine, progress=False)
wall = time.perf_counter() - start
stop.set()
early = [m for t, m in samples if t <= wall * 0.1] or [samples[0][1] if samples else rss_mb()]
print(json.dumps({
    "wall": wall, "converted": report.converted, "failed": report.failed,
    "mean_file_seconds": report.durations["mean_file_seconds"],
    "rss_after_first_tenth_mb": max(early),
    "rss_peak_mb": max([m for _, m in samples] + [rss_mb()]),
    "maxrss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "maxrss_largest_child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def corpus_texts() -> list[str]:
    dev = ROOT.parent / "shared" / "corpus" / "dev"
    base = dev if dev.is_dir() else ROOT / "tests" / "fixtures"
    texts = [p.read_text(encoding="utf-8") for p in sorted(base.glob("*/*.txt"))]
    if not texts:
        raise SystemExit(f"no *.txt under {base}/*/")
    return texts


def generate(folder: Path, n: int) -> None:
    texts = corpus_texts()
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        text = texts[i % len(texts)]
        (sub / f"r{i:06d}.txt").write_text(f"{text}\n(Bản tin số {i}.)\n", encoding="utf-8")


def same_tree(a: Path, b: Path) -> bool:
    cmp = filecmp.dircmp(a, b, ignore=["_report.json"])

    def ok(c: filecmp.dircmp) -> bool:
        if c.left_only or c.right_only or c.funny_files:
            return False
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        return not mismatch and not errors and all(ok(s) for s in c.subdirs.values())

    return ok(cmp)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--engines", default="local1,local2,dask")
    ap.add_argument("--rounds", type=int, default=4,
                    help="split the files into this many parts and let the engines take turns on each "
                         "(1: each engine converts all files in one process)")
    ap.add_argument("--keep", type=Path, help="generate into and keep this folder")
    a = ap.parse_args()

    work = a.keep or Path(tempfile.mkdtemp(prefix="bench-batch-"))
    src = work / "in"
    try:
        if not src.is_dir() or sum(1 for _ in src.rglob("*.txt")) != a.files:
            shutil.rmtree(src, ignore_errors=True)
            t = time.perf_counter()
            generate(src, a.files)
            print(f"generated {a.files} files in {time.perf_counter() - t:.1f} s under {src}")
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
        names = a.engines.split(",")
        folders = sorted(p for p in src.iterdir() if p.is_dir())
        groups = [folders[i::a.rounds] for i in range(a.rounds)]
        totals = {n: {"converted": 0, "failed": 0, "wall": 0.0, "work": 0.0, "rss_first": None, "rss_peak": 0.0,
                      "child": 0.0, "loads": []} for n in names}
        for round_no, group in enumerate(groups):
            # engines take turns, in a rotating order, so that other programs' load hits each alike
            for name in names[round_no % len(names):] + names[:round_no % len(names)]:
                engine, workers = ("dask", 2) if name == "dask" else ("local", int(name.removeprefix("local")))
                out = work / f"out-{name}"
                if round_no == 0:
                    shutil.rmtree(out, ignore_errors=True)
                load = os.getloadavg()[0]
                proc = subprocess.run([sys.executable, "-c", RUNNER, str(out), engine, str(workers),
                                       *map(str, group)], capture_output=True, text=True, check=False)
                if proc.returncode != 0:
                    print(f"{name}: failed\n{proc.stderr[-3000:]}")
                    return 1
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                t = totals[name]
                t["converted"] += r["converted"]
                t["failed"] += r["failed"]
                t["wall"] += r["wall"]
                t["work"] += r["mean_file_seconds"] * r["converted"]
                t["rss_first"] = t["rss_first"] or r["rss_after_first_tenth_mb"]
                t["rss_peak"] = max(t["rss_peak"], r["rss_peak_mb"])
                t["child"] = max(t["child"], r["maxrss_largest_child_mb"])
                t["loads"].append(load)
        for name, t in totals.items():
            t["rate"] = t["converted"] / t["wall"]
            print(f"{name:7s} {t['converted']} converted, {t['failed']} failed in {t['wall']:.1f} s: "
                  f"{t['rate']:.1f} files/s | converting process RSS {t['rss_first']:.0f} MB after the first tenth "
                  f"of its first run, peak {t['rss_peak']:.0f} MB | largest worker {t['child']:.0f} MB | "
                  f"{t['work'] / max(1, t['converted']) * 1000:.1f} ms of work per file | load average before its "
                  f"runs {', '.join(f'{x:.1f}' for x in t['loads'])}")
        if "local1" in totals and "local2" in totals:
            print(f"speed-up of 2 workers over 1: {totals['local2']['rate'] / totals['local1']['rate']:.2f}x")
        for other in names[1:]:
            same = same_tree(work / f"out-{names[0]}", work / f"out-{other}")
            print(f"outputs of {other} byte-identical to {names[0]}: {same}")
    finally:
        if a.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
