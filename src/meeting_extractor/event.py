"""Event type, title and edition, and where the main event is reported.

The main event is the first place in the body where a report says an event was
held: a held cue before the event noun ("đã tổ chức Hội nghị ...", "khai mạc
Diễn đàn ...") or after it in the same sentence ("Hội nghị ... được tổ chức",
"Hội nghị ... do Bộ X tổ chức"). The headline is used only when the body has no
such report. The event's name is read after the noun up to where it ends (a stop
word, a date, a bracket, the edition phrase, the end of the sentence...); the
edition is the "lần thứ N" / "thứ V" phrase that follows the name, or
"lần đầu tiên" said of the meeting.

All matching runs on the folded view; cue phrases and event nouns are data
(`data/event_types.tsv`, `data/event_cues.tsv`, `data/ordinal_words.tsv`).
On clean text a cue word must also carry its own diacritics ("để", not "đề"),
since several Vietnamese words fold to the same letters.

Speed: the text is scanned in full twice (event nouns, held cues) with
prefix-tree patterns of the standard `re` module; everything else looks at a
few words around a match.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .document import Document, Mention
from .lexicon import lookup_key, read_tsv, split_aliases, trie_regex
from .models import Event, Span
from .numbers import parse_number
from .textview import fold

_L = r"(?<!\w)"
_R = r"(?!\w)"
_NEVER = r"(?!x)x"


def norm(phrase: str) -> str:
    """A phrase folded (no diacritics, lower case), white space single."""
    return " ".join(fold(phrase).split())


def alternation(phrases, *, dash: bool = False) -> str:
    """A `re` pattern matching any of the phrases (folded) as a prefix tree (`lexicon.trie_regex`);
    with `dash`, a dash matches a dash with or without spaces around it."""
    folded = {norm(p) for p in phrases if p and p.strip()}
    if not dash:
        return trie_regex(folded)
    return trie_regex({re.sub(r"\s*-\s*", "-", p) for p in folded},
                      piece=lambda ch: r"\s+" if ch == " " else r"\s*-\s*" if ch == "-" else re.escape(ch))


def left_edge(text: str, pos: int) -> bool:
    """Does a word start at `pos` (no letter or digit right before it)?"""
    return pos == 0 or not text[pos - 1].isalnum()


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in read_tsv("event_cues.tsv"):
        phrases = out.setdefault(row["kind"], [])
        phrases.append(row["phrase"])
        phrases.extend(split_aliases(row.get("ocr")))
    return out


def cue_phrases(kind: str) -> list[str]:
    return _cues().get(kind, [])


@lru_cache(maxsize=None)
def cue_set(kind: str) -> frozenset[str]:
    return frozenset(norm(p) for p in cue_phrases(kind))


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TONE_FIRST = re.compile(f"([ou])([aey])([{_TONES}])")


@lru_cache(maxsize=4096)
def tone_key(s: str) -> str:
    """Lower case, NFC, tone of oa/oe/uy on the first vowel (hoá = hóa), white space folded."""
    d = unicodedata.normalize("NFD", " ".join(s.lower().split()))
    return unicodedata.normalize("NFC", _TONE_FIRST.sub(r"\1\3\2", d))


@lru_cache(maxsize=None)
def _forms(kinds: tuple[str, ...], table: str) -> frozenset[str]:
    return frozenset(tone_key(r["phrase"]) for r in read_tsv(table) if r["kind"] in kinds)


@lru_cache(maxsize=1)
def _compound() -> "re.Pattern[str]":
    return re.compile(_L + alternation(cue_phrases("compound")) + _R)


def genuine(doc: Document, start: int, end: int, kinds: tuple[str, ...], *, lower: bool = True,
            table: str = "event_cues.tsv") -> bool:
    """Is the cue word matched at folded [start, end) really that word, not one that folds the same?

    Clean text: its diacritics must be those of a phrase of `kinds` in data/`table` ("để", not "đề").
    Other text: when `lower`, it must not be capitalised ("Ban" is a committee, "bàn" a verb).
    Neither may be part of a listed compound ("vấn đề", "đạt được").
    """
    if doc.quality == "clean":
        if tone_key(doc.original(start, end)) not in _forms(kinds, table):
            return False
    elif lower and doc.plain[start:start + 1].isupper():
        return False
    f = doc.folded
    for m in _compound().finditer(f, max(0, start - 20), min(len(f), end + 20)):
        if m.start() < end and start < m.end():
            return False
    return True


def text_value(doc: Document, start: int, end: int) -> tuple[str, str]:
    """A value copied from the text at folded [start, end), with its alignment.

    Clean text: the original words ("exact"); text without diacritics: the original words
    ("as_printed"). OCR'd text: the words as read after the OCR repair of the folded view, letter
    case kept ("repaired"): an English OCR model's "chirc"/"qudc" become "chuc"/"quoc", which is
    closer to what was printed than the raw characters. Evidence spans always hold the raw characters.
    """
    if doc.quality == "clean":
        return doc.original(start, end), "exact"
    if doc.quality == "ocr_noisy":
        return doc.view.plain_words(start, end), "repaired"
    return doc.original(start, end), "as_printed"


# -- event nouns ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Noun:
    canonical: str
    noun_words: int  # how many words of the matched alias are the noun (the rest starts the name)


@lru_cache(maxsize=1)
def _nouns() -> tuple["re.Pattern[str]", dict[str, _Noun]]:
    lookup: dict[str, _Noun] = {}
    for row in read_tsv("event_types.tsv"):
        canonical = row["canonical"].strip()
        forms = [canonical] + split_aliases(row.get("aliases")) + split_aliases(row.get("ocr"))
        for form in forms:
            head, _, rest = form.partition("+")
            lookup.setdefault(norm(head + " " + rest), _Noun(canonical, len(norm(head).split())))
    return re.compile(alternation(lookup) + _R), lookup


def event_nouns(text: str, start: int = 0, end: int | None = None):
    """(start, end, canonical type) of every event noun in folded `text` (reusable by other finders)."""
    pattern, lookup = _nouns()
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        if left_edge(text, m.start()):
            noun = lookup.get(lookup_key(m.group()))
            if noun:
                yield m.start(), m.end(), noun.canonical


# -- patterns ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    return {norm(r["word"]): int(r["value"]) for r in read_tsv("ordinal_words.tsv")}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, "re.Pattern[str]"]:
    c = cue_phrases
    number_words = alternation(r["word"] for r in read_tsv("number_words.tsv"))
    number = rf"\d+|{number_words}(?:\s+{number_words})*"
    edition = (
        rf"{_L}{alternation(c('edition_lead'))}\s+(?P<ed>{alternation(_ordinals())}|{number}|[ivxlc]{{1,6}}){_R}"
        rf"|{_L}(?P<first>(?:lan|1an)\s+dau(?:\s+tien)?){_R}"
    )
    time_words = r"(?:ngay|sang|chieu|toi|trua|hom)"
    date = r"(?<![\d/.])\d{1,2}\s*[/.-]\s*\d{1,2}(?!\d)"
    return {
        "cues": re.compile(alternation(c("held_after") + c("held_by") + ["do"]) + _R),
        "stop": re.compile(
            r"\s*(?:(?P<ed_stop>" + edition + r")"
            + r"|(?P<word>" + _L + alternation(c("title_stop")) + _R + r")"
            + r"|(?P<audience>" + _L + alternation(c("audience_stop")) + _R + r")"
            + rf"|{_L}(?:vao|tu|trong|den)\s+(?:{time_words}|thang|luc|dip|\d|hai\s+ngay|ba\s+ngay|cac\s+ngay)"
            + rf"|{_L}{time_words}\s+(?:\d|nay|qua|mai){_R}"
            + rf"|{_L}(?:cho|voi)\s+\d"
            + rf"|{date}"
            + r"|(?P<punct>[(\[;:!?]|\.(?=\s|$)|,))"),
        "comma_stop": re.compile(r",\s*(?:(?P<cw>" + alternation(c("comma_stop") + c("title_stop")) + r")" + _R + r"|\d)"),
        "edition": re.compile(r"[\s,]*(?:" + edition + r")"),
        "intro": re.compile(r"\s*" + alternation(c("title_intro")) + r"(?:\s*:|\s+la)?\s*"),
        "purpose": re.compile(alternation(c("purpose")) + _R),
        "descriptors": re.compile(r"(?:\s*(?:" + alternation(c("descriptor")) + r"|\d+|[ivxlc]+)" + _R + r")+\s*$"),
        "descriptor_quote": re.compile(r"(?:" + alternation(c("descriptor")) + r"\s*)+:?\s*\""),
        "about": re.compile(alternation(c("about")) + _R),
        "demonstrative": re.compile(r"\s*" + alternation(c("demonstrative")) + _R),
        "of": re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?" + alternation(c("of")) + r"\s+"),
        "no_edition": re.compile(alternation(c("no_edition")) + r"\s+$"),
        "meeting": re.compile(_L + alternation(c("meeting_word")) + _R),
        "first_time": re.compile(_L + r"(?:lan|1an)\s+dau(?:\s+tien)?" + _R),
        "when_where": re.compile(rf"{date}|{_L}{time_words}\s+(?:\d|nay|qua){_R}|{_L}tai\s+\w"),
        "blank": re.compile(r"\n[ \t\r]*\n"),
        "sentence_mark": re.compile(r"[.!?]\s+\S"),
    }


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(s: str) -> int | None:
    if not s or any(ch not in _ROMAN for ch in s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total if 0 < total < 200 else None


def edition_value(doc: Document, m: "re.Match[str]") -> int | None:
    """The edition number of a match of the edition pattern (groups ed / first)."""
    if m.group("first"):
        return 1
    word = " ".join(m.group("ed").split())
    value = _ordinals().get(word)
    if value is None:
        value = parse_number(word)
    if value is None and doc.plain[m.start("ed"):m.end("ed")].isupper():
        # Roman numerals are written in capitals (lần thứ XII); a lower-case "x" is no numeral
        value = _roman(word)
    return value if value and 0 < value < 1000 else None


# -- the document's regions -------------------------------------------------------

def headline_bounds(doc: Document) -> tuple[int, int]:
    """(end of the headline, start of the body) in folded offsets; (0, 0) when there is no headline."""
    f = doc.folded
    lead = 0
    while lead < len(f) and f[lead].isspace():
        lead += 1
    P = _patterns()
    m = P["blank"].search(f, lead, lead + 400)
    if m:
        head = f[lead:m.start()]
        if len(head) < 200 or not P["sentence_mark"].search(head):
            return m.start(), m.end()
    nl = f.find("\n", lead)
    if 0 < nl - lead < 250 and not f[lead:nl].rstrip().endswith("."):
        return nl, nl + 1
    return 0, 0


def sentence_bounds(doc: Document, pos: int) -> tuple[int, int]:
    """The sentence around folded offset `pos`; the whole headline when `pos` is in it."""
    return _sentence(doc, pos, headline_bounds(doc)[0])


def _sentence(doc: Document, pos: int, head_end: int) -> tuple[int, int]:
    if pos < head_end:
        return 0, head_end
    sentences = doc.sentences
    i = bisect_right(sentences, (pos, len(doc.folded) + 1)) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return pos, len(doc.folded)


_TOKEN = re.compile(r"\S+")


def _words_before(f: str, pos: int, lo: int) -> list["re.Match[str]"]:
    """The last few words before `pos` (from `lo`), when only white space separates them from it."""
    if pos == 0 or not f[pos - 1].isspace():
        return []
    return list(_TOKEN.finditer(f, max(lo, pos - 70), pos))[-6:]


def _phrase_at_end(words: list["re.Match[str]"], phrases: frozenset[str], longest: int = 3) -> int:
    """How many of the last words form one of the phrases (0 if none)."""
    for k in range(min(longest, len(words)), 0, -1):
        if " ".join(w.group() for w in words[-k:]) in phrases:
            return k
    return 0


# -- one mention of an event noun -------------------------------------------------

@dataclass
class _Found:
    start: int          # the noun (folded offsets)
    end: int
    name_start: int     # where the name may begin
    canonical: str
    held: bool
    in_headline: bool
    title: tuple[int, int] | None = None
    null_reason: str | None = None
    edition: int | None = None
    edition_span: tuple[int, int] | None = None
    title_extra: tuple[int, int] | None = None  # the rest of the name after the edition
    parsed: bool = False


def _mentions(doc: Document, head_end: int) -> list[_Found]:
    pattern, lookup = _nouns()
    f = doc.folded
    nouns = []
    for m in pattern.finditer(f):
        s, e = m.span()
        noun = lookup.get(lookup_key(m.group()))
        if noun is None or not left_edge(f, s):
            continue
        if " " not in noun.canonical and not _genuine_noun(doc, s, e, noun.canonical):
            continue  # "lễ" must not be "Lê" or "lệ"
        nouns.append((s, e, noun))
    if not nouns:
        return []
    # the held cues that follow a noun ("được tổ chức", "do Bộ X tổ chức"), found in one scan
    cues = [m for m in _patterns()["cues"].finditer(f) if left_edge(f, m.start())]
    cue_starts = [m.start() for m in cues]
    after_set, by_set = cue_set("held_after"), cue_set("held_by")
    before_set, filler_set = cue_set("held_before"), cue_set("filler")
    not_cue, not_event = cue_set("not_cue"), cue_set("not_event")
    out: list[_Found] = []
    for i, (s, e, noun) in enumerate(nouns):
        name_start = e
        if noun.noun_words < len(f[s:e].split()):
            words = list(_TOKEN.finditer(f, s, e))
            e = words[noun.noun_words - 1].end()
            name_start = words[noun.noun_words].start()
        found = _Found(s, e, name_start, noun.canonical, False, s < head_end)
        sent_s, sent_e = _sentence(doc, s, head_end)
        before = _words_before(f, s, sent_s)
        # fillers between the cue and the noun: "tổ chức thành công Đại hội"
        k = _phrase_at_end(before, filler_set, 2)
        while k:
            before = before[:-k]
            k = _phrase_at_end(before, filler_set, 2)
        k = _phrase_at_end(before, before_set)
        if k and genuine(doc, before[-k].start(), before[-1].end(), ("held_before",), lower=False) \
                and not _phrase_at_end(before[:-k], not_cue, 2):
            found.held = True
        elif not _phrase_at_end(_words_before(f, s, sent_s), not_event, 2):
            nxt = nouns[i + 1][0] if i + 1 < len(nouns) else sent_e
            limit = min(sent_e, e + 300, nxt)
            found.held = _held_after(doc, cues, cue_starts, e, limit, after_set, by_set, not_cue)
        out.append(found)
    return out


def _held_after(doc: Document, cues: list, cue_starts: list[int], e: int, limit: int,
                after_set: frozenset[str], by_set: frozenset[str], not_cue: frozenset[str]) -> bool:
    """Is there a held cue after the noun before `limit`: "Hội nghị ... được tổ chức", "... do X tổ chức"?"""
    f = doc.folded
    do_at = None
    for j in range(bisect_left(cue_starts, e), len(cues)):
        m = cues[j]
        if m.start() >= limit:
            break
        key = lookup_key(m.group())
        if key == "do" and do_at is None:
            if genuine(doc, m.start(), m.end(), ("held_do",), lower=False):
                do_at = m.end()
            continue
        by = key in by_set and do_at is not None and m.start() - do_at <= 160 \
            and not _SENTENCE_PUNCT.search(f, do_at, m.start())
        if key in after_set or by:
            if _phrase_at_end(_words_before(f, m.start(), e), not_cue, 2):
                continue
            if genuine(doc, m.start(), m.end(), ("held_after", "held_by"), lower=False):
                return True
    return False


_SENTENCE_PUNCT = re.compile(r"[.;:!?\n]")


def _genuine_noun(doc: Document, s: int, e: int, canonical: str) -> bool:
    if doc.quality == "clean":
        return tone_key(doc.original(s, e)) == tone_key(canonical)
    return not doc.plain[s:s + 1].isupper()


# -- the event's name -----------------------------------------------------------------

def _parse_name(doc: Document, found: _Found, head_end: int) -> None:
    """Fill in the title span, null reason and edition of one mention."""
    if found.parsed:
        return
    found.parsed = True
    f, P = doc.folded, _patterns()
    _, limit = _sentence(doc, found.start, head_end)
    pos = found.name_start
    intro = P["intro"].match(f, pos, limit)
    if intro:
        pos = intro.end()
    while pos < limit and f[pos].isspace():
        pos += 1
    lead = P["descriptor_quote"].match(f, pos, limit)
    if lead:
        pos = lead.end() - 1  # "Hội thảo khoa học quốc tế “X”": the name is X
    start = end = pos
    unclosed = False
    if pos < limit and f[pos] == '"':
        close = f.find('"', pos + 1, min(len(f), limit + 3))
        if close > pos:
            start, end = pos + 1, close
            pos = close + 1
        else:
            pos += 1
            start = end = pos
            unclosed = True
    if end == start:
        if unclosed:
            # the closing quote was lost (OCR): the name ends with its line at the latest
            nl = f.find("\n", start, limit)
            limit = nl if nl > start else limit
        end, pos = _name_end(doc, start, limit, found.in_headline, found.canonical)
        # "Hội thảo khoa học: <name>": a short lead-in before a colon is no part of the name
        if end < limit and f[end:end + 1] == ":" and len(f[start:end].split()) <= 4:
            s2 = end + 1
            while s2 < limit and f[s2].isspace():
                s2 += 1
            if s2 < limit and f[s2] == '"':
                close = f.find('"', s2 + 1, min(len(f), limit + 3))
                if close > s2:
                    start, end, pos = s2 + 1, close, close + 1
                else:
                    start = s2 + 1
                    end, pos = _name_end(doc, start, limit, found.in_headline, found.canonical)
            else:
                start = s2
                end, pos = _name_end(doc, start, limit, found.in_headline, found.canonical)
    # the edition right after the name
    ed = P["edition"].match(f, pos, limit)
    if ed and not P["no_edition"].search(f, max(0, ed.start() - 40), ed.start() + 1):
        value = edition_value(doc, ed)
        if value:
            found.edition = value
            found.edition_span = (ed.start("first"), ed.end("first")) if ed.group("first") \
                else (ed.start() + len(ed.group()) - len(ed.group().lstrip(" \t\n,")), ed.end("ed"))
            pos = ed.end()
    start, end = _trim(f, start, end)
    if found.edition:
        # "Phiên họp thứ 12 của Ủy ban ...", "Hội nghị lần thứ 8 Ban Chấp hành ...": the name follows
        # the edition; "Hội thảo quốc tế lần thứ 3 về X": so does the rest of it
        of = P["of"].match(f, pos, limit)
        s2 = of.end() if of else pos
        while s2 < limit and f[s2].isspace():
            s2 += 1
        about = P["about"].match(f, s2, limit)
        if (of and end <= start or end <= start and s2 < limit and doc.plain[s2].isupper()
                or about and end > start and genuine(doc, about.start(), about.end(), ("about",))):
            e2, _ = _name_end(doc, s2, limit, found.in_headline, found.canonical)
            s2, e2 = _trim(f, s2, e2)
            if e2 > s2:
                if end <= start:
                    start, end = s2, e2
                else:
                    found.title_extra = (s2, e2)
    if end <= start:
        found.null_reason = "empty"
        return
    purpose = P["purpose"].match(f, start, end)
    if purpose and genuine(doc, start, purpose.end(), ("purpose",)):
        found.null_reason = "purpose"
        return
    if P["descriptors"].match(f[start:end]) and not found.title_extra:
        found.null_reason = "descriptor"
        return
    if f.startswith("ve ", start) and genuine(doc, start, start + 2, ("about",)):
        start += 3
        while start < end and f[start].isspace():
            start += 1
    found.title = (start, end)


def _name_end(doc: Document, start: int, limit: int, headline: bool, canonical: str = "") -> tuple[int, int]:
    """Where a name that begins at `start` ends: (end of the name, where to look for the edition)."""
    f, plain, P = doc.folded, doc.plain, _patterns()
    pos = start
    max_end = min(limit, start + 400)
    while pos < max_end:
        m = P["stop"].search(f, pos, max_end)
        if m is None:
            return max_end, max_end
        q = f.find('"', pos, m.start())
        if q >= 0:
            close = f.find('"', q + 1, min(len(f), max_end + 3))
            if close > q:
                # a quoted part belongs to the name, which ends with it
                return close + 1, close + 1
        if m.group("word") and (not genuine(doc, m.start("word"), m.end("word"), ("title_stop",))
                                or _aspect_before_name(doc, m.start("word"), m.end("word"))):
            pos = m.end("word")
            continue
        if m.group("audience") and (canonical in _audience_types()
                                    or not genuine(doc, m.start("audience"), m.end("audience"), ("audience_stop",))):
            pos = m.end("audience")
            continue
        if m.group("punct") == ",":
            if headline:
                pos = m.end()
                continue
            nxt = m.end()
            while nxt < max_end and f[nxt].isspace():
                nxt += 1
            cs = P["comma_stop"].match(f, m.start(), max_end)
            if (nxt >= max_end or plain[nxt].isupper() or not plain[nxt].isalpha()
                    or (cs and (cs.group("cw") is None
                                or genuine(doc, cs.start("cw"), cs.end("cw"), ("title_stop", "comma_stop"))))):
                return m.start(), m.start()
            pos = m.end()
            continue
        if m.group("ed_stop") and (P["no_edition"].search(f, max(0, m.start() - 40), m.start() + 1)
                                   or edition_value(doc, m) is None):
            pos = m.end()
            continue
        return m.start(), m.start()
    return max_end, max_end


_NEXT_WORD = re.compile(r"\s+(\S)")


@lru_cache(maxsize=1)
def _audience_types() -> frozenset[str]:
    return frozenset(p.strip() for p in cue_phrases("audience_type"))


def _aspect_before_name(doc: Document, start: int, end: int) -> bool:
    """Text without diacritics: "da" before a capitalised word is "đá"/"đa", not the verb marker "đã"."""
    if doc.quality == "clean" or norm(doc.folded[start:end]) not in cue_set("aspect"):
        return False
    m = _NEXT_WORD.match(doc.plain, end)
    return bool(m and m.group(1).isupper())


_TRAIL = '"\'.,;:-–—…)( \n\t'


def _trim(f: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (f[s].isspace() or f[s] in '"\'-,:'):
        s += 1
    while e > s and f[e - 1] in _TRAIL:
        if f[e - 1] == ")" and "(" in f[s:e]:
            break
        e -= 1
    return s, e


def _fold_words(doc: Document, span: tuple[int, int] | None) -> str:
    if not span:
        return ""
    return " ".join(doc.folded[span[0]:span[1]].replace('"', " ").split())


# -- the main event ----------------------------------------------------------------

def extract_event(doc: Document) -> tuple[Event | None, Mention | None]:
    f = doc.folded
    if not f.strip():
        return None, None
    head_end, body_start = headline_bounds(doc)
    mentions = _mentions(doc, head_end)
    if not mentions:
        return None, None
    body = [m for m in mentions if not m.in_headline]
    head = [m for m in mentions if m.in_headline]
    not_event = cue_set("not_event")
    main = (_first_report(doc, [m for m in body if m.held], head_end)
            or _first_report(doc, [m for m in head if m.held], head_end)
            or next((m for m in body if not _phrase_at_end(_words_before(f, m.start, 0), not_event, 2)), None)
            or (head[0] if head else mentions[0]))
    _parse_name(doc, main, head_end)
    title, edition, edition_span = main.title, main.edition, main.edition_span
    source = main  # the mention the title comes from
    same = [m for m in mentions if m is not main and m.canonical == main.canonical]

    if title is None:
        # a mention with the same edition that names the event, else a later report that names it
        if edition:
            for m in same:
                if _edition_of(doc, m, head_end) == edition and m.title:
                    title, source = m.title, m
                    break
        if title is None:
            for m in same:
                if m.start > main.start and m.held and not m.in_headline:
                    _parse_name(doc, m, head_end)
                    if m.title and m.edition in (None, edition):
                        title, source = m.title, m
                        break
    elif same:
        # the headline or a mention with the same edition may give the name in full
        key = _fold_words(doc, title)
        best = None
        for m in same:
            if not (m.in_headline or (edition and _edition_of(doc, m, head_end) == edition)):
                continue
            _parse_name(doc, m, head_end)
            other = _fold_words(doc, m.title)
            if other.startswith(key + " ") and (best is None or len(other) > len(_fold_words(doc, best.title))):
                best = m
        if best:
            title, source = best.title, best
    if edition is None and title:
        key = _fold_words(doc, title)
        for m in same:
            if m.parsed and m.edition and m.title and _fold_words(doc, m.title) == key:
                edition, edition_span = m.edition, m.edition_span
                break
    if edition is None:
        edition_span = _first_time(doc, main, head_end, body_start)
        if edition_span:
            edition = 1

    evidence = [doc.span(main.start, main.end)]
    title_text = None
    alignment = "canonical"
    if title:
        value, alignment = text_value(doc, *title)
        title_text = _clean_title(value)
        if title_text:
            evidence.append(doc.span(*title))
        if title_text and source.title_extra:
            title_text = title_text + " " + _clean_title(text_value(doc, *source.title_extra)[0])
            evidence.append(doc.span(*source.title_extra))
    if edition and edition_span:
        evidence.append(doc.span(*edition_span))
    evidence = [s for s in evidence if s.text]
    if not evidence:
        return None, None
    if not title_text:
        alignment = "canonical"
    event = Event(type=main.canonical, title=title_text or None, edition=edition,
                  alignment=alignment, evidence=_dedupe(evidence))
    return event, Mention(main.start, main.end)


def _first_report(doc: Document, held: list[_Found], head_end: int) -> _Found | None:
    """The first report of holding: not one that refers back ("Hội nghị này"); among the first
    three of the same kind, the first whose sentence dates or places it."""
    P = _patterns()
    f = doc.folded
    candidates: list[_Found] = []
    for m in held:
        if P["demonstrative"].match(f, m.name_start):
            continue
        if candidates and m.canonical != candidates[0].canonical:
            continue  # a report of another kind of event is another event
        candidates.append(m)
        if len(candidates) == 3:
            break
    for m in candidates:
        s, e = _sentence(doc, m.start, head_end)
        if P["when_where"].search(f, s, e):
            return m
    return candidates[0] if candidates else None


def _edition_of(doc: Document, m: _Found, head_end: int) -> int | None:
    _parse_name(doc, m, head_end)
    return m.edition


def _first_time(doc: Document, main: _Found, head_end: int, body_start: int) -> tuple[int, int] | None:
    """'lần đầu tiên' said of the meeting in the headline, the lead, or the main sentence and its neighbours."""
    f, P = doc.folded, _patterns()
    regions = []
    if head_end:
        regions.append((0, head_end))
    sentences = doc.sentences
    idx = bisect_right(sentences, (main.start, len(f) + 1)) - 1
    if idx >= 0 and sentences[idx][0] <= main.start < sentences[idx][1]:
        regions.extend(sentences[max(0, idx - 1): idx + 2])
    else:
        regions.append(_sentence(doc, main.start, head_end))
    blank = P["blank"].search(f, body_start)
    regions.append((body_start, blank.start() if blank else min(len(f), body_start + 600)))
    for s, e in regions:
        for m in P["first_time"].finditer(f, s, e):
            ss, se = _sentence(doc, m.start(), head_end)
            if se <= ss:
                ss, se = s, e
            if next(event_nouns(f, ss, se), None) or P["meeting"].search(f, ss, se):
                return m.span()
    return None


def _clean_title(text: str) -> str:
    text = re.sub(r'["“”«»„]', "", text)
    return " ".join(text.split()).strip(" ,.;:-–—")


def _dedupe(spans: list[Span]) -> list[Span]:
    seen, out = set(), []
    for s in spans:
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            out.append(s)
    return out
