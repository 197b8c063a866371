#!/usr/bin/env python3
"""Print a one-screen summary of the records in a folder (used by `make demo`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path


def line(data: dict) -> str:
    ev = data.get("event") or {}
    dr = data.get("date_range") or {}
    venue = data.get("venue") or {}
    total = (data.get("attendance") or {}).get("total") or {}
    parts = [
        f"{ev.get('type') or '?'}: {ev.get('title') or '(no title)'}",
        f"date {dr.get('start', '?')}..{dr.get('end', '?')}",
        f"at {venue.get('name') or '?'} ({venue.get('province') or '?'})",
        f"organizers {', '.join(o['name'] for o in data.get('organizers', [])) or '-'}",
        f"attendees {total.get('value', '-')}",
        f"people {len(data.get('people', []))}",
        f"legal refs {len(data.get('legal_references', []))}",
        f"topics {len(data.get('discussion_topics', []))}, conclusions {len(data.get('conclusions', []))}",
        f"quality {data['source']['quality']}",
    ]
    return "\n    ".join(parts)


def main(folder: str) -> int:
    root = Path(folder)
    files = sorted(p for p in root.rglob("*.json") if p.name != "_report.json")
    for p in files:
        print(f"{p.relative_to(root)}\n    {line(json.loads(p.read_text(encoding='utf-8')))}")
    report = root / "_report.json"
    if report.exists():
        r = json.loads(report.read_text(encoding="utf-8"))
        print(f"\n{r['converted']} records written to {root}/, {r['failed']} failed, in {r['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "out/examples"))
