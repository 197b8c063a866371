"""Write the record of every dev, seed, fixture and holdout text to one JSON-lines file.

For changes that must not change any record (speed work, refactors): take a
snapshot before and after and compare them with `cmp` or `diff`.

    python scripts/snapshot_records.py before.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from meeting_extractor import extract

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT.parent / "shared/corpus/dev",
    ROOT.parent / "shared/corpus/seed/text",
    ROOT / "tests/fixtures",
    ROOT / "tests/holdout",
    ROOT / "tests/diag3",
    ROOT / "examples",
]


def main(out: str) -> None:
    files = sorted(p for src in SOURCES if src.exists() for p in src.rglob("*.txt"))
    with open(out, "w", encoding="utf-8") as fh:
        for path in files:
            record = extract(path.read_text(encoding="utf-8")).model_dump(mode="json")
            name = str(path.relative_to(ROOT.parent))
            fh.write(json.dumps({"file": name, **record}, ensure_ascii=False, sort_keys=True) + "\n")
    print(len(files), "records written to", out)


if __name__ == "__main__":
    main(sys.argv[1])
