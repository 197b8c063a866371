"""Discussion topics and conclusions, split into clauses.

Reports introduce what was discussed and what was decided with a handful of
formulaic cues ("các đại biểu tập trung thảo luận về ...", "X cho rằng ...",
"Kết luận Hội nghị, X nêu rõ: ...", "Thủ tướng yêu cầu ..."). Each sentence is
scanned for the first valid cue (data/discussion_cues.tsv, matched on the folded
text); the clause after it is cut into items at ";" and, where a new parallel
clause starts, at "," or "và". A direction or a claim often runs on over the next
sentences ("Đồng thời, ... cần ..."), so a sentence without a cue that still gives
directions (or still voices a problem) right after one is taken too.

Items are copied from the text (``doc.original``) with their evidence span.

Speed (the same results, about twice as fast as plain `finditer` over the tries): the cue
phrases are found with `WordScanner` (a relaxed trie run over a copy of the text where every
non-word character is a space, and the exact pattern anchored where it matched); several
regex passes are merged into one (`_Lexicon.strip_cut`, `comma_verb`, `lead_cut`...); the
copies and checks derived from a document are kept for the last one (presentations.py scans
the same document first).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .document import Document
from .lexicon import lookup_key, read_tsv, split_aliases
from .matching import MAX_OCR_VOWEL_ERRORS, OCR_JUNK, Scanners, WordScanner, alt_text, ocr_key, trie_pattern
from .models import Span, Statement
from .textview import clean_words, fold, single_spaced

# Kinds of cue that open a clause.
_CLAUSE_KINDS = ("topic", "opinion", "directive", "conclusion", "closing", "attribution", "announce")
_TOPIC_KINDS = ("topic", "opinion")
_WEAK_KINDS = ("attribution", "announce")
_DECISION_KINDS = ("directive", "conclusion", "closing")

MIN_LEFT_WORDS = 5        # a comma split needs this many words before it ...
MIN_RIGHT_WORDS = 4       # ... and this many after it
COMPOUND_RIGHT_WORDS = 6  # ... or this many after "và" that follows a verb
MIN_ITEM_WORDS = 3
LONG_ITEM_WORDS = 25      # items longer than this lose a trailing purpose phrase ...
MIN_KEEP_BEFORE_CUT = 8   # ... when at least this many words stay
VERY_LONG_ITEM_WORDS = 35  # items longer than this are cut at a comma ...
MIN_KEEP_BEFORE_COMMA = 15  # ... that leaves at least this many words
CONTINUATION_REACH = 2    # sentences after a cue that may still carry it on
MAX_RUN = 5               # continuation sentences after one cue
CAPTION_WORDS = 14        # a cue-less sentence this short does not break a run
MODAL_WINDOW_WORDS = 15   # a continuing direction shows a modal within its first words
ATTRIBUTION_WORDS = 25    # "Theo ông X, Y, Z," : the claim starts within this many words
ANNOUNCE_WINDOW_WORDS = 15
COLON_WORDS = 16          # "... đưa ra nhiều ý kiến về: A; B": a colon this close opens the list
CUE_CHAIN_CHARS = 50      # "Trong phần thảo luận, các đại biểu trao đổi về ...": the later cue wins
PURPOSE_LEAD_WORDS = 15   # "Để ..., cần ...": a leading purpose phrase this short is dropped


@dataclass(frozen=True)
class _Rule:
    kind: str
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    # derived from not_before / not_after, for `_allowed`
    before_ends: tuple[str, ...] = ()   # " " + each not_before word
    before_words: int = 0               # the most words of a not_before word
    after_number: bool = False          # "#" is among the not_after words
    after_words: "re.Pattern[str] | None" = None  # the other not_after words, each a whole word
    after_lower: bool = False           # "~" is among the not_after words: not before a lower-case word


def _rule(kind: str, not_before: tuple[str, ...] = (), not_after: tuple[str, ...] = ()) -> _Rule:
    words = [w for w in not_after if w not in ("#", "~")]
    after = None
    if words:  # (any run of white space between the words: the original squashed it)
        after = re.compile("(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")(?![^\W_])")
    return _Rule(kind, not_before, not_after, tuple(" " + w for w in not_before),
                 max((len(w.split()) for w in not_before), default=0), "#" in not_after, after, "~" in not_after)


@dataclass
class _Lexicon:
    rules: dict[tuple[str, str], _Rule] = field(default_factory=dict)
    patterns: dict[str, "re.Pattern[str]"] = field(default_factory=dict)
    verbs: frozenset[str] = frozenset()
    ocr_cues: dict[str, list[str]] = field(default_factory=dict)  # ocr_key -> folded cue phrases
    restricted: frozenset[str] = frozenset()  # kinds with a rule that has not_before / not_after words
    scanners: dict[str, "WordScanner"] = field(default_factory=dict)  # kind -> its WordScanner
    strip_lead: "re.Pattern[str]" = None  # type: ignore[assignment]  # see _strip_lead
    # _strip_lead, then (as group 1) a "cut" word where the stripping stops
    strip_cut: "re.Pattern[str]" = None  # type: ignore[assignment]
    # a sentence opener and _strip_lead after it (if one opens it), then a "cut" word as group 1
    lead_cut: "re.Pattern[str]" = None  # type: ignore[assignment]
    # a comma that _strip_lead then a verb / a head word follows (group 1: the word)
    comma_verb: "re.Pattern[str]" = None  # type: ignore[assignment]
    comma_head: "re.Pattern[str]" = None  # type: ignore[assignment]
    # the patterns most used, as attributes
    cue: "re.Pattern[str]" = None  # type: ignore[assignment]
    cut: "re.Pattern[str]" = None  # type: ignore[assignment]
    lead: "re.Pattern[str]" = None  # type: ignore[assignment]
    list: "re.Pattern[str]" = None  # type: ignore[assignment]
    modal: "re.Pattern[str]" = None  # type: ignore[assignment]
    problem: "re.Pattern[str]" = None  # type: ignore[assignment]
    stop: "re.Pattern[str]" = None  # type: ignore[assignment]
    verb: "re.Pattern[str]" = None  # type: ignore[assignment]
    head: "re.Pattern[str]" = None  # type: ignore[assignment]
    speech: "re.Pattern[str]" = None  # type: ignore[assignment]
    high_office: "re.Pattern[str]" = None  # type: ignore[assignment]

    def pattern(self, kind: str) -> "re.Pattern[str]":
        return self.patterns[kind]

    def rule(self, kind: str, matched: str) -> _Rule | None:
        rule = self.rules.get((kind, matched))  # (a key is its own lookup_key: the usual case)
        if rule is not None:
            return rule
        key = lookup_key(matched)
        rule = self.rules.get((kind, key))
        if rule is None:  # a stray dot or comma in OCR'd text
            rule = self.rules.get((kind, lookup_key(OCR_JUNK.sub(" ", key))))
        return rule

    def ocr_rule(self, matched: str) -> _Rule | None:
        """The cue an OCR'd match stands for: same consonants, at most one vowel changed."""
        text = " ".join(OCR_JUNK.sub(" ", matched).split())
        best = None
        for phrase in self.ocr_cues.get(ocr_key(text), ()):
            wrong = sum(1 for x, y in zip(text, phrase) if x != y)
            if wrong <= MAX_OCR_VOWEL_ERRORS and (best is None or wrong < best[0]):
                best = (wrong, phrase)
        return self.rules.get(("cue", best[1])) if best else None


def _folded_list(value: str | None) -> tuple[str, ...]:
    return tuple(" ".join(fold(v).split()) for v in split_aliases(value))


_SCANNED = ("cue", "cut", "modal", "problem", "stop", "speech", "high_office")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    lex = _Lexicon()
    by_kind: dict[str, list[str]] = {}
    for row in read_tsv("discussion_cues.tsv"):
        phrase, kind = row["phrase"], row["kind"]
        group = "cue" if kind in _CLAUSE_KINDS else kind
        by_kind.setdefault(group, []).append(phrase)
        lex.rules.setdefault((group, lookup_key(fold(phrase))), _rule(
            kind, _folded_list(row.get("not_before")), _folded_list(row.get("not_after"))))
    # the kinds searched for over a stretch of text get a scanner (and its pattern), the others a pattern
    lex.scanners = {k: WordScanner(v) for k, v in by_kind.items() if k in _SCANNED}
    lex.patterns = {k: lex.scanners[k].pattern if k in lex.scanners else trie_pattern(v) for k, v in by_kind.items()}
    # OCR'd decisions are read with one vowel wrong too (they are long, distinctive phrases)
    decisions = [p for p in by_kind.get("cue", [])
                 if lex.rules[("cue", lookup_key(fold(p)))].kind in _DECISION_KINDS]
    lex.scanners = Scanners(lex.scanners, cue_ocr=(by_kind.get("cue", []), True, decisions))  # (made on first use)
    for phrase in decisions:
        key = " ".join(fold(phrase).split())
        lex.ocr_cues.setdefault(ocr_key(key), []).append(key)
    lex.verbs = frozenset(" ".join(fold(p).split()) for p in by_kind.get("verb", []))
    for kind in ("cue", "speech", "lead", "list", "modal", "problem", "stop", "verb", "head", "filler", "cut",
                 "high_office"):
        lex.patterns.setdefault(kind, trie_pattern([]))
        if kind in _SCANNED:
            lex.scanners.setdefault(kind, WordScanner([]))
    lex.restricted = frozenset(group for (group, _), rule in lex.rules.items() if rule.not_before or rule.not_after)
    for kind in ("cue", "cut", "lead", "list", "modal", "problem", "stop", "verb", "head", "speech", "high_office"):
        setattr(lex, kind, lex.patterns[kind])
    # _strip_lead in one match: runs of junk, filler and lead words, in that order of preference
    strip = "(?:" + _LEAD_JUNK.pattern + "|" + lex.patterns["filler"].pattern + "|" + lex.patterns["lead"].pattern + ")*"
    lex.strip_lead = re.compile(strip)
    lex.strip_cut = re.compile("(?>" + strip + ")(" + lex.patterns["cut"].pattern + ")?")
    lex.lead_cut = re.compile("(?>" + lex.patterns["lead"].pattern + "(?>" + strip + "))?(" + lex.patterns["cut"].pattern + ")?")
    for kind in ("verb", "head"):
        setattr(lex, "comma_" + kind, re.compile(",(?=(?>" + strip + ")(" + lex.patterns[kind].pattern + "))"))
    return lex


# --- the original words ------------------------------------------------------------

def original_and_span(doc: Document, s: int, e: int) -> tuple[str, Span]:
    """`doc.original(s, e)` and `doc.span(s, e)`: the words are read from the evidence (its
    trimmed white space changes nothing)."""
    span = doc.view.span(s, e)  # (doc.span)
    return clean_words(span.text), span


# --- small helpers on folded text ---------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_LEAD_JUNK = re.compile(r"[\s,;:.\-•*+–>)\]]+")
_AFTER_JUNK = re.compile(r"[\s,:]+")
_SEPARATORS = re.compile(r"[;\"(),\[\]]|\s+va\s+(?=[^\W\d_])")  # see _separators
_SEPARATOR_CHAR = re.compile(r"[;\"(),\[\]]")
_VA = re.compile(r"va(?<=\sva)\s+(?=[^\W\d_])")
_SEMI_QUOTE_BRACKET = re.compile(r"[;\"()\[\]]")
_COMMA_QUOTE_BRACKET = re.compile(r"[,\"()\[\]]")
_AT_PLACE = re.compile(r"\s*(?:tai|trong)\s")
_COMMA_OR_COLON = re.compile(r"[,:]")
_BLANK_LINE = re.compile(r"\n\s*\n")
_NON_SPACE = re.compile(r"\S")
_PAST = re.compile(r"da(?!\w)(?<!\wda)")  # a whole word "da" (the look-behind after it: a faster scan)
_TRAIL_CHARS = " \t\n,;:.-•*+([/'"
_CLOSERS = {")": "(", "]": "[", "\"": "\""}


def _words(s: str) -> int:
    if single_spaced(s):
        return s.count(" ") + 1 if s else 0  # (the usual case: counted without making the words)
    return len(s.split())


_ODD_ASCII_SPACE = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"  # the ASCII white space but " " and "\n"
_plain_space_last: tuple = (None, False)


def _plain_space(folded: str) -> bool:
    """The only white space of `folded` is " " and "\n" (an ASCII text). (The last one is kept.)"""
    global _plain_space_last
    last = _plain_space_last
    if last[0] is folded:
        return last[1]
    plain = folded.isascii() and not any(c in folded for c in _ODD_ASCII_SPACE)
    _plain_space_last = (folded, plain)
    return plain


def _words_in(folded: str, a: int, b: int) -> int:
    """`_words(folded[a:b])`: in a text of plain white space, a stretch without a line break or
    a double space that neither opens nor ends with a space has a word more than spaces."""
    b = min(b, len(folded))
    if a < b and folded[a] != " " and folded[b - 1] != " " and _plain_space(folded) \
            and folded.find("\n", a, b) < 0 and folded.find("  ", a, b) < 0:
        return folded.count(" ", a, b) + 1
    return len(folded[a:b].split())


@cache
def _token_start(k: int) -> "re.Pattern[str]":
    """Matched at a: ends where the k-th white-space-separated word starts (no match: fewer words)."""
    return re.compile(r"\s*+(?:\S++\s++){" + str(k - 1) + r"}+(?=\S)")


def _kth_word_start(folded: str, a: int, b: int, k: int) -> int:
    """Where the k-th word of folded[a:b] starts, or b: `_words(folded[a:x]) >= k` iff x > this."""
    m = _token_start(k).match(folded, a, b)
    return m.end() if m else b


def _allowed(folded: str, start: int, end: int, rule: _Rule, plain: str | None = None) -> bool:
    """The not_before / not_after words of a rule do not surround the match: the squashed 40
    characters before it do not end with one, the squashed 40 after it (past white space, commas
    and colons) do not open with one as a whole word (for "~", when the case-keeping `plain` view
    is given: the next word, right after the white space, must be capitalised)."""
    if rule.not_before:
        # (only the last words matter: as many as the longest not_before word has)
        n = rule.before_words
        before = " " + " ".join(folded[max(0, start - 40):start].rsplit(None, n)[-n:])
        if before.endswith(rule.before_ends):
            return False
    if rule.not_after:
        m = _AFTER_JUNK.match(folded, end)
        j = m.end() if m else end  # (not white space: the squashed text opens there)
        limit = end + 40
        if rule.after_number and j < limit and folded[j:j + 1].isdigit():
            return False  # a number: "Quyết định 1348/...", "cam kết 9.274 tỷ" are nouns
        if rule.after_words is not None and rule.after_words.match(folded, j, limit):
            return False
        if rule.after_lower and plain is not None:
            k = end + len(plain[end:end + 8]) - len(plain[end:end + 8].lstrip())
            if not plain[k:k + 1].isupper():
                return False  # "đề xuất Bộ ...": a proposal to a body; "đề xuất ban hành ...", "kiến nghị: ...": not
    return True


def _search(lex: _Lexicon, kind: str, folded: str, a: int, b: int) -> tuple[int, int] | None:
    """(start, end) of the first match of a kind in [a, b) that its rule allows."""
    if kind not in lex.restricted:
        return lex.scanners[kind].first(folded, a, b)
    for s, e, text in lex.scanners[kind].spans(folded, a, b):
        rule = lex.rule(kind, text)
        if rule is None or _allowed(folded, s, e, rule):
            return s, e
    return None


def _match(lex: _Lexicon, kind: str, folded: str, a: int, b: int) -> "re.Match[str] | None":
    m = lex.patterns[kind].match(folded, a, b)
    if m and kind in lex.restricted:
        rule = lex.rule(kind, m.group())
        if rule is None or _allowed(folded, m.start(), m.end(), rule):
            return m
        return None
    return m


def _body_start(doc: Document) -> int:
    """Skip a headline: the first block when it is short and more text follows."""
    folded = doc.folded
    m = _BLANK_LINE.search(folded)
    if m and m.start() < 300 and _NON_SPACE.search(folded, m.end()):  # (text follows)
        return m.end()
    return 0


@cache
def _words_upto(n: int) -> "re.Pattern[str]":
    """The first n words (as many as there are) of a text, and what comes before them."""
    return re.compile(r"(?:[\W_]*+[^\W_]++){1," + str(n) + "}+")


@cache
def _alt_words_upto(n: int) -> "re.Pattern[str]":
    """`_words_upto(n)` as it reads on `alt_text`: there the words are what is not a space."""
    return re.compile(r"(?: *+[^ ]++){1," + str(n) + "}+")


def _nth_word_end(folded: str, a: int, b: int, n: int) -> int:
    """The end of the n-th word (of `_WORD`) in [a, b): of the last one if fewer, `a` if none."""
    alt = _alt_words(folded)
    m = _alt_words_upto(n).match(alt, a, b) if alt is not None else _words_upto(n).match(folded, a, b)
    return m.end() if m else a


_alt_words_last: tuple = (None, None)


def _alt_words(folded: str) -> str | None:
    """`alt_text(folded)` where its words are those of `_WORD` (an ASCII text without "_": every
    other character is a space there); else None. (The last one is kept.)"""
    global _alt_words_last
    last = _alt_words_last
    if last[0] is folded:
        return last[1]
    alt = alt_text(folded) if folded.isascii() and "_" not in folded else None
    _alt_words_last = (folded, alt)
    return alt


# --- items --------------------------------------------------------------------

def _strip_lead(folded: str, a: int, b: int, lex: _Lexicon) -> int:
    """Skip junk, filler words and sentence openers (one `lex.strip_lead` match: junk first, then
    filler, then lead, as long as one of them goes on)."""
    m = lex.strip_lead.match(folded, a, b)
    return m.end() if m else a  # (no match when a > b)


def _strip_trail(folded: str, a: int, b: int) -> int:
    """Drop trailing punctuation, "v.v." and an unbalanced closing bracket or quote."""
    if a < b:
        last = folded[b - 1]
        if last not in _TRAIL_CHARS and last not in _CLOSERS and last != "v":
            return b  # nothing to drop
    while True:
        seg = folded[a:b].rstrip(_TRAIL_CHARS)
        if seg.endswith(" v.v") or seg.endswith(" vv"):
            seg = seg[:-4 if seg.endswith(".v") else -3]
            b = a + len(seg)
            continue
        if seg and seg[-1] in _CLOSERS:
            opener = _CLOSERS[seg[-1]]
            if opener == "\"":
                unbalanced = seg.count("\"") % 2 == 1
            else:
                unbalanced = seg.count(opener) < seg.count(seg[-1])
            if unbalanced:
                b = a + len(seg) - 1
                continue
        return a + len(seg)


def _cut_long(folded: str, a: int, b: int, lex: _Lexicon, n: int) -> int:
    """An overlong item (of n words) loses a trailing purpose phrase ("để ...", "nhằm ..."), or
    else what follows a comma well into it. (The new end.)"""
    if n <= LONG_ITEM_WORDS:
        return b
    keep = _kth_word_start(folded, a, b, MIN_KEEP_BEFORE_CUT)  # a cut after it keeps enough words
    for ms, me, text in lex.scanners["cut"].spans(folded, a, b):
        if ms <= keep:
            continue
        rule = lex.rule("cut", text)
        if rule and not _allowed(folded, ms, me, rule):
            continue
        return ms
    if n > VERY_LONG_ITEM_WORDS:
        keep = _kth_word_start(folded, a, b, MIN_KEEP_BEFORE_COMMA)
        if _quote_or_bracket(folded, a, b):
            for m in top_level(folded, a, b, _COMMA_QUOTE_BRACKET):
                if m.group() == "," and m.start() > keep:
                    return m.start()
        else:  # every comma is at the top level
            c = folded.find(",", keep + 1, b)
            if c >= 0:
                return c
    return b


def top_level(folded: str, a: int, b: int, pattern: "re.Pattern[str]") -> list["re.Match[str]"]:
    """Matches of `pattern` in [a, b) that are outside brackets and quotes.

    `pattern` must also match the quote and bracket characters themselves. A quote
    still open at the end protects nothing (a stray quote of OCR'd text).
    """
    out: list["re.Match[str]"] = []
    inside: list["re.Match[str]"] = []
    depth = 0
    in_quote = False
    for m in pattern.finditer(folded, a, b):
        ch = m.group()
        if ch == "\"":
            if in_quote:
                inside = []
            in_quote = not in_quote
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            (inside if in_quote else out).append(m)
    if in_quote and inside:
        out = sorted(out + inside, key=lambda m: m.start())
    return out


def _separators(folded: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of the matches of `_SEPARATORS` in [a, b), as its `finditer` finds them
    ("va" stands for the text of a 'và' match), but found faster: single characters with one
    pattern, 'và' (white space, "va", white space, a letter) from its "va" with another."""
    out = [(m.start(), m.end(), m.group()) for m in _SEPARATOR_CHAR.finditer(folded, a, b)]
    vas = _va_spans(folded, a, b)
    if vas:
        out += [(s, e, "va") for s, e in vas]
        out.sort()
    return out


def _va_spans(folded: str, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of the 'và' matches of `_SEPARATORS` in [a, b): the white space before "va" (not
    before a, nor taken by the 'và' match before), "va", white space, and a letter next."""
    if folded.find("va", a, b) < 0:
        return []
    out = []
    last = a  # where the previous 'và' match ended (its white space is not taken again)
    for m in _VA.finditer(folded, a, b):
        q = m.start()  # the "va"; the white space before it is where the match starts
        lo = max(a, last)
        if q - 1 < lo:
            continue
        p = q - 1
        while p > lo and folded[p - 1].isspace():
            p -= 1
        out.append((p, m.end()))
        last = m.end()
    return out


def _find_all(folded: str, ch: str, a: int, b: int) -> list[int]:
    out = []
    c = folded.find(ch, a, b)
    while c >= 0:
        out.append(c)
        c = folded.find(ch, c + 1, b)
    return out


def _top_level(matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`top_level` for (start, end, text) matches."""
    out: list[tuple[int, int, str]] = []
    inside: list[tuple[int, int, str]] = []
    depth = 0
    in_quote = False
    for t in matches:
        ch = t[2]
        if ch == "\"":
            if in_quote:
                inside = []
            in_quote = not in_quote
        elif ch == "(" or ch == "[":
            depth += 1
        elif ch == ")" or ch == "]":
            depth = max(0, depth - 1)
        elif depth == 0:
            (inside if in_quote else out).append(t)
    if in_quote and inside:
        out = sorted(out + inside)
    return out


def _split_points(folded: str, a: int, b: int) -> tuple[list[int], list[tuple[int, int]]]:
    """Top-level ';' positions and (separator start, next start) of ',' and 'và'."""
    if not _quote_or_bracket(folded, a, b):  # every separator is at the top level
        semis = _find_all(folded, ";", a, b)
        soft = [(c, c + 1) for c in _find_all(folded, ",", a, b)]
        vas = _va_spans(folded, a, b)
        if vas:
            soft = sorted(soft + vas)
        return semis, soft
    semis = []
    soft = []
    for s, e, ch in _top_level(_separators(folded, a, b)):
        if ch == ";":
            semis.append(s)
        else:
            soft.append((s, e))
    return semis, soft


def _semis(folded: str, a: int, b: int) -> list[int]:
    """The top-level ';' positions alone (the same as `_split_points`: ',' and 'và' never change
    what is inside quotes or brackets)."""
    if folded.find(";", a, b) < 0:
        return []
    if not _quote_or_bracket(folded, a, b):
        return _find_all(folded, ";", a, b)
    return [m.start() for m in top_level(folded, a, b, _SEMI_QUOTE_BRACKET) if m.group() == ";"]


def _quote_or_bracket(folded: str, a: int, b: int) -> bool:
    """A quote or a bracket in [a, b) (each looked for with `str.find`: they are rare)."""
    return (folded.find("\"", a, b) >= 0 or folded.find("(", a, b) >= 0 or folded.find(")", a, b) >= 0
            or folded.find("[", a, b) >= 0 or folded.find("]", a, b) >= 0)


def _ends_with_verb(folded: str, a: int, s: int, lex: _Lexicon) -> bool:
    """"kiểm tra, giám sát": the words before the comma are a verb too (one compound list)."""
    tail = folded[max(a, s - 30):s].split()
    # one-syllable verbs are left out: folded, they collide with other words (đưa / thi đua)
    n = len(tail)
    return n >= 2 and (" ".join(tail[-2:]) in lex.verbs or n >= 3 and " ".join(tail[-3:]) in lex.verbs)


def _split_clause(doc: Document, a: int, b: int, lex: _Lexicon, mode: str) -> list[tuple[int, int]]:
    """Cut a clause into items: at top-level ';' always; then at ',' / 'và' where a new
    clause starts: a verb phrase (conclusions; topics whose first part is one too) or,
    in topics, a noun phrase with a head word ("A, cơ chế B và việc C"). Topics already
    listed with ';' and a participant's claim are not cut further."""
    folded, plain = doc.folded, doc.plain
    semis = _semis(folded, a, b)
    parts: list[tuple[int, int]] = []
    start = a
    for p in semis:
        parts.append((start, p))
        start = p + 1
    parts.append((start, b))
    if mode == "opinion" or (mode == "topic" and semis):
        return parts
    if _quote_or_bracket(folded, a, b):
        soft = _split_points(folded, a, b)[1]
        if not soft:
            return parts
        vas = None
    else:  # every separator is at the top level: the commas are found part by part
        soft = None
        vas = _va_spans(folded, a, b)
    out: list[tuple[int, int]] = []
    for ps, pe in parts:
        if mode != "topic":
            parallel_verbs = True
        else:
            parallel_verbs = lex.verb.match(folded, _strip_lead(folded, ps, pe, lex), pe)
        # after a comma: _strip_lead, then the verb or head word; after "và": the word itself
        word = lex.verb.match if parallel_verbs else lex.head.match
        # (separator start, next start, where its word starts, whether the word is there: None
        # when not looked at yet)
        if soft is None:
            comma_word = lex.comma_verb if parallel_verbs else lex.comma_head
            seps = [(m.start(), m.start() + 1, m.start(1), True) for m in comma_word.finditer(folded, ps, pe)]
            in_part = [(s, n, n, None) for s, n in vas if ps <= s < pe]
            if in_part:
                seps = sorted(seps + in_part)
        else:
            seps = [(s, n, _strip_lead(folded, n, pe, lex) if folded[s] == "," else n, None)
                    for s, n in soft if ps <= s < pe]
        cands = []
        for s, n, w, found in seps:
            if w < pe and plain[w].isupper():
                continue  # "Bộ Nông nghiệp và Phát triển nông thôn": a name goes on
            if found is None:
                found = word(folded, w, pe) is not None
            if not found:
                continue
            right_min = MIN_RIGHT_WORDS
            if parallel_verbs and _ends_with_verb(folded, ps, s, lex):
                # "kiểm tra, giám sát", "nghiên cứu và đào tạo": one compound verb,
                # unless a long clause follows "và"
                if folded[s] == ",":
                    continue
                right_min = COMPOUND_RIGHT_WORDS
            cands.append((s, n, right_min))
        cur = ps
        for k, (s, n, right_min) in enumerate(cands):
            nxt = cands[k + 1][0] if k + 1 < len(cands) else pe
            if _words_in(folded, cur, s) >= MIN_LEFT_WORDS and _words_in(folded, n, nxt) >= right_min:
                out.append((cur, s))
                cur = n
        out.append((cur, pe))
    return out


def _items(doc: Document, a: int, b: int, lex: _Lexicon, mode: str) -> list[tuple[int, int]]:
    folded = doc.folded
    # "... những nội dung chính như: A; B" -> the list starts after the colon
    c = folded.find(":", a, b)
    if c >= 0 and _words_in(folded, a, c) <= COLON_WORDS:
        a = c + 1
    elif _AT_PLACE.match(folded, a):
        # "thảo luận tại Hội nghị, nhiều ý kiến ..." -> after the place phrase
        c = folded.find(",", a, _nth_word_end(folded, a, b, 6))
        if c >= 0:
            a = c + 1
    out = []
    strip_cut = lex.strip_cut.match
    for s, e in _split_clause(doc, a, b, lex, mode):
        m = strip_cut(folded, s, e)  # _strip_lead, and a "cut" word where it stops
        cut = False
        if m is not None:
            cs = m.start(1)
            if cs < 0:
                s = m.end()
            else:
                s = cs
                rule = lex.rule("cut", m.group(1))
                cut = rule is None or _allowed(folded, cs, m.end(1), rule)
        if cut:
            # "Để tăng ..., cần nạo vét ...": drop a short leading purpose phrase
            c = _COMMA_OR_COLON.search(folded, s, e)
            if not c or _words_in(folded, s, c.start()) > PURPOSE_LEAD_WORDS:
                continue  # "góp phần ...", "nhằm ...": a consequence, not an item
            s = _strip_lead(folded, c.end(), e, lex)
        e = _strip_trail(folded, s, e)
        n = _words_in(folded, s, e)
        if n > LONG_ITEM_WORDS:
            end = _cut_long(folded, s, e, lex, n)
            if end != e:
                e = _strip_trail(folded, s, end)
                n = _words_in(folded, s, e)
            # (else stripping again changes nothing: _strip_trail stops where it has nothing to drop)
        if n >= MIN_ITEM_WORDS:
            out.append((s, e))
    return out


# --- sentences ----------------------------------------------------------------

@dataclass
class _Found:
    topics: list[tuple[int, int]] = field(default_factory=list)
    conclusions: list[tuple[int, int]] = field(default_factory=list)

    def add(self, doc: Document, lex: _Lexicon, a: int, b: int, kind: str) -> None:
        """Items of a clause; an item that opens with a decision cue is a conclusion."""
        if kind == "conclusion":
            self.conclusions += _items(doc, a, b, lex, "conclusion")
            return
        folded = doc.folded
        for s, e in _items(doc, a, b, lex, kind):
            target = self.topics
            m = _match(lex, "cue", folded, s, e)
            if m:
                r = lex.rule("cue", m.group())
                if r and r.kind == "conclusion":
                    target = self.conclusions
            target.append((s, e))


def _closing_clause(folded: str, end: int, e: int, lex: _Lexicon) -> int | None:
    """Where the chair's words start after 'Kết luận Hội nghị, X ...': after a speech verb or colon."""
    m = lex.scanners["speech"].first(folded, end, e)
    c = folded.find(":", end, e)
    if c >= 0 and (not m or c < m[0]):
        return c + 1
    return m[1] if m else None


def _is_high(folded: str, a: int, b: int, lex: _Lexicon) -> bool:
    return lex.scanners["high_office"].first(folded, a, b) is not None


def _clause_for(doc: Document, lex: _Lexicon, s: int, e: int, start: int, end: int,
                rule: _Rule) -> tuple[int, str, str | None] | None:
    """(clause start, list kind, run state) for a cue, or None when the cue does not apply here."""
    folded = doc.folded
    kind = rule.kind
    if kind == "closing":
        clause = _closing_clause(folded, end, e, lex)
        return (clause, "conclusion", "direction") if clause is not None else None
    if kind == "attribution":
        c = _comma_or_colon(folded, end, _nth_word_end(folded, end, e, ATTRIBUTION_WORDS))
        if c < 0:
            return None
        clause = c + 1
        while True:  # "Theo ông X, Chủ tịch Y, ..." : the claim follows the last title
            c2 = _comma_or_colon(folded, clause, _nth_word_end(folded, clause, e, 8))
            if c2 < 0 or not _is_high(folded, clause, c2, lex) and not _plain_title(doc, clause, c2):
                break
            clause = c2 + 1
        high = _is_high(folded, start, clause, lex)
        window = _nth_word_end(folded, clause, e, MODAL_WINDOW_WORDS + 6)
        modal = _search(lex, "modal", folded, clause, window)
        if high and modal:
            return clause, "conclusion", "direction"
        if modal or _search(lex, "problem", folded, clause, e):
            return clause, "opinion", "problem"
        return clause, "", "problem"
    if kind == "announce":
        if _is_high(folded, s, start, lex) and _SE.search(folded[end:_nth_word_end(folded, end, e, ANNOUNCE_WINDOW_WORDS)]):
            return end, "conclusion", "direction"
        return None
    if kind == "opinion" and _is_high(folded, s, start, lex) and _search(lex, "modal", folded, end, e):
        return end, "conclusion", "direction"
    if kind in ("directive", "conclusion"):
        return end, "conclusion", "direction"
    if kind == "opinion":
        return end, "opinion", "problem"
    return end, "topic", None


def _comma_or_colon(folded: str, a: int, b: int) -> int:
    """The first "," or ":" in [a, b), or -1."""
    c = folded.find(",", a, b)
    d = folded.find(":", a, c if c >= 0 else b)
    return d if d >= 0 else c


def _plain_title(doc: Document, a: int, b: int) -> bool:
    """A comma-separated title after a name: short and starting with a capital ("Chủ tịch VSSA")."""
    seg = doc.plain[a:b].strip()
    return bool(seg) and seg[0].isupper() and _words(seg) <= 8


_SE = re.compile(r"se(?!\w)(?<!\wse)")  # a whole word "se"
_PAST_NEXT = re.compile(r"\s+(?:co|duoc|tung)(?!\w)")


def _past(doc: Document, a: int, b: int, lex: _Lexicon) -> bool:
    """"đã" (a past fact) in [a, b). "đá", "đa"... fold the same: in clean text the spelling
    decides; without diacritics, "da" must be followed by a verb."""
    folded = doc.folded
    for m in _PAST.finditer(folded, a, b):
        if doc.quality == "clean":
            if doc.original(m.start(), m.end()).lower() == "đã":
                return True
            continue
        nxt = m.end() + len(folded[m.end():m.end() + 4]) - len(folded[m.end():m.end() + 4].lstrip())
        if _PAST_NEXT.match(folded, m.end()) or lex.verb.match(folded, nxt) or lex.modal.match(folded, nxt):
            return True
    return False


def _after_lead(folded: str, s: int, e: int, lex: _Lexicon) -> tuple[int, bool]:
    """Where a sentence's words start after an opener ("Đồng thời, ...": the lead word and
    _strip_lead after it), and whether a "cut" word (that its rule allows) stands there."""
    m = lex.lead_cut.match(folded, s, e)
    if m is None:
        return s, False  # (s > e)
    a = m.start(1)
    if a < 0:
        return m.end(), False
    if "cut" not in lex.restricted:
        return a, True
    rule = lex.rule("cut", m.group(1))
    return a, rule is None or _allowed(folded, a, m.end(1), rule)


def _continues_direction(doc: Document, s: int, e: int, lex: _Lexicon) -> bool:
    folded = doc.folded
    a, cut = _after_lead(folded, s, e, lex)
    if cut:
        return False  # "Từ đó ...", "Qua đó ...": a consequence
    mod = _search(lex, "modal", folded, a, _nth_word_end(folded, a, e, MODAL_WINDOW_WORDS))
    if not mod:
        return False
    if "\"" in folded[s:mod[0]] or _past(doc, a, mod[0], lex):
        return False
    return _search(lex, "stop", folded, a, mod[0]) is None


def _continues_problem(folded: str, s: int, e: int, lex: _Lexicon) -> bool:
    a = _after_lead(folded, s, e, lex)[0]
    p = _search(lex, "problem", folded, a, e)
    if not p or "\"" in folded[s:p[0]]:
        return False
    return _search(lex, "stop", folded, a, p[0]) is None


def extract_discussion(doc: Document) -> tuple[list[Statement], list[Statement]]:
    folded = doc.folded
    if not folded.strip():
        return [], []
    lex = _lexicon()
    body = _body_start(doc)
    sentences = doc.sentences
    starts = [s for s, _ in sentences]
    if body:  # the sentences from the body on (they are in order)
        k = bisect_left(starts, body)
        sentences, starts = sentences[k:], starts[k:]
    hits: dict[int, list[tuple[int, int, _Rule]]] = {}
    decided: set[int] = set()  # sentences with a decision cue
    ocr = doc.quality == "ocr_noisy"
    for ms, me, text in lex.scanners["cue_ocr" if ocr else "cue"].spans(folded, body):
        rule = lex.rule("cue", text) or (lex.ocr_rule(text) if ocr else None)
        if rule is None or (rule.not_before or rule.not_after) and not _allowed(folded, ms, me, rule, doc.plain):
            continue
        i = bisect_left(starts, ms + 1) - 1
        if i < 0 or ms >= sentences[i][1]:
            continue
        s, e = sentences[i]
        if folded.find("\"", me, e) >= 0 and folded.count("\"", s, ms) % 2 == 1:
            continue  # inside a quoted name ("dự án “... và đề xuất các giải pháp ...”")
        hits.setdefault(i, []).append((ms, me, rule))
        if rule.kind in _DECISION_KINDS:
            decided.add(i)

    found = _Found()
    state: str | None = None   # "direction" or "problem": what a following sentence may carry on
    last_kind = ""
    last = -10
    run = 0
    skip = -1
    for i, (s, e) in enumerate(sentences):
        if i == skip:
            continue  # already taken as the clause of the sentence before
        if state and i - last <= CONTINUATION_REACH and _match(lex, "list", folded, s, e):
            found.add(doc, lex, _match(lex, "list", folded, s, e).end(), e, last_kind)
            last = i
            continue
        chosen = None
        # a decision cue of the sentence goes before "Theo ông X, ..." / "X cho biết ..."
        sentence_hits = hits.get(i, ())
        if i in decided:
            sentence_hits = [h for h in sentence_hits if h[2].kind not in _WEAK_KINDS] \
                + [h for h in sentence_hits if h[2].kind in _WEAK_KINDS]
        for k, (start, end, rule) in enumerate(sentence_hits):
            # a topic cue right after another one ("thảo luận, ... trao đổi về") takes over
            while k + 1 < len(sentence_hits) and rule.kind in _TOPIC_KINDS \
                    and sentence_hits[k + 1][2].kind in _TOPIC_KINDS \
                    and sentence_hits[k + 1][0] - end <= CUE_CHAIN_CHARS:
                k += 1
                start, end, rule = sentence_hits[k]
            chosen = _clause_for(doc, lex, s, e, start, end, rule)
            if chosen:
                break
        if chosen:
            clause, kind, new_state = chosen
            if kind and not folded[clause:e].strip(" \n\t:.,"):
                # "... nêu rõ:" ends the sentence (a colon at a line end): the words follow
                if i + 1 < len(sentences):
                    clause, e = sentences[i + 1]
                    skip = i + 1
            if kind:
                found.add(doc, lex, clause, e, kind)
            state, last_kind = new_state, kind or "opinion"
            last, run = (skip if skip == i + 1 else i), 0
            continue
        if state is None or i - last > CONTINUATION_REACH or run >= MAX_RUN:
            state = None
            continue
        if state == "direction" and _continues_direction(doc, s, e, lex):
            found.add(doc, lex, s, e, "conclusion")
        elif state == "problem" and _continues_problem(folded, s, e, lex):
            found.add(doc, lex, s, e, "opinion")
        elif _words_in(folded, s, e) <= CAPTION_WORDS or "\"" in folded[s:e]:
            continue  # a photo caption, an aside or a quote does not end the run
        else:
            state = None
            continue
        last, run = i, run + 1
    return _statements(doc, found.topics), _statements(doc, found.conclusions)


def _statements(doc: Document, spans: list[tuple[int, int]]) -> list[Statement]:
    alignment = "exact" if doc.quality == "clean" else "as_printed"
    out: list[Statement] = []
    taken: list[tuple[int, int]] = []
    texts: set[str] = set()
    folded = doc.folded
    for s, e in spans:
        key = folded[s:e]
        if not single_spaced(key):
            key = " ".join(key.split())
        if key in texts:
            continue
        for ts, te in taken:
            if s < te and ts < e:
                break
        else:
            texts.add(key)
            taken.append((s, e))
            text, span = original_and_span(doc, s, e)
            out.append(Statement(text=text, alignment=alignment, evidence=[span]))
    return out
