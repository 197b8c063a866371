"""Organisations that organised, co-organised or hosted the event.

The report of a meeting names its organisers in one formulaic clause: "A tổ chức
Hội nghị ...", "A phối hợp với B, C tổ chức ...", "Hội thảo ... do A tổ chức với
sự hợp tác của B", "A và B đồng tổ chức ...", "A đăng cai ...". We find the
organising verb followed by an event noun (or preceded by "do"), take the sentence
that reports the main event (``doc.main_event``; else the first sentence of the
body with such a clause, else the headline), and read the organisation names around
the verb with a small grammar: a name starts at an organisation head noun (Bộ, Sở,
Cục, Ủy ban nhân dân ... from ``data/organizations.tsv``) and runs through
capitalised words, abbreviations and lower-case name words until a stop word
(đã, tổ chức, tại, ngày ...), an event noun or a comma that starts something other
than a name. Cue phrases live in ``data/organizer_cues.tsv``. An organisation named
through a person ("Thứ trưởng Bộ X") or as a place ("tại Hội trường Bộ X") is not one.
Sponsors ("dưới sự tài trợ của C") are returned apart: they did not organise the event.

A name is reported as written; when the text elsewhere spells out an abbreviation
of it ("Bộ NN&PTNT" -> "Bộ Nông nghiệp và Phát triển nông thôn"), the most complete
spelling found in the text is used and its span added to the evidence. From text
without diacritics, a name whose every word is in the lexicons is given back its
diacritics (``restore.restore_diacritics``, alignment "canonical").
"""
from __future__ import annotations

import heapq
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .document import Document
from .event import ocr_held_verb
from .lexicon import WordStartPattern, folded_phrases, read_tsv, split_aliases, trie_regex
from .models import Organizer, Span
from .ocr_repair import CAPITAL_D_MISREADS
from .restore import restore_diacritics
from .textview import fold

_TOKEN = re.compile(
    r"\((?:[^()]|\([^()]*\))*\)"                     # a parenthetical, kept whole
    r"|[^\W_](?:[\w&'\u2019@¢§©]|[./-](?=[^\W_]))*"  # a word (KH&CN, Thiên-Huế, TP.HCM)
    r"|\S"                                           # any other mark
)
_DATE_LIKE = re.compile(r"\d+[/.-]\d+|\d{1,2}h\d*")
_PARENS = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)")
_TRAIL = re.compile(r"[\s,;:.\-\u2013\u2014\u2026&]+$")
_SEPARATORS = {",", ";"}
_BY = re.compile(r"\s+boi\s+")
_DOT_ABBREV = {"tp", "p", "q", "tx", "tt", "st"}   # "Tp." inside a name
_CONNECTIVES_END = {"va", "cua", "ve", "-", "&", "voi", "tai"}
_MAX_LOWER_RUN = 6
_MAX_CHUNK = 10


# --- lexicon -----------------------------------------------------------------------

@dataclass
class _Lexicon:
    head: WordStartPattern
    head_kind: dict[str, str]
    not_head: WordStartPattern
    position_before: "re.Pattern[str]"
    position_at: WordStartPattern
    abbr: dict[str, list[str]]
    verb: WordStartPattern
    verb_role: dict[str, str]
    weak_verb: WordStartPattern
    event_after: "re.Pattern[str]"
    event: WordStartPattern
    event_type: dict[str, str]
    partner: WordStartPattern
    partner_role: dict[str, str]
    after: WordStartPattern
    after_role: dict[str, str]
    unit_before: "re.Pattern[str]"
    unit_after: "re.Pattern[str]"
    unit_role: dict[str, str]
    filler_tail: "re.Pattern[str]"
    stop: WordStartPattern
    stop_folded: WordStartPattern
    forms: dict[str, set[str]]
    connector: WordStartPattern
    agent_before: "re.Pattern[str]"
    parent: WordStartPattern
    member: WordStartPattern
    common_before: "re.Pattern[str]"
    lower_heads: set[str]      # first words of the lower-case heads
    ocr_verb: WordStartPattern
    ocr_event_after: "re.Pattern[str]"
    bodies: set[str] = field(default_factory=set)


def _piece(ch: str) -> str:
    # "KH&CN" also matches "KH & CN"
    return r"\s+" if ch == " " else r"\s*&\s*" if ch == "&" else re.escape(ch)


def trie_alternation(phrases) -> str:
    """lexicon.trie_regex over the folded phrases, with '&' matching spaced or not."""
    return trie_regex(folded_phrases(phrases), piece=_piece)


def words_pattern(phrases) -> WordStartPattern:
    """Whole-word matches of folded phrases (like lexicon.phrase_pattern, '&' spaced or not)."""
    return WordStartPattern(rf"{trie_alternation(phrases)}(?!\w)")


def _index(rows) -> tuple[WordStartPattern, dict[str, str]]:
    """words_pattern over (phrase, value) rows and the lookup of a match (by _key) to its value."""
    rows = list(rows)
    lookup: dict[str, str] = {}
    for p, v in rows:
        lookup.setdefault(_key(fold(p)), v)
    return words_pattern(p for p, _ in rows), lookup


def _variants(row: dict[str, str], key: str) -> list[str]:
    return [row[key], *split_aliases(row.get("aliases"))]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    orgs = read_tsv("organizations.tsv")
    cues = read_tsv("organizer_cues.tsv")

    def org(*kinds):
        return [v for r in orgs if r["kind"] in kinds for v in _variants(r, "name")]

    def cue(*kinds, role=None):
        return [v for r in cues if r["kind"] in kinds and (role is None or r["role"] == role)
                for v in _variants(r, "cue")]

    def cue_roles(*kinds):
        return [(v, r["role"]) for r in cues if r["kind"] in kinds for v in _variants(r, "cue")]

    head, head_kind = _index((v, r["kind"]) for r in orgs if r["kind"] in ("body", "head", "head_lower")
                             for v in _variants(r, "name"))
    bodies = {_key(fold(v)) for v in org("body")}
    abbr: dict[str, list[str]] = {}
    for r in orgs:
        if r["kind"] == "abbr":
            for a in split_aliases(r.get("aliases")):
                abbr.setdefault(_key(fold(a)), []).append(r["name"])
    verb, verb_role = _index(cue_roles("verb"))
    event, event_type = _index(cue_roles("event"))
    partner, partner_role = _index(cue_roles("partner"))
    after, after_role = _index(cue_roles("after", "sponsor"))
    unit_alts = trie_alternation(cue("unit"))
    _, unit_role = _index(cue_roles("unit"))
    events = trie_alternation(cue("event"))
    # spellings with diacritics, to tell "Bộ" from "Bờ" and "đang" from "Đảng" where the text has them
    forms: dict[str, set[str]] = {}
    for v in [*org("body", "head", "head_lower", "not_head"), *cue("stop")]:
        forms.setdefault(_key(fold(v)), set()).add(_lower_form(v))
    return _Lexicon(
        head=head,
        head_kind=head_kind,
        not_head=words_pattern(org("not_head")),
        position_before=re.compile(rf"(?<!\w)(?:{trie_alternation(org('position', 'place'))})\s*$"),
        position_at=words_pattern(org("position")),
        abbr=abbr,
        verb=verb,
        verb_role=verb_role,
        weak_verb=words_pattern(cue("weak_verb")),
        event_after=re.compile(rf"(?:\s+(?:{trie_alternation(cue('filler_after'))}))*\s+(?:{events})(?!\w)"),
        event=event,
        event_type=event_type,
        partner=partner,
        partner_role=partner_role,
        after=after,
        after_role=after_role,
        unit_before=re.compile(rf"(?<!\w)la\s+(?:mot\s+)?(?:(?:trong\s+)?(?:cac|hai|ba)\s+)?(?:{unit_alts})(?!\w)"),
        unit_after=re.compile(rf"(?<!\w)(?:{unit_alts})(?:\s+(?:{events}))?\s*(?:la|gom|:)\s*"),
        unit_role=unit_role,
        filler_tail=re.compile(rf"(?:[\s,]+(?:{trie_alternation(cue('filler'))}))+[\s,]*$"),
        stop=words_pattern(cue("stop")),
        stop_folded=words_pattern(cue("stop", role="any")),
        forms=forms,
        connector=words_pattern(cue("connector")),
        agent_before=re.compile(r"(?<!\w)(?:do|boi|duoc\s+to\s+chuc\s+boi)\s*$"),
        parent=words_pattern(org("parent")),
        lower_heads={fold(v).split()[0] for v in org("head_lower")},
        ocr_verb=WordStartPattern(ocr_held_verb() + r"(?!\w)"),  # (the one definition, shared with event, venue)
        ocr_event_after=re.compile(
            rf"(?:\s+(?:{trie_alternation(cue('filler_after'))}))*\s+"
            rf"(?:{events}|{'|'.join(r['cue'] for r in cues if r['kind'] == 'ocr_event')})(?!\w)"),
        common_before=re.compile(rf"(?<!\w)(?:{trie_alternation(org('common_before'))})\s*$"),
        member=words_pattern(org("member")),
        bodies=bodies,
    )


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TONE_ON_SECOND = re.compile(f"([ou])([aey])([{_TONES}])")


def _lower_form(s: str) -> str:
    """Lower case, NFC, the tone of oa/oe/uy on the first vowel (hoá = hóa, uỷ = ủy)."""
    d = _TONE_ON_SECOND.sub(r"\1\3\2", unicodedata.normalize("NFD", s.lower()))
    return " ".join(unicodedata.normalize("NFC", d).split())


_AMP = re.compile(r"\s*&\s*")


def _key(folded: str) -> str:
    """A folded phrase compared loosely: no spaces around '&', dots as spaces, white space folded."""
    if "&" in folded:
        folded = _AMP.sub("&", folded)
    return " ".join(folded.replace(".", " ").split())


# --- tokens ------------------------------------------------------------------------

class _Tok:
    __slots__ = ("start", "end", "text", "low")

    def __init__(self, start: int, end: int, text: str, low: str):
        self.start, self.end = start, end
        self.text = text      # plain (case kept)
        self.low = low        # folded

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_paren(self) -> bool:
        return self.text[0] == "(" and len(self.text) > 1

    @property
    def lower(self) -> bool:
        return self.text[0].islower()


_MAX_REGION = 400   # characters of a clause read for names (a subject before the verb, a list after a cue)


def _tokens(doc: Document, a: int, b: int, *, keep_end: bool = False) -> list[_Tok]:
    """The tokens of folded [a, b), at most _MAX_REGION characters of it: those nearest b when
    keep_end (a subject before its verb), else those nearest a."""
    if b - a > _MAX_REGION:
        a, b = (b - _MAX_REGION, b) if keep_end else (a, a + _MAX_REGION)
    plain, folded = doc.plain, doc.folded
    return [_Tok(m.start(), m.end(), m.group(), folded[m.start():m.end()])
            for m in _TOKEN.finditer(plain, a, b)]


@dataclass
class _Org:
    start: int           # folded offsets
    end: int
    role: str = "organizer"


class _Parser:
    """Reads organisation names from the tokens of one clause."""

    def __init__(self, doc: Document, lex: _Lexicon, toks: list[_Tok]):
        self.doc, self.lex, self.toks = doc, lex, toks
        self._heads: dict[tuple[int, bool], int | None] = {}
        self.lower_heads: set[int] = set()   # tokens starting a lower-case collective name (ngành ...)
        self.folded = doc.folded
        self.plain = doc.plain
        self.marked = doc.quality == "clean"   # the text has its diacritics

    def _spelt(self, m: "re.Match[str]") -> bool:
        """Where the text has diacritics, the match is spelt as the lexicon spells it."""
        if not self.marked:
            return True
        forms = self.lex.forms.get(_key(m.group()))
        return not forms or _lower_form(self.doc.original(m.start(), m.end())) in forms

    def head_at(self, i: int, *, allow_lower: bool = False) -> int | None:
        """The token index after an organisation head noun starting at token i, or None."""
        k = (i, allow_lower)
        if k not in self._heads:
            self._heads[k] = self._head_at(i, allow_lower)
        return self._heads[k]

    def _head_at(self, i: int, allow_lower: bool) -> int | None:
        t = self.toks[i]
        capital = t.text[0].isupper() or self._misread_capital_d(t)
        if not t.is_word or not (capital or allow_lower and t.low in self.lex.lower_heads):
            return None
        m = self.lex.head.match(self.folded, t.start)
        if not m:
            return None
        kind = self.lex.head_kind.get(_key(m.group()))
        if kind != "body" and not self._spelt(m):
            return None
        if kind == "head_lower":
            # "ngành giáo dục Thừa Thiên-Huế tổ chức": only as the whole subject, not "liên ngành", "các ngành"
            if not allow_lower or self.lex.common_before.search(self.folded, max(0, t.start - 12), t.start):
                return None
            self.lower_heads.add(i)
        elif not capital:
            return None
        nh = self.lex.not_head.match(self.folded, t.start)
        if nh and nh.end() >= m.end() and self._spelt(nh):
            return None
        before = self.folded[max(0, t.start - 40):t.start]
        if self.lex.position_before.search(before):
            return None
        ev = self._event_before(t.start)
        if ev:
            return None
        j = i
        while j < len(self.toks) and self.toks[j].start < m.end():
            j += 1
        return j

    def _misread_capital_d(self, t: _Tok) -> bool:
        return t.low.startswith("d") and misread_capital_d(self.doc, t.start, t.end)

    def _event_before(self, pos: int) -> bool:
        """The word(s) right before pos are an event noun (Hội nghị Ban Chấp hành ...)."""
        s = self.folded[max(0, pos - 25):pos].rstrip()
        if not s:
            return False
        for m in self.lex.event.finditer(s):
            if m.end() == len(s):
                return True
        return False

    def is_body(self, i: int, j: int) -> bool:
        return _key(self.folded[self.toks[i].start:self.toks[j - 1].end]) in self.lex.bodies

    def _stops_at(self, t: _Tok) -> bool:
        if self.lex.connector.match(self.folded, t.start):
            return False
        if t.lower:
            m = (self.lex.stop if self.marked else self.lex.stop_folded).match(self.folded, t.start)
            if m and self._spelt(m):
                return True
        m = self.lex.event.match(self.folded, t.start)
        if m and (t.lower or " " in m.group().strip()):
            return True
        return False

    def name_end(self, i: int, j: int) -> tuple[int, str]:
        """Extend a name whose head spans tokens [i, j); return (end index, why it ended)."""
        toks, n = self.toks, len(self.toks)
        lower_run, run_start = 0, j
        while j < n:
            t = toks[j]
            if t.is_paren:
                j += 1
                continue
            if t.text in _SEPARATORS:
                return j, "sep"
            c = self.lex.connector.match(self.folded, t.start)
            if c:
                while j < n and toks[j].start < c.end():
                    j += 1
                lower_run = 0
                continue
            if t.low in ("va", "cung") and t.lower:
                # "A và B", "A cùng B": a new name when a head follows ("cùng với" too)
                k = j + 2 if t.low == "cung" and j + 1 < n and toks[j + 1].low == "voi" else j + 1
                if k < n and self.head_at(k) is not None:
                    return j, "sep"
                if t.low == "va":
                    j += 1
                    continue
            if t.text in ("-", "&"):
                j += 1
                continue
            if t.text == "." and j > 0 and toks[j - 1].low in _DOT_ABBREV and toks[j - 1].end == t.start:
                j += 1
                continue
            if not t.is_word:
                return j, "stop"
            if self._stops_at(t) or _DATE_LIKE.fullmatch(t.text):
                return j, "stop"
            if t.lower:
                if lower_run == 0:
                    run_start = j
                lower_run += 1
                if lower_run > _MAX_LOWER_RUN:
                    return run_start, "stop"
            else:
                lower_run = 0
            j += 1
        return j, "end"

    def chunk_end(self, k: int) -> int | None:
        """A comma chunk without a head that continues a name (Bộ Văn hóa, Thể thao và Du lịch)."""
        toks, n = self.toks, len(self.toks)
        j, words = k, 0
        if k >= n or not toks[k].is_word or self.lex.position_at.match(self.folded, toks[k].start):
            return None
        while j < n:
            t = toks[j]
            if t.text in _SEPARATORS:
                break
            if t.is_paren or t.text in ("-", "&"):
                j += 1
                continue
            if t.text == "." and toks[j - 1].low in _DOT_ABBREV:
                j += 1
                continue
            if not t.is_word:
                break
            if self._stops_at(t) or _DATE_LIKE.fullmatch(t.text) or self.head_at(j) is not None:
                return None
            words += 1
            if words > _MAX_CHUNK:
                return None
            j += 1
        if j < n and toks[j].text not in _SEPARATORS and toks[j].text != ".":
            return None
        return j if words else None

    def chain(self, i: int) -> list[tuple[int, int]]:
        """Organisations joined by ',', ';' or 'và' from token i (a head), as token ranges."""
        out: list[tuple[int, int]] = []
        toks, n = self.toks, len(self.toks)
        while True:
            hj = self.head_at(i, allow_lower=not out)
            if hj is None:
                return out
            j, why = self.name_end(i, hj)
            while why == "sep" and toks[j].text in _SEPARATORS and i not in self.lower_heads:
                ce = self.chunk_end(j + 1)
                if ce is None:
                    break
                j, why = self.name_end(i, ce)
            # "Trường Đại học Y - Dược, Đại học Huế": a member and its umbrella body are one name
            while (why == "sep" and toks[j].text in _SEPARATORS and j + 1 < n
                   and self.lex.member.match(self.folded, toks[i].start)
                   and self.lex.parent.match(self.folded, toks[j + 1].start)
                   and (ph := self.head_at(j + 1)) is not None):
                j, why = self.name_end(j + 1, ph)
            end = self._trim(i, j)
            if end <= hj and not self.is_body(i, hj):
                return out
            out.append((i, end))
            if why != "sep":
                return out
            k = j + 1
            if k < n and toks[k].low in ("va", "cung") and toks[k].lower:   # ", và B"
                k += 1
            if k < n and toks[k].low == "voi" and toks[j].low == "cung":   # "cùng với B"
                k += 1
            nxt = self._next_head(k)
            if nxt is None:
                return out
            i = nxt

    def _next_head(self, k: int) -> int | None:
        """The head starting the next list item at k, after at most a few words of title
        ("Đại sứ phái đoàn Liên minh ..."): only a head may start an item."""
        toks, n = self.toks, len(self.toks)
        for h in range(k, min(n, k + 6)):
            t = toks[h]
            if not t.is_word or (t.lower and h > k and self._stops_at(t)):
                return None
            if self.head_at(h) is not None:
                return h
            if self._stops_at(t):
                return None
        return None

    def _trim(self, i: int, j: int) -> int:
        """Drop trailing connectives and punctuation from the token range [i, j)."""
        while j > i + 1:
            t = self.toks[j - 1]
            if t.low in _CONNECTIVES_END or (not t.is_word and not t.is_paren and t.text != "."):
                j -= 1
            elif t.text == "." and self.toks[j - 2].low not in _DOT_ABBREV:
                j -= 1
            else:
                break
        return j

    def _last_word(self, n: int) -> int:
        """The token count without trailing punctuation."""
        while n > 0 and not self.toks[n - 1].is_word and not self.toks[n - 1].is_paren:
            n -= 1
        return n

    def subjects(self) -> list[tuple[int, int]]:
        """The organisations that end the clause (the subject right before the verb)."""
        n = self._last_word(len(self.toks))
        for i in range(n):
            if self.head_at(i, allow_lower=True) is None:
                continue
            orgs = self.chain(i)
            if not orgs:
                continue
            if not all(t.is_paren for t in self.toks[orgs[-1][1]:n]):
                continue   # the names must run up to the verb
            if len(orgs) > 1 and not self._boundary_before(i):
                continue
            return orgs
        return []

    def objects(self, *, skip_damaged: bool = False) -> list[tuple[int, int]]:
        """The organisations that start the clause (after 'phối hợp với', 'của', 'là').

        skip_damaged (OCR'd text): when the first name is unreadable, start at the next list item."""
        if not self.toks:
            return []
        found = self.chain(0)
        if found or not skip_damaged:
            return found
        for i, t in enumerate(self.toks):
            if t.text in _SEPARATORS:
                nxt = self._next_head(i + 1)
                if nxt is not None:
                    return self.chain(nxt)
        return []

    def _boundary_before(self, i: int) -> bool:
        if i == 0:
            return True
        p = self.toks[i - 1]
        return p.text in (",", ";", ":", "(", ")") or p.is_paren or p.low in ("do", "boi", "va")


# --- finding the organising clause -------------------------------------------------

def _sentence_index(doc: Document, pos: int) -> int:
    for k, (s, e) in enumerate(doc.sentences):
        if s <= pos < e:
            return k
    return -1


def _strip_fillers(doc: Document, lex: _Lexicon, a: int, b: int) -> int:
    """Where the words between a name and its verb (đã, vừa, chính thức...) begin."""
    m = lex.filler_tail.search(doc.folded, max(a, b - 60), b)
    return m.start() if m else b


def _orgs(p: _Parser, ranges: list[tuple[int, int]], role: str, *, first: str | None = None) -> list[_Org]:
    return [_Org(p.toks[i].start, p.toks[j - 1].end, first if (k == 0 and first) else role)
            for k, (i, j) in enumerate(ranges)]


def _clause_start(doc: Document, k: int) -> int:
    """Where the clause of sentence k starts: a sentence that the splitter cut at a line ending
    in ')' or ':' (hard-wrapped or OCR'd text) continues the one before, unless a blank line or
    a full stop separates them."""
    ss = doc.sentences[k][0]
    if k == 0:
        return ss
    ps, pe = doc.sentences[k - 1]
    gap = doc.folded[pe:ss]
    if "\n\n" in gap.replace(" ", "") or doc.folded[pe - 1:pe] in ".!?":
        return ss
    return ps


def _clause_orgs(doc: Document, lex: _Lexicon, verb: "re.Match[str]", k: int,
                 *, weak: bool = False) -> list[_Org]:
    """The organisers named around one organising verb, in sentence k."""
    folded = doc.folded
    ss, se = doc.sentences[k]
    ss = _clause_start(doc, k)
    ocr = doc.quality == "ocr_noisy"
    vstart, vend = verb.start(), verb.end()
    role = "organizer" if weak else lex.verb_role.get(_key(verb.group()), "organizer")
    # "tổ chức Hội nghị ..."
    active = bool((lex.ocr_event_after if ocr else lex.event_after).match(folded, vend))
    left_end = _strip_fillers(doc, lex, ss, vstart)

    # "A phối hợp với B, C tổ chức": B, C are partners, A the subject
    partners: list[_Org] = []
    pm = None
    for m in lex.partner.finditer(folded, ss, left_end):
        pm = m
    subj_end = left_end
    if pm is not None:
        q = _Parser(doc, lex, _tokens(doc, pm.end(), left_end))
        partners = _orgs(q, q.objects(skip_damaged=ocr), lex.partner_role.get(_key(pm.group()), "co_organizer"))
        subj_end = _strip_fillers(doc, lex, ss, pm.start())

    out: list[_Org] = []
    p = _Parser(doc, lex, _tokens(doc, ss, subj_end, keep_end=True))
    subj = p.subjects()
    if subj:
        first_pos = p.toks[subj[0][0]].start
        if not active:
            # "Hội thảo ... do A tổ chức": an agent word and an event before it
            passive = bool(lex.agent_before.search(folded[ss:first_pos].rstrip()))
            if not passive or not lex.event.search(folded, ss, first_pos):
                return []
        if role == "host":
            out = _orgs(p, subj, "host")
        else:
            out = _orgs(p, subj, "co_organizer", first="organizer")
    else:
        m = _BY.match(folded, vend)
        if m and lex.event.search(folded, ss, vstart):
            # "Hội thảo được tổ chức bởi A và B"
            q = _Parser(doc, lex, _tokens(doc, m.end(), se))
            out = _orgs(q, q.objects(), "co_organizer", first="organizer")
        elif ocr and partners and active:
            # the subject is too damaged to read: keep the partners
            partners[0].role = "organizer"
    if not out and not (ocr and partners and active):
        return []
    out.extend(partners)
    # "... với sự hợp tác của B", "dưới sự tài trợ của C"
    for m in lex.after.finditer(folded, ss, se):
        if any(o.start <= m.start() < o.end for o in out):
            continue
        if pm is not None and m.start() < pm.end() and m.end() > pm.start():
            continue
        q = _Parser(doc, lex, _tokens(doc, m.end(), se))
        out.extend(_orgs(q, q.objects(), lex.after_role.get(_key(m.group()), "co_organizer")))
    return out


def _unit_clause(doc: Document, lex: _Lexicon, sent: tuple[int, int]) -> list[_Org]:
    """'A là đơn vị tổ chức ...' and 'đơn vị tổ chức Hội nghị là A'."""
    ss, se = sent
    folded = doc.folded
    out: list[_Org] = []
    for m in lex.unit_after.finditer(folded, ss, se):
        q = _Parser(doc, lex, _tokens(doc, m.end(), se))
        out.extend(_orgs(q, q.objects(), _unit_role(lex, m.group())))
    for m in lex.unit_before.finditer(folded, ss, se):
        p = _Parser(doc, lex, _tokens(doc, ss, _strip_fillers(doc, lex, ss, m.start()), keep_end=True))
        out.extend(_orgs(p, p.subjects(), "co_organizer", first=_unit_role(lex, m.group())))
    return out


def _unit_role(lex: _Lexicon, s: str) -> str:
    s = " ".join(s.split())
    best = ("", "organizer")
    for k, v in lex.unit_role.items():
        if k in s and len(k) > len(best[0]):
            best = (k, v)
    return best[1]


def _verbs(doc: Document, lex: _Lexicon):
    """Organising verbs in text order (and, in OCR'd text, their misreadings)."""
    if doc.quality != "ocr_noisy":
        yield from lex.verb.finditer(doc.folded)
        return
    last = -1
    for m in heapq.merge(lex.verb.finditer(doc.folded), lex.ocr_verb.finditer(doc.folded), key=lambda m: m.start()):
        if m.start() != last:
            last = m.start()
            yield m


def _find(doc: Document, lex: _Lexicon) -> list[_Org]:
    """The organisers of the main event: from the sentence that reports it, else the first
    sentence of the body with an organising clause, else the headline."""
    folded = doc.folded
    sentences = doc.sentences
    if not sentences:
        return []
    main_pos = doc.main_event.start if doc.main_event is not None else None
    first_ok: list[_Org] = []
    body_ok: list[_Org] = []
    for n, m in enumerate(_verbs(doc, lex)):
        if n >= 25:
            break
        k = _sentence_index(doc, m.start())
        if k < 0:
            continue
        orgs = _clause_orgs(doc, lex, m, k)
        if not orgs:
            continue
        if main_pos is not None and _clause_start(doc, k) <= main_pos < sentences[k][1]:
            return orgs
        first_ok = first_ok or orgs
        if not body_ok and k > 0:
            body_ok = orgs
            if main_pos is None:
                break
    if body_ok or first_ok:
        return body_ok or first_ok
    # weaker forms: "A là đơn vị tổ chức", "A khai mạc Hội nghị"
    for k, sent in enumerate(sentences[:40]):
        orgs = _unit_clause(doc, lex, sent)
        if orgs:
            return orgs
    for m in lex.weak_verb.finditer(folded):
        if not lex.event_after.match(folded, m.end()):
            continue
        k = _sentence_index(doc, m.start())
        if k >= 0:
            orgs = _clause_orgs(doc, lex, m, k, weak=True)
            if orgs:
                return orgs
    return []


# --- names -------------------------------------------------------------------------

def misread_capital_d(doc: Document, start: int, end: int) -> bool:
    """OCR'd text: is the word at folded [start, end), read as one opening with d, printed with the
    lower-case b or p an English model reads a capital Đ as ("boan Luat su" is Đoàn Luật sư)?"""
    if doc.quality != "ocr_noisy":
        return False
    s, _ = doc.view.to_original(start, end)
    return doc.text[s:s + 1] in CAPITAL_D_MISREADS


@lru_cache(maxsize=1)
def _misread_heads() -> dict[str, str]:
    """Folded OCR misreadings of organisation heads of several words -> the head as listed: aliases with
    the name's first word and as many words, but others ("tinh go" for Tỉnh ủy). Abbreviations
    (UBND, Trường ĐH) have fewer words and stay as written."""
    out: dict[str, str] = {}
    for r in read_tsv("organizations.tsv"):
        if r["kind"] in ("head", "body", "head_lower"):
            name = _key(fold(r["name"])).split()
            for a in split_aliases(r.get("aliases")):
                alias = _key(fold(a)).split()
                if len(name) > 1 and len(alias) == len(name) and alias[0] == name[0] and alias != name:
                    out.setdefault(" ".join(alias), r["name"])
    return out


def _head_as_listed(doc: Document, lex: _Lexicon, start: int, name: str) -> str:
    """OCR'd text: a name that opens with a head's misreading ("Tinh Go Hau Giang") opens with the head
    as listed ("Tỉnh ủy Hau Giang")."""
    m = lex.head.match(doc.folded, start)
    if not m:
        return name
    listed = _misread_heads().get(_key(m.group()))
    n = len(m.group().split())
    words = name.split()
    if not listed or len(words) <= n or _key(fold(" ".join(words[:n]))) != _key(m.group()):
        return name
    return " ".join([listed, *words[n:]])

def _value(doc: Document, start: int, end: int) -> str:
    """The name at folded [start, end) as written, without parentheticals.

    Text without diacritics or OCR'd: the words as read after the OCR repair of the folded
    view, letter case kept (as event.py does): closer to what was printed than raw OCR output.
    """
    raw = doc.original(start, end) if doc.quality == "clean" else doc.view.plain_words(start, end)
    s = _PARENS.sub("", raw)
    s = _TRAIL.sub("", s)
    return " ".join(s.split())


@lru_cache(maxsize=512)
def _variant_pattern(alts: tuple[str, ...]) -> WordStartPattern:
    return WordStartPattern(rf"(?:{trie_alternation(alts)})(?!\w)")


def _complete(doc: Document, lex: _Lexicon, name_folded: str) -> "re.Match[str] | None":
    """The most complete spelling of the name found in the text (abbreviations spelled out)."""
    words = _key(_PARENS.sub("", name_folded)).split()
    options: list[list[str]] = []
    changed = False
    for w in words:
        full = lex.abbr.get(w)
        if full:
            options.append([w, *(fold(f) for f in full)])
            changed = True
        else:
            options.append([w])
    if not changed:
        return None
    variants = []
    for combo in itertools.islice(itertools.product(*options), 32):
        v = " ".join(combo)
        if v != " ".join(words):
            variants.append(v)
    if not variants:
        return None
    pat = _variant_pattern(tuple(sorted(variants)))
    best = None
    for m in pat.finditer(doc.folded):
        if best is None or len(m.group().split()) > len(best.group().split()):
            best = m
    return best


def extract_organizers(doc: Document) -> tuple[list[Organizer], list[Organizer]]:
    """(organisers, co-organisers and hosts; sponsors) of the main event."""
    if not doc.folded.strip():
        return [], []
    lex = _lexicon()
    found = _find(doc, lex)
    alignment = "exact" if doc.quality == "clean" else "as_printed"
    result: list[Organizer] = []
    index: dict[str, int] = {}
    for o in found:
        name = _value(doc, o.start, o.end)
        if not name or len(name) < 3:
            continue
        if doc.quality == "ocr_noisy":
            if name[0] == "d" and misread_capital_d(doc, o.start, o.end):
                name = "D" + name[1:]  # a capital Đ misread as "b" ("boan Luat su" for Đoàn Luật sư)
            name = _head_as_listed(doc, lex, o.start, name)
        evidence: list[Span] = [doc.span(o.start, o.end)]
        full = _complete(doc, lex, fold(name))
        if full is None and doc.quality == "ocr_noisy":
            # the OCR repair may have mangled an abbreviation ("NN & PTNT"): try the printed one
            full = _complete(doc, lex, fold(doc.original(o.start, o.end)))
        if full is not None:
            name = _value(doc, full.start(), full.end())
            evidence.append(doc.span(full.start(), full.end()))
        aligned = alignment
        if doc.quality != "clean":
            restored = restore_diacritics(name)
            if restored:
                name, aligned = restored, "canonical"
        key = _key(fold(name))
        if key in index:
            prev = result[index[key]]
            prev.evidence.extend(s for s in evidence if s not in prev.evidence)
            continue
        index[key] = len(result)
        result.append(Organizer(name=name, role=o.role, alignment=aligned, evidence=evidence))
    return [o for o in result if o.role != "sponsor"], [o for o in result if o.role == "sponsor"]


def main_event_noun(doc: Document) -> str | None:
    """The canonical event noun of the main event (hội nghị, hội thảo...), if it can be told."""
    lex = _lexicon()
    folded = doc.folded
    if doc.main_event is not None:
        m = lex.event.search(folded, doc.main_event.start, min(len(folded), doc.main_event.end + 1))
        if m:
            return lex.event_type.get(_key(m.group()))
    for v in lex.verb.finditer(folded):
        m = lex.event_after.match(folded, v.end())
        if m:
            e = lex.event.search(folded, v.end(), m.end())
            if e:
                return lex.event_type.get(_key(e.group()))
    return None


def event_noun_index() -> tuple[WordStartPattern, dict[str, str]]:
    """The event-noun pattern (folded) and the canonical noun of each match (key: event_key(match))."""
    lex = _lexicon()
    return lex.event, lex.event_type


def event_key(matched: str) -> str:
    """The key of a matched folded phrase in the dictionaries of this module."""
    return _key(matched)
