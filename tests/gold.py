"""Comparing records with our fixtures' gold annotations (the format of ../shared/eval/GOLD_SPEC.md).

Strings compare diacritic-insensitively (a record from damaged text gets credit for the
right words); counts are per field: true positives, false positives, misses.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field


def fold(s) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFD", str(s).replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return " ".join(re.sub(r"[^\w/&-]+", " ", s).split())


def token_f1(a, b) -> float:
    ta, tb = Counter(fold(a).replace("/", " ").replace("-", " ").split()), Counter(
        fold(b).replace("/", " ").replace("-", " ").split())
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _scalar(t: Tally, doc: str, name: str, gold, pred, same) -> None:
    g, p = gold not in (None, ""), pred not in (None, "")
    if g and p and same(gold, pred):
        t.tp += 1
        return
    t.fp += p
    t.fn += g
    if g or p:
        t.misses.append(f"{doc} {name}: gold={gold!r} pred={pred!r}")


def _list(t: Tally, doc: str, name: str, gold: list, pred: list, same) -> None:
    left = list(pred)
    for g in gold:
        hit = next((p for p in left if same(g, p)), None)
        if hit is None:
            t.fn += 1
            t.misses.append(f"{doc} {name}: missed {g!r}")
        else:
            left.remove(hit)
            t.tp += 1
    t.fp += len(left)
    t.misses += [f"{doc} {name}: extra {p!r}" for p in left]


def _get(d, *path):
    for k in path:
        d = d.get(k) if isinstance(d, dict) else None
    return d


def _date(g: str, p: str) -> bool:
    return str(p).endswith(g[1:]) if g.startswith("--") else g == p


def _legal(g: dict, p: dict) -> bool:
    key = lambda n: fold(n).upper().replace(" ", "")
    if g.get("number") and p.get("number"):
        return key(g["number"]) == key(p["number"])
    if fold(g.get("doc_type")) != fold(p.get("doc_type")) or g.get("number") or p.get("number"):
        return False
    if g.get("year") and p.get("year") and int(g["year"]) != int(p["year"]):
        return False
    return not (g.get("name") and p.get("name")) or token_f1(g["name"], p["name"]) >= 0.6


def _person(g: str, p: str) -> bool:
    fg, fp = fold(g), fold(p)
    return bool(fg) and (fg == fp or fp.endswith(" " + fg) or (fg.endswith(" " + fp) and len(fp.split()) >= 2))


CORE = ["event_type", "title", "edition", "start_date", "end_date", "venue_text", "venue_province", "organizers",
        "attendee_count", "attendee_qualifier", "people", "people_roles", "presentation_count", "presentations",
        "legal_references"]
NARRATIVE = ["discussion_topics", "conclusions"]


def score(pairs: list[tuple[str, dict, dict]]) -> dict[str, Tally]:
    """Per-field tallies over (doc id, gold, record as JSON) triples."""
    T = {f: Tally() for f in CORE + NARRATIVE}
    for doc, gold, pred in pairs:
        _scalar(T["event_type"], doc, "event_type", gold["event_type"], _get(pred, "event", "type"),
                lambda g, p: fold(g) == fold(p))
        _scalar(T["title"], doc, "title", gold["title"], _get(pred, "event", "title"), lambda g, p: token_f1(g, p) >= 0.8)
        _scalar(T["edition"], doc, "edition", gold["edition"], _get(pred, "event", "edition"), lambda g, p: g == p)
        _scalar(T["start_date"], doc, "start_date", gold["start_date"], _get(pred, "date_range", "start"), _date)
        _scalar(T["end_date"], doc, "end_date", gold["end_date"], _get(pred, "date_range", "end"), _date)
        gv, pv = gold.get("venue") or {}, pred.get("venue") or {}
        _scalar(T["venue_text"], doc, "venue_text", gv.get("text"), pv.get("name"),
                lambda g, p: fold(g) in fold(p) or fold(p) in fold(g) or token_f1(g, p) >= 0.6)
        _scalar(T["venue_province"], doc, "venue_province", gv.get("province"), pv.get("province"),
                lambda g, p: fold(g).replace("tp ", "") == fold(p).replace("tp ", ""))
        _list(T["organizers"], doc, "organizers", gold["organizers"], [o["name"] for o in pred["organizers"]],
              lambda g, p: token_f1(g, p) >= 0.7)
        gc, pc = gold.get("attendee_count") or {}, _get(pred, "attendance", "total") or {}
        _scalar(T["attendee_count"], doc, "attendee_count", gc.get("value"), pc.get("value"), lambda g, p: g == p)
        _scalar(T["attendee_qualifier"], doc, "attendee_qualifier", gc.get("qualifier"), pc.get("qualifier"),
                lambda g, p: g == p)
        matched = []
        people = list(pred["people"])
        for g in gold["people"]:
            hit = next((p for p in people if _person(g["name"], p["name"])), None)
            if hit is None:
                T["people"].fn += 1
                T["people"].misses.append(f"{doc} people: missed {g['name']!r}")
            else:
                people.remove(hit)
                T["people"].tp += 1
                matched.append((g, hit))
        T["people"].fp += len(people)
        T["people"].misses += [f"{doc} people: extra {p['name']!r}" for p in people]
        for g, p in matched:
            _list(T["people_roles"], doc, f"roles of {g['name']}", g["roles"], p["roles"], lambda a, b: a == b)
        _scalar(T["presentation_count"], doc, "presentation_count", gold["presentation_count"],
                _get(pred, "presentations", "count"), lambda g, p: g == p)
        _list(T["presentations"], doc, "presentations", gold["presentations"],
              [i["title"] for i in pred["presentations"]["items"]], lambda g, p: token_f1(g, p) >= 0.7)
        _list(T["legal_references"], doc, "legal_references", gold["legal_references"], pred["legal_references"],
              _legal)
        for f in NARRATIVE:
            _list(T[f], doc, f, gold[f], [s["text"] for s in pred[f]], lambda g, p: token_f1(g, p) >= 0.5)
    return T


def pooled_f1(T: dict[str, Tally], fields: list[str]) -> float:
    total = Tally(sum(T[f].tp for f in fields), sum(T[f].fp for f in fields), sum(T[f].fn for f in fields))
    return total.f1()
