#!/usr/bin/env python3
"""Learn the OCR repair model from pairs of clean and OCR'd texts.

    python scripts/learn_ocr_model.py CLEAN_DIR OCR_DIR [CLEAN_DIR OCR_DIR ...]

Aligns the folded words of each clean text with its OCR'd twin (same file name),
and writes two data files of the package:
- data/ocr_confusions.tsv: how the English OCR model misreads pieces of folded
  Vietnamese (clean piece -> OCR piece, with counts), and how often each letter
  survives unchanged;
- data/syllable_freq.tsv: how often each folded syllable occurs in the clean texts
  (a prior for the repair; no text is stored, only syllable counts);
- data/syllable_bigrams.tsv: how often two folded syllables follow each other inside a
  clause (seen twice or more), for choosing between two close readings of a word by
  its neighbours.
Run it again when new aligned pairs are added (our fixtures, the dev corpus), then
scripts/precompute_readings.py, whose table of readings follows from these files.
"""
from __future__ import annotations

import collections
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from meeting_extractor.textview import fold  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "src" / "meeting_extractor" / "data"
WORD = __import__("regex").compile(r"[\p{L}\p{N}¢@§&]+")


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


CLAUSE_BREAK = __import__("regex").compile(r"[^\w\s]|\n")


def bigrams(text: str):
    """Pairs of syllables next to each other with no punctuation or line break between them."""
    for clause in CLAUSE_BREAK.split(fold(text).lower()):
        ws = clause.split()
        yield from ((a, b) for a, b in zip(ws, ws[1:]) if a.isalpha() and b.isalpha())


def main(argv: list[str]) -> int:
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    pieces: collections.Counter = collections.Counter()
    kept: collections.Counter = collections.Counter()
    seen: collections.Counter = collections.Counter()
    syllables: collections.Counter = collections.Counter()
    pairs_of: collections.Counter = collections.Counter()
    pairs = 0
    for clean_dir, ocr_dir in zip(argv[::2], argv[1::2]):
        for clean_path in sorted(Path(clean_dir).glob("*.txt")):
            ocr_path = Path(ocr_dir) / clean_path.name
            if not ocr_path.exists():
                continue
            pairs += 1
            c = words(clean_path.read_text(encoding="utf-8"))
            o = words(ocr_path.read_text(encoding="utf-8"))
            syllables.update(w for w in c if w.isalpha())
            pairs_of.update(bigrams(clean_path.read_text(encoding="utf-8")))
            sm = difflib.SequenceMatcher(None, c, o, autojunk=False)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag == "equal":
                    for w in c[i1:i2]:
                        for ch in w:
                            kept[ch] += 1
                            seen[ch] += 1
                elif tag == "replace" and i2 - i1 == j2 - j1:
                    for a, b in zip(c[i1:i2], o[j1:j2]):
                        for op, x1, x2, y1, y2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
                            if op == "equal":
                                for ch in a[x1:x2]:
                                    kept[ch] += 1
                                    seen[ch] += 1
                            else:
                                pieces[(a[x1:x2], b[y1:y2])] += 1
                                for ch in a[x1:x2]:
                                    seen[ch] += 1
    with open(DATA / "ocr_confusions.tsv", "w", encoding="utf-8") as fh:
        fh.write(f"# Learned by scripts/learn_ocr_model.py from {pairs} clean/OCR pairs. Folded text.\n")
        fh.write("# kind=sub: clean piece read as ocr piece; kind=keep: letter read unchanged (count of all its reads in seen)\n")
        fh.write("kind\tclean\tocr\tcount\tseen\n")
        for ch in sorted(seen):
            if ch.isalpha() and ch.isascii():
                fh.write(f"keep\t{ch}\t{ch}\t{kept[ch]}\t{seen[ch]}\n")
        for (a, b), n in pieces.most_common():
            if n >= 3 and len(a) <= 3 and 1 <= len(b) <= 3 and "\t" not in a + b:
                fh.write(f"sub\t{a}\t{b}\t{n}\t{seen.get(a[0], 0) if a else sum(seen.values())}\n")
    with open(DATA / "syllable_freq.tsv", "w", encoding="utf-8") as fh:
        fh.write(f"# Folded syllable counts from the clean side of {pairs} pairs (scripts/learn_ocr_model.py).\n")
        fh.write("syllable\tcount\n")
        for s, n in syllables.most_common():
            if n >= 2 and len(s) <= 7:
                fh.write(f"{s}\t{n}\n")
    with open(DATA / "syllable_bigrams.tsv", "w", encoding="utf-8") as fh:
        fh.write(f"# Folded syllable pairs seen twice or more inside a clause, from the clean side of {pairs} pairs"
                 " (scripts/learn_ocr_model.py).\n")
        fh.write("first\tsecond\tcount\n")
        for (a, b), n in sorted(pairs_of.items(), key=lambda kv: (-kv[1], kv[0])):
            if n >= 2 and len(a) <= 7 and len(b) <= 7:
                fh.write(f"{a}\t{b}\t{n}\n")
    print(f"{pairs} pairs, {sum(pieces.values())} substitutions, {len(syllables)} syllables", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
