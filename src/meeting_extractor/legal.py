"""Legal references: find, normalise, resolve short forms (after eyecite).

    find (legal_find)     -> every citation on the folded text, symbols normalised
    resolve (legal_resolve) -> one group per cited document, short forms attached
    here                  -> one LegalReference per group, with every mention as evidence

Documents signed or adopted at the event and unnumbered drafts are not references
(GOLD_SPEC, settled decision 6); see the cues in data/legal_cues.tsv.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from .document import Document
from .legal_find import Cite, cues, find_citations, issuers_of, printed_forms
from .legal_resolve import resolve_citations
from .models import LegalReference
from .textview import fold

_RANK = {"full": 0, "law": 1, "named": 2, "short": 3, "bare": 4}


def extract_legal_references(doc: Document) -> list[LegalReference]:
    cites = find_citations(doc.view, doc.quality)
    out = []
    for group in resolve_citations(cites):
        ref = _reference(doc, group)
        if ref:
            out.append(ref)
    return out


def _name(doc: Document, group: list[Cite]) -> str | None:
    """The name as written at its most complete mention (the lexicon's spelling when it came from one)."""
    best = max((c for c in group if c.name or c.name_span), key=lambda c: c.name_rank, default=None)
    if best is None:
        return next((c.law_name for c in group if c.law_name), None)
    name = best.name if best.name else _written(doc, *best.name_span)
    if best.amended:
        name += " sửa đổi"
    return name


def _reference(doc: Document, group: list[Cite]) -> LegalReference | None:
    rep = min(group, key=lambda c: (_RANK[c.kind], c.start))
    doc_type = rep.doc_type or rep.code_type
    if not doc_type:
        return None
    year = rep.year or next((c.year for c in group if c.year), None)
    number = name = None
    issuer = list(rep.issuer)
    if rep.kind == "full":
        number = rep.number
    elif rep.kind == "short":
        number = rep.number
        if rep.year:
            number = f"{rep.number}/{rep.year}/{rep.default_code}" if rep.default_code else f"{rep.number}/{rep.year}"
            issuer = issuers_of(rep.default_code)
    if rep.kind in ("law", "named") or any(c.law_name for c in group):
        name = _name(doc, group)
    if rep.law_name or rep.kind == "law":
        canonical = next((c.law_name for c in group if c.law_name), None) or name
        amended = any(c.amended for c in group)
        citation = " ".join(p for p in (doc_type, canonical, "sửa đổi" if amended else None,
                                        str(year) if year else None) if p)
        if number and not canonical:
            citation = f"{doc_type} {number}"
    elif name:
        citation = f"{doc_type} {name}"
    elif number:
        citation = f"{doc_type} {number}"
    else:
        citation = doc_type
    spans, seen = [], set()
    for c in sorted(group, key=lambda c: c.start):
        s = doc.span(c.start, c.end)
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            spans.append(s)
    return LegalReference(doc_type=doc_type, number=number, name=name, year=year,
                          issuer=issuer, citation=citation, evidence=spans)


@lru_cache(maxsize=1)
def _name_words() -> dict[str, str]:
    """{folded word: the word with diacritics} of the name vocabulary (the first spelling listed)."""
    words: dict[str, str] = {}
    for w in cues()["name_word"]:
        words.setdefault(fold(w), w)
    return words


@lru_cache(maxsize=1)
def _ocr_name_words() -> list[tuple[tuple[tuple[str, ...], ...], str]]:
    """The one-word entries of the name vocabulary, each letter with the forms OCR prints it in
    (printed_forms): what a printed word must be read as, letter by letter, to be that word."""
    words = ((unicodedata.normalize("NFC", w), w) for w in cues()["name_word"])
    return [(tuple(printed_forms(c, True) for c in nfc), w) for nfc, w in words if _TOKEN.fullmatch(nfc)]


def _printed_as(word: str, letters: tuple[tuple[str, ...], ...]) -> bool:
    """Can the folded `word` be read as these letters, each in one of its printed forms?"""
    ends = {0}
    for forms in letters:
        ends = {e + len(f) for e in ends for f in forms if word.startswith(f, e)}
        if not ends:
            return False
    return len(word) in ends


@lru_cache(maxsize=1)
def _lower_words() -> frozenset[str]:
    return frozenset(w for w in cues()["name_word"] if w[:1].islower())


_TOKEN = regex.compile(r"[\p{L}\p{N}&]+")


def _respelt(word: str, canon: str) -> str:
    """A printed word given the spelling of its vocabulary entry, in the case it was printed in."""
    if word[:1].isupper():
        return canon[0].upper() + canon[1:]
    if canon[:1].islower() or canon.lower() in _lower_words():
        return canon.lower()
    return canon  # a proper noun (Đảng) keeps its capital


def _written(doc: Document, start: int, end: int) -> str:
    """A name taken from the text; on text without diacritics or from OCR, words of the
    name vocabulary get their spelling back (Dai hoi XII cua Dang -> Đại hội XII của Đảng)."""
    if doc.quality == "clean":
        return doc.original(start, end)
    exact, ocr = _name_words(), doc.quality == "ocr_noisy"
    out, last = [], start
    for t in _TOKEN.finditer(doc.folded, start, end):
        out.append(doc.plain[last:t.start()])
        word = doc.plain[t.start():t.end()]
        if not word.isupper() or len(word) == 1:
            canon = exact.get(t.group())
            if canon is None and ocr:
                canon = next((c for letters, c in _ocr_name_words() if _printed_as(t.group(), letters)), None)
            if canon is not None:
                word = _respelt(word, canon)
        out.append(word)
        last = t.end()
    out.append(doc.plain[last:end])
    return " ".join("".join(out).split())
