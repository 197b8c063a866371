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
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .document import Document
from .lexicon import lookup_key, read_tsv, split_aliases, trie_regex
from .models import Statement
from .textview import fold

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
MAX_OCR_VOWEL_ERRORS = 1  # an OCR'd cue may have one vowel wrong ("yeu cuu" for "yêu cầu")
PURPOSE_LEAD_WORDS = 15   # "Để ..., cần ...": a leading purpose phrase this short is dropped


@dataclass(frozen=True)
class _Rule:
    kind: str
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()


@dataclass
class _Lexicon:
    rules: dict[tuple[str, str], _Rule] = field(default_factory=dict)
    patterns: dict[str, "re.Pattern[str]"] = field(default_factory=dict)
    verbs: frozenset[str] = frozenset()
    ocr_cues: dict[str, list[str]] = field(default_factory=dict)  # ocr_key -> folded cue phrases

    def pattern(self, kind: str) -> "re.Pattern[str]":
        return self.patterns[kind]

    def rule(self, kind: str, matched: str) -> _Rule | None:
        key = lookup_key(matched)
        rule = self.rules.get((kind, key))
        if rule is None:  # a stray dot or comma in OCR'd text
            rule = self.rules.get((kind, lookup_key(_OCR_JUNK.sub(" ", key))))
        return rule

    def ocr_rule(self, matched: str) -> _Rule | None:
        """The cue an OCR'd match stands for: same consonants, at most one vowel changed."""
        text = " ".join(_OCR_JUNK.sub(" ", matched).split())
        best = None
        for phrase in self.ocr_cues.get(ocr_key(text), ()):
            wrong = sum(1 for x, y in zip(text, phrase) if x != y)
            if wrong <= MAX_OCR_VOWEL_ERRORS and (best is None or wrong < best[0]):
                best = (wrong, phrase)
        return self.rules.get(("cue", best[1])) if best else None


# Between the words of a cue, OCR'd text may carry a stray dot or comma ("Kết luận Hội. nghị").
_OCR_SPACE = r"[.,'`]?\s+"


def trie_pattern(phrases, *, ocr: bool = False, fuzzy=()) -> "re.Pattern[str]":
    """Whole-word matching of phrases on folded text, with the standard `re` engine.

    A longer phrase wins over its prefix. About ten times faster than one long
    alternation in the `regex` module (~0.1 ms for 100 phrases on a 4 KB text).
    With `ocr`, a stray dot or comma may sit between the words of a phrase; the
    `fuzzy` phrases also match with any vowel for any other (see `ocr_key`: the
    caller checks how many differ).
    """
    folded = sorted({" ".join(fold(p).split()) for p in phrases if p.strip()})
    if not folded:
        return re.compile(r"(?!x)x")
    body = trie_regex(folded, space=_OCR_SPACE if ocr else r"\s+")
    if ocr and fuzzy:
        fuzzy_body = trie_regex(sorted({_VOWEL.sub("*", " ".join(fold(p).split())) for p in fuzzy}), space=_OCR_SPACE)
        body = "(?:" + body + "|" + fuzzy_body.replace(r"\*", _OCR_VOWEL) + ")"
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


# OCR of Vietnamese with an English model garbles vowels (ầ -> i/u, ố -> 6, ã -> 3).
_VOWEL = re.compile(r"[aeiouy036]")
_OCR_VOWEL = "[aeiouy036]"


def ocr_key(folded_phrase: str) -> str:
    """The form under which an OCR'd phrase is looked up: words joined by one space, vowels as '*'."""
    return _VOWEL.sub("*", " ".join(_OCR_JUNK.sub(" ", folded_phrase).split()))


def _folded_list(value: str | None) -> tuple[str, ...]:
    return tuple(" ".join(fold(v).split()) for v in split_aliases(value))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    lex = _Lexicon()
    by_kind: dict[str, list[str]] = {}
    for row in read_tsv("discussion_cues.tsv"):
        phrase, kind = row["phrase"], row["kind"]
        group = "cue" if kind in _CLAUSE_KINDS else kind
        by_kind.setdefault(group, []).append(phrase)
        lex.rules.setdefault((group, lookup_key(fold(phrase))), _Rule(
            kind, _folded_list(row.get("not_before")), _folded_list(row.get("not_after"))))
    lex.patterns = {k: trie_pattern(v) for k, v in by_kind.items()}
    # OCR'd decisions are read with one vowel wrong too (they are long, distinctive phrases)
    decisions = [p for p in by_kind.get("cue", [])
                 if lex.rules[("cue", lookup_key(fold(p)))].kind in _DECISION_KINDS]
    lex.patterns["cue_ocr"] = trie_pattern(by_kind.get("cue", []), ocr=True, fuzzy=decisions)
    for phrase in decisions:
        key = " ".join(fold(phrase).split())
        lex.ocr_cues.setdefault(ocr_key(key), []).append(key)
    lex.verbs = frozenset(" ".join(fold(p).split()) for p in by_kind.get("verb", []))
    for kind in ("cue", "speech", "lead", "list", "modal", "problem", "stop", "verb", "head", "filler", "cut",
                 "high_office"):
        lex.patterns.setdefault(kind, trie_pattern([]))
    return lex


# --- small helpers on folded text ---------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_OCR_JUNK = re.compile(r"[.,'`]\s+")
_LEAD_JUNK = re.compile(r"[\s,;:.\-•*+–>)\]]+")
_AFTER_JUNK = re.compile(r"[\s,:]+")
_SEPARATORS = re.compile(r"[;\"()\[\]]|,|\s+va\s+(?=[^\W\d_])")
_COLON = re.compile(r":")
_COMMA_QUOTE_BRACKET = re.compile(r"[,\"()\[\]]")
_AT_PLACE = re.compile(r"\s*(?:tai|trong)\s")
_COMMA_OR_COLON = re.compile(r"[,:]")
_BLANK_LINE = re.compile(r"\n\s*\n")
_PAST = re.compile(r"(?<!\w)da(?!\w)")
_TRAIL_CHARS = " \t\n,;:.-•*+([/'"
_CLOSERS = {")": "(", "]": "[", "\"": "\""}


def _words(s: str) -> int:
    return len(s.split())


def _squash(s: str) -> str:
    return " ".join(s.split())


def _allowed(folded: str, start: int, end: int, rule: _Rule) -> bool:
    """The not_before / not_after words of a rule do not surround the match."""
    if rule.not_before:
        before = " " + _squash(folded[max(0, start - 40):start])
        if any(before.endswith(" " + w) for w in rule.not_before):
            return False
    if rule.not_after:
        m = _AFTER_JUNK.match(folded, end)
        after = _squash(folded[m.end() if m else end:end + 40])
        for w in rule.not_after:
            if w == "#":  # a number: "Quyết định 1348/...", "cam kết 9.274 tỷ" are nouns
                if after[:1].isdigit():
                    return False
            elif after.startswith(w) and (len(after) == len(w) or not after[len(w)].isalnum()):
                return False
    return True


def _search(lex: _Lexicon, kind: str, folded: str, a: int, b: int) -> "re.Match[str] | None":
    """The first match of a kind in [a, b) that its rule allows."""
    for m in lex.pattern(kind).finditer(folded, a, b):
        rule = lex.rule(kind, m.group())
        if rule is None or _allowed(folded, m.start(), m.end(), rule):
            return m
    return None


def _match(lex: _Lexicon, kind: str, folded: str, a: int, b: int) -> "re.Match[str] | None":
    m = lex.pattern(kind).match(folded, a, b)
    if m:
        rule = lex.rule(kind, m.group())
        if rule is None or _allowed(folded, m.start(), m.end(), rule):
            return m
    return None


def _body_start(doc: Document) -> int:
    """Skip a headline: the first block when it is short and more text follows."""
    m = _BLANK_LINE.search(doc.folded)
    if m and m.start() < 300 and doc.folded[m.end():].strip():
        return m.end()
    return 0


def _nth_word_end(folded: str, a: int, b: int, n: int) -> int:
    end = a
    for i, m in enumerate(_WORD.finditer(folded, a, b)):
        end = m.end()
        if i + 1 >= n:
            break
    return end


# --- items --------------------------------------------------------------------

def _strip_lead(folded: str, a: int, b: int, lex: _Lexicon) -> int:
    while a < b:
        m = _LEAD_JUNK.match(folded, a, b)
        if m and m.end() > a:
            a = m.end()
            continue
        m = lex.pattern("filler").match(folded, a, b) or lex.pattern("lead").match(folded, a, b)
        if m:
            a = m.end()
            continue
        break
    return a


def _strip_trail(folded: str, a: int, b: int) -> int:
    """Drop trailing punctuation, "v.v." and an unbalanced closing bracket or quote."""
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


def _cut_long(folded: str, a: int, b: int, lex: _Lexicon) -> int:
    """An overlong item loses a trailing purpose phrase ("để ...", "nhằm ..."), or else
    what follows a comma well into it."""
    n = _words(folded[a:b])
    if n <= LONG_ITEM_WORDS:
        return b
    for m in lex.pattern("cut").finditer(folded, a, b):
        rule = lex.rule("cut", m.group())
        if rule and not _allowed(folded, m.start(), m.end(), rule):
            continue
        if _words(folded[a:m.start()]) >= MIN_KEEP_BEFORE_CUT:
            return m.start()
    if n > VERY_LONG_ITEM_WORDS:
        for m in top_level(folded, a, b, _COMMA_QUOTE_BRACKET):
            if m.group() == "," and _words(folded[a:m.start()]) >= MIN_KEEP_BEFORE_COMMA:
                return m.start()
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


def _split_points(folded: str, a: int, b: int) -> tuple[list[int], list[tuple[int, int]]]:
    """Top-level ';' positions and (separator start, next start) of ',' and 'và'."""
    semis: list[int] = []
    soft: list[tuple[int, int]] = []
    for m in top_level(folded, a, b, _SEPARATORS):
        if m.group() == ";":
            semis.append(m.start())
        else:
            soft.append((m.start(), m.end()))
    return semis, soft


def _ends_with_verb(folded: str, a: int, s: int, lex: _Lexicon) -> bool:
    """"kiểm tra, giám sát": the words before the comma are a verb too (one compound list)."""
    tail = folded[max(a, s - 30):s].split()
    # one-syllable verbs are left out: folded, they collide with other words (đưa / thi đua)
    return any(" ".join(tail[-n:]) in lex.verbs for n in (2, 3) if len(tail) >= n)


def _split_clause(doc: Document, a: int, b: int, lex: _Lexicon, mode: str) -> list[tuple[int, int]]:
    """Cut a clause into items: at top-level ';' always; then at ',' / 'và' where a new
    clause starts: a verb phrase (conclusions; topics whose first part is one too) or,
    in topics, a noun phrase with a head word ("A, cơ chế B và việc C"). Topics already
    listed with ';' and a participant's claim are not cut further."""
    folded, plain = doc.folded, doc.plain
    semis, soft = _split_points(folded, a, b)
    parts: list[tuple[int, int]] = []
    start = a
    for p in semis:
        parts.append((start, p))
        start = p + 1
    parts.append((start, b))
    if mode == "opinion" or (mode == "topic" and semis):
        return parts
    verb, head = lex.pattern("verb"), lex.pattern("head")
    out: list[tuple[int, int]] = []
    for ps, pe in parts:
        parallel_verbs = mode != "topic" or verb.match(folded, _strip_lead(folded, ps, pe, lex), pe)
        cands = []
        for s, n in soft:
            if not ps <= s < pe:
                continue
            w = _strip_lead(folded, n, pe, lex) if folded[s] == "," else n
            if w < pe and plain[w].isupper():
                continue  # "Bộ Nông nghiệp và Phát triển nông thôn": a name goes on
            right_min = MIN_RIGHT_WORDS
            if parallel_verbs:
                if not verb.match(folded, w, pe):
                    continue
                if _ends_with_verb(folded, ps, s, lex):
                    # "kiểm tra, giám sát", "nghiên cứu và đào tạo": one compound verb,
                    # unless a long clause follows "và"
                    if folded[s] == ",":
                        continue
                    right_min = COMPOUND_RIGHT_WORDS
            elif not head.match(folded, w, pe):
                continue
            cands.append((s, n, right_min))
        cur = ps
        for k, (s, n, right_min) in enumerate(cands):
            nxt = cands[k + 1][0] if k + 1 < len(cands) else pe
            if _words(folded[cur:s]) >= MIN_LEFT_WORDS and _words(folded[n:nxt]) >= right_min:
                out.append((cur, s))
                cur = n
        out.append((cur, pe))
    return out


def _items(doc: Document, a: int, b: int, lex: _Lexicon, mode: str) -> list[tuple[int, int]]:
    folded = doc.folded
    # "... những nội dung chính như: A; B" -> the list starts after the colon
    m = _COLON.search(folded, a, b)
    if m and _words(folded[a:m.start()]) <= COLON_WORDS:
        a = m.end()
    elif _AT_PLACE.match(folded, a):
        # "thảo luận tại Hội nghị, nhiều ý kiến ..." -> after the place phrase
        c = folded.find(",", a, _nth_word_end(folded, a, b, 6))
        if c >= 0:
            a = c + 1
    out = []
    for s, e in _split_clause(doc, a, b, lex, mode):
        s = _strip_lead(folded, s, e, lex)
        if _match(lex, "cut", folded, s, e):
            # "Để tăng ..., cần nạo vét ...": drop a short leading purpose phrase
            c = _COMMA_OR_COLON.search(folded, s, e)
            if not c or _words(folded[s:c.start()]) > PURPOSE_LEAD_WORDS:
                continue  # "góp phần ...", "nhằm ...": a consequence, not an item
            s = _strip_lead(folded, c.end(), e, lex)
        e = _strip_trail(folded, s, e)
        e = _cut_long(folded, s, e, lex)
        e = _strip_trail(folded, s, e)
        if _words(folded[s:e]) >= MIN_ITEM_WORDS:
            out.append((s, e))
    return out


# --- sentences ----------------------------------------------------------------

@dataclass
class _Found:
    topics: list[tuple[int, int]] = field(default_factory=list)
    conclusions: list[tuple[int, int]] = field(default_factory=list)

    def add(self, doc: Document, lex: _Lexicon, a: int, b: int, kind: str) -> None:
        """Items of a clause; an item that opens with a decision cue is a conclusion."""
        mode = "conclusion" if kind == "conclusion" else kind
        for s, e in _items(doc, a, b, lex, mode):
            target = self.conclusions if kind == "conclusion" else self.topics
            if kind != "conclusion":
                m = _match(lex, "cue", doc.folded, s, e)
                r = lex.rule("cue", m.group()) if m else None
                if r and r.kind == "conclusion":
                    target = self.conclusions
            target.append((s, e))


def _closing_clause(folded: str, end: int, e: int, lex: _Lexicon) -> int | None:
    """Where the chair's words start after 'Kết luận Hội nghị, X ...': after a speech verb or colon."""
    m = lex.pattern("speech").search(folded, end, e)
    c = _COLON.search(folded, end, e)
    if c and (not m or c.start() < m.start()):
        return c.end()
    return m.end() if m else None


def _is_high(folded: str, a: int, b: int, lex: _Lexicon) -> bool:
    return lex.pattern("high_office").search(folded, a, b) is not None


def _clause_for(doc: Document, lex: _Lexicon, s: int, e: int, start: int, end: int,
                rule: _Rule) -> tuple[int, str, str | None] | None:
    """(clause start, list kind, run state) for a cue, or None when the cue does not apply here."""
    folded = doc.folded
    kind = rule.kind
    if kind == "closing":
        clause = _closing_clause(folded, end, e, lex)
        return (clause, "conclusion", "direction") if clause is not None else None
    if kind == "attribution":
        c = _COMMA_OR_COLON.search(folded, end, _nth_word_end(folded, end, e, ATTRIBUTION_WORDS))
        if not c:
            return None
        clause = c.end()
        while True:  # "Theo ông X, Chủ tịch Y, ..." : the claim follows the last title
            c2 = _COMMA_OR_COLON.search(folded, clause, _nth_word_end(folded, clause, e, 8))
            if not c2 or not _is_high(folded, clause, c2.start(), lex) and not _plain_title(doc, clause, c2.start()):
                break
            clause = c2.end()
        high = _is_high(folded, start, clause, lex)
        window = _nth_word_end(folded, clause, e, MODAL_WINDOW_WORDS + 6)
        modal = _search(lex, "modal", folded, clause, window)
        if high and modal:
            return clause, "conclusion", "direction"
        if modal or _search(lex, "problem", folded, clause, e):
            return clause, "opinion", "problem"
        return clause, "", "problem"
    if kind == "announce":
        if _is_high(folded, s, start, lex) and re.search(
                r"(?<!\w)se(?!\w)", folded[end:_nth_word_end(folded, end, e, ANNOUNCE_WINDOW_WORDS)]):
            return end, "conclusion", "direction"
        return None
    if kind == "opinion" and _is_high(folded, s, start, lex) and _search(lex, "modal", folded, end, e):
        return end, "conclusion", "direction"
    if kind in ("directive", "conclusion"):
        return end, "conclusion", "direction"
    if kind == "opinion":
        return end, "opinion", "problem"
    return end, "topic", None


def _plain_title(doc: Document, a: int, b: int) -> bool:
    """A comma-separated title after a name: short and starting with a capital ("Chủ tịch VSSA")."""
    seg = doc.plain[a:b].strip()
    return bool(seg) and seg[0].isupper() and _words(seg) <= 8


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
        if _PAST_NEXT.match(folded, m.end()) or lex.pattern("verb").match(folded, nxt) \
                or lex.pattern("modal").match(folded, nxt):
            return True
    return False


def _continues_direction(doc: Document, s: int, e: int, lex: _Lexicon) -> bool:
    folded = doc.folded
    m = _match(lex, "lead", folded, s, e)
    a = _strip_lead(folded, m.end(), e, lex) if m else s
    if _match(lex, "cut", folded, a, e):
        return False  # "Từ đó ...", "Qua đó ...": a consequence
    mod = _search(lex, "modal", folded, a, _nth_word_end(folded, a, e, MODAL_WINDOW_WORDS))
    if not mod:
        return False
    if _past(doc, a, mod.start(), lex) or "\"" in folded[s:mod.start()]:
        return False
    return _search(lex, "stop", folded, a, mod.start()) is None


def _continues_problem(folded: str, s: int, e: int, lex: _Lexicon) -> bool:
    m = _match(lex, "lead", folded, s, e)
    a = _strip_lead(folded, m.end(), e, lex) if m else s
    p = _search(lex, "problem", folded, a, e)
    if not p or "\"" in folded[s:p.start()]:
        return False
    return _search(lex, "stop", folded, a, p.start()) is None


def extract_discussion(doc: Document) -> tuple[list[Statement], list[Statement]]:
    folded = doc.folded
    if not folded.strip():
        return [], []
    lex = _lexicon()
    body = _body_start(doc)
    sentences = [(s, e) for s, e in doc.sentences if s >= body]
    starts = [s for s, _ in sentences]
    hits: dict[int, list[tuple[int, int, _Rule]]] = {}
    ocr = doc.quality == "ocr_noisy"
    for m in lex.pattern("cue_ocr" if ocr else "cue").finditer(folded, body):
        rule = lex.rule("cue", m.group()) or (lex.ocr_rule(m.group()) if ocr else None)
        if rule is None or not _allowed(folded, m.start(), m.end(), rule):
            continue
        i = bisect_left(starts, m.start() + 1) - 1
        if i < 0 or m.start() >= sentences[i][1]:
            continue
        s, e = sentences[i]
        if folded.count("\"", s, m.start()) % 2 == 1 and "\"" in folded[m.end():e]:
            continue  # inside a quoted name ("dự án “... và đề xuất các giải pháp ...”")
        hits.setdefault(i, []).append((m.start(), m.end(), rule))

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
        sentence_hits = hits.get(i, [])
        if any(h[2].kind in _DECISION_KINDS for h in sentence_hits):
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
        elif _words(folded[s:e]) <= CAPTION_WORDS or "\"" in folded[s:e]:
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
    for s, e in spans:
        key = _squash(doc.folded[s:e])
        if key in texts or any(s < te and ts < e for ts, te in taken):
            continue
        texts.add(key)
        taken.append((s, e))
        out.append(Statement(text=doc.original(s, e), alignment=alignment, evidence=[doc.span(s, e)]))
    return out
