"""The number of attendees and other counts.

A report states its attendance in a few set ways: "Tham dự Hội nghị có hơn 150 đại
biểu ...", "Hội thảo thu hút gần 400 cán bộ", "với sự tham gia của 120 nhà khoa học
đến từ 20 quốc gia", "200 đại biểu đã về dự". We find every "[qualifier] number unit"
on the folded text (units and qualifiers from ``data/attendance_units.tsv`` and
``data/attendance_qualifiers.tsv``) and keep a count of people only in a
participation context (``data/attendance_cues.tsv``): a cue before it in the same
sentence (tham dự, thu hút, với sự tham gia của ...), a cue after the counted noun
(đã về dự, đến từ ...), or, for "đại biểu"/"khách mời", a sentence that reports the
event. Statistics ("13 triệu người tham gia BHXH"), plans ("dự kiến sẽ thu hút"),
earlier events ("Trước đó ... với 70 nhà khoa học") and other units never count.
The first people count so found is the total; the other units counted in the same
sentence (provinces, countries, businesses) go to ``counts``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import re

from .document import Document
from .lexicon import folded_phrases, phrase_pattern, read_tsv, split_aliases, trie_regex
from .models import Attendance, Count, Total
from .numbers import DIGITS, parse_number
from .event import editions_in
from .organizers import event_key, event_noun_index, main_event_noun
from .textview import fold

_MIN_PEOPLE, _MAX_PEOPLE = 2, 200_000
_CUE_WINDOW = 320          # a participation cue this far before the number (same sentence)
_AFTER_WINDOW = 160        # ... or this far after the counted noun


@dataclass
class _Lexicon:
    unit_at: "re.Pattern[str]"                   # the counted noun right after a number
    unit: dict[str, tuple[str, str, str]]        # folded noun -> (kind, canonical unit, strength)
    qualifier_before: "re.Pattern[str]"          # a qualifier right before a number
    qualifier: dict[str, str]
    before: "re.Pattern[str]"
    after: "re.Pattern[str]"
    weak_after: "re.Pattern[str]"
    elsewhere: "re.Pattern[str]"
    has_before: "re.Pattern[str]"
    number_left: "re.Pattern[str]"               # number words ending where a number-word anchor starts
    number_right: "re.Pattern[str]"              # number words following an anchor


# Where a number may be: digits, or the words that make a worded number large enough to count
# people (sáu mươi, hai trăm, một nghìn). Plain scans are much faster than one alternation: one
# for digits, and one literal search per anchor word (no anchor word ends with the start of another,
# so their matches never overlap and merging them in text order gives what one alternation finds).
_DIGIT_RUN = re.compile(r"\d[\d.,]*(?=\s)")
_NUMBER_WORDS = tuple(re.compile(rf"{w}\b") for w in ("muoi", "tram", "nghin", "ngan"))
_DIGITS = re.compile(DIGITS)
_TOGETHER_WITH = re.compile(r"(?<!\w)cung\s+\Z")
_HAS = re.compile(r"(?<!\w)co\s+\Z")
_FOR = re.compile(r"(?<!\w)cho\s+\Z")
_PRESENT_OF = re.compile(r"(?<![\d/])(\d+)\s*/\s*\Z")


def _rows(rows, key: str, value) -> list[tuple[str, object]]:
    return [(v, value(r)) for r in rows for v in [r[key], *split_aliases(r.get("aliases"))]]


def _lookup(rows) -> dict:
    out: dict = {}
    for phrase, value in rows:
        out.setdefault(" ".join(fold(phrase).split()), value)
    return out


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    units = _rows(read_tsv("attendance_units.tsv"), "unit", lambda r: (r["kind"], r["unit"], r.get("strength") or ""))
    quals = _rows(read_tsv("attendance_qualifiers.tsv"), "phrase", lambda r: r["qualifier"])
    cues = read_tsv("attendance_cues.tsv")

    def cue(kind: str) -> list[str]:
        return [v for r in cues if r["kind"] == kind for v in [r["cue"], *split_aliases(r.get("aliases"))]]

    words = "|".join(sorted({r["word"] for r in read_tsv("number_words.tsv")}, key=len, reverse=True))
    return _Lexicon(
        unit_at=re.compile(rf"\s+(?:(?:vi|nguoi|luot)\s+)?({trie_regex(folded_phrases(p for p, _ in units))})(?!\w)"),
        unit=_lookup(units),
        qualifier_before=re.compile(rf"(?<!\w)({trie_regex(folded_phrases(p for p, _ in quals))})\s+$"),
        qualifier=_lookup(quals),
        before=phrase_pattern(cue("before")),
        after=phrase_pattern(cue("after")),
        weak_after=re.compile(rf"[\s,]*(?:da\s+)?{trie_regex(folded_phrases(cue('weak_after')))}(?!\w)"),
        elsewhere=phrase_pattern(cue("elsewhere")),
        has_before=phrase_pattern(cue("has_before")),
        number_left=re.compile(rf"(?:(?<!\w)(?:{words})\s+)+$"),
        number_right=re.compile(rf"(?:\s+(?:{words})(?!\w))*"),
    )


@dataclass
class _Cand:
    start: int
    end: int
    value: int
    qualifier: str
    kind: str
    unit: str
    strength: str
    sentence: tuple[int, int]


def _sentence_of(doc: Document, pos: int) -> tuple[int, int, int]:
    for k, (s, e) in enumerate(doc.sentences):
        if s <= pos < e:
            return k, s, e
    return -1, pos, pos


def _numbers(doc: Document, lex: _Lexicon):
    """(start, end, value, unit match) of every number in the folded text followed by a counted noun."""
    folded = doc.folded
    seen: set[int] = set()
    for m in _DIGIT_RUN.finditer(folded):
        a, b = m.span()
        if a and (folded[a - 1].isalnum() or folded[a - 1] in ".,"):
            continue                  # inside a word or a decimal ("13,17")
        digits = m.group().rstrip(".,")
        if not _DIGITS.fullmatch(digits):
            continue
        b = a + len(digits)
        u = lex.unit_at.match(folded, b)
        if u:
            present = _PRESENT_OF.search(folded, max(0, a - 12), a)
            if present:  # "46/49 đại biểu": 46 of the 49 were there
                a, digits = present.start(), present.group(1)
            value = parse_number(digits)
            if value:
                yield a, b, value, u
    for a, b in sorted(m.span() for word in _NUMBER_WORDS for m in word.finditer(folded)):
        if a and folded[a - 1].isalnum():
            continue
        left = lex.number_left.search(folded, max(0, a - 40), a)
        if left:
            a = left.start()
        b = lex.number_right.match(folded, b).end()
        if a in seen:
            continue
        seen.add(a)
        u = lex.unit_at.match(folded, b)
        if not u:
            continue
        value = parse_number(folded[a:b])
        while value is None and " " in folded[a:b].strip():
            # drop a leading word that only looks like a number ("năm" the year, "ba" ...)
            a = a + folded[a:b].index(" ") + 1
            value = parse_number(folded[a:b])
        if value:
            yield a, b, value, u


def _candidates(doc: Document, lex: _Lexicon) -> list[_Cand]:
    folded = doc.folded
    out = []
    for a, b, value, u in sorted(_numbers(doc, lex), key=lambda n: n[0]):
        kind, unit, strength = lex.unit.get(" ".join(u.group(1).split()), ("other", "", ""))
        if not unit:
            continue
        q = lex.qualifier_before.search(folded, max(0, a - 25), a)
        start = q.start() if q else a
        qualifier = lex.qualifier.get(" ".join(q.group(1).split()), "exact") if q else "exact"
        _, s, e = _sentence_of(doc, a)
        out.append(_Cand(start, u.end(), value, qualifier, kind, unit, strength, (s, e)))
    return out


def _other_event(doc: Document, c: _Cand, idx) -> bool:
    """The count is about another, named event: the sentence names none and the sentence
    before names an event of another kind by its own name (Đại hội Du lịch Golf châu Á 2017)."""
    pattern, types = idx
    s, _ = c.sentence
    if pattern.search(doc.folded, s, c.start):
        return False
    k, _, _ = _sentence_of(doc, s)
    if k <= 0:
        return False
    ps, pe = doc.sentences[k - 1]
    m = pattern.search(doc.folded, ps, pe)
    if not m:
        return False
    noun = types.get(event_key(m.group()))
    main_noun = main_event_noun(doc) if noun else None
    if noun is None or main_noun is None or noun == main_noun or "lễ" in (noun[:2], main_noun[:2]):
        return False
    nxt = doc.plain[m.end():m.end() + 3].lstrip()
    return bool(nxt) and nxt[0].isupper()


def _other_edition(doc: Document, c: _Cand, edition: int | None) -> bool:
    """The count's sentence, before it, names an edition other than the main event's."""
    if edition is None:
        return False
    return any(e != edition for e in editions_in(doc, c.sentence[0], c.start))


def _in_context(doc: Document, lex: _Lexicon, c: _Cand, event_idx) -> bool:
    """The people count is said of people taking part in the event."""
    folded = doc.folded
    s, e = c.sentence
    lo = max(s, c.start - _CUE_WINDOW)
    if lex.elsewhere.search(folded, lo, c.start):
        return False
    if lex.before.search(folded, lo, c.start):
        return True
    if _TOGETHER_WITH.search(folded, max(s, c.start - 12), c.start) and lex.before.search(folded, s, lo):
        return True  # "Tham dự có đồng chí A, ...; đồng chí B, ... cùng hơn 300 đoàn viên": a long list
    if _HAS.search(folded, max(s, c.start - 12), c.start) and lex.has_before.search(folded, max(s, c.start - 40), c.start):
        return True  # "Lớp học có 200 học viên", "Đại hội có 126 luật sư tham dự"
    if _FOR.search(folded, max(s, c.start - 12), c.start) and doc.main_event is not None \
            and s <= doc.main_event.start < c.start:
        return True  # "... tổ chức tập huấn ... cho gần 120 hòa giải viên": its audience
    clause_end = min(e, c.end + _AFTER_WINDOW)
    semi = folded.find(";", c.end, clause_end)
    if semi >= 0:
        clause_end = semi
    if lex.after.search(folded, c.end, clause_end):
        return True
    weak = lex.weak_after.match(folded, c.end)
    if weak:
        # "120 người tham gia hội thảo" / "... tham gia." but not "13 triệu người tham gia BHXH"
        rest = folded[weak.end():weak.end() + 3].lstrip()
        if not rest or rest[0] in ",.;" or event_idx[0].match(folded, weak.end() + 1):
            return True
    if c.strength == "strong":
        if event_idx[0].search(folded, s, e):
            return True
        if doc.main_event is not None and s <= doc.main_event.start < e:
            return True
    return False


def extract_attendance(doc: Document, edition: int | None = None) -> Attendance:
    """The attendance of the main event (`edition`: its edition, when known: a count told of
    another edition, "Hội nghị lần thứ nhất ... với khoảng 90 đại biểu", is not its attendance)."""
    if not doc.folded.strip():
        return Attendance()
    lex = _lexicon()
    cands = _candidates(doc, lex)
    if not cands:
        return Attendance()
    event_idx = event_noun_index()
    total: _Cand | None = None
    for c in cands:
        if c.kind != "people" or not (_MIN_PEOPLE <= c.value <= _MAX_PEOPLE):
            continue
        if _in_context(doc, lex, c, event_idx) and not _other_event(doc, c, event_idx) \
                and not _other_edition(doc, c, edition):
            total = c
            break
    # provinces, countries, businesses... counted where the attendance is told
    counts: list[Count] = []
    seen = set()
    for c in cands:
        if c.kind != "other" or (c.value, c.unit) in seen:
            continue
        if total is not None and c.sentence == total.sentence or _in_context(doc, lex, c, event_idx):
            seen.add((c.value, c.unit))
            counts.append(Count(value=c.value, unit=c.unit, evidence=[doc.span(c.start, c.end)]))
    if total is None:
        return Attendance(counts=counts)
    return Attendance(
        total=Total(value=total.value, qualifier=total.qualifier, unit=total.unit,
                    evidence=[doc.span(total.start, total.end)]),
        counts=counts,
    )
