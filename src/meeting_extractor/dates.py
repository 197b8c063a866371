"""Date ranges of the main event.

Reports date their event in a handful of shapes ("Sáng 5/12", "từ ngày 28-29/7/2015",
"trong hai ngày 28 và 29/7", "từ ngày 8 đến ngày 10 tháng 1 năm 2024", "từ 30/11 đến
2/12/2015"...). A small grammar of our own finds every date phrase on the folded view, so
clean, diacritic-free and OCR'd text are read alike. Each phrase is then judged by the words
around it (a document's citation date, a deadline, a dateline, the sentence that reports the
event being held); one is chosen as the main event's date, completed into a range (a later
"24-25/6", "diễn ra trong 1,5 ngày", "bế mạc ngày ..."), and given a year only when the text
states it for the event (GOLD_SPEC, settled decision 1), else from the caller's reference
date, else left out (``--MM-DD``).

The cue words live in ``data/date_cues.tsv``.
"""
from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .document import Document
from .lexicon import folded_phrases, read_tsv, trie_regex
from .models import DateRange, Span
from .numbers import parse_number

# --- the grammar ------------------------------------------------------------------------------

_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:19|20)\d\d"
_YY = r"(?:(?:19|20)?\d\d)"  # after a numeric day/month, "5/6/17" is 2017
_SEP = r"(?:\s?/\s?|-|\.)"
# not glued to a number, a word or a document symbol, on the left or on the right
_LB = r"(?<![\p{L}\p{N}/.,\-])"
_RB = r"(?![\p{L}\p{N}]|[/.,\-]\p{N}|\s/\s?\p{N})"
_EDGE_L = r"(?<![\p{L}\p{N}])"
_EDGE_R = r"(?![\p{L}\p{N}])"
_DIGIT = regex.compile(r"\d")
_ONE_TOKEN = regex.compile(r"[\p{L}\p{N}]{1,8}")
_LINE_END = ".!?:)\"'"  # a line ending in one of these does not run on into the next
# small fixed patterns, compiled once (regex's own cache look-up costs more than the match)
_DATE_PART_SEP = regex.compile(r"\s?[/.\-]\s?")
_CLAUSE_MARK = regex.compile(r"[,;:()]")
_BLANK_LINE = regex.compile(r"\n[ \t]*\n")
_HEADER_TAIL = regex.compile(r"\s*[-|)]")
_AFTER_FRONTED = regex.compile(r"\s*(?:[,:)(]|tai\b|-\s)")


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in read_tsv("date_cues.tsv"):
        out.setdefault(row["kind"], []).append(row["phrase"])
    return {k: tuple(v) for k, v in out.items()}


def _alt(*kinds: str) -> str:
    """A folded alternation of the cue kinds, as a trie (fast in the regex engine); a space in a
    phrase matches any white space, and a longer phrase wins over its own beginning."""
    return trie_regex(folded_phrases(p for k in kinds for p in _cues()[k]))


def _word(*kinds: str) -> str:
    return rf"\b{_alt(*kinds)}{_EDGE_R}"


def _atom(n: int, day_word: str, month_word: str, year_word: str) -> str:
    """A date with its month: numeric (28/7[/2015], 15.10.2020) or in words (5 tháng 3 [năm 2021])."""
    return (
        rf"(?:(?P<d{n}>{_D}){_SEP}(?P<m{n}>{_M})(?:{_SEP}(?P<y{n}>{_YY}))?"
        rf"|(?P<d{n}>{_D})\s+{month_word}\s+(?P<m{n}>{_M})(?:\s*,?\s*{year_word}\s+(?P<y{n}>{_Y}))?)"
    )


@dataclass(frozen=True)
class _Patterns:
    date: "regex.Pattern[str]"
    single: "regex.Pattern[str]"
    prefix: "regex.Pattern[str]"
    before: "regex.Pattern[str]"
    from_word: "regex.Pattern[str]"
    symbol: "regex.Pattern[str]"
    legal: "regex.Pattern[str]"
    event: "regex.Pattern[str]"
    background: "regex.Pattern[str]"
    part_of_day: "regex.Pattern[str]"
    month: "regex.Pattern[str]"
    day: "regex.Pattern[str]"
    duration: "regex.Pattern[str]"
    year: "regex.Pattern[str]"
    year_exclude: "regex.Pattern[str]"
    year_lead: "regex.Pattern[str]"
    in_year: "regex.Pattern[str]"
    review: "regex.Pattern[str]"
    name_year: "regex.Pattern[str]"
    closing: "regex.Pattern[str]"
    iso: "regex.Pattern[str]"
    future: "regex.Pattern[str]"
    occasion: "regex.Pattern[str]"
    lunar: "regex.Pattern[str]"
    not_a_name: "regex.Pattern[str]"
    header: "regex.Pattern[str]"
    weekday_only: "regex.Pattern[str]"
    place_comma: "regex.Pattern[str]"
    time_after: "regex.Pattern[str]"
    ocr_digits: "regex.Pattern[str]"
    open_until: "regex.Pattern[str]"
    today: "regex.Pattern[str]"
    yesterday: "regex.Pattern[str]"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    day = _alt("day")
    month = _word("month")
    year = _word("year")
    to, and_ = _alt("to"), _alt("and")
    # between two days sharing a month: 28-29/7, 16 và 17-5, 28, 29/7, 8 đến ngày 10 tháng 1
    conn_days = rf"(?:\s*[-,&]\s*|\s+(?:{and_}|{to})\s+)(?:{day}\s+)?"
    # the middle days of a list: "6, 7 và 8/7"
    more_days = rf"(?:\s*,\s*{_D}(?!\d))*"
    # between two full dates: 30/11 đến 2/12, 30/6 và 1/7, 28/7 - 29/7
    conn_dates = rf"(?:\s*-\s*|\s+(?:{and_}|{to})\s+)(?:{day}\s+)?"
    single = _atom(1, day, month, year)
    date = (
        rf"(?=\d){_LB}(?:"
        rf"(?P<d1>{_D}){more_days}{conn_days}(?P<d2>{_D}){_SEP}(?P<m2>{_M})(?:{_SEP}(?P<y2>{_YY}))?"
        rf"|(?P<d1>{_D}){more_days}{conn_days}(?P<d2>{_D})\s+{month}\s+(?P<m2>{_M})(?:\s*,?\s*{year}\s+(?P<y2>{_Y}))?"
        rf"|{single}{conn_dates}{_atom(2, day, month, year)}"
        rf"|{single}"
        rf"){_RB}"
    )
    number = rf"(?:\d{{1,2}}(?:[.,]5)?|{_alt('count', 'year')})"
    prefix_words = _alt("part_of_day", "relative", "weekday", "day", "from", "lead")
    return _Patterns(
        date=regex.compile(date),
        single=regex.compile(rf"{_LB}{single}{_RB}"),
        # words before the numbers that belong to the date phrase (matched right to left)
        prefix=regex.compile(rf"(?r)(?:{_EDGE_L}(?:{prefix_words}|\d{{1,2}}|{_alt('count')})\s*[,(:]?\s*)+"),
        before=regex.compile(
            rf"(?r)(?:(?P<end>{_word('end')})|(?P<issued>{_word('issued')})|(?P<deadline>{_word('deadline')}))"
            rf"\s*(?:{day}\s*)?"
        ),
        from_word=regex.compile(rf"\W*{_word('from')}"),
        # a document symbol right before: "438/QĐ-TTg ngày", "số 12 ngày"
        symbol=regex.compile(
            r"(?r)(?:\d+\s?[/\-]\s?(?:\d+\s?/\s?)?\p{L}[\p{L}\p{N}/&.\-]*|(?<!\p{L})so\s+\d+)\s*,?\s*"),
        legal=regex.compile(_word("legal")),
        event=regex.compile(_word("event")),
        background=regex.compile(_word("background")),
        part_of_day=regex.compile(_word("part_of_day", "relative")),
        day=regex.compile(_word("day")),
        month=regex.compile(month),
        duration=regex.compile(
            rf"{_word('duration_verb')}\s+(?P<n>{number})\s+{day}{_EDGE_R}"
        ),
        year=regex.compile(rf"{year}\s+(?P<y>{_Y})(?!\p{{N}}|\s?-\s?\d)"),
        year_exclude=regex.compile(rf"(?r){_word('year_exclude')}\s*"),
        year_lead=regex.compile(rf"\W*{_word('year_lead')}"),
        in_year=regex.compile(rf"(?r){_word('in_year')}\s*"),
        review=regex.compile(_word("review")),
        closing=regex.compile(_word("closing")),
        open_until=regex.compile(_word("open_until")),
        today=regex.compile(_word("today")),
        yesterday=regex.compile(_word("yesterday")),
        iso=regex.compile(r"(?<![\p{N}/.\-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\p{N}]|[/.\-]\p{N})"),
        future=regex.compile(_word("future")),
        occasion=regex.compile(_word("occasion")),
        lunar=regex.compile(rf"\s*[(,]?\s*(?:{_alt('day')}\s+)?{_word('lunar')}"),
        name_year=regex.compile(
            r"(?<![\p{L}\p{N}])(?P<w>\p{Lu}[\p{L}\p{N}&+]*)[ \t]+(?P<y>(?:19|20)\d\d)(?![\p{N}/]|\s?-\s?\d)"),
        not_a_name=regex.compile(rf"(?:{_alt('year', 'month', 'legal', 'year_exclude', 'not_a_name')})"),
        header=regex.compile(
            rf"(?rm)^\W*(?:{_alt('header')}\s*:?\s*)+(?:\d{{1,2}}\s?[:h]\s?\d{{2}}\s*[,\-|]?\s*)?"
            rf"(?:{_alt('weekday')}\s*,?\s*)?(?:{_alt('day')}\s*)?"
        ),
        weekday_only=regex.compile(rf"^\W*{_alt('weekday')}\s*,?\s*$"),
        place_comma=regex.compile(r"^\W*[\p{L}.]+(?:[ \-][\p{L}.]+){0,3}\s*,\s*$"),
        time_after=regex.compile(r"\s*[,\-|]?\s*(?:\(?\d{1,2}\s?[:h]\s?\d{2}(?!\d)|gmt|\+07)"),
        # a date-shaped token with a digit first; an OCR'd first digit ("o5/12") is looked at by hand
        ocr_digits=regex.compile(
            r"\d[\dlios]{0,3}(?:\s?[/.\-]\s?[\dlio][\dlios]{0,3}){1,2}(?![\p{L}\p{N}])"
            r"|(?=[12])(?<![\p{L}\p{N}])(?:19|20)[\dlio]{2}(?![\p{L}\p{N}])"
        ),
    )


# --- the document as this module reads it ------------------------------------------------------

_OCR_DIGIT_TABLE = str.maketrans({"l": "1", "i": "1", "o": "0", "s": "5"})


# Every digit as "0", the letters OCR prints for digits (l, i, o, s) as "l", the rest as a space.
_DIGIT_SHAPES = bytes(0x30 if chr(b).isdigit() else 0x6C if chr(b) in "lios" else 0x20 for b in range(256))


_BEYOND_ASCII = regex.compile(r"[^\x00-\x7f]")


def _misread_digit_near(folded: str) -> bool:
    """Whether a letter read for a digit stands right next to a digit anywhere (C-speed test; every
    token digits_view repairs has one, since its parts are runs of digits and such letters). A
    character beyond ASCII (OCR junk such as "€") is neither, unless it is a digit of another script,
    which the pattern takes for one."""
    if not folded.isascii() and any(c.isdigit() for c in _BEYOND_ASCII.findall(folded)):
        return True
    shapes = folded.encode("ascii", "replace").translate(_DIGIT_SHAPES)  # ("?" beyond ASCII: not a digit)
    return b"0l" in shapes or b"l0" in shapes


def digits_view(folded: str) -> str:
    """The folded text with OCR'd digits repaired inside date-shaped tokens ("2l/11/20i4",
    "o5/12": l/i -> 1, o -> 0, s -> 5 after a digit); same length, so offsets are unchanged."""
    if not _misread_digit_near(folded):
        return folded
    parts: list[str] = []
    last = 0
    for m in _patterns().ocr_digits.finditer(folded):
        start = m.start()
        if start and folded[start - 1] in "lio" and (start < 2 or not folded[start - 2].isalnum()):
            start -= 1  # "o5/12"
        elif start and folded[start - 1].isalnum():
            continue
        tok = folded[start:m.end()]
        if start < last or not any(c in "lios" for c in tok):
            continue
        if not all(any(c.isdigit() for c in g) for g in _DATE_PART_SEP.split(tok)):
            continue
        parts.append(folded[last:start])
        parts.append(tok.translate(_OCR_DIGIT_TABLE))
        last = m.end()
    if not parts:
        return folded
    parts.append(folded[last:])
    return "".join(parts)


class _Text:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.folded = doc.folded
        # OCR'd digits are repaired only in OCR'd text
        self.view = digits_view(self.folded) if doc.quality == "ocr_noisy" else self.folded
        self.sentences = doc.sentences
        self.starts = [s for s, _ in self.sentences]

    def sentence_index(self, pos: int) -> int:
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.sentences[i][1] else -1

    def sentence(self, pos: int) -> tuple[int, int]:
        i = self.sentence_index(pos)
        return self.sentences[i] if i >= 0 else (pos, pos)


# --- found dates ------------------------------------------------------------------------------


@dataclass
class _Found:
    start: int            # the whole phrase, prefix words included (folded offsets)
    core: int             # where the numbers start
    end: int
    d1: int
    m1: int
    y1: int | None
    d2: int
    m2: int
    y2: int | None
    prefix: str = ""
    kind: str = ""        # "" (may be the event's), "legal", "deadline", "end", "header", "lunar"
    sent: tuple[int, int] = (0, 0)
    flags: set[str] = field(default_factory=set)

    @property
    def is_range(self) -> bool:
        return (self.d1, self.m1) != (self.d2, self.m2)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return y if y >= 100 else (2000 + y if y < 70 else 1900 + y)


def _make(m: "regex.Match[str]") -> _Found | None:
    g = dict.fromkeys(("d1", "m1", "y1", "d2", "m2", "y2"))
    g.update(m.groupdict())
    d1 = int(g["d1"])
    d2 = int(g["d2"] or g["d1"])
    m2 = int(g["m2"] or g["m1"])
    m1 = int(g["m1"]) if g["m1"] else m2
    y1 = _year(g["y1"])
    y2 = _year(g["y2"]) if g["d2"] else y1
    if y1 is None and y2 is not None:
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
    if y2 is None and y1 is not None:
        y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
    # a leap year stands in for an unknown one, so 29/2 passes
    ya = y1 if y1 is not None else 2000
    yb = y2 if y2 is not None else (2000 if (m2, d2) >= (m1, d1) else 2001)
    if not (_valid(ya, m1, d1) and _valid(yb, m2, d2)):
        return None
    if not 0 <= (dt.date(yb, m2, d2) - dt.date(ya, m1, d1)).days <= 92:
        return None
    return _Found(start=m.start(), core=m.start(), end=m.end(), d1=d1, m1=m1, y1=y1, d2=d2, m2=m2, y2=y2)


def _find_dates(t: _Text) -> list[_Found]:
    P = _patterns()
    out: list[_Found] = []
    pos = 0
    while True:
        m = P.date.search(t.view, pos)  # the pattern opens with a digit look-ahead
        if m is None:
            break
        f = _make(m)
        if f is not None and m.group("d2") and _BLANK_LINE.search(t.view, m.start(), m.start("d2")):
            f = None  # "... lần thứ 3\n\nTối 15-12": a range never runs over a blank line
        if f is None and m.group("d2") and m.group("m1"):
            first, second = P.single.match(t.view, m.start()), P.single.match(t.view, m.start("d2"))
            if first and second and _make(first) and _make(second):
                pos = m.end()
                continue  # a long period ("27/7/1947 - 27/7/2017"), not the days of an event
        if f is None and m.group("d2"):
            # not a range after all ("30-1/7", "5/6 và 3/2"): read the first date on its own
            m1 = P.single.match(t.view, m.start())
            f = _make(m1) if m1 else None
            if f is None:
                pos = m.start("d2")
                continue
            m = m1
        pos = m.end()
        if f is None:
            continue
        if _judge(t, f, m):
            out.append(f)
    # an ISO date ("2017-07-06 10:25") is only ever a publication line
    if "-" in t.view:
        for m in P.iso.finditer(t.view):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            if not _valid(y, mo, d):
                continue
            f = _Found(start=m.start(), core=m.start(), end=m.end(), d1=d, m1=mo, y1=y, d2=d, m2=mo, y2=y)
            if _is_header(t, f):
                f.kind = "header"
                f.sent = t.sentence(f.core)
                out.append(f)
    return out


def _judge(t: _Text, f: _Found, m: "regex.Match[str]") -> bool:
    """Read the words before the date; False when the numbers are not a date after all."""
    P = _patterns()
    folded = t.folded
    # the prefix may run over a line break (OCR'd lines wrap mid-sentence), not over a blank line
    para_start = folded.rfind("\n\n", 0, f.core) + 1
    pm = P.prefix.match(folded, max(para_start, f.core - 60), f.core)
    if pm:
        f.start, f.prefix = pm.start(), pm.group()
        if "(" in f.prefix and folded.startswith(")", f.end):
            f.end += 1  # "Sáng nay (14/7)"
    text = m.group()
    certain = "/" in text or f.y1 is not None or f.is_range or P.month.search(text) is not None
    if not certain and not f.prefix.strip():
        return False  # "lùi lại 1-2 ngày", "4.0": a dash or dot date needs "ngày", "sáng"... before it
    if P.part_of_day.search(f.prefix):
        f.flags.add("timed")
    if P.day.search(f.prefix):
        f.flags.add("day")
    # the words before the phrase (and before a leading "từ", for "kể từ ngày")
    ends = [f.start]
    fm = P.from_word.match(folded, f.start)
    if fm:
        ends.append(fm.end())
    for e in ends:
        bm = P.before.match(folded, max(0, e - 40), e)
        if bm:
            f.kind = "end" if bm.group("end") else "legal" if bm.group("issued") else "deadline"
            if f.kind == "deadline" and P.open_until.search(folded, max(0, e - 60), bm.start()):
                f.kind = "end"  # "Triển lãm mở cửa đến hết ngày ...": when it closes
            break
    if P.symbol.match(folded, max(0, f.start - 60), f.start):
        f.kind = "legal"
    f.sent = t.sentence(f.core)
    if not f.kind and not f.is_range:
        # "Quyết định của Thủ tướng ngày 7/4/2017": a capitalised document kind shortly before,
        # with no comma (nor a report of the event) between
        for lm in P.legal.finditer(folded, max(f.sent[0], f.start - 70), f.start):
            between = folded[lm.end():f.start]
            if _CLAUSE_MARK.search(between) or P.event.search(between):
                continue
            if t.doc.plain[lm.start()].isupper():
                f.kind = "legal"
                break
    if P.lunar.match(folded, f.end):
        f.kind = "lunar"  # "10/3 âm lịch"
    if not f.kind and _is_header(t, f):
        f.kind = "header"
    return True


def _is_header(t: _Text, f: _Found) -> bool:
    """A dateline or publication line: "Hà Nội, ngày 6/12/2019 –", "(Cập nhật 14/03/2022)",
    "Thứ Năm, 06/07/2017 10:25", or a line holding only a date."""
    if f.y1 is None or f.is_range:
        return False
    P = _patterns()
    folded = t.folded
    line_start = folded.rfind("\n", 0, f.start) + 1
    line_end = folded.find("\n", f.end)
    if line_end < 0:
        line_end = len(folded)
    before = folded[line_start:f.start]
    after = folded[f.end:line_end]
    if P.header.match(folded, line_start, f.start) or P.header.match(folded, line_start, f.core):
        return True
    if P.time_after.match(after) and not P.event.search(folded, line_start, line_end):
        return True  # "06/07/2017 10:25" (but not "ngày 5/6/2018, 8h30, hội nghị ...")
    if not before.strip() and not after.strip(" )]-.|"):
        # a line holding only the date, unless a wrapped sentence runs into it
        prev = folded[max(0, line_start - 200):max(0, line_start - 1)].rstrip(" \t")
        return not prev or prev.endswith("\n") or prev.rstrip()[-1:] in _LINE_END
    if before.strip() and (P.weekday_only.match(before) or P.place_comma.match(before)):
        return not after.strip() or _HEADER_TAIL.match(after) is not None
    return False


# --- choosing the main event's date ---------------------------------------------------------


def _score(t: _Text, f: _Found, main: list[tuple[int, int]]) -> float:
    P = _patterns()
    folded = t.folded
    s, e = f.sent
    score = 0.0
    if any(ms <= f.core < me for ms, me in main):
        score += 6
    if P.event.search(folded, s, e):
        score += 2
    before = folded[s:f.start].strip()
    # a fronted time adverbial: "Chiều 21/6, tại ..."; "..., sáng 19-5, ..."; one unread word before
    # it is most likely an OCR-garbled "Sáng"/"Chiều"
    fronted = not before or before.endswith(",") or _ONE_TOKEN.fullmatch(before) is not None
    if fronted:
        score += 1
    if _AFTER_FRONTED.match(folded[f.end:e + 1]):
        score += 1
    if "timed" in f.flags:
        score += 1
    if "day" in f.flags:
        score += 0.5
    if not f.prefix.strip() and f.y1 is None and not fronted:
        score -= 2  # a bare "3/4" may be a fraction, "24/7" a slogan
    if P.background.search(folded, s, f.start):
        score -= 3
    clause = folded[s:f.start]
    clause_start = s + max(clause.rfind(","), clause.rfind(";")) + 1
    if P.occasion.search(folded, clause_start, f.core):
        score -= 2  # "nhân kỷ niệm ngày 8/3", "chào mừng ngày 2/9": the occasion, not the meeting's day
    if P.future.search(folded, s, f.start):
        score -= 1  # "... sẽ họp vào ngày 22/6": a plan, less likely the reported event
    return score


def _main_sentences(t: _Text) -> list[tuple[int, int]]:
    me = t.doc.main_event
    if me is None:
        return []
    return [(s, e) for s, e in t.sentences if s < me.end and me.start < e]


def _choose(t: _Text, found: list[_Found]) -> _Found | None:
    main = _main_sentences(t)
    best: tuple[float, _Found] | None = None
    latest = max((f.y2 for f in found if f.y2 is not None and f.kind in ("", "header")), default=None)
    for f in found:
        if f.kind:
            continue
        sc = _score(t, f, main)
        if f.y1 is not None and latest is not None and f.y1 < latest - 1:
            sc -= 2  # a past occasion ("lần thứ nhất, ngày 5/6/2010"), not this report's event
        if best is None or sc > best[0]:
            best = (sc, f)
    return None if best is None else best[1]


# --- completing the range ---------------------------------------------------------------------


def _extend(t: _Text, anchor: _Found, found: list[_Found]) -> tuple[int, int, int | None, list[_Found]]:
    """The end of a one-day anchor from another mention of the same event, if the text gives it."""
    if anchor.is_range:
        return anchor.d2, anchor.m2, anchor.y2, []
    # the same start written as a range elsewhere ("Sáng 24/6" ... "trong hai ngày (24-25/6)")
    for f in found:
        if f is anchor or f.kind or not f.is_range:
            continue
        if (f.d1, f.m1) == (anchor.d1, anchor.m1) and (anchor.y1 is None or f.y1 is None or f.y1 == anchor.y1):
            return f.d2, f.m2, f.y2, [f]
    # "bế mạc ngày ...", "kéo dài đến hết ngày ..." after the anchor (up to three months on), or a
    # later day whose sentence reports the closing ("Chiều 6/12, hội nghị bế mạc", up to two weeks on)
    P = _patterns()
    for f in found:
        if f.core <= anchor.core or f.is_range:
            continue
        if f.kind == "end":
            limit = 92
        elif not f.kind and P.closing.search(t.folded, *f.sent) and P.event.search(t.folded, *f.sent):
            limit = 14
        else:
            continue
        days = _days_between(anchor, f)
        if days is not None and 0 < days <= limit:
            return f.d1, f.m1, f.y1, [f]
    return anchor.d2, anchor.m2, anchor.y2, []


def _days_between(a: _Found, b: _Found) -> int | None:
    """Days from a's start to b's start, b taken as the next such day when its year is not written."""
    if a.y1 is not None and b.y1 is not None:
        y, yy = a.y1, b.y1
    else:  # a leap year stands in for the unknown one
        y = 2000
        yy = y if (b.m1, b.d1) >= (a.m1, a.d1) else y + 1
    if not (_valid(y, a.m1, a.d1) and _valid(yy, b.m1, b.d1)):
        return None
    return (dt.date(yy, b.m1, b.d1) - dt.date(y, a.m1, a.d1)).days


def _duration(t: _Text, anchor: _Found) -> tuple[int, Span] | None:
    """The event's length in days ("diễn ra trong 1,5 ngày") from a sentence about the event."""
    P = _patterns()
    for m in P.duration.finditer(t.folded, anchor.sent[0]):
        s, e = t.sentence(m.start())
        if not P.event.search(t.folded, s, e):
            continue
        n_text = m.group("n")
        n = math.ceil(float(n_text.replace(",", "."))) if n_text[0].isdigit() else parse_number(n_text) or 0
        return (n, t.doc.span(m.start(), m.end())) if 2 <= n <= 10 else None
    return None


# --- the year ----------------------------------------------------------------------------------


def _closest_year(m: int, d: int, ref: dt.date) -> int | None:
    best: tuple[int, int] | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if _valid(y, m, d):
            gap = abs((dt.date(y, m, d) - ref).days)
            if best is None or gap < best[0]:
                best = (gap, y)
    return None if best is None else best[1]


def _context_year(t: _Text, anchor: _Found, found: list[_Found]) -> tuple[int, list[Span]] | None:
    """The year the text states for the event itself, with its evidence."""
    P = _patterns()
    folded, doc = t.folded, t.doc
    # 1. the same day (or a dated range holding it) written with its year elsewhere
    for f in found:
        if f is anchor or f.kind not in ("", "end") or f.y1 is None:
            continue
        if P.background.search(folded, *f.sent):
            continue  # "Trước đó, ngày ...", "năm trước ...": another occasion
        if (f.d1, f.m1) == (anchor.d1, anchor.m1):
            return f.y1, [doc.span(f.start, f.end)]
        if f.is_range and f.y1 == f.y2 and _valid(f.y1, anchor.m1, anchor.d1):
            if dt.date(f.y1, f.m1, f.d1) <= dt.date(f.y1, anchor.m1, anchor.d1) <= dt.date(f.y2, f.m2, f.d2):
                return f.y1, [doc.span(f.start, f.end)]
    # 2. a dateline or publication line
    for f in found:
        if f.kind == "header":
            y = _closest_year(anchor.m1, anchor.d1, dt.date(f.y1, f.m1, f.d1))
            if y is not None:
                return y, [doc.span(f.start, f.end)]
    # 3. the event's own name or agenda: "năm 2017" in the sentences that report it; in the sentence
    #    after them, when it places the event in a larger one ("Đây là ... năm 2017"), or goes on about
    #    it with a part of that year ("Hội nghị thảo luận ... 6 tháng đầu năm 2017")
    todo: dict[int, str] = {}
    for f in [anchor] + [g for g in found if g is not anchor and not g.kind and (g.d1, g.m1) == (anchor.d1, anchor.m1)]:
        i = t.sentence_index(f.core)
        if i < 0 or (f is not anchor and P.background.search(folded, *f.sent)):
            continue
        todo[i] = "own"
        if i + 1 < len(t.sentences) and i + 1 not in todo:
            s, e = t.sentences[i + 1]
            if P.year_lead.match(folded, s):
                todo[i + 1] = "own"
            elif P.event.search(folded, s, min(e, s + 30)):
                todo[i + 1] = "in_year"
    # the headline, when it names an event
    if t.sentences and 0 not in todo:
        s, e = t.sentences[0]
        if "\n" not in folded[s:e] and "\n" in folded[e:e + 3] and P.event.search(folded, s, e):
            todo[0] = "own"
    years: dict[int, Span] = {}
    for i, how in todo.items():
        s, e = t.sentences[i]
        hits = [(ym.start(), ym.end(), ym.start("y")) for ym in P.year.finditer(t.view, s, e)]
        if how == "own":
            # a year right after a capitalised name: "Techmart 2015", "Diễn đàn ... Mekong 2017"
            hits += [(nm.start("w"), nm.end(), nm.start("y")) for nm in P.name_year.finditer(doc.plain, s, e)
                     if not P.not_a_name.fullmatch(folded, nm.start("w"), nm.end("w"))]
        for start, end, ystart in hits:
            if how == "in_year" and not P.in_year.match(folded, max(s, start - 30), start):
                continue
            if P.year_exclude.match(folded, max(s, start - 25), start):
                continue  # "giai đoạn", "đến năm", "nhiệm kỳ", "trong năm" ...
            clause = folded[max(s, start - 60):start]
            clause = clause[max(clause.rfind(","), clause.rfind(";")) + 1:]
            if P.legal.search(clause):
                continue  # "Luật Hợp tác xã năm 2012"
            if P.review.search(clause) and anchor.m1 <= 6:
                continue  # a year's review ("tổng kết năm 2016") is held early the next year
            years.setdefault(int(t.view[ystart:ystart + 4]), doc.span(start, end))
    if len(years) == 1:
        (y, span), = years.items()
        return y, [span]
    return None


# --- the finder ---------------------------------------------------------------------------------


def _from_dateline(t: _Text, found: list[_Found]) -> DateRange | None:
    """ "Lâm Đồng, 12-3-2024 - Sáng nay, ... tổ chức Lễ ký kết": with no date of its own, an event told
    of as held today (or yesterday) in its sentence takes the date of the dateline."""
    header = next((f for f in found if f.kind == "header" and f.y1 is not None), None)
    if header is None:
        return None
    P = _patterns()
    for s, e in _main_sentences(t) or [header.sent]:  # (the dateline opens the event's sentence)
        for pattern, back in ((P.today, 0), (P.yesterday, 1)):
            m = pattern.search(t.folded, s, e)
            if m:
                day = dt.date(header.y1, header.m1, header.d1) - dt.timedelta(days=back)
                iso = day.isoformat()
                spans = [t.doc.span(header.start, header.end), t.doc.span(m.start(), m.end())]
                return DateRange(start=iso, end=iso, year_source="text", evidence=spans)
    return None


def _iso(y: int | None, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}" if y is not None else f"--{m:02d}-{d:02d}"


def extract_date_range(doc: Document) -> DateRange | None:
    """The main event's dates: the date phrase that reports it, completed into a range, with a year
    only when the text (or the caller's reference date) makes it certain."""
    if _DIGIT.search(doc.folded) is None:
        return None
    t = _Text(doc)
    found = _find_dates(t)
    anchor = _choose(t, found)
    if anchor is None:
        return _from_dateline(t, found)
    evidence: list[Span] = [doc.span(anchor.start, anchor.end)]
    d1, m1, y1 = anchor.d1, anchor.m1, anchor.y1
    d2, m2, y2, used = _extend(t, anchor, found)
    evidence += [doc.span(f.start, f.end) for f in used]
    if (d2, m2) == (d1, m1) and not used:
        dur = _duration(t, anchor)
        if dur is not None:
            n, span = dur
            base = dt.date(y1 if y1 is not None else 2000, m1, d1)
            end = base + dt.timedelta(days=n - 1)
            d2, m2 = end.day, end.month
            y2 = end.year if y1 is not None else None
            evidence.append(span)
    # one end's year gives the other's
    if y1 is None and y2 is not None:
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
    if y2 is None and y1 is not None:
        y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
    source = "text" if anchor.y1 is not None else "context"  # else the year came with the end
    if y1 is None:
        source = "unknown"
        ctx = _context_year(t, anchor, found)
        if ctx is not None:
            y1, spans = ctx
            evidence += spans
            source = "context"
        elif doc.reference_date is not None:
            y1 = _closest_year(m1, d1, doc.reference_date)
            source = "reference_date"
        if y1 is not None:
            y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
            if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
                y1 = y2 = None
                source = "unknown"
    spans: list[Span] = []
    for sp in evidence:
        if sp.end > sp.start and all((sp.start, sp.end) != (o.start, o.end) for o in spans):
            spans.append(sp)
    return DateRange(start=_iso(y1, m1, d1), end=_iso(y2, m2, d2), year_source=source, evidence=spans)
