"""The number of presentations and their titles.

- count: "sáu báo cáo tham luận", "12 tham luận", "gần 60 bài báo cáo khoa học" — a
  number (digits or words) right before a presentation noun (data/presentation_cues.tsv);
  "công trình" / "đề tài" count only where the sentence is about presenting them, and a
  running total over past editions ("Tính đến nay, ... hơn 1.000 bài tham luận") is skipped.
- items, four ways a report gives titles:
  * after the noun: "... sáu báo cáo tham luận, cụ thể: A; B; C." (split at ";");
  * after hearing: "Hội nghị nghe Báo cáo X; Y và thảo luận ..." (the titles follow "nghe");
  * after presenting: "Ông X trình bày báo cáo tổng kết công tác năm 2023." (up to the end
    of the clause);
  * quoted: "tham luận “X” của TS Nguyễn Văn A" (the title, and the presenter as written).
Titles are the original words (``doc.original``), each with its evidence span.

The phrases are found with discussion.py's `WordScanner` (the same matches as the tries'
`finditer`, faster); `_number_before_search` skips the number search where no number can end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import regex

from .discussion import original_and_span, top_level
from .document import LIST_ITEM_MARK, LIST_ITEM_MARK_OCR, Document
from .event import ocr_ampersand
from .lexicon import folded_phrases, read_tsv, trie_regex
from .matching import MAX_OCR_VOWEL_ERRORS, Scanners, WordScanner, ocr_key, trie_pattern
from .models import Presentation, Presentations
from .numbers import DIGITS, number_regex, parse_number
from .ocr_repair import is_known_syllable
from .textview import fold, plain

COLON_GAP_WORDS = 2      # "N báo cáo tại phiên toàn thể:": words allowed before a bare colon
PRESENTED_CUT_WORDS = 4  # "trình bày báo cáo X, ...": a comma ends X after this many words
LIST_INTRO_WORDS = 6     # words allowed between the noun and "cụ thể:" / "gồm:"
QUOTE_GAP_WORDS = 4      # "tham luận với chủ đề “...”": words between the noun and the quote
PRESENTER_WORDS = 8
MIN_TITLE_WORDS = 2
MAX_TITLE_WORDS = 45
TOPIC_CUT_WORDS = 6      # 'Báo cáo X về “Y”': cut before the quoted subject when X is this long
MIN_COUNT = 2


@dataclass
class _Lexicon:
    patterns: dict[str, "re.Pattern[str]"] = field(default_factory=dict)
    scanners: dict[str, WordScanner] = field(default_factory=dict)  # for the whole-text scans
    kinds: dict[str, str] = field(default_factory=dict)
    number_words: frozenset[str] = frozenset()
    number_before: frozenset[str] = frozenset()
    colon_only: frozenset[str] = frozenset()  # list_intro phrases that open a list only before a colon
    ocr_nouns: dict[str, list[str]] = field(default_factory=dict)  # ocr_key -> folded nouns

    def pattern(self, kind: str) -> "re.Pattern[str]":
        return self.patterns[kind]


_SCANNED = ("scan", "context", "exclude", "list_intro", "end_cut", "title_end")
# (a list_intro_colon phrase is a list_intro that must stand right before a colon)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    lex = _Lexicon()
    by_kind: dict[str, list[str]] = {}
    for row in read_tsv("presentation_cues.tsv"):
        by_kind.setdefault(row["kind"], []).append(row["phrase"])
    lex.colon_only = frozenset(" ".join(fold(p).split()) for p in by_kind.get("list_intro_colon", []))
    by_kind.setdefault("list_intro", []).extend(by_kind.get("list_intro_colon", []))
    for kind in ("present", "hear", "context_noun", "noun"):  # the last one wins
        lex.kinds.update({" ".join(fold(p).split()): kind for p in by_kind.get(kind, [])})
    by_kind["scan"] = by_kind.get("noun", []) + by_kind.get("context_noun", []) + by_kind.get("hear", []) \
        + by_kind.get("present", [])
    # the kinds searched for over a stretch of text get a scanner (and its pattern), the others a pattern
    lex.scanners = {k: WordScanner(v) for k, v in by_kind.items() if k in _SCANNED}
    lex.patterns = {k: lex.scanners[k].pattern if k in lex.scanners else trie_pattern(v) for k, v in by_kind.items()}
    # OCR'd nouns are read with one vowel wrong too ("tham luon" for "tham luận")
    nouns = by_kind.get("noun", []) + by_kind.get("context_noun", [])
    lex.scanners = Scanners(lex.scanners, scan_ocr=(by_kind["scan"], True, nouns))  # (made on first use)
    for p in nouns:
        key = " ".join(fold(p).split())
        lex.ocr_nouns.setdefault(ocr_key(key), []).append(key)
    for kind in ("noun", "context_noun", "scan", "context", "exclude", "list_intro", "list_verb", "hear", "present",
                 "end_cut", "title_end", "presenter"):
        lex.patterns.setdefault(kind, trie_pattern([]))
        if kind in _SCANNED:
            lex.scanners.setdefault(kind, WordScanner([]))
    lex.number_words = frozenset(w.lower() for w in by_kind.get("number_word", []))
    lex.number_before = frozenset(" ".join(fold(w).split()) for w in by_kind.get("number_before", []))
    return lex


class _Hit(NamedTuple):  # (a named tuple: several per document, made faster than a dataclass)
    start: int
    end: int
    kind: str  # noun, context_noun, hear or present


def _scan(doc: Document, lex: _Lexicon) -> list[_Hit]:
    """Every presentation noun and 'nghe' cue, in one pass over the folded text."""
    kinds = lex.kinds
    if doc.quality != "ocr_noisy":
        return [_Hit(s, e, kinds.get(" ".join(text.split()), "noun"))
                for s, e, text in lex.scanners["scan"].spans(doc.folded)]
    hits = []
    for s, e, matched in lex.scanners["scan_ocr"].spans(doc.folded):
        text = " ".join(_OCR_JUNK.sub(" ", matched).split())
        kind = kinds.get(text)
        if kind is None:
            for noun in lex.ocr_nouns.get(ocr_key(text), ()):
                if sum(1 for x, y in zip(text, noun) if x != y) <= MAX_OCR_VOWEL_ERRORS:
                    kind = kinds[noun]
                    break
        if kind is not None:
            hits.append(_Hit(s, e, kind))
    return hits


@lru_cache(maxsize=1)
def _number_before() -> "regex.Pattern[str]":
    """A number (digits or words) that ends right before a noun: searched on a short window."""
    return regex.compile(rf"({number_regex()})\s+$")


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str] | None:
    """The number words, while `number_regex()` is digits or a run of these words (plain ASCII
    letters), as `_number_before_search` reads it; None if it is not that regex."""
    words = list(dict.fromkeys(r["word"] for r in read_tsv("number_words.tsv")))
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    word_seq = rf"(?:(?:{alternatives})(?:\s+(?:{alternatives}))*)"
    if number_regex() != rf"(?:{DIGITS}|(?<![\p{{L}}]){word_seq}(?![\p{{L}}]))":
        return None
    if not all(w.isascii() and w.isalpha() for w in words):
        return None
    return frozenset(words)


_ASCII_SPACE = " \t\n\x0b\x0c\r"  # what \s matches in an ASCII text


def _number_before_search(window: str) -> "regex.Match[str] | None":
    """`_number_before().search(window)`, skipped where it cannot match. A match ends the window
    with white space; the number before it ends with a digit or is a run of number words, so in
    an ASCII window the word before the trailing white space is a number word or ends with a digit."""
    words = _number_words()
    if words is not None and window.isascii():
        k = len(window.rstrip(_ASCII_SPACE))
        if k == len(window) or k == 0:
            return None
        c = window[k - 1]
        if not c.isdigit():
            if not c.isalpha():
                return None
            j = k - 1
            while j > 0 and window[j - 1].isalpha():
                j -= 1
            if window[j:k] not in words:
                return None
    return _number_before().search(window)


_SEMI_OR_QUOTE = re.compile(r"[;\"()]")
_OCR_JUNK = re.compile(r"[.,'`]\s+")  # a stray mark between the words of an OCR'd phrase
_COLON = re.compile(r"\s*:")
_ABOUT_QUOTE = re.compile(r"\s+ve\s+\"")
_TRAIL = " \t\n,;:.-…'\""


def _words(s: str) -> int:
    return len(s.split())


def _sentence(doc: Document, pos: int) -> tuple[int, int]:
    s, e = doc.sentence_at(pos)
    return (s, e) if e > s else (pos, min(len(doc.folded), pos + 300))


def _alignment(doc: Document) -> str:
    return "exact" if doc.quality == "clean" else "as_printed"


# --- count --------------------------------------------------------------------

def _number_ok(doc: Document, lex: _Lexicon, ns: int, ne: int, noun_end: int) -> bool:
    """A number in words is spelt as one in clean text; "sau báo cáo của" is "after the report"."""
    num = doc.folded[ns:ne]
    if num[:1].isdigit():
        return True
    if doc.quality == "clean":
        spelt = doc.original(ns, ne).lower().split()
        return all(w in lex.number_words for w in spelt)
    before = doc.folded[max(0, ns - 20):ns]
    if before[-1:].isalpha() or (before.rstrip()[-1:].isalpha()
                                 and not any((" " + before.rstrip()).endswith(" " + w) for w in lex.number_before)):
        return False  # "trinh bay bao cao": "bày" in a compound, not "bảy"
    after = doc.folded[noun_end:noun_end + 8].split()
    return not (num == "sau" and after[:1] in (["cua"], ["do"], ["nay"]))


def _count(doc: Document, lex: _Lexicon, hits: list[_Hit]) -> tuple[int | None, list]:
    folded = doc.folded
    for m in hits:
        if m.kind not in ("noun", "context_noun"):
            continue
        nm = _number_before_search(folded[max(0, m.start - 40):m.start])
        if not nm:
            continue
        ns = m.start - (len(nm.group(0)))
        ne = ns + len(nm.group(1))
        value = parse_number(folded[ns:ne])
        if value is None or value < MIN_COUNT or not _number_ok(doc, lex, ns, ne, m.end):
            continue
        s, e = _sentence(doc, m.start)
        if m.kind == "context_noun" and not lex.scanners["context"].first(folded, s, e):
            continue
        if lex.scanners["exclude"].first(folded, s, e):
            continue
        return value, [doc.span(ns, m.end)]
    return None, []


# --- titles -------------------------------------------------------------------

def _split_list(folded: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split at top-level ';' (not inside quotes or brackets)."""
    out = []
    start = a
    for m in top_level(folded, a, b, _SEMI_OR_QUOTE):
        if m.group() == ";":
            out.append((start, m.start()))
            start = m.end()
    out.append((start, b))
    return out


def _trim(folded: str, a: int, b: int) -> tuple[int, int]:
    seg = folded[a:b]
    lead = len(seg) - len(seg.lstrip(_TRAIL))
    seg = seg.strip(_TRAIL)
    if seg.startswith("va "):
        lead += 3
        seg = seg[3:].lstrip()
    return a + lead, a + lead + len(seg)


def _title(doc: Document, a: int, b: int, lex: _Lexicon, last: bool) -> tuple[int, int] | None:
    folded = doc.folded
    a, b = _trim(folded, a, b)
    if last:
        m = lex.scanners["end_cut"].first(folded, a, b)
        if m:
            b = m[0]
    m = _ABOUT_QUOTE.search(folded, a, b)
    if m and _words(folded[a:m.start()]) >= TOPIC_CUT_WORDS:
        b = m.start()
    a, b = _trim(folded, a, b)
    if a < b and folded[a] == "\"" and folded[a + 1:b].count("\"") == 0:
        a += 1
    if b > a and folded[b - 1] == "\"" and folded[a:b - 1].count("\"") == 0:
        b -= 1
    n = _words(folded[a:b])
    if n < MIN_TITLE_WORDS or n > MAX_TITLE_WORDS:
        return None
    return a, b


def _item(doc: Document, a: int, b: int, presenter: str | None = None) -> Presentation:
    title, span = original_and_span(doc, a, b)
    alignment = _alignment(doc)
    if doc.quality == "ocr_noisy":
        # as read after the OCR repair, like the event's title: "Chon gidng va lam chuoéng trai" was
        # printed for "Chọn giống và làm chuồng trại", and "Chon giong va lam chuong trai" is nearer
        read = _read_ocr(doc, title, a, b)
        if read and read != title:
            title, alignment = read, "repaired"
    return Presentation(title=title, presenter=presenter, alignment=alignment, evidence=[span])


def _listed(doc: Document, lex: _Lexicon, hits: list[_Hit]) -> list[tuple[tuple[int, int], str | None]]:
    """'... sáu báo cáo tham luận, cụ thể: A; B; C.' and '... gồm: “A” của TS X; “B” của ThS Y'."""
    folded = doc.folded
    out: list[tuple[tuple[int, int], str | None]] = []
    for m in hits:
        if m.kind not in ("noun", "context_noun"):
            continue
        limit = m.end + 80
        if folded.find(":", m.end, limit) < 0 and folded.find(";", m.end, limit + 200) < 0:
            continue  # no list follows
        s, e = _sentence(doc, m.start)
        if m.kind == "context_noun" and not lex.scanners["context"].first(folded, s, e):
            continue
        window = folded[m.end:e].split()[:LIST_INTRO_WORDS + 2]
        limit = m.end + len(" ".join(window)) + 8
        intro = lex.scanners["list_intro"].first(folded, m.end, min(e, limit))  # (start, end)
        colon = _COLON.match(folded, intro[1]) if intro else None
        if intro and _words(folded[m.end:intro[0]]) > LIST_INTRO_WORDS:
            intro = None
        if intro and not colon and " ".join(folded[intro[0]:intro[1]].split()) in lex.colon_only:
            intro = None
        if intro is None:
            c = folded.find(":", m.end, min(e, limit))
            if c < 0 or _words(folded[m.end:c]) > COLON_GAP_WORDS:
                c = folded.find(":", m.end, e)
                if c < 0 or not _verb_right_before(lex, folded, m.end, c):
                    continue  # "20 báo cáo về các chủ đề: ...": subjects, not titles
            start = c + 1
            colon = True
        else:
            start = colon.end() if colon else intro[1]
        lines = None
        rest_blank = not folded[start:e].strip()
        nl = folded.find("\n", start, e)
        if rest_blank or nl >= 0 and not folded[start:nl].strip():
            # "cụ thể:" ends a line: the list follows (in OCR'd print the sentence goes on over it)
            lines = _line_items(folded, start, doc.quality == "ocr_noisy")
            if not lines and rest_blank:
                e = _sentence(doc, _skip_space(folded, e + 1))[1]
        parts = lines or _split_list(folded, start, e)
        if len(parts) < 2 and not colon:
            continue
        for k, (a, b) in enumerate(parts):
            q = _skip_space(folded, a)
            quoted = _quoted_at(doc, lex, q, b) if folded.startswith("\"", q) else None
            if quoted:  # '“A” của TS X (...)': the quoted title, and who presented it
                out.append(quoted)
                continue
            presenter = None
            by = _PRESENTED_BY.search(folded, a, b)
            if by:  # "A - PGS.TS X, ...", "A, do TS X trình bày": the title ends there
                presenter = _presenter(doc, by.end(), honorific=True)
                if presenter is not None:
                    b = by.start()
            t = _title(doc, a, b, lex, k == len(parts) - 1 and not lines)
            if t and not _has_count(folded, t[0], t[1], lex):  # "; cùng 6 báo cáo khác ..."
                out.append((t, presenter))
        if out:
            break
    return out


_LINE_ITEM = re.compile(LIST_ITEM_MARK.pattern + r"[ \t]*([^\n]+)")
_LIST_MARK_OCR = LIST_ITEM_MARK_OCR
_LINE_ITEM_OCR = re.compile(r"(?:" + _LIST_MARK_OCR.pattern + r")[ \t]*([^\n]+)")
_PRESENTED_BY = re.compile(r"\s+[-–]\s+(?=\S)|,\s*do\s+(?=\S)")


def _line_items(folded: str, pos: int, ocr: bool = False) -> list[tuple[int, int]]:
    """The items of a list written one to a line after `pos` ("•", "-", "1.", "a)" opening each
    line): each item without its mark. A blank line may come before the list and between its items
    (print read back by OCR sets one between paragraphs), and an item that does not end its line
    with ";", "." or ":" goes on over the next lines that open with no mark (print wraps its lines).
    On OCR'd text a bullet may come out as "«", "»" or "~" ('"' or "~" in the folded view)."""
    out: list[tuple[int, int]] = []
    item, mark = (_LINE_ITEM_OCR, _LIST_MARK_OCR) if ocr else (_LINE_ITEM, LIST_ITEM_MARK)
    line = folded.find("\n", pos)
    while line >= 0:
        start = line + 1
        if folded.startswith("\n", start):
            start += 1  # a blank line before the list or between its items
        m = item.match(folded, start)
        if m is None:
            break
        a, b = m.span(1)
        while folded[a:b].rstrip()[-1:] not in (";", ".", ":") and folded.startswith("\n", b):
            at = b + 1
            if ocr and folded.startswith("\n", at):
                # OCR'd print: a blank line inside an item; the paragraph after it belongs to the item
                # when the list goes on right after it
                end = _paragraph_end(folded, at + 1, mark)
                if end is None or not _item_follows(folded, end, mark):
                    break
                b = end
                continue
            nxt = _WRAPPED_LINE.match(folded, at)
            if nxt is None or mark.match(folded, at):
                break
            b = nxt.end()
        out.append((a, b))
        line = folded.find("\n", b)
        if line < 0 or line != b:
            break
    return out if len(out) >= 2 else []


_WRAPPED_LINE = re.compile(r"[ \t]*[^\s][^\n]*")


def _paragraph_end(folded: str, pos: int, mark: "re.Pattern[str]") -> int | None:
    """The end of the lines from `pos` up to a blank line, none of them a list item (None if there is none)."""
    end = None
    while True:
        nxt = _WRAPPED_LINE.match(folded, pos)
        if nxt is None or mark.match(folded, pos):
            return end
        end = nxt.end()
        if not folded.startswith("\n", end) or folded.startswith("\n", end + 1):
            return end
        pos = end + 1


def _item_follows(folded: str, pos: int, mark: "re.Pattern[str]") -> bool:
    """Does a list item open on the line after `pos` (the end of a line), or on the one after a blank line?"""
    if not folded.startswith("\n", pos):
        return False
    pos += 1
    if folded.startswith("\n", pos):
        pos += 1
    return bool(mark.match(folded, pos))


def _verb_right_before(lex: _Lexicon, folded: str, a: int, colon: int) -> bool:
    """Does a presenting verb end the words before the colon ("... do ThS X trực tiếp hướng dẫn:")?"""
    for v in lex.patterns["list_verb"].finditer(folded, max(a, colon - 24), colon):
        if not folded[v.end():colon].strip():
            return True
    return False


def _skip_space(folded: str, pos: int) -> int:
    while pos < len(folded) and folded[pos].isspace():
        pos += 1
    return min(pos, max(0, len(folded) - 1))


def _has_count(folded: str, a: int, b: int, lex: _Lexicon) -> bool:
    for m in lex.pattern("noun").finditer(folded, a, b):
        if _number_before_search(folded[max(a, m.start() - 40):m.start()]):
            return True
    return False


_PRESENTED_START = re.compile(r"\s*(?:ve\s+|nhung\s+|cac\s+)")
_PRESENTED_STOP = re.compile(r"[.;:()\"]")


def _presented(doc: Document, lex: _Lexicon, hits: list[_Hit]) -> list[tuple[int, int]]:
    """'Ông X trình bày báo cáo tổng kết công tác năm 2014.': the title after the noun."""
    folded = doc.folded
    out: list[tuple[int, int]] = []
    for h in hits:
        if h.kind != "present" or folded[max(0, h.start - 6):h.start].rstrip().endswith("duoc"):
            continue  # "được trình bày bởi ..."
        a = h.end
        n = lex.pattern("noun").match(folded, a + len(folded[a:a + 3]) - len(folded[a:a + 3].lstrip()))
        if n:
            a = n.end()
            m = re.match(r"\s*ve\s", folded[a:a + 6])
            if m:
                a += m.end()
        elif not _PRESENTED_START.match(folded, a):
            continue
        while a < len(folded) and folded[a].isspace():
            a += 1
        if folded[a:a + 1] == "\"":
            continue  # a quoted title: see _quoted
        s, e = _sentence(doc, a)
        stop = _PRESENTED_STOP.search(folded, a, e)
        b = stop.start() if stop else e
        for c in re.finditer(",", folded[a:b]):
            if _words(folded[a:a + c.start()]) >= PRESENTED_CUT_WORDS:
                b = a + c.start()
                break
        m = lex.scanners["title_end"].first(folded, a, b)
        if m:
            b = m[0]
        t = _title(doc, a, b, lex, True)
        if t and _words(folded[t[0]:t[1]]) >= 3:
            out.append(t)
    return out


def _heard(doc: Document, lex: _Lexicon, hits: list[_Hit]) -> list[tuple[int, int]]:
    """'Hội nghị nghe Báo cáo X; Y và thảo luận ...': a capitalised noun right after 'nghe'."""
    folded, plain = doc.folded, doc.plain
    out: list[tuple[int, int]] = []
    for h in hits:
        if h.kind != "hear":
            continue
        a = h.end
        while a < len(folded) and folded[a].isspace():
            a += 1
        if folded.startswith("cac ", a):
            a += 4
        n = lex.pattern("noun").match(folded, a)
        if not n or not plain[a:a + 1].isupper():
            continue
        s, e = _sentence(doc, a)
        parts = _split_list(folded, a, e)
        for k, (ps, pe) in enumerate(parts):
            t = _title(doc, ps, pe, lex, k == len(parts) - 1)
            if t:
                out.append(t)
    return out


def _quoted(doc: Document, lex: _Lexicon, hits: list[_Hit]) -> list[tuple[tuple[int, int], str | None]]:
    """'tham luận “X” của TS Nguyễn Văn A'."""
    folded = doc.folded
    out: list[tuple[tuple[int, int], str | None]] = []
    for m in hits:
        if m.kind != "noun":
            continue
        q = folded.find("\"", m.end, m.end + 60)
        if q < 0 or _words(folded[m.end:q]) > QUOTE_GAP_WORDS or ";" in folded[m.end:q] \
                or "." in folded[m.end:q]:
            continue
        found = _quoted_at(doc, lex, q, q + 401)
        if found:
            out.append(found)
    return out


def _quoted_at(doc: Document, lex: _Lexicon, q: int, limit: int) -> tuple[tuple[int, int], str | None] | None:
    """The title quoted from the quote mark at `q` (closed before `limit`), and its presenter when
    "của ..." follows: (title span, presenter as written or None)."""
    folded = doc.folded
    close = folded.find("\"", q + 1, limit)
    if close < 0:
        return None
    t = _title(doc, q + 1, close, lex, False)
    if not t:
        return None
    presenter = None
    after = _skip_space(folded, close + 1)
    link = lex.pattern("presenter").match(folded, after)
    if link:
        presenter = _presenter(doc, link.end())
    return t, presenter


_NAME_TOKEN = re.compile(r"\s*([^\s,.;:()\"]+(?:\.[^\s,.;:()\"]+)*)")


@lru_cache(maxsize=1)
def _honorifics() -> "re.Pattern[str]":
    """Honorifics before a presenter's name, one or several ("ông", "ThS.", "BS CKI", "PGS. TS")."""
    phrases = [r["phrase"] for r in read_tsv("honorifics.tsv")]
    return re.compile(r"(?:\s*" + trie_regex(folded_phrases(phrases)) + r"(?!\w)\.?)+")


def _presenter(doc: Document, a: int, honorific: bool = False) -> str | None:
    """'của TS Trần Văn Bình, ...': honorifics (required with `honorific`), then capitalised words
    (two at least)."""
    folded, plain = doc.folded, doc.plain
    a = _skip_space(folded, a)
    hon = _honorifics().match(folded, a)
    if honorific and hon is None:
        return None
    end = hon.end() if hon else a
    n = 0
    while n < PRESENTER_WORDS:
        m = _NAME_TOKEN.match(plain, end)
        if not m or not m.group(1)[:1].isupper():
            break
        end = m.end(1)
        n += 1
    if n < 2:
        return None
    if doc.quality == "ocr_noisy":
        return _read_ocr(doc, doc.original(a, end).strip(), a, end)  # as read after the OCR repair
    return doc.original(a, end).strip()


def _read_ocr(doc: Document, printed: str, a: int, b: int) -> str:
    """OCR'd words at folded [a, b) as read: a printed word that is a Vietnamese syllable stays as printed
    (without its stray marks: "Tiéu" -> "Tieu"; the repair's prior would turn a rarer "phe" into "pho"),
    the others as the OCR repair read them ("chuéng" -> "chuong")."""
    read = doc.view.plain_words(a, b)
    words = plain(printed).split()
    repaired = read.split()
    if len(words) != len(repaired):
        return ocr_ampersand(read)
    return ocr_ampersand(" ".join(p if p.isalpha() and is_known_syllable(p.lower()) else r
                                  for p, r in zip(words, repaired)))


def extract_presentations(doc: Document) -> Presentations:
    folded = doc.folded
    if not folded.strip():
        return Presentations()
    lex = _lexicon()
    hits = _scan(doc, lex)
    if not hits:
        return Presentations()
    count, evidence = _count(doc, lex, hits)
    spans: list[tuple[tuple[int, int], str | None]] = _listed(doc, lex, hits)
    spans += [(t, None) for t in _heard(doc, lex, hits)]
    spans += [(t, None) for t in _presented(doc, lex, hits)]
    spans += _quoted(doc, lex, hits)
    items: list[Presentation] = []
    taken: list[tuple[int, int]] = []
    for (a, b), presenter in spans:
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        taken.append((a, b))
        items.append(_item(doc, a, b, presenter))
    return Presentations(count=count, items=items, evidence=evidence)
