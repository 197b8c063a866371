#!/usr/bin/env python3
"""Precompute the readings of the printed words an English OCR model most likely prints.

    python scripts/precompute_readings.py [COUNT]

The OCR word repair searches for the reading of a printed word the first time a process
meets it (about 100,000 instructions a word). A batch of new scanned reports keeps meeting
such words. Most are likely misprints of Vietnamese syllables, which the model itself can
rank: for every possible syllable (data/syllable_grammar.json; those never seen in the
learning texts at the prior of an unseen one), its printed forms with at most two misread
letter groups (data/ocr_confusions.tsv, read backwards: a letter group printed for other
letters, or printed where there was none, "vieen" for "viên"), by
P(syllable) x P(printed | syllable). The COUNT likeliest forms (default 40,000) are read here
with the live search and written to data/ocr_readings.txt (printed, best reading, close
second or "-"; one row a form); the repair looks a word up there before searching. No text
is involved: the table is a function of the model.

Run it after scripts/learn_ocr_model.py; tests/test_ocr_repair.py checks every entry against
the live search, so a table left behind by a model change fails the tests.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from meeting_extractor.ocr_repair import MAX_PRINTED_LENGTH, ReadingTable, _Model  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "src" / "meeting_extractor" / "data"
MAX_MISREADS = 2
# Forms less likely than this are never among the likeliest COUNT (main checks it): the walk stops there.
LEAST_LOG_P = -20.0


def likely_misprints(model: _Model) -> dict[str, float]:
    """{printed form: the highest log P(syllable) + log P(form | syllable) over the syllables}."""
    misprints: dict[str, list[tuple[str, float]]] = defaultdict(list)  # clean letters -> printed
    inserted: list[tuple[str, float]] = []  # letters printed where there were none
    for printed, readings in model.subs.items():
        for clean, lp in readings:
            (misprints[clean] if clean else inserted).append((printed, lp))
    longest = max(map(len, misprints))
    best: dict[str, float] = {}

    def walk(syllable: str, i: int, built: str, logp: float, misreads: int) -> None:
        if logp < LEAST_LOG_P or len(built) > MAX_PRINTED_LENGTH:
            return
        if misreads < MAX_MISREADS:
            for printed, lp in inserted:
                walk(syllable, i, built + printed, logp + lp, misreads + 1)
        if i == len(syllable):
            if logp > best.get(built, -1e9):
                best[built] = logp
            return
        ch = syllable[i]
        walk(syllable, i + 1, built + ch, logp + model.keep.get(ch, -0.01), misreads)
        if misreads < MAX_MISREADS:
            for n in range(1, longest + 1):
                if i + n <= len(syllable):
                    for printed, lp in misprints.get(syllable[i:i + n], ()):
                        walk(syllable, i + n, built + printed, logp + lp, misreads + 1)

    for syllable in model.syllables:
        walk(syllable, 0, "", model.log_prior(syllable), 0)
    return best


def main(count: int) -> None:
    model = _Model()
    scored = likely_misprints(model)
    likeliest = sorted(scored, key=lambda form: (-scored[form], form))
    chosen = [form for form in likeliest if not form.isdigit()][:count]
    assert len(chosen) == count and scored[chosen[-1]] > LEAST_LOG_P, "lower LEAST_LOG_P"
    rows = []
    for form in chosen:
        first, second = model.readings(form)
        assert not any(c.isspace() for c in form) and ReadingTable.NONE not in (form, first, second), form
        rows.append(ReadingTable.row(form, first, second))
    out = DATA / "ocr_readings.txt"
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("# written by scripts/precompute_readings.py: "
                 "printed form, best reading, close second (- for none)\n")
        fh.writelines(sorted(rows))  # (sorted: a change to the model reads as a short diff)
    tmp.replace(out)
    print(f"{len(chosen)} readings written to {out}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40_000)
