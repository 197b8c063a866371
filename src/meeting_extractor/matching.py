"""Tolerant matching: what the OCR repair of the folded view cannot give back.

The folded view (``textview``) and the OCR word repair (``ocr_repair``) make most misread words
match their cue phrases and lexicon entries exactly. What is left is matched here, the same way
for every finder:

- ``WordScanner`` / ``trie_pattern``: whole-word matching of many phrases at once on folded
  text (one ``re`` trie, several times faster than an alternation). On OCR'd text a stray dot or
  comma may stand between the words, and the ``fuzzy`` phrases match with any vowel for any
  other; the caller then checks with ``ocr_key`` that at most ``MAX_OCR_VOWEL_ERRORS`` differ
  (the long, distinctive phrases only: "yeu cuu" for "yêu cầu").
- ``edit_distance``: a bounded Levenshtein distance for names (a person met twice, a province
  one letter off), which callers accept only when the name is long enough to be unambiguous.
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Iterator

from .lexicon import trie_regex
from .textview import fold

MAX_OCR_VOWEL_ERRORS = 1  # an OCR'd cue may have one vowel wrong ("yeu cuu" for "yêu cầu")

OCR_JUNK = re.compile(r"[.,'`]\s+")
"""A stray dot or comma an OCR model leaves between words ("Kết luận Hội. nghị")."""


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
    bodies = _trie_bodies(phrases, ocr=ocr, fuzzy=fuzzy)
    if bodies is None:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<!\w)" + bodies[0] + r"(?!\w)")


def _relaxed_piece(token: str) -> str:
    """A token of a phrase as it reads in `alt_text` (every non-word character a space), or in
    `alt_vowels_text` (a vowel also "*")."""
    if token == " ":
        return " +"
    if token.isalnum() or token == "_" or token == "*":
        return re.escape(token)
    return " "


def _trie_bodies(phrases, *, ocr: bool = False, fuzzy=()) -> tuple[str, str, bool] | None:
    """The body of `trie_pattern` (without its word boundaries), a relaxed body that matches
    wherever it does, and whether that reads on `alt_vowels_text` (else on `alt_text`); None
    without phrases."""
    folded = sorted({" ".join(fold(p).split()) for p in phrases if p.strip()})
    if not folded:
        return None
    body = trie_regex(folded, space=_OCR_SPACE if ocr else r"\s+")
    if not (ocr and fuzzy):
        return body, trie_regex(folded, piece=_relaxed_piece), False
    starred = sorted({_VOWEL.sub("*", " ".join(fold(p).split())) for p in fuzzy})
    fuzzy_body = trie_regex(starred, space=_OCR_SPACE)
    body = "(?:" + body + "|" + fuzzy_body.replace(r"\*", _OCR_VOWEL) + ")"
    # the relaxed body reads every vowel as any (a superset of both, and one trie), on a text whose
    # vowels are all "*": a trie of letters only, where a class of vowels at every vowel of the
    # phrases cost the scan a third of its time
    relaxed = trie_regex(sorted({_VOWEL.sub("*", p) for p in folded} | set(starred)), piece=_relaxed_piece)
    return body, relaxed, True


# OCR of Vietnamese with an English model garbles vowels (ầ -> i/u, ố -> 6, ã -> 3).
_OCR_VOWELS = "aeiouy036"
_OCR_VOWEL = f"[{_OCR_VOWELS}]"
_VOWEL = re.compile(_OCR_VOWEL)


def ocr_key(folded_phrase: str) -> str:
    """The form under which an OCR'd phrase is looked up: words joined by one space, vowels as '*'."""
    return _VOWEL.sub("*", " ".join(OCR_JUNK.sub(" ", folded_phrase).split()))



@lru_cache(maxsize=1)
def _before_word_class() -> str:
    """A character class of what may stand right before a whole word: every non-word character of
    the BMP, and every astral character (`WordScanner` checks those itself)."""
    bmp = "".join(map(chr, range(0x10000)))
    ranges = [(m.start(), m.end() - 1) for m in re.finditer(r"\W+", bmp)]
    return ("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" if b > a else f"\\u{a:04x}" for a, b in ranges)
            + "\\U00010000-\\U0010ffff]")


# Every character of an ASCII text that is not a word character, as a space.
_ALT_TABLE = bytes(i if chr(i).isalnum() or chr(i) == "_" else 0x20 for i in range(256))
_alt_last: tuple = (None, None)


def alt_text(text: str) -> str | None:
    """`text` with every ASCII non-word character and every non-ASCII character a space (the same
    offsets; None if that fails). The last one is kept: every scan of a document reads the same one."""
    global _alt_last
    last = _alt_last
    if last[0] is text:
        return last[1]
    alt = text.encode("ascii", "replace").translate(_ALT_TABLE).decode("ascii")
    if len(alt) != len(text):
        alt = None
    _alt_last = (text, alt)
    return alt


# `_ALT_TABLE` with every vowel an OCR model may print for another (_OCR_VOWELS) as "*".
_ALT_VOWELS_TABLE = bytes(ord("*") if chr(b) in _OCR_VOWELS else b for b in _ALT_TABLE)
_alt_vowels_last: tuple = (None, None)


def alt_vowels_text(text: str) -> str | None:
    """`alt_text(text)` with its vowels (and the digits printed for them, 0 3 6) as "*" (the last
    one kept, as there)."""
    global _alt_vowels_last
    last = _alt_vowels_last
    if last[0] is text:
        return last[1]
    alt = alt_text(text)
    starred = None if alt is None else alt.encode("ascii").translate(_ALT_VOWELS_TABLE).decode("ascii")
    _alt_vowels_last = (text, starred)
    return starred


class Scanners(dict):
    """Scanners by kind; the ones given as (phrases, ocr, fuzzy) are made when first asked for
    (the OCR'd variants: big patterns that only OCR'd text needs)."""

    def __init__(self, made: dict, **later: tuple) -> None:
        super().__init__(made)
        self._later = later

    def __missing__(self, kind: str) -> "WordScanner":
        phrases, ocr, fuzzy = self._later[kind]
        scanner = self[kind] = WordScanner(phrases, ocr=ocr, fuzzy=fuzzy)
        return scanner


class WordScanner:
    """The matches of `trie_pattern(phrases, ...)` (`self.pattern`) in a text, found several times faster.

    The pattern opens with a look-behind ("(?<!\\w)"), so the `re` engine tries it at every
    position of the text. Here the engine skips to the candidates instead: a relaxed pattern
    (`_trie_bodies`) finds them after a space of `alt_text`, and the pattern itself, anchored
    there, says whether and how far it matches. (Without `alt_text`, the character before a
    match is matched from a class, `_before_word_class`.) The matches are exactly those of the
    pattern's `finditer` / `search`.
    """

    def __init__(self, phrases, *, ocr: bool = False, fuzzy=()) -> None:
        bodies = _trie_bodies(phrases, ocr=ocr, fuzzy=fuzzy)
        if bodies is None:
            self.pattern = re.compile(r"(?!x)x")  # (as trie_pattern)
            self.alt = self._body = None
            return
        self._body = bodies[0] + r"(?!\w)"
        self.pattern = re.compile(r"(?<!\w)" + self._body)  # trie_pattern(phrases, ...)
        # the relaxed body reads a phrase on alt_text only where its characters are ASCII
        ascii_phrases = all(fold(p).isascii() for p in list(phrases) + list(fuzzy))
        self._alt_text = alt_vowels_text if bodies[2] else alt_text
        word = r"(?![\w*])" if bodies[2] else r"(?!\w)"  # (what follows a word there: a space or the end)
        self.alt = re.compile(" (?:" + bodies[1] + ")" + word) if ascii_phrases else None

    @cached_property
    def fast(self) -> "re.Pattern[str]":
        """The pattern after any character that may stand before a word (for texts without `alt_text`)."""
        return re.compile(_before_word_class() + "(" + self._body + ")")

    def spans(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, matched text) of every match in [pos, endpos), as `finditer` finds them."""
        return list(self._matches(text, pos, len(text) if endpos is None else endpos))

    def first(self, text: str, pos: int, endpos: int) -> tuple[int, int] | None:
        """(start, end) of the first match in [pos, endpos), as `pattern.search` finds it."""
        for start, end, _ in self._matches(text, pos, endpos):
            return start, end
        return None

    def _matches(self, text: str, pos: int, endpos: int) -> Iterator[tuple[int, int, str]]:
        if self._body is None:
            return
        match = self.pattern.match
        if pos <= 0:
            m = match(text, 0, endpos)
            if m:
                yield 0, m.end(), m.group()
                pos = m.end()
            else:
                pos = 1
        q = pos - 1  # the character before the next match
        alt = self._alt_text(text) if self.alt is not None else None
        if alt is not None:
            search = self.alt.search
            while True:
                m = search(alt, q, endpos)
                if m is None:
                    return
                q = m.start() + 1
                m = match(text, q, endpos)  # (its look-behind: a non-ASCII letter before q)
                if m is not None:
                    yield q, m.end(), m.group()
                    q = m.end() - 1
        search = self.fast.search
        while True:
            m = search(text, q, endpos)
            if m is None:
                return
            q = m.start()
            if text[q] > "\uffff" and (text[q].isalnum() or text[q] == "_"):
                q += 1  # an astral letter: no word starts after it
                continue
            end = m.end()
            yield q + 1, end, m.group(1)
            q = end - 1


def edit_distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance (callers compare it with numbers up to cap; cap + 1 stands for "more").

    Bit-parallel over the characters of a (Hyyrö's form of Myers' algorithm): a name's few dozen
    characters fit in one Python int."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    m = len(a)
    if not m:
        return len(b)
    if not b:
        return m
    peq: dict[str, int] = {}
    for i, c in enumerate(a):
        peq[c] = peq.get(c, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    get = peq.get
    for c in b:
        eq = get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score
