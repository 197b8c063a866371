"""Group citations into documents, in text order (after eyecite's resolve.py).

A full citation (a symbol, a law by name and year, a party resolution by name)
becomes a resource; a later or earlier short form ("Nghị định 67", "Luật Hợp tác
xã" with no year) joins the one resource it can refer to. When it could refer to
more than one, it is refused (dropped), not guessed. Short forms that refer to no
full citation become documents of their own.
"""
from __future__ import annotations

from typing import Callable

from .legal_find import Cite

Group = list[Cite]


def _type_fits(short: Cite, group: Group) -> bool:
    """The short form names the same kind, or its head ("Thông tư 29" for a Thông tư liên tịch)."""
    return any(short.doc_type in (c.doc_type, c.code_type)
               or (c.doc_type or "").startswith(short.doc_type + " ") for c in group)


def _group_year(group: Group) -> int | None:
    return next((c.year for c in group if c.year), None)


def resolve_short(short: Cite, fulls: list[Group]) -> Group | None | bool:
    """The full citation a short form refers to; None when there is none; False when ambiguous."""
    hits = [g for g in fulls
            if g[0].num == short.num and _type_fits(short, g)
            and (short.year is None or _group_year(g) in (None, short.year))]
    if len(hits) > 1:
        return False
    return hits[0] if hits else None


def resolve_citations(cites: list[Cite], resolve: Callable[[Cite, list[Group]], Group | None | bool] = resolve_short) -> list[Group]:
    """One group of citations per cited document, ordered by first mention."""
    groups: dict[tuple, Group] = {}

    def add(key: tuple, c: Cite) -> None:
        groups.setdefault(key, []).append(c)

    # 1. full citations and named ones: their key is their identity
    for c in cites:
        is_law = c.kind == "law" or c.law_name is not None  # by name, or by a symbol laws.tsv knows
        if c.kind in ("full", "named") and not is_law:
            add(("k", c.key), c)
        elif is_law and c.year is not None:
            add(("law", c.key, c.year), c)
    # 2. laws named without a year join the only version the text cites
    for c in cites:
        if c.kind == "law" and c.year is None:
            versions = [k for k in groups if k[0] == "law" and k[1] == c.key]
            if len(versions) == 1:
                groups[versions[0]].append(c)
            elif not versions:
                add(("law", c.key, None), c)
    # 3. short forms: to a full symbol, else to a short form with a year, else their own
    fulls = [g for k, g in groups.items() if k[0] == "k" and g[0].kind == "full"]
    shorts = sorted((c for c in cites if c.kind == "short"), key=lambda c: c.year is None)
    for c in shorts:
        target = resolve(c, fulls)
        if target is False:
            continue
        if target is None:
            same = [k for k in groups if k[0] == "short" and k[1] == c.doc_type and k[2] == c.num
                    and (c.year is None or k[3] in (None, c.year))]
            if c.year is None and len(same) > 1:
                continue
            target = groups[same[0]] if same else groups.setdefault(("short", c.doc_type, c.num, c.year), [])
        target.append(c)
    # 4. a document with no number only when nothing else of its kind is cited
    kinds = {g[0].doc_type for g in groups.values()} | {g[0].code_type for g in groups.values()}
    for c in cites:
        if c.kind == "bare" and c.doc_type not in kinds:
            add(("bare", c.doc_type), c)
    out = [g for g in groups.values() if g]
    out.sort(key=lambda g: min(c.start for c in g))
    return out
