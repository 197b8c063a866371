"""Named people who took part, with honorific, position and roles, merged across mentions.

How a report is read (cue phrases on the folded view, names on ``doc.plain`` where case is kept):

1. One scan of the folded text finds honorifics (TS, PGS.TS, ông, đồng chí, Thượng tướng...),
   office words (Thứ trưởng, Giám đốc...), role cues (chủ trì, phát biểu khai mạc, tham dự...) and
   place names; small word lists (bodies, words that end a position, "tỉnh" before a place, "do",
   "có"...) are checked only where needed, at a few positions each.
2. A name is 2-4 capitalised syllables opening with a family name (family_names.tsv), or the
   capitalised run right after an honorific ("ông Peter Walton"); one syllable after an honorific
   ("ông Định") is a short mention of someone named in full before.
3. A name is a person when something anchors it: an honorific or an office phrase before it
   ("Thứ trưởng Bộ Y tế Nguyễn Viết Tiến" - the office phrase ends where the name begins), a
   position after it ("X, Cục trưởng Cục ..." read up to a cue verb, a clause break or the next
   person), or a role cue right after it.
4. Roles come from cue phrases in the person's sentence: a verb after the person, with its list
   of co-subjects ("A; B đồng chủ trì"), a clause opening before the person ("Phát biểu khai mạc
   Hội nghị, TS X"), a list ("Tham dự có A, B; C"), an agent ("do X ... điều phối"), a giving
   verb ("trao giải ... cho X"), a report of theirs ("báo cáo “...” của TS X").
5. Mentions merge by folded name (OCR variants within a small edit distance), short mentions
   join the person whose given name they are; a person with no participation cue was only
   talked about and is left out (GOLD_SPEC). Office words stay in ``position`` (decision 4).
   Attendance gives way to any more active role, and a plain speech to an opening speech, a
   conclusion or a presentation.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from .document import LIST_ITEM_MARK, LIST_ITEM_MARK_OCR, Document
from .lexicon import read_tsv, split_aliases, trie_regex
from .matching import edit_distance
from .ocr_repair import CAPITAL_D_MISREADS, is_known_syllable
from .models import Person, Span
from .restore import restore_diacritics
from .textview import SPACE_CHARACTERS, clean_words, fold, plain

ROLE_ORDER = ("chair", "opening_speech", "speech", "presenter", "attendee",
              "conclusion", "moderator", "guest", "awardee", "signatory")
# Roles that already say the person spoke: a plain "speech" beside them adds nothing.
_SPEAKING = {"opening_speech", "conclusion", "presenter"}

# doc.plain has its Vietnamese letters folded to ASCII, so plain character classes serve
_TOKEN = r"[A-Z][a-z]+(?:-[a-z]+)?"  # a capitalised syllable on doc.plain ("Seung-ho")
_TOKEN_OCR = r"[A-Z][A-Z]?[a-z]+(?:-[a-z]+)?"  # OCR splits letters: "DPinh"; a foreign "Jin-woo"
_SEP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # between syllables of a name (one line break at most)
# White space as the `regex` module's \s has it (Unicode White_Space): the standard library's \s also
# takes \x1c-\x1f. The patterns below run on the standard library's faster engine with this class.
_WS_CHARS = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_WS = f"[{_WS_CHARS}]"
_NOT_WS = f"[^{_WS_CHARS}]"


def _nfc_lower(s: str) -> str:
    return unicodedata.normalize("NFC", s).lower()


class _Phrase(NamedTuple):
    kind: str  # hon | office | cue | place (places include not_person.tsv names)
    info: tuple


class _Words(NamedTuple):
    """A small phrase list checked only at chosen places (a word before a name, after a comma...)."""

    at: "re.Pattern[str]"  # matches a phrase starting at pos
    ending: "re.Pattern[str]"  # finds a phrase ending at endpos
    printed: dict[str, str]  # folded key -> the phrase as written (NFC, lower case)
    info: dict[str, tuple]
    lasts: tuple[str, ...]  # the last syllable of every phrase: a phrase ends where one of them does

    def match_at(self, folded: str, pos: int) -> "re.Match[str] | None":
        return self.at.match(folded, pos)

    def match_before(self, folded: str, pos: int) -> "re.Match[str] | None":
        lo = max(0, pos - 32)
        if not folded.endswith(self.lasts, lo, pos):
            return None
        return self.ending.search(folded, lo, pos)


def _words(rows: list[tuple[str, tuple]]) -> _Words:
    printed, info = {}, {}
    for phrase, extra in rows:
        key = " ".join(fold(phrase).split())
        if key and key not in printed:
            printed[key] = _nfc_lower(phrase)
            info[key] = extra
    alt = trie_regex(printed)
    lasts = tuple(sorted({k.rsplit(" ", 1)[-1] for k in printed}))
    return _Words(re.compile(rf"(?:{alt})\b"), re.compile(rf"\b(?:{alt})\Z"), printed, info, lasts)


@dataclass(frozen=True)
class _Lexicon:
    phrases: "re.Pattern[str]"  # honorifics, offices, role cues, places after white space (see _phrase_spans)
    phrases_sep: "re.Pattern[str]"  # the same right after a separator
    orgs: _Words  # bodies that may continue a position ("..., Bộ Xây dựng")
    stops: _Words  # words that end a position written after a name
    before: _Words  # words that make the next capitalised run a place or body ("tỉnh", "Trường THPT")
    nouns: _Words  # words after which a cue word is a noun ("Đối với Báo cáo ...")
    agents: _Words  # "do": the next person does the clause's verb
    asides: _Words  # "mà": the next person is talked about
    intros: _Words  # "có", "gồm": a cue opening a list of people
    copulas: _Words  # "là": a cue naming one person
    family_exact: frozenset[str]
    ocr_family: dict[str, str]  # an OCR misreading of a family name -> the name ("bang" -> "Đặng")
    verb_gap: "re.Pattern[str]"
    plan_clean: dict[str, tuple]  # folded key -> what a match of it records (see _scan_plan)
    plan_other: dict[str, tuple]  # the same for text without diacritics
    names: "re.Pattern[str]"  # on doc.plain: family names followed by a second capitalised syllable
    names_ocr: "re.Pattern[str]"  # the same with the family names' OCR misreadings


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    table: dict[str, list[_Phrase]] = {}

    def add(phrase: str, kind: str, info: tuple) -> None:
        key = " ".join(fold(phrase).split())
        if key:
            entry = table.setdefault(key, [])
            if not any(p.kind == kind for p in entry):
                entry.append(_Phrase(kind, info))

    for r in read_tsv("honorifics.tsv"):
        add(r["phrase"], "hon", (r["canonical"], r["kind"], r["case"], r["ambiguous"],
                                 _nfc_lower(r["phrase"])))
    lists: dict[str, list] = {k: [] for k in ("org", "stop", "before", "noun", "agent", "aside", "adverb",
                                              "intro", "copula")}
    for r in read_tsv("positions.tsv"):
        if r["kind"] == "office":
            add(r["phrase"], "office", ())
        else:
            lists[r["kind"]].append((r["phrase"], ()))
    for r in read_tsv("people_roles.tsv"):
        if r["kind"] in lists:
            lists[r["kind"]].append((r["phrase"], ()))
        else:
            add(r["phrase"], "cue", (r["role"], r["kind"], _nfc_lower(r["phrase"])))
    for r in read_tsv("not_person.tsv"):
        if r["kind"] == "name":
            add(r["phrase"], "place", ())
        else:
            lists["before"].append((r["phrase"], (r.get("ambiguous") == "yes",)))
    for r in read_tsv("provinces.tsv"):
        for name in [r["canonical"], *split_aliases(r.get("aliases"))]:
            add(name, "place", ())
    for r in read_tsv("places.tsv"):
        for name in [r["place"], *split_aliases(r.get("aliases"))]:
            add(name, "place", ())

    # the standard library's engine runs a long alternation several times faster than `regex`;
    # matched on a copy of the folded text with separators as \x00 and white space as spaces, after
    # one of them: the engine then tries a word's start only (see _phrase_spans). No group: the
    # phrase is the match but its first character.
    trie = trie_regex(table, space=" +")
    phrases = re.compile(" " + trie + r"(?!\w)")
    phrases_sep = re.compile("\x00" + trie + r"(?!\w)")
    families, families_ocr, exact, ocr_family = set(), set(), set(), {}
    for r in read_tsv("family_names.tsv"):
        exact.add(unicodedata.normalize("NFC", r["name"]))
        families.add(plain(r["name"]))
        families_ocr.add(plain(r["name"]))
        for a in split_aliases(r.get("ocr")):
            a = plain(a)
            families_ocr.add(a)
            if a != plain(r["name"]):
                ocr_family.setdefault(a, unicodedata.normalize("NFC", r["name"]))


    def fam(names, then: str = "") -> "re.Pattern[str]":
        # no word boundary first: the engine then jumps to capitals; the left edge is checked by hand
        return re.compile("(?:" + trie_regex(names) + r")(?![\w&])" + then)

    def names(family: set, nxt: "re.Pattern[str]") -> "re.Pattern[str]":
        # a name has a second syllable: only family names followed by one are worth reading further.
        # Filtering in the pattern finds the same names as checking each match: a family name of
        # letters and digits ends at the end of its word, so a dropped match hides no other one
        # (any match starting inside it follows a letter and is skipped as not opening a word).
        if all(n.isalnum() for n in family):
            return fam(family, f"(?={nxt.pattern})")
        return fam(family)

    adv = trie_regex((" ".join(fold(p).split()) for p, _ in lists["adverb"]), space=_WS + "+")
    verb_gap = re.compile(rf"[{_WS_CHARS},\-]*(?:(?:{adv})[{_WS_CHARS},]+)*")
    return _Lexicon(phrases, phrases_sep,
                    _words(lists["org"]), _words(lists["stop"]), _words(lists["before"]),
                    _words(lists["noun"]), _words(lists["agent"]), _words(lists["aside"]),
                    _words(lists["intro"]), _words(lists["copula"]),
                    frozenset(exact), ocr_family, verb_gap,
                    _scan_plan(table, True), _scan_plan(table, False), names(families, _NEXT_TOKEN),
                    names(families_ocr, _NEXT_TOKEN_OCR))


# what a phrase match records, by kind (see _scan_plan)
_CUE, _OFFICE, _HONORIFIC, _PLACE = range(4)


def _scan_plan(table: dict[str, list[_Phrase]], clean: bool) -> dict[str, tuple]:
    """For each folded key, the entries _scan records for a match of it, in table order, cut at the
    first blocking cue (a match of a blocked key records only what comes before the block). Without
    diacritics an honorific needing them is never taken and no word is checked as printed."""
    plan = {}
    for key, entries in table.items():
        ops = []
        for ph in entries:
            if ph.kind == "cue":
                role, kind, phrase = ph.info
                if kind == "block":
                    break
                # (code, kind, printed phrase or None, (role, kind), front: may open a person's clause)
                ops.append((_CUE, kind, phrase if clean and " " not in key else None, (role, kind),
                            kind in _FRONT_KINDS))
            elif ph.kind == "office":
                ops.append((_OFFICE,))
            elif ph.kind == "hon":
                _canonical, _kind, case, ambiguous, phrase = ph.info
                if ambiguous == "clean" and not clean:
                    continue
                # (code, case, printed phrase or None, info)
                ops.append((_HONORIFIC, case, phrase if ambiguous != "no" and clean else None, ph.info))
            else:
                ops.append((_PLACE,))
        plan[key] = tuple(ops)
    return plan


_SEPARATOR_CHARS = "()[]{}\",;:!?'-./"  # a word may follow these
# On the scanned copy of the text every white space character the standard library's \s matches
# (SPACE_CHARACTERS) is a plain space, so the phrase pattern asks for single characters, not a
# Unicode category.
_SCAN_COPY = str.maketrans({**{c: " " for c in SPACE_CHARACTERS}, **{c: "\x00" for c in _SEPARATOR_CHARS}})
_SCAN_COPY_ASCII = [(c, " ") for c in SPACE_CHARACTERS if c.isascii() and c != " "] + \
                   [(c, "\x00") for c in _SEPARATOR_CHARS]
_SCAN_COPY_OTHER = [(c, " ") for c in SPACE_CHARACTERS if not c.isascii()]


def _phrase_spans(lex: "_Lexicon", text: str) -> list[tuple[int, int]]:
    """The matches, in order, of one scan of `text` (the scanned copy, after a \\x00) for a phrase after
    a space or a \\x00 - found by two scans, one for each, as a pattern opening with one character
    lets the engine jump from one to the next instead of testing every character against a set.

    No phrase holds a \\x00, so the scan is the same from each \\x00 on: its matches after one are
    those of the scan after a \\x00, and in each block from one \\x00 to the next those of the scan
    after a space, but where a match after the \\x00 covers the place where the latter found one
    (then its matches are those of a new scan from the end of the former)."""
    spaced = list(map(_SPAN, lex.phrases.finditer(text)))
    after_sep = list(map(_SPAN, lex.phrases_sep.finditer(text)))
    if not after_sep:
        return spaced
    if spaced:
        starts = [s for s, _ in spaced]
        for s, e in after_sep:
            i = bisect_right(starts, s)
            if i < len(starts) and starts[i] < e:
                end = text.find("\x00", e)
                if end < 0:
                    end = len(text)
                j = bisect_left(starts, end)
                spaced[i:j] = map(_SPAN, lex.phrases.finditer(text, e, end))
                starts = [s for s, _ in spaced]
    spaced += after_sep
    spaced.sort()
    return spaced


def _scan_copy(folded: str) -> str:
    """The folded text with every separator a \\x00 and every white space character a space."""
    if folded.isascii():
        return folded.translate(_SCAN_COPY)
    # translate() is slow off ASCII: the same text, one character at a time
    out = folded
    for c, new in _SCAN_COPY_ASCII:
        if c in out:
            out = out.replace(c, new)
    for c, new in _SCAN_COPY_OTHER:
        if c in out:
            out = out.replace(c, new)
    return out


_CAPITAL_BEFORE = re.compile(r"[A-Z]\w*[ \t\n]+\Z")
_NEXT_TOKEN = re.compile(_SEP + r"([A-Z][a-z]*(?:-[a-z]+)?)(?![\w&])")
# On OCR'd text the commonest middle names (Văn, Thị) often come out in lower case ("Nong van Chien"):
# there they continue a name when a capitalised syllable follows. A hyphenated syllable ("Sung-ho") is
# one syllable of a foreign name, as on clean text.
# A lower-case syllable opening with b, p or d may be one whose capital Đ the model read as b or p
# ("Tran buc Hanh" for Trần Đức Hạnh): it continues the name when it was printed with b or p
# (`_Reader._lower_token_ok`).
_NEXT_TOKEN_OCR = re.compile(
    _SEP + r"([A-Z](?:[A-Z]?[a-z]+(?:-[a-z]+)?)?|(?:van|thi|[bdp][a-z]{1,5})(?=[ \t]+[A-Z]))(?![\w&])")
_LOWER_NAME_WORDS = frozenset(("van", "thi"))
_AT_TOKEN = re.compile(_TOKEN + r"(?![\w&])")
_AT_TOKEN_OCR = re.compile(_TOKEN_OCR + r"(?![\w&])")
_W, _NW = _WS, _NOT_WS
_HON_JOIN = re.compile(rf"{_W}*[.,\-]?{_W}*")
_AFTER_HON = re.compile(rf"\.?{_W}*")  # "TS. Lâm Quốc Bảo": the dot of an abbreviation
_AFTER_HON_PLURAL = re.compile(rf"\.?{_W}*:?{_W}*")
_PRE_GAP_BAD = re.compile(rf"[,;:()\"!?]|\.{_W}")
_POST_SEP = re.compile(rf"[ \t]*(?:\n[ \t]*)?(,|-|\(){_W}*")
_POS_BREAK = re.compile(rf"[,;:()\"]|\.(?={_W}|$)|\n{_W}*\n")
_CHAIN_SEP = re.compile(rf"{_W}*(?:;|,|va|cung(?:{_W}+voi)?){_W}*(?:va{_W}+)?")
_VERB_CHAIN = re.compile(rf"(?:{_W}+[^{_WS_CHARS},.;:!?\"]+){{0,5}}?{_W}*(?:,|va|,{_W}*va){_W}*")
_CUA_END = re.compile(rf"{_W}*(?:\"[^\"]{{0,300}}\"{_W}*)?(?:{_NW}+{_W}+){{0,3}}?cua{_W}*")
_TRAILING_LINK = regex.compile(r"(?<![\p{L}\p{N}])(?:va|cung|voi)$")
_CLAUSE_BREAK = re.compile(r"[.;:!?]")
# "Ông X, hộ tham gia mô hình, chia sẻ", "Đại biểu X (tổ huyện Y) chất vấn": a short description
# between commas or in brackets, then the verb
_APPOSITIVE = re.compile(rf"[ \t]*(?:,[^,.;:()\"\n]{{2,70}},|\([^()\n]{{1,80}}\)){_W}*")
_DASH_BEFORE = re.compile(rf"[ \t][-–]{_W}*\Z")
LIST_CUE_REACH = 600  # how far above a list line its presenting cue may be
_QUOTE_CUA = re.compile(rf"\"{_W}*cua{_W}*\Z")
_CLAUSE_END = re.compile(rf"{_W}*(?:[.;!?]|$)")
_CHO_END = regex.compile(r"(?<![\p{L}\p{N}])cho\s*$")
_SPACE_WORDS = re.compile(rf"{_NW}+")
_NEXT_WORD = re.compile(rf"{_W}+({_NW})")
_SPAN = re.Match.span
_FRONT_KINDS = frozenset(("both", "front", "list", "direct"))
_normalize = unicodedata.normalize


class _Hon:
    __slots__ = ("ambiguous", "canonical", "degree", "end", "plural", "start")

    def __init__(self, start: int, end: int, canonical: str, degree: bool, ambiguous: bool,
                 plural: bool) -> None:
        self.start = start
        self.end = end
        self.canonical = canonical
        self.degree = degree  # a degree or rank (preferred over a form of address)
        self.ambiguous = ambiguous  # folded form is also a common word and the text has no diacritics
        self.plural = plural


class _Mention:
    __slots__ = ("bare", "family", "hon", "key", "name_e", "name_s", "post", "pre", "roles", "short", "start",
                 "tail", "tokens")

    def __init__(self, name_s: int, name_e: int, tokens: int, family: bool, short: bool = False) -> None:
        self.name_s = name_s
        self.name_e = name_e
        self.tokens = tokens
        self.family = family
        self.hon: _Hon | None = None
        self.pre: tuple[int, int] | None = None
        self.post: tuple[int, int] | None = None
        self.start = 0
        self.tail = 0
        self.key = ""
        self.short = short
        self.bare = False
        self.roles: set = set()


def extract_people(doc: Document) -> list[Person]:
    folded = doc.folded
    if not folded.strip():
        return []
    return _Reader(doc).read()


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.folded = doc.folded
        self.plain = doc.plain
        self.clean = doc.quality == "clean"
        self.ocr = doc.quality == "ocr_noisy"
        self.lex = _lexicon()
        self.text = doc.text
        # folded offsets are the original ones when the view made no length-changing rewrite
        self.same_offsets = getattr(doc.view, "_passes", None) == []

    # -- scanning --------------------------------------------------------------
    def _scan(self) -> None:
        folded, plain = self.folded, self.plain
        text = self.text
        clean, same = self.clean, self.same_offsets
        plan = self.lex.plan_clean if clean else self.lex.plan_other
        # hits are tuples: (start, end, kind, info) for cues, (start, end, info) for honorifics
        self.hon_items = hon_items = []
        self.cues = cues = []
        self.places = places = []
        self.place_starts = place_starts = []
        # offices: parallel lists of starts and ends, and their ends by start
        self.office_start_list = office_start_list = []
        self.office_end_list = office_end_list = []
        self.office_starts = office_starts = {}
        self.hon_starts = hon_starts = set()
        self.hon_ends = hon_ends = set()
        # starts that end a name: honorifics, offices, multiword cues or clause-level cues ("Kết luận")
        self.name_stops = name_stops = set()
        # starts that end a position: honorifics, cue words in lower case in the text. (The original
        # rule also asked for a cue not inside an office phrase: phrase matches never overlap.)
        self.pos_stops = pos_stops = []
        self.cue_starts = cue_starts = set()
        self.cue_start_list = cue_start_list = []
        self.front_starts = front_starts = []
        # The pattern's first character is the white space or separator before the phrase.
        # Matches come in text order and never overlap: every list below is sorted as it is built.
        for s, e in _phrase_spans(self.lex, "\x00" + _scan_copy(folded)):
            e -= 1
            g = folded[s:e]
            ops = plan.get(g)
            if ops is None:
                ops = plan[" ".join(g.split())]
            for op in ops:
                code = op[0]
                if code == _CUE:
                    if op[2] is not None:  # a single word: the printed word decides (ký/kỳ, dự/du)
                        if same:
                            if _normalize("NFC", text[s:e].lower()) != op[2]:
                                continue
                        elif self._printed(s, e) != op[2]:
                            continue
                    kind = op[1]
                    cues.append((s, e, kind, op[3]))
                    cue_starts.add(s)
                    if op[4]:
                        front_starts.append(s)
                        name_stops.add(s)
                    elif " " in g:
                        name_stops.add(s)
                    if kind != "award":
                        cue_start_list.append(s)
                    if plain[s].islower() and (not pos_stops or pos_stops[-1] != s):
                        pos_stops.append(s)
                elif code == _PLACE:
                    places.append((s, e))
                    place_starts.append(s)
                elif code == _OFFICE:
                    office_start_list.append(s)
                    office_end_list.append(e)
                    office_starts[s] = e
                    name_stops.add(s)
                else:
                    if s and folded[s - 1] in "&/":
                        continue
                    case = op[1]
                    if case == "upper":
                        if not plain[s].isupper():
                            continue
                    elif case == "lower" and not plain[s].islower():
                        continue
                    if op[2] is not None:  # with diacritics the printed word decides (cô vs có, bà vs ba)
                        if same:
                            if _normalize("NFC", text[s:e].lower()) != op[2]:
                                continue
                        elif self._printed(s, e) != op[2]:
                            continue
                    hon_items.append((s, e, op[3]))
                    hon_starts.add(s)
                    hon_ends.add(e)
                    name_stops.add(s)
                    if not pos_stops or pos_stops[-1] != s:
                        pos_stops.append(s)
        sents = self.doc.sentences
        self.sent_starts = [s for s, _ in sents]
        self.sent_ends = [e for _, e in sents]

    def _printed(self, s: int, e: int) -> str:
        """The printed characters of a short folded span, NFC, lower case."""
        if not self.same_offsets:
            s, e = self.doc.view.to_original(s, e)
        return _normalize("NFC", self.text[s:e].lower())

    def _original(self, s: int, e: int) -> str:
        """doc.original(s, e): the original words, white space folded to single spaces."""
        if not self.same_offsets:
            s, e = self.doc.view.to_original(s, e)
        return clean_words(self.text[s:e])

    def _printed_case(self, s: int, e: int) -> str:
        if not self.same_offsets:
            s, e = self.doc.view.to_original(s, e)
        return self.text[s:e]

    def _word_at(self, words: _Words, pos: int) -> "re.Match[str] | None":
        """A phrase of a small list starting at pos (a single word must be printed as listed)."""
        m = words.match_at(self.folded, pos)
        if m and self.clean and m.group().isalpha() and self._printed(*m.span()) != words.printed[m.group()]:
            return None
        return m

    def _word_before(self, words: _Words, pos: int, skip: str = " \t\n") -> "re.Match[str] | None":
        """A phrase of a small list ending right before pos (white space between)."""
        j = pos
        f = self.folded
        while j > 0 and f[j - 1] in skip:
            j -= 1
        m = words.match_before(f, j)
        if m and self.clean and m.group().isalpha() and self._printed(*m.span()) != words.printed[m.group()]:
            return None
        return m

    def _org_at(self, pos: int) -> int:
        """The end of a body's name head starting at pos ("Bộ", "Ban Chấp hành"), else 0."""
        m = self._word_at(self.lex.orgs, pos)
        return m.end() if m else 0

    def _next_stop(self, start: int, end: int) -> int:
        """The first word in [start, end) that ends a position: a cue verb, a person, "đã", "cùng"..."""
        k = bisect_left(self.pos_stops, start)
        best = self.pos_stops[k] if k < len(self.pos_stops) and self.pos_stops[k] < end else end
        for m in self.lex.stops.at.finditer(self.folded, start, best):
            if (m.start() == 0 or not self.folded[m.start() - 1].isalnum()) and self.plain[m.start()].islower():
                if not self.clean or not m.group().isalpha() \
                        or self._printed(*m.span()) == self.lex.stops.printed[m.group()]:
                    return m.start()
        return best

    def _sentence(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def _in_place(self, pos: int) -> bool:
        i = bisect_right(self.place_starts, pos) - 1
        return i >= 0 and self.places[i][1] > pos

    def _after_before_word(self, pos: int) -> bool:
        m = self._word_before(self.lex.before, pos, " \t\n:")
        if not m:
            return False
        (ambiguous,) = self.lex.before.info[" ".join(m.group().split())]
        return self.clean or not ambiguous

    def _office_names_org(self, s: int, e: int) -> bool:
        """ "Phó Viện trưởng Viện ...", "Vụ trưởng Vụ ...": the word after the office is its body, not a
        family name (Viên, Vũ) even where the missing diacritics make them look alike."""
        j = s
        while j > 0 and self.folded[j - 1] in " \t\n":
            j -= 1
        i = bisect_right(self.office_start_list, j) - 1
        if i < 0 or self.office_end_list[i] != j:
            return False
        return self.folded[s:e] in self.folded[self.office_start_list[i]:j].split()[:-1]

    # -- honorifics ------------------------------------------------------------
    def _honorifics(self) -> list[_Hon]:
        out: list[_Hon] = []
        items = self.hon_items
        i = 0
        while i < len(items):
            group = [items[i]]
            j = i + 1
            while j < len(items) and _HON_JOIN.fullmatch(self.folded, group[-1][1], items[j][0]):
                group.append(items[j])
                j += 1
            i = j
            parts, degree, amb = [], False, True
            for h in group:
                canonical, kind, _case, ambiguous, _phrase = h[2]
                amb = amb and ambiguous != "no" and not self.clean
                degree = degree or kind != "address"
                parts.append(canonical)
            if all(" " not in p and not p.islower() for p in parts):
                canonical = ".".join(p.rstrip(".") for p in parts)
                if parts[-1].endswith(".") and parts[-1][:-1].istitle():
                    canonical += "."
            else:
                canonical = ", ".join(parts)
            plural = self.folded.startswith("cac ", group[0][0])
            out.append(_Hon(group[0][0], group[-1][1], canonical, degree, amb, plural))
        return out

    # -- names -----------------------------------------------------------------
    def _extend(self, s: int, e: int, max_tokens: int = 4) -> tuple[int, int]:
        """Grow a name from its first syllable [s, e) over following capitalised syllables."""
        nxt = _NEXT_TOKEN_OCR if self.ocr else _NEXT_TOKEN
        n = 1
        while n < max_tokens:
            m = nxt.match(self.plain, e)
            if not m or m.start(1) in self.name_stops or not self._lower_token_ok(m):
                break
            e = m.end()
            n += 1
        return e, n

    def _lower_token_ok(self, t: "re.Match[str]") -> bool:
        """A name syllable matched by _NEXT_TOKEN_OCR in lower case is "van"/"thi", or one printed with a
        b or p where a capital Đ stood ("buc", "binh", "p6"); a d printed as such is a common word
        ("Cao dang Ky thuat" is Cao đẳng)."""
        s = t.start(1)
        if not self.plain[s].islower() or t.group(1) in _LOWER_NAME_WORDS:
            return True
        return self._printed(s, t.end(1))[:1] in CAPITAL_D_MISREADS

    def _after_honorific(self, pos: int) -> bool:
        """Does an honorific end right before pos (white space or its dot between)?"""
        j = pos
        while j > 0 and self.folded[j - 1] in " \t\n.":
            j -= 1
        return j in self.hon_ends

    def _candidates(self, hons: list[_Hon]) -> list[_Mention]:
        plain, folded = self.plain, self.folded
        lex = self.lex
        cands: dict[int, _Mention] = {}
        # family names with a capitalised syllable after them (one capitalised word is no name)
        fam = lex.names_ocr if self.ocr else lex.names
        next_token = _NEXT_TOKEN_OCR if self.ocr else _NEXT_TOKEN
        office_starts, hon_starts, name_stops = self.office_starts, self.hon_starts, self.name_stops
        o_starts, o_ends = self.office_start_list, self.office_end_list
        p_starts, places = self.place_starts, self.places
        family_exact = lex.family_exact
        before_lasts = lex.before.lasts
        orgs_at = lex.orgs.at
        clean = self.clean
        last_end = -1
        for s, e in map(_SPAN, fam.finditer(plain)):
            if s < last_end or (s and plain[s - 1].isalnum()):
                continue
            if s in office_starts or s in hon_starts:
                continue
            # _extend
            end, n = e, 1
            while n < 4:
                t = next_token.match(plain, end)
                if t is None or t.start(1) in name_stops or not self._lower_token_ok(t):
                    break
                end = t.end()
                n += 1
            if n < 2:
                continue  # "Văn bản", "Cao đẳng": one capitalised word is no name
            if plain[s].islower() and (n < 3 or _CAPITAL_BEFORE.search(plain, max(0, s - 24), s)
                                       and not self._after_honorific(s)):
                continue  # an OCR'd "bang Viet Dung" (Đặng; also "ThS bang Viet Dung"), not "Binh binh" (Bình Định)
            i = bisect_right(o_starts, s) - 1
            if i >= 0 and o_starts[i] < s < o_ends[i]:
                continue  # inside an office phrase
            if clean and _normalize("NFC", self._printed_case(s, e)) not in family_exact:
                continue  # with diacritics: Định is not Đinh, Vạn is not Văn
            i = bisect_right(p_starts, s) - 1
            if i >= 0 and places[i][1] > s:
                continue  # inside a place name
            # _after_before_word: a word that makes the capitalised run a place or body ("tỉnh")
            j = s
            while j > 0 and folded[j - 1] in " \t\n:":
                j -= 1
            if folded.endswith(before_lasts, max(0, j - 32), j) and self._after_before_word(s):
                continue
            if orgs_at.match(folded, s):
                org_end = self._org_at(s)
                if org_end > e or (org_end and self._office_names_org(s, e)):
                    continue  # "Ban Chấp hành", "Phó Viện trưởng Viện ..."
            cands[s] = _Mention(s, end, n, True)
            last_end = end
        at_token = _AT_TOKEN_OCR if self.ocr else _AT_TOKEN
        self.hon_at = hon_at = {}
        for h in hons:
            p = (_AFTER_HON_PLURAL if h.plural else _AFTER_HON).match(folded, h.end).end()
            hon_at[p] = h
            if p in office_starts or p in cands:
                continue
            if any(c.name_s < p < c.name_e for c in cands.values()):
                continue
            t = at_token.match(plain, p)
            if not t or self._in_place(p) or p in name_stops or self._org_at(p) > t.end():
                continue
            end, n = self._extend(p, t.end())
            if h.ambiguous and n > 1:
                continue  # "ba" (bà or ba?) before a name without a family name: not enough
            cands[p] = _Mention(p, end, n, False, short=(n == 1))
        return [cands[k] for k in sorted(cands)]

    # -- positions -------------------------------------------------------------
    def _pre_gap_ok(self, s: int, e: int) -> bool:
        gap = self.folded[s:e]
        if _PRE_GAP_BAD.search(gap):
            return False
        words = gap.split()
        if len(words) > 14:
            return False
        if self._next_stop(s, e) < e:
            return False
        # a long run of lower-case words is running text, not an organisation's name
        run = 0
        for w in _SPACE_WORDS.finditer(self.plain, s, e):
            if w.group()[0].islower():
                run += 1
                if run > 4:
                    return False
            else:
                run = 0
        return True

    def _pre_position(self, m: _Mention, floor: int) -> tuple[int, int] | None:
        """The office phrase that ends where the name begins ("Thứ trưởng Bộ Y tế |Nguyễn ...")."""
        starts, ends = self.office_start_list, self.office_end_list
        i = bisect_left(starts, m.name_s) - 1
        best = -1
        while i >= 0:
            o_start, o_end = starts[i], ends[i]
            if o_start < floor or o_start < m.name_s - 160:
                break
            if self._pre_gap_ok(o_end, m.name_s) and o_end <= m.name_s:
                best = i
                break
            i -= 1
        if best < 0:
            return None
        start = starts[best]
        # "Thứ trưởng, Tổng Giám đốc X": offices joined by commas before the name
        j = i - 1
        while j >= 0:
            o_start, o_end = starts[j], ends[j]
            if o_start < floor:
                break
            gap = self.folded[o_end:start]
            k = gap.rfind(",")
            if k < 0 or gap[k + 1:].strip() or not self._pre_gap_ok(o_end, o_end + k):
                break
            # not when the office belongs to the person named just before ("A - Đại sứ ..., Chủ tịch B")
            if self.folded[floor:o_start].strip(" \t\n,-(") == "" and floor > 0:
                break
            start = o_start
            j -= 1
        return start, m.name_s

    def _continues_position(self, j: int) -> bool:
        """After a comma inside a position: another office or a body ("..., Bộ Xây dựng", "..., tỉnh X")."""
        if self.plain[j].isupper():
            return j not in self.cue_starts  # another office, a body, a place ("..., Bộ Xây dựng")
        org_end = self._org_at(j)
        if j not in self.office_starts and not org_end:
            return False
        # a lower-case head ("tỉnh", "thành phố") must name something: a capital follows
        end = self.office_starts.get(j, org_end)  # the office's end, else the body's
        nxt = _NEXT_WORD.match(self.plain, end)
        return bool(nxt) and nxt.group(1)[0].isupper()

    def _post_position(self, m: _Mention, limit: int) -> tuple[int, int] | None:
        f = self.folded
        sep = _POST_SEP.match(f, m.name_e)
        if not sep:
            return None
        kind = sep.group(1)
        i = sep.end()
        if i >= limit:
            return None
        if kind == "(":
            close = f.find(")", i, min(limit, i + 160))
            if close < 0:
                return None
            if not (self.plain[i].isupper() or i in self.office_starts):
                return None
            if not any(ch.islower() for ch in self.plain[i:close]) and i not in self.office_starts:
                return None  # "(TTXVN)": a credit, not a position
            return (i, close) if close > i else None
        if i not in self.office_starts and not (self.plain[i].isupper() and self._org_at(i)):
            return None
        start, end = i, i
        limit = min(limit, i + 320)
        while True:
            br = _POS_BREAK.search(f, i, limit)
            b = br.start() if br else limit
            stop = self._next_stop(i + 1, b)
            if stop < b:
                end = stop
                break
            end = b
            if not br:
                break
            ch = f[b]
            if ch == ",":
                j = b + 1
                while j < limit and f[j] in " \t\n":
                    j += 1
                if j < limit and self._continues_position(j):
                    i = j
                    continue
                break
            if ch == "(":
                close = f.find(")", b, min(limit, b + 120))
                if close < 0:
                    break
                i = close + 1
                end = i
                continue
            break
        while True:
            while end > start and f[end - 1] in " \t\n,-":
                end -= 1
            # _TRAILING_LINK.search(f, start, end): the text ends here (no white space is left), so
            # a match can only be the last word
            k = 4 if f.endswith("cung", start, end) else 3 if f.endswith("voi", start, end) \
                else 2 if f.endswith("va", start, end) else 0
            t = _TRAILING_LINK.match(f, end - k, end) if k else None
            if not t:
                break
            end = t.start()
        return (start, end) if end > start else None

    # -- reading ---------------------------------------------------------------
    def read(self) -> list[Person]:
        self._scan()
        hons = self._honorifics()
        cands = self._candidates(hons)
        if not cands:
            return []
        f = self.folded
        prev_end = 0
        for m in cands:
            m.hon = self.hon_at.get(m.name_s)
            if m.hon is None:
                m.pre = self._pre_position(m, prev_end)
            if m.pre and m.hon is None:
                m.hon = self.hon_at.get(m.pre[0])
            m.start = min(x for x in (m.name_s, m.pre[0] if m.pre else m.name_s,
                                      m.hon.start if m.hon else m.name_s))
            prev_end = m.name_e
        drop = set()
        for n in range(len(cands) - 1):
            a, b = cands[n], cands[n + 1]
            # "bà A, Tổng Giám đốc Công ty X B...": the office after A's name is A's, and B (with
            # nothing else to anchor it) is the end of the body's name
            if b.pre and a.hon and not a.pre and b.hon is None:
                sep = _POST_SEP.match(f, a.name_e)
                if sep and sep.group(1) != "(" and sep.end() == b.pre[0]:
                    nxt = _POST_SEP.match(f, b.name_e)
                    if not (nxt and nxt.end() in self.office_starts):
                        drop.add(n + 1)
        if drop:
            cands = [c for n, c in enumerate(cands) if n not in drop]
        for n, m in enumerate(cands):
            limit = cands[n + 1].start if n + 1 < len(cands) else len(f)
            sent = self._sentence(m.name_s)
            limit = min(limit, self.sent_ends[sent] if sent < len(self.sent_ends) else len(f))
            m.post = self._post_position(m, limit)
            m.tail = m.post[1] if m.post else m.name_e
            if m.post and self.folded[m.post[1]:m.post[1] + 1] == ")":
                m.tail = m.post[1] + 1
            m.key = " ".join(f[m.name_s:m.name_e].split())
            if self.ocr:
                # a family name OCR misread is keyed as the name it stands for ("bo Thi Ha" = "Do Thi Ha")
                head, _, rest = m.key.partition(" ")
                family = _ocr_family_folded().get(head)
                if family and rest:
                    m.key = f"{fold(family)} {rest}"
            anchored = m.hon is not None or m.pre is not None or m.post is not None
            if m.short:
                anchored = m.hon is not None or m.pre is not None
            m.bare = not anchored
        mentions = [m for m in cands if not (m.bare and not m.family)]
        self._roles(mentions)
        self._quoted_work_presenters(mentions)
        return self._merge(mentions)

    def _quoted_work_presenters(self, ms: list[_Mention]) -> None:
        """ "Các báo cáo gồm: “A” của TS X (...); “B” của ThS. Y": a person right after a quoted title
        and "của" presented it, when a presenting cue ("báo cáo", "tham luận") comes earlier in the
        sentence; so did one after the dash of a list line ("• A - PGS.TS X, ...") below such a cue."""
        f = self.folded
        presenting = [c_start for c_start, _e, _kind, info in self.cues if info[0] == "presenter"]
        for m in ms:
            if "presenter" in m.roles:
                continue
            if _QUOTE_CUA.search(f, max(0, m.start - 12), m.start):
                lo = self.sent_starts[self._sentence(m.start)] if self.sent_starts else 0
            elif _DASH_BEFORE.search(f, max(0, m.start - 6), m.start) \
                    and (LIST_ITEM_MARK_OCR if self.ocr else LIST_ITEM_MARK).match(f, f.rfind("\n", 0, m.start) + 1):
                lo = max(0, m.start - LIST_CUE_REACH)
            else:
                continue
            k = bisect_left(presenting, lo)
            if k < len(presenting) and presenting[k] < m.start:
                m.roles.add("presenter")

    # -- roles -----------------------------------------------------------------
    def _roles(self, ms: list[_Mention]) -> None:
        f = self.folded
        tails = [m.tail for m in ms]
        starts = [m.start for m in ms]
        n_ms = len(ms)
        sent_starts = self.sent_starts
        front_starts = self.front_starts
        verb_gap = self.lex.verb_gap
        # A cue gives a role only to a person of its own sentence: one ending before it there (the
        # subject of a verb, an agent), one starting after it there, or the subject of the verb before
        # it there. The sentences where a person is mentioned, from the start to the tail:
        touched = set()
        for m in ms:
            touched.update(range(max(0, bisect_right(sent_starts, m.start) - 1),
                                 max(0, bisect_right(sent_starts, m.tail) - 1) + 1))
        last_verb: tuple[int, int, list[_Mention]] | None = None  # (sentence, cue end, targets)
        for c_start, c_end, kind, info in self.cues:
            if kind == "award":
                continue
            sent = bisect_right(sent_starts, c_start) - 1
            if sent < 0:  # noqa: PLR1730 (quicker than max() in this loop)
                sent = 0
            if sent not in touched:
                continue
            role = info[0]
            s0 = sent_starts[sent] if sent_starts else 0
            if kind == "give":
                # the giver was there too ("Chủ tịch nước X trao giải cho ..."): at least an attendee
                i = bisect_right(tails, c_start) - 1
                if i >= 0 and ms[i].tail >= s0 and c_start - ms[i].tail <= 60 \
                        and verb_gap.fullmatch(f, ms[i].tail, c_start) and not self._aside(ms[i]):
                    for t in self._chain(ms, i, s0):
                        t.roles.add("attendee")
            elif kind == "both" or kind == "verb" or kind == "final":
                targets = None
                i = bisect_right(tails, c_start) - 1
                if i >= 0 and ms[i].tail >= s0 and not self._aside(ms[i]) and (
                        c_start - ms[i].tail <= 60 and verb_gap.fullmatch(f, ms[i].tail, c_start)
                        or _APPOSITIVE.fullmatch(f, ms[i].tail, c_start)):
                    targets = self._chain(ms, i, s0)
                elif last_verb and last_verb[0] == sent and self._verb_chain(ms, starts, last_verb[1], c_start):
                    targets = last_verb[2]
                if targets is None and kind != "verb":
                    targets = self._agent_before(ms, tails, c_start, s0)
                if targets and kind == "final" and not _CLAUSE_END.match(f, c_end):
                    targets = None
                if targets:
                    for t in targets:
                        t.roles.add(role)
                    last_verb = (sent, c_end, targets)
                    continue
                if kind != "both":
                    continue
            j = bisect_left(starts, c_end)
            if j >= n_ms:
                continue
            nxt = ms[j]
            if max(0, bisect_right(sent_starts, nxt.start) - 1) != sent:
                continue
            k = bisect_left(front_starts, c_end)
            if kind != "list" and k < len(front_starts) and front_starts[k] < nxt.start:
                continue  # a nearer cue opens the person's clause
            gap = f[c_end:nxt.start]
            if kind == "direct":
                if not gap.strip() and not nxt.bare:
                    nxt.roles.add(role)
                continue
            if kind == "give":
                # "trao giải ... cho X", "Giải Nhất được trao cho A, ... và B"
                to = f.endswith("cho", c_start, c_end) and not gap.strip()
                if (to or (_CHO_END.search(gap) and len(gap) < 160)) and self._award_between(s0, nxt.start):
                    for t in ms[j:]:
                        if self._sentence(t.start) != sent:
                            break
                        t.roles.add(role)
                continue
            if kind == "both" and len(gap) < 400 and _CUA_END.fullmatch(gap):
                # "báo cáo “...” của TS X", "tham luận của A và B"
                for t in self._chain_forward(ms, j):
                    t.roles.add(role)
                continue
            if kind != "list" and not self._opens_clause(c_start, s0):
                continue
            if kind == "list" or (len(gap) < 120 and self._intro_in(c_end, nxt.start)):
                for t in ms[j:]:
                    if self._sentence(t.start) != sent:
                        break
                    t.roles.add(role)
                continue
            if len(gap) > 200:
                continue
            k = gap.rfind(",")
            if k >= 0 and not gap[k + 1:].strip():
                nxt.roles.add(role)
            elif len(gap) < 80 and "," not in gap and self._word_before(self.lex.copulas, nxt.start):
                nxt.roles.add(role)  # "Chủ trì hội nghị là ông X"

    def _intro_in(self, s: int, e: int) -> bool:
        """ "Tham dự Hội nghị có ...": a list opener before any comma between the cue and the person."""
        comma = self.folded.find(",", s, e)
        end = e if comma < 0 else comma
        for m in self.lex.intros.at.finditer(self.folded, s, end):
            if not self.folded[m.start() - 1].isalnum():
                if not self.clean or self._printed(*m.span()) == self.lex.intros.printed[" ".join(m.group().split())]:
                    return True
        return False

    def _verb_chain(self, ms, starts, s: int, e: int) -> bool:
        """A second verb of the same subject: "chủ trì (kỳ họp) và phát biểu khai mạc", "dự và chỉ đạo"."""
        if e - s > 48:
            return False
        if not _VERB_CHAIN.fullmatch(self.folded, s, e):
            return False
        k = bisect_left(starts, s)
        return k >= len(ms) or ms[k].start >= e

    def _opens_clause(self, c_start: int, s0: int) -> bool:
        """A cue before a person opens a clause, unless a word right before makes it a noun
        ("Đối với Báo cáo kiểm điểm ..., X yêu cầu": the report is discussed, X did not present it)."""
        return self._word_before(self.lex.nouns, c_start) is None

    def _agent_before(self, ms, tails, pos: int, s0: int) -> list[_Mention] | None:
        """ "do X, ..., cùng các giảng viên trình bày": X is the agent of the clause's verb."""
        i = bisect_right(tails, pos) - 1
        if i < 0 or ms[i].tail < s0 or pos - ms[i].tail > 100:
            return None
        m = ms[i]
        if _CLAUSE_BREAK.search(self.folded, m.tail, pos):
            return None
        # "do A, ...; B, ... và C trình bày": the agents listed after "do"
        chain = self._chain(ms, i, s0) if self._word_before(self.lex.agents, m.start) is None else [m]
        if self._word_before(self.lex.agents, chain[-1].start) is None:
            return None
        k = bisect_left(self.cue_start_list, m.tail)
        if k < len(self.cue_start_list) and self.cue_start_list[k] < pos:
            return None  # another verb comes first
        return chain

    def _aside(self, m: _Mention) -> bool:
        return self._word_before(self.lex.asides, m.start) is not None

    def _chain_forward(self, ms: list[_Mention], j: int) -> list[_Mention]:
        """A person and those listed right after them ("A, ... và B, ...")."""
        out = [ms[j]]
        while j + 1 < len(ms) and _CHAIN_SEP.fullmatch(self.folded, ms[j].tail, ms[j + 1].start):
            j += 1
            out.append(ms[j])
        return out

    def _chain(self, ms: list[_Mention], i: int, s0: int) -> list[_Mention]:
        """The person before a verb and the co-subjects listed with them ("A, ...; B, ... đồng chủ trì")."""
        chain = [ms[i]]
        commas = False
        k = i
        while k > 0:
            p = ms[k - 1]
            if p.tail < s0:
                break
            sep = _CHAIN_SEP.fullmatch(self.folded, p.tail, ms[k].start)
            if not sep:
                break
            commas = commas or "," in sep.group() and ";" not in sep.group() and "va" not in sep.group()
            chain.append(p)
            k -= 1
        if len(chain) > 1 and commas:
            head = chain[-1]
            if self.folded[s0:head.start].strip():
                return [ms[i]]
        return chain

    def _award_between(self, s: int, e: int) -> bool:
        """An award noun (giải, bằng khen...) between a giving verb and its recipient."""
        for c_start, c_end, kind, _info in self.cues:
            if c_start >= e:
                break
            if c_start >= s and (kind == "award" or (kind == "give" and " " in self.folded[c_start:c_end])):
                return True
        return False

    # -- merging ---------------------------------------------------------------
    def _same(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if not self.ocr:
            return False
        ta, tb = a.split(), b.split()
        if len(ta) != len(tb) or ta[0][:1] != tb[0][:1]:
            return False
        d = edit_distance(a, b, 3)
        return d <= 2 and d * 5 <= len(a)

    def _repaired_name(self, m: _Mention) -> str:
        """An OCR'd name read syllable by syllable: a printed syllable that is a known Vietnamese one
        stays as printed ("Sy" is Sỹ, which the syllable prior would take for "Su"), the others as repaired."""
        repaired = clean_words(self.plain[m.name_s:m.name_e])
        printed = plain(self._original(m.name_s, m.name_e)).split()
        words = repaired.split()
        if len(printed) != len(words):
            return repaired
        if any("-" in p.strip("-") for p in printed):
            return " ".join(printed)  # a hyphenated syllable makes a foreign name ("Lee Dong-hyun"): as printed
        # a lower-case syllable after the first printed with b or p opened with a misread Đ ("buc" -> "Duc")
        out = []
        for i, (p, r) in enumerate(zip(printed, words)):
            if i and p[:1] in CAPITAL_D_MISREADS and r.islower() and r not in _LOWER_NAME_WORDS:
                out.append("D" + r[1:])
            elif p.isalpha() and is_known_syllable(p.lower()):
                out.append(p)
            else:
                out.append(r)
        return " ".join(out)

    def _merge(self, ms: list[_Mention]) -> list[Person]:
        people: list[dict] = []
        ocr = self.ocr
        by_key: dict[str, dict] = {}  # without OCR a person is found by the very same key

        def find(key: str):
            if not ocr:
                return by_key.get(key)
            for p in people:
                if self._same(p["key"], key):
                    return p
            return None

        for m in ms:
            if m.short or m.bare:
                continue
            p = find(m.key)
            if p is None:
                p = {"key": m.key, "mentions": [], "first": m, "bare_only": False}
                people.append(p)
                by_key.setdefault(m.key, p)
            p["mentions"].append(m)
        for m in ms:
            if not m.bare:
                continue
            p = find(m.key)
            if p is None:
                if m.tokens < 3 or not m.roles:
                    continue
                p = {"key": m.key, "mentions": [], "first": m, "bare_only": True}
                people.append(p)
                by_key.setdefault(m.key, p)
            p["mentions"].append(m)
        for m in ms:
            if not m.short:
                continue
            best = None
            for p in people:
                last = p["key"].split()[-1]
                if last == m.key or (ocr and len(m.key) > 3 and edit_distance(last, m.key, 2) <= 1):
                    before = [x for x in p["mentions"] if x.start < m.start]
                    score = max((x.start for x in before), default=-1)
                    if best is None or score > best[0]:
                        best = (score, p)
            if best:
                best[1]["mentions"].append(m)
        out: list[Person] = []
        for p in sorted(people, key=lambda p: p["first"].start):
            roles: set = set()
            for m in p["mentions"]:
                roles |= m.roles
            if roles & _SPEAKING:
                roles.discard("speech")
            if roles - {"attendee"}:
                roles.discard("attendee")
            if not roles:
                continue
            first = p["first"]
            ms_sorted = sorted(p["mentions"], key=lambda m: m.start)
            hon = None
            for m in ms_sorted:
                if m.hon and (hon is None or (m.hon.degree and not hon.degree)):
                    hon = m.hon
            position = position_alignment = None
            for m in ms_sorted:
                ranges = [r for r in (m.pre, m.post) if r]
                if any(self._original(*r).rstrip(" ,-") for r in ranges):
                    position, position_alignment = self._position(ranges)
                    break
            evidence: list[Span] = []
            seen = set()
            for m in ms_sorted:
                sp = self.doc.view.span(m.start, max(m.tail, m.name_e))
                if (sp.start, sp.end) not in seen and sp.end > sp.start:
                    seen.add((sp.start, sp.end))
                    evidence.append(sp)
            if not evidence:
                continue
            name = self._original(first.name_s, first.name_e)
            alignment = "exact" if self.clean else "as_printed"
            if ocr:
                # the repaired reading of the printed syllables ("Nguyén Hiru" -> "Nguyen Huu"), the
                # family name written back where OCR misread it ("bang Viet Dung" -> "Đặng Viet Dung")
                repaired = self._repaired_name(first)
                head, _, rest = repaired.partition(" ")
                if head in self.lex.ocr_family:
                    repaired = f"{self.lex.ocr_family[head]} {rest}"
                if repaired != plain(name):
                    name, alignment = repaired, "repaired"
            out.append(Person(
                name=name,
                honorific=hon.canonical if hon else None,
                position=position,
                position_alignment=position_alignment,
                roles=[r for r in ROLE_ORDER if r in roles],
                alignment=alignment,
                evidence=evidence,
            ))
        return out

    def _position(self, ranges: list[tuple[int, int]]) -> tuple[str, str]:
        """The position read from folded ranges (before and after the name), and its alignment.

        Clean text: the words as written ("exact"). Otherwise the words as printed (on OCR'd text:
        as read after the OCR repair, ``doc.plain``) with their diacritics restored when every word
        is in the lexicon ("canonical"); else, on OCR'd text, the repaired reading ("repaired") when
        it differs from the print; else the words as printed ("as_printed"). Line-break hyphens are
        joined."""
        parts = [(r, self._original(*r).rstrip(" ,-")) for r in ranges]
        parts = [(r, x) for r, x in parts if x]
        printed = ", ".join(x for _, x in parts)
        if self.clean:
            return printed, "exact"
        if self.ocr:
            read = [self.doc.view.plain_words(*r).rstrip(" ,-") for r, _ in parts]
        else:
            read = [x for _, x in parts]
        if all(read):
            restored = [restore_diacritics(x) for x in read]
            if all(restored):
                return ", ".join(restored), "canonical"
            repaired = ", ".join(read)
            if self.ocr and repaired != plain(printed):
                return repaired, "repaired"
        return printed, "as_printed"


@lru_cache(maxsize=1)
def _ocr_family_folded() -> dict[str, str]:
    """An OCR misreading of a family name, lower case -> the name."""
    return {k.lower(): v for k, v in _lexicon().ocr_family.items()}
