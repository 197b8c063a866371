r"""Event type, title and edition, and where the main event is reported.

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

Speed: the text is scanned in full once (event nouns, a prefix-tree pattern of
the standard `re` module); everything else looks at a few words around a match.
Held cues are scanned for only near the mentions asked about (`_cue_window`),
and a mention is asked whether it is held only when that can change the answer
(`_is_held`, `_first_report`). Patterns searched over more than a few words are
written so that a search stops only at their first characters: the word-start
test `(?<!\w)` moves after the first character (`word_alternation`,
`by_first_char`), as `re` tries a pattern at every position otherwise.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .document import Document, Mention
from .lexicon import lookup_key, read_tsv, split_aliases, trie_regex
from .models import Event, Span
from .numbers import parse_number
from .textview import clean_words, fold

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


def word_alternation(phrases, *, dash: bool = False) -> str:
    r"""`_L + alternation(phrases, dash=dash)`, matching the same text at the same places, written so
    that a search only stops at the first characters of the phrases: each alternative is one first
    character, the word-start test (`(?<!\w.)` after that character is `(?<!\w)` before it), then
    the rest of the phrases as a prefix tree (phrases with different first characters never match
    at the same place, and after the first character the tree is that of `alternation`)."""
    folded = {norm(p) for p in phrases if p and p.strip()}
    piece = None
    if dash:
        folded = {re.sub(r"\s*-\s*", "-", p) for p in folded}
        piece = lambda ch: r"\s+" if ch == " " else r"\s*-\s*" if ch == "-" else re.escape(ch)
    if not folded:
        return _NEVER
    if any(p[0] in " -" or p[0] == "\n" for p in folded):
        return _L + alternation(phrases, dash=dash)
    groups: dict[str, set[str]] = {}
    for p in folded:
        groups.setdefault(p[0], set()).add(p[1:])
    alts = []
    for first, tails in groups.items():
        tree = trie_regex(sorted(tails), piece=piece)  # "" among them: the first character alone is a phrase
        alts.append(re.escape(first) + r"(?<!\w.)" + ("" if tree == "(?:)" else tree))
    return "(?:" + "|".join(alts) + ")"


def by_first_char(words: list[tuple[list[str], str]], raw: list[tuple[str, str]] = ()) -> str:
    r"""A pattern for quick searching, whose alternatives each begin with one literal character (so that
    a search only stops at those characters, the first characters of the alternatives).

    `words`: (phrases, suffix) pairs, each for `_L + alternation(phrases) + suffix`; the word-start
    test moves after the first character (`(?<!\w.)` there is `(?<!\w)` before it). `raw`: (first
    character, rest) pairs, for `re.escape(first) + rest`. It matches where (and only where) one of
    the alternatives does, but it has no groups and it may match other text: it tells *where* to
    match the pattern it stands for.
    """
    word_rests: dict[str, list[str]] = {}
    for phrases, suffix in words:
        groups: dict[str, set[str]] = {}
        for p in {norm(p) for p in phrases if p and p.strip()}:
            groups.setdefault(p[0], set()).add(p[1:])
        for first, tails in groups.items():
            tree = trie_regex(sorted(tails))  # "" among them: the first character alone is a phrase
            word_rests.setdefault(first, []).append(("" if tree == "(?:)" else tree) + suffix)
    rests: dict[str, list[str]] = {first: [r"(?<!\w.)(?:" + "|".join(alts) + ")"] for first, alts in word_rests.items()}
    for first, rest in raw:
        rests.setdefault(first, []).append(rest)
    if not rests:
        return _NEVER
    return "(?:" + "|".join(re.escape(first) + "(?:" + "|".join(alts) + ")" for first, alts in rests.items()) + ")"


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


@lru_cache(maxsize=1)
def ocr_held_verb() -> str:
    """The regular expression of "tổ chức" as an English OCR model misreads it beyond the OCR repair
    ("té chuc", "16 chuc"; organizer_cues.tsv, kind ocr_verb): one definition for every finder."""
    alts = [r["cue"] for r in read_tsv("organizer_cues.tsv") if r["kind"] == "ocr_verb"]
    return "(?:" + "|".join(alts) + ")" if alts else r"(?!x)x"


@lru_cache(maxsize=1)
def _ocr_held_two_words() -> "re.Pattern[str]":
    return re.compile(ocr_held_verb())


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


def _original_key(doc: Document, start: int, end: int) -> str:
    """`tone_key(doc.original(start, end))`, without `clean_words` when it cannot change the key.

    `tone_key` folds white space itself, so of `clean_words` only the joining of a line-break
    hyphen ("-" then a line break) can matter; the original words are cleaned only when they hold both.
    """
    s, e = doc.view.to_original(start, end)
    words = doc.text[s:e]
    if "\n" in words and "-" in words:
        words = clean_words(words)
    return tone_key(words)


def genuine(doc: Document, start: int, end: int, kinds: tuple[str, ...], *, lower: bool = True,
            table: str = "event_cues.tsv") -> bool:
    """Is the cue word matched at folded [start, end) really that word, not one that folds the same?

    Clean text: its diacritics must be those of a phrase of `kinds` in data/`table` ("để", not "đề").
    Other text: when `lower`, it must not be capitalised ("Ban" is a committee, "bàn" a verb).
    Neither may be part of a listed compound ("vấn đề", "đạt được").
    """
    if doc.quality == "clean":
        if _original_key(doc, start, end) not in _forms(kinds, table):
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
        return ocr_ampersand(doc.view.plain_words(start, end)), "repaired"
    return doc.original(start, end), "as_printed"


_LONE_AMPERSAND = re.compile(r"(?<=[a-z]) & (?=[a-z])")


def ocr_ampersand(words: str) -> str:
    """OCR'd words as read: a lone "&" between two words in lower case is "ở" misread ("hoa giai & co so");
    one between capitals stays ("KH & CN", "Khoa học & Công nghệ")."""
    return _LONE_AMPERSAND.sub(" o ", words) if " & " in words else words


# -- event nouns ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Noun:
    canonical: str
    noun_words: int  # how many words of the matched alias are the noun (the rest starts the name)
    words: int = 0   # how many words the matched alias has


@lru_cache(maxsize=1)
def _nouns() -> tuple["re.Pattern[str]", dict[str, _Noun]]:
    lookup: dict[str, _Noun] = {}
    for row in read_tsv("event_types.tsv"):
        canonical = row["canonical"].strip()
        forms = [canonical] + split_aliases(row.get("aliases")) + split_aliases(row.get("ocr"))
        for form in forms:
            head, _, rest = form.partition("+")
            key = norm(head + " " + rest)
            lookup.setdefault(key, _Noun(canonical, len(norm(head).split()), len(key.split())))
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
        # where a name ends; `_stop` adds the white space before it. The word-start test shared by
        # the word alternatives is made once, so that most positions fail at their first test
        "stop": re.compile(
            _L + r"(?:(?P<ed_stop>" + edition + r")"
            + r"|(?P<word>" + alternation(c("title_stop")) + _R + r")"
            + r"|(?P<audience>" + alternation(c("audience_stop")) + _R + r")"
            + rf"|(?:vao|tu|trong|den)\s+(?:{time_words}|thang|luc|dip|\d|hai\s+ngay|ba\s+ngay|cac\s+ngay)"
            + rf"|{time_words}\s+(?:\d|nay|qua|mai){_R}"
            + r"|(?:cho|voi)\s+\d)"
            + rf"|{date}"
            + r"|(?P<punct>[(\[;:!?]|\.(?=\s|$)|,)"),
        # where "stop" matches (see `_stop_search`)
        "stop_hint": re.compile(by_first_char(
            [(c("edition_lead"), rf"\s+(?:{alternation(_ordinals())}|{number}|[ivxlc]{{1,6}}){_R}"),
             (["lan", "1an"], rf"\s+dau(?:\s+tien)?{_R}"),
             (c("title_stop"), _R),
             (c("audience_stop"), _R),
             (["vao", "tu", "trong", "den"],
              rf"\s+(?:{time_words}|thang|luc|dip|\d|hai\s+ngay|ba\s+ngay|cac\s+ngay)"),
             (["ngay", "sang", "chieu", "toi", "trua", "hom"], rf"\s+(?:\d|nay|qua|mai){_R}"),
             (["cho", "voi"], r"\s+\d")],
            [(d, r"(?<![\d/.]\d)\d?\s*[/.-]\s*\d{1,2}(?!\d)") for d in "0123456789"]
            + [(ch, "") for ch in "([;:!?,"] + [(".", r"(?=\s|$)")])),
        "comma_stop": re.compile(r",\s*(?:(?P<cw>" + alternation(c("comma_stop") + c("title_stop")) + r")" + _R + r"|\d)"),
        "edition": re.compile(r"[\s,]*(?:" + edition + r")"),
        # what every edition phrase starts with (an edition lead, or "lan"/"1an" of "lần đầu"), then
        # white space: where it is not found, there is no edition to read (see `_edition_of`)
        "edition_hint": re.compile(alternation(c("edition_lead") + ["lan", "1an"]) + r"\s"),
        "intro": re.compile(r"\s*" + alternation(c("title_intro")) + r"(?:\s*:|\s+la)?\s*"),
        "purpose": re.compile(alternation(c("purpose")) + _R),
        "descriptors": re.compile(r"(?:\s*(?:" + alternation(c("descriptor")) + r"|\d+|[ivxlc]+)" + _R + r")+\s*$"),
        "descriptor_quote": re.compile(r"(?:" + alternation(c("descriptor")) + r"\s*)+:?\s*\""),
        "about": re.compile(alternation(c("about")) + _R),
        "demonstrative": re.compile(r"\s*" + alternation(c("demonstrative")) + _R),
        "of": re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?" + alternation(c("of")) + r"\s+"),
        "no_edition": re.compile(alternation(c("no_edition")) + r"\s+$"),
        "meeting": re.compile(_L + alternation(c("meeting_word")) + _R),
        # `_L` (?:lan|1an)...: the word-start test comes after the first letter, so that a search
        # only stops at an "l" or "1"
        "first_time": re.compile(r"[l1](?<!\w.)an\s+dau(?:\s+tien)?" + _R),
        # {date}|{_L}{time_words}\s+(?:\d|nay|qua){_R}|{_L}tai\s+\w, each test of what comes
        # before after the first character, so that a search only stops at those characters
        "when_where": re.compile(
            r"\d(?<![\d/.]\d)\d?\s*[/.-]\s*\d{1,2}(?!\d)"
            + "".join(rf"|{w[0]}(?<!\w.){w[1:]}\s+(?:\d|nay|qua){_R}" for w in ("ngay", "sang", "chieu"))
            + rf"|t(?<!\w.)(?:oi\s+(?:\d|nay|qua){_R}|rua\s+(?:\d|nay|qua){_R}|ai\s+\w)"
            + rf"|h(?<!\w.)om\s+(?:\d|nay|qua){_R}"),
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
        # digits (the \d+ of the pattern) are what parse_number makes of them, without its regex
        value = int(word) if word.isdecimal() else parse_number(word)
    if value is None and doc.plain[m.start("ed"):m.end("ed")].isupper():
        # Roman numerals are written in capitals (lần thứ XII); a lower-case "x" is no numeral
        value = _roman(word)
    return value if value and 0 < value < 1000 else None


def editions_in(doc: Document, start: int, end: int) -> list[int]:
    """The edition numbers stated in folded [start, end) ("lần thứ nhất", "lần 2", "thứ V")."""
    P = _patterns()
    out = []
    for hint in P["edition_hint"].finditer(doc.folded, start, end):
        m = P["edition"].match(doc.folded, hint.start(), end)
        if m:
            value = edition_value(doc, m)
            if value is not None:
                out.append(value)
    return out


# -- the document's regions -------------------------------------------------------

_last_headline: tuple[str | None, tuple[int, int]] = (None, (0, 0))


def headline_bounds(doc: Document) -> tuple[int, int]:
    """(end of the headline, start of the body) in folded offsets; (0, 0) when there is no headline.

    Those of the last document asked are kept (the venue asks for them again and again)."""
    global _last_headline
    f = doc.folded
    if _last_headline[0] is f:
        return _last_headline[1]
    bounds = _headline_bounds(f)
    _last_headline = (f, bounds)
    return bounds


def _headline_bounds(f: str) -> tuple[int, int]:
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


def _last_words(f: str, pos: int, lo: int) -> list[str]:
    """The last few words (up to 6) before `pos`, in its 70 characters before and from `lo` (a word
    cut there counts as it is), when only white space separates them from `pos`."""
    if pos == 0 or not f[pos - 1].isspace():
        return []
    return f[max(lo, pos - 70):pos].split()[-6:]


# -- one mention of an event noun -------------------------------------------------

@dataclass(slots=True)
class _Found:
    start: int          # the noun (folded offsets)
    end: int
    name_start: int     # where the name may begin
    canonical: str
    in_headline: bool
    next_start: int | None  # where the next mention starts (None: it is the last)
    held: bool | None = None  # reported as held (None: not decided yet, see `_is_held`)
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
        s = m.start()
        if s and f[s - 1].isalnum():  # not at a word start (left_edge)
            continue
        matched = m.group()
        noun = lookup.get(matched) or lookup.get(lookup_key(matched))
        if noun is None:
            continue
        e = m.end()
        if " " not in noun.canonical and not _genuine_noun(doc, s, e, noun.canonical):
            continue  # "lễ" must not be "Lê" or "lệ"
        nouns.append((s, e, noun))
    if not nouns:
        return []
    out: list[_Found] = []
    for i, (s, e, noun) in enumerate(nouns):
        name_start = e
        if noun.noun_words < noun.words:  # the words of f[s:e]
            words = list(_TOKEN.finditer(f, s, e))
            e = words[noun.noun_words - 1].end()
            name_start = words[noun.noun_words].start()
        out.append(_Found(s, e, name_start, noun.canonical, s < head_end,
                          nouns[i + 1][0] if i + 1 < len(nouns) else None))
    return out


def _is_held(doc: Document, found: _Found, head_end: int) -> bool:
    """Is the mention a report of holding: a held cue before the noun ("đã tổ chức Hội nghị"), or
    after it in the same sentence and before the next mention ("Hội nghị ... được tổ chức")?
    Decided when first asked."""
    if found.held is None:
        f, s, e = doc.folded, found.start, found.end
        filler, before_set, not_cue, not_event, after_set, by_set = _held_sets()
        sent_s, sent_e = _sentence(doc, s, head_end)
        words = _last_words(f, s, sent_s)
        before = words
        # fillers between the cue and the noun: "tổ chức thành công Đại hội"
        k = _ends_with2(before, filler)
        while k:
            before = before[:-k]
            k = _ends_with2(before, filler)
        k = _ends_with(before, before_set)
        if not k and doc.quality == "ocr_noisy" and len(before) >= 2 \
                and _ocr_held_two_words().fullmatch(before[-2] + " " + before[-1]):
            k = 2  # "16 chuc Hoi nghi": "tổ chức" misread beyond repair
        if k:
            # where the cue's words are: only white space follows each word up to the next one, so
            # the last occurrence of a word before the next one's start is that word
            lo, at = max(sent_s, s - 70), s
            for j in range(len(words) - 1, len(before) - k - 1, -1):
                at = f.rfind(words[j], lo, at)
                if j == len(before) - 1:
                    cue_end = at + len(words[j])
            cue_start = at
        if k and genuine(doc, cue_start, cue_end, ("held_before",), lower=False) \
                and not _ends_with2(before[:-k], not_cue):
            found.held = True
        elif not _ends_with2(words, not_event):
            nxt = sent_e if found.next_start is None else found.next_start
            limit = min(sent_e, e + 300, nxt)
            found.held = _held_after(doc, e, limit, after_set, by_set, not_cue)
        else:
            found.held = False
    return found.held


@lru_cache(maxsize=1)
def _held_sets() -> tuple[frozenset[str], ...]:
    return (cue_set("filler"), cue_set("held_before"), cue_set("not_cue"), cue_set("not_event"),
            cue_set("held_after"), cue_set("held_by"))


def _held_after(doc: Document, e: int, limit: int,
                after_set: frozenset[str], by_set: frozenset[str], not_cue: frozenset[str]) -> bool:
    """Is there a held cue after the noun before `limit`: "Hội nghị ... được tổ chức", "... do X tổ chức"?

    The held cues are those of one scan of the whole text with the cue pattern (matches do not
    overlap; those not at a word start are dropped), but only the part of that scan around
    [e, limit) is run: see `_cue_window`.
    """
    if limit <= e:
        return False
    f = doc.folded
    lo, hi = _cue_window(f, e, limit)
    keys = _cue_keys()[0]
    do_at = None
    for m in _patterns()["cues"].finditer(f, lo, hi):
        ms = m.start()
        if ms >= limit:
            break
        if ms < e or ms and f[ms - 1].isalnum():  # before the noun's end, or not at a word start
            continue
        matched = m.group()
        key = matched if matched in keys else lookup_key(matched)
        if key == "do" and do_at is None:
            if genuine(doc, ms, m.end(), ("held_do",), lower=False):
                do_at = m.end()
            continue
        by = key in by_set and do_at is not None and ms - do_at <= 160 \
            and not _SENTENCE_PUNCT.search(f, do_at, ms)
        if key in after_set or by:
            if _ends_with2(_last_words(f, ms, e), not_cue):
                continue
            if genuine(doc, ms, m.end(), ("held_after", "held_by"), lower=False):
                return True
    return False


# Characters no held cue can contain (cue phrases are letters, digits and spaces: checked in
# `_cue_keys`): a scan of the cue pattern never runs across one.
_BREAK = re.compile(r'[.,;:()"]')


@lru_cache(maxsize=1)
def _cue_keys() -> tuple[frozenset[str], bool]:
    """The held cues (folded, as in the "cues" pattern), and whether they are only letters,
    digits and spaces (so that `_cue_window` may narrow a scan)."""
    phrases = frozenset(norm(p) for p in cue_phrases("held_after") + cue_phrases("held_by") + ["do"]
                        if p and p.strip())
    return phrases, all(ch.isalnum() or ch == " " for p in phrases for ch in p)


def _cue_window(f: str, e: int, limit: int) -> tuple[int, int]:
    """Where to scan for the held cues that start in [e, limit), with the same matches as a scan of
    the whole text: from just after a character no cue contains (no match of the whole-text scan
    runs across it, so that scan and one started there agree from there on) to just after another
    at or after `limit` (the matching of a cue that starts before `limit` reads no further)."""
    if not _cue_keys()[1]:
        return 0, len(f)
    a = max(0, e - 200)
    lo = max(f.rfind(",", a, e), f.rfind(".", a, e)) + 1  # 0 (the start) when none is near
    m = _BREAK.search(f, limit, limit + 200)
    return lo, m.end() if m else len(f)


def _ends_with(words: list[str], phrases: frozenset[str]) -> int:
    """How many of the last words (up to 3) form one of the phrases (0 if none)."""
    n = len(words)
    if n >= 3 and " ".join(words[-3:]) in phrases:
        return 3
    if n >= 2 and words[-2] + " " + words[-1] in phrases:
        return 2
    if n and words[-1] in phrases:
        return 1
    return 0


def _ends_with2(words: list[str], phrases: frozenset[str]) -> int:
    """How many of the last words (up to 2) form one of the phrases (0 if none)."""
    n = len(words)
    if n >= 2 and words[-2] + " " + words[-1] in phrases:
        return 2
    if n and words[-1] in phrases:
        return 1
    return 0


_SENTENCE_PUNCT = re.compile(r"[.;:!?\n]")


def _genuine_noun(doc: Document, s: int, e: int, canonical: str) -> bool:
    if doc.quality == "clean":
        return _original_key(doc, s, e) == tone_key(canonical)
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
        m = _stop_search(f, pos, max_end)
        if m is None:
            return max_end, max_end
        # the stop with the white space before it (from `pos` at the earliest): the start of a
        # search for \s*(?:stop), as no stop begins with white space
        ms = m.start()
        while ms > pos and f[ms - 1].isspace():
            ms -= 1
        q = f.find('"', pos, ms)
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
            cs = P["comma_stop"].match(f, ms, max_end)
            if (nxt >= max_end or plain[nxt].isupper() or not plain[nxt].isalpha()
                    or (cs and (cs.group("cw") is None
                                or genuine(doc, cs.start("cw"), cs.end("cw"), ("title_stop", "comma_stop"))))):
                return ms, ms
            pos = m.end()
            continue
        if m.group("ed_stop") and (P["no_edition"].search(f, max(0, ms - 40), ms + 1)
                                   or edition_value(doc, m) is None):
            pos = m.end()
            continue
        return ms, ms
    return max_end, max_end


def _stop_search(f: str, pos: int, end: int) -> re.Match[str] | None:
    """`_patterns()["stop"].search(f, pos, end)`: "stop_hint" finds where (it matches where "stop"
    does, several times faster), "stop" matches there."""
    P = _patterns()
    hint = P["stop_hint"].search(f, pos, end)
    if hint is None:
        return None
    return P["stop"].match(f, hint.start(), end) or P["stop"].search(f, pos, end)


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


def _opens_edition(words: str) -> bool:
    """Do the words open with an edition's lead ("lan thu \"" : an edition whose number a misprint hid)?"""
    w = words.split()
    lead = cue_set("edition_lead")
    return bool(w) and (w[0] in lead or " ".join(w[:2]) in lead)


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
    head_edition = next((e for e in (_edition_of(doc, m, head_end) for m in head) if e), None)
    main = (_first_report(doc, body, head_end, head_edition)
            or _first_report(doc, head, head_end)
            or next((m for m in body if not _ends_with2(_last_words(f, m.start, 0), not_event)), None)
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
                if m.start > main.start and not m.in_headline and _is_held(doc, m, head_end):
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
            if other.startswith(key + " ") and (best is None or len(other) > len(_fold_words(doc, best.title))) \
                    and not _opens_edition(other[len(key) + 1:]):
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
        if doc.quality == "ocr_noisy":
            from .venue import with_place_names  # (venue reads this module: imported here)
            value = with_place_names(doc, *title, value)
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


def _first_report(doc: Document, mentions: Iterable[_Found], head_end: int,
                  edition: int | None = None) -> _Found | None:
    """The first report of holding: not one that refers back ("Hội nghị này"), nor one of another
    edition than `edition` (the headline's: "Hội nghị ... lần thứ hai" is not reported by "Hội nghị
    lần thứ nhất đã được tổ chức tại ..."); among the first three of the same kind, the first whose
    sentence dates or places it.

    A mention is asked whether it is held only once the cheaper tests pass, and none after the
    one chosen."""
    P = _patterns()
    f = doc.folded
    first: _Found | None = None
    count = 0
    for m in mentions:
        if P["demonstrative"].match(f, m.name_start):
            continue
        if first is not None and m.canonical != first.canonical:
            continue  # a report of another kind of event is another event
        if edition is not None and _edition_of(doc, m, head_end) not in (None, edition):
            continue  # an earlier or later edition
        if not _is_held(doc, m, head_end):
            continue
        if first is None:
            first = m
        s, e = _sentence(doc, m.start, head_end)
        if P["when_where"].search(f, s, e):
            return m
        count += 1
        if count == 3:
            break
    return first


def _edition_of(doc: Document, m: _Found, head_end: int) -> int | None:
    if not m.parsed:
        # the edition is read at or after the name's start (or the sentence end, if that comes
        # first) and before the sentence end: without the start of an edition phrase there, there
        # is none, and the mention need not be parsed (an unparsed mention has no edition either)
        _, limit = _sentence(doc, m.start, head_end)
        if not _patterns()["edition_hint"].search(doc.folded, min(m.name_start, limit), limit):
            return None
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
    # a "lần đầu" in a region has "an", white space and "dau" there: none in the span of the
    # regions, none in any (two quick searches instead of one per region)
    lo, hi = min(s for s, _ in regions), max(e for _, e in regions)
    if f.find("dau", lo, hi) < 0 or not _AN_DAU.search(f, lo, hi):
        return None
    for s, e in regions:
        for m in P["first_time"].finditer(f, s, e):
            ss, se = _sentence(doc, m.start(), head_end)
            if se <= ss:
                ss, se = s, e
            if next(event_nouns(f, ss, se), None) or P["meeting"].search(f, ss, se):
                return m.span()
    return None


_QUOTES = re.compile(r'["“”«»„]')


_AN_DAU = re.compile(r"an\s+dau")


def _clean_title(text: str) -> str:
    text = _QUOTES.sub("", text)
    return " ".join(text.split()).strip(" ,.;:-–—")


def _dedupe(spans: list[Span]) -> list[Span]:
    """The spans without repeats, in first-seen order (also used by venue.py)."""
    seen, out = set(), []
    for s in spans:
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            out.append(s)
    return out
