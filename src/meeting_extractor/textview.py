"""A folded view of a document with a map back to the original characters.

Every cue phrase, lexicon and gazetteer match runs on ``TextView.folded``
(lower case, tone marks and đ folded, typographic variants unified), so one
pattern serves clean, diacritic-free and OCR-damaged text alike. Matches are
turned into evidence with ``TextView.span``, which maps folded offsets back to
the exact original characters, so grounding never depends on the folding.

The fold is mostly one character for one character (a translation table); the
few rewrites that change length (dropping combining marks, undoing OCR
ligatures...) are regex passes that record their edits, and offsets are mapped
back through those edits with a binary search.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_right
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import Callable, Iterable

import regex

from .models import Span

# Characters folded one-for-one besides letters with diacritics.
_SAME_LENGTH_EXTRA = {
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u02bc": "'",
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ", "\ufeff": " ",
    "\t": " ", "\r": " ", "\u2026": ".",
}


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Map every Latin letter with diacritics to its bare letter (case kept)."""
    table: dict[int, str] = {}
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            table[cp] = base
    for k, v in _SAME_LENGTH_EXTRA.items():
        table[ord(k)] = v
    return table


_COMBINING = regex.compile(r"\p{Mn}+")


class _ByteFold:
    """``text.translate(_fold_table())`` at C speed for the characters that matter.

    ``str.translate`` looks every character up in a dict (~80 ns each, a third of a
    millisecond per report). Instead, every Vietnamese letter, the usual typography
    and the ASCII characters get a byte of their own (a private 8-bit code page:
    ASCII keeps its bytes, the others take the bytes ASCII text never uses), the
    text is encoded with a charmap codec, each byte is translated to its folded
    byte, and the result decoded as Latin-1. Characters without a byte (rare:
    "€", "§", "ﬁ", CJK...) are folded one by one between the encoded stretches.
    """

    # first served: Vietnamese letters, then the typography of _SAME_LENGTH_EXTRA
    _LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    # the character an English OCR model prints most often in Vietnamese text that the fold keeps
    # ("¢" for c: "¢6ng"): the one byte left after the letters and the typography
    _KEPT_FIRST = "¢"

    def __init__(self, table: dict[int, str]) -> None:
        self._encode = codecs.charmap_encode
        # (byte 0 keeps U+0000: codecs.charmap_build makes its compact C map only then, and a dict
        # otherwise, which charmap_encode looks every character up in, five times slower)
        free = [b for b in range(1, 256) if (b < 32 and chr(b) not in "\t\n\r") or b >= 127]
        wanted = list(dict.fromkeys([*self._LETTERS, *self._LETTERS.upper(),
                                     *(k for k in _SAME_LENGTH_EXTRA if not k.isascii())]))  # (đ is in both)
        # then the Latin-1 characters the fold keeps (their folded byte decodes to themselves), the
        # commonest in OCR'd text first
        wanted += [c for c in dict.fromkeys([*self._KEPT_FIRST, *map(chr, range(160, 256))])
                   if ord(c) not in table and c not in wanted]
        wanted += [chr(cp) for cp in sorted(table) if cp >= 128 and chr(cp) not in wanted]
        assigned = dict(zip(free, wanted))
        self.table = table
        self._map = codecs.charmap_build("".join(assigned.get(b, chr(b)) for b in range(256)))
        folded = {b: table.get(ord(c), c) for b, c in assigned.items()}
        folded.update({b: table.get(b, chr(b)) for b in range(128) if b not in assigned})
        self._bytes = bytes(ord(folded[b]) for b in range(256))
        known = {chr(b) for b in range(128) if b not in assigned} | set(assigned.values())
        self._other = re.compile("[^" + "".join(re.escape(c) for c in sorted(known)) + "]")

    def _run(self, s: str) -> str:
        return self._encode(s, "strict", self._map)[0].translate(self._bytes).decode("latin-1")

    def __call__(self, text: str) -> str:
        try:
            return self._run(text)  # (the usual text: every character has a byte)
        except UnicodeEncodeError:
            pass
        parts: list[str] = []
        last = 0
        for m in self._other.finditer(text):
            parts += (self._run(text[last:m.start()]), m.group().translate(self.table))
            last = m.end()
        parts.append(self._run(text[last:]))
        return "".join(parts)


@lru_cache(maxsize=1)
def _fold_chars() -> _ByteFold:
    return _ByteFold(_fold_table())


Edit = tuple[int, int, int, int]
"""(new start, new end, old start, old end) of one change a rewrite made."""
Rewrite = Callable[[str], tuple[str, list[Edit]]]
"""A length-changing rewrite: text -> (new text, its edits in text order)."""


_FIRST, _THIRD = itemgetter(0), itemgetter(2)  # (an edit's new start, its old start)


class _Pass:
    """The edits one rewrite made, to map its offsets back."""

    def __init__(self, edits: list[Edit]) -> None:
        self.edits = edits
        self.new_starts = list(map(_FIRST, edits))

    @cached_property
    def old_starts(self) -> list[int]:  # (for `forward` only: most views never go that way)
        return list(map(_THIRD, self.edits))

    def forward(self, pos: int, side: str) -> int:
        """The new offset of old offset `pos` (a position inside a change goes to its start or end)."""
        i = bisect_right(self.old_starts, pos) - 1
        if i < 0:
            return pos
        new_start, new_end, old_start, old_end = self.edits[i]
        if pos < old_end or pos == old_start:
            return new_start if side == "start" or pos == old_start else new_end
        return pos + new_end - old_end

    def back(self, start: int, end: int) -> tuple[int, int]:
        """The old offsets of new [start, end): a position inside a change goes to the change's
        start or end, and an end right before a replacement does not swallow it."""
        new_starts, edits = self.new_starts, self.edits
        i = bisect_right(new_starts, start) - 1
        if i >= 0:
            _, new_end, old_start, old_end = edits[i]
            start = old_start if start < new_end else start + old_end - new_end
        i = bisect_right(new_starts, end) - 1
        while i >= 0 and edits[i][0] == end and edits[i][1] > end:
            i -= 1
        if i >= 0:
            _, new_end, _, old_end = edits[i]
            end = old_end if end < new_end else end + old_end - new_end
        return start, end


def regex_rewrite(pattern: "regex.Pattern[str]", repl: Callable[["regex.Match[str]"], str]) -> Rewrite:
    """A rewrite that substitutes every match of `pattern` with `repl(match)`."""

    def run(text: str) -> tuple[str, list[Edit]]:
        parts: list[str] = []
        edits: list[Edit] = []
        last = shift = 0
        for m in pattern.finditer(text):
            new, old = repl(m), m.group(0)
            if new == old:
                continue
            parts += (text[last:m.start()], new)
            ns = m.start() + shift
            edits.append((ns, ns + len(new), m.start(), m.end()))
            shift += len(new) - len(old)
            last = m.end()
        if not edits:
            return text, edits
        parts.append(text[last:])
        return "".join(parts), edits

    return run


_DROP_COMBINING = regex_rewrite(_COMBINING, lambda m: "")
_NOT_LINE_BREAK = re.compile(r"[^\n]")


class TextView:
    """The original text, its folded forms and the map between them.

    ``plain`` keeps letter case (useful for names); ``folded`` is ``plain`` in
    lower case, with the same offsets.
    """

    def __init__(self, text: str, rewrites: Iterable[Rewrite] = ()) -> None:
        self.text = text
        passes: list[_Pass] = []
        plain = text
        if _COMBINING.search(plain):  # decomposed input: drop the marks, keep a map
            plain, edits = _DROP_COMBINING(plain)
            passes.append(_Pass(edits))
        plain = _fold_chars()(plain)
        for step in rewrites:
            plain, edits = step(plain)
            if edits:
                passes.append(_Pass(edits))
        folded = plain.lower()
        if len(folded) != len(plain):  # a rare letter whose lower case is longer
            folded = "".join(c.lower()[0] for c in plain)
        self.plain = plain
        self.folded = folded
        self._passes = passes

    def hide_from(self, pos: int) -> None:
        """Hide folded [pos:] from every finder (page furniture after the article): its characters
        become spaces in the views (line breaks kept), so offsets and the original are unchanged."""
        tail = _NOT_LINE_BREAK.sub(" ", self.plain[pos:])
        self.plain = self.plain[:pos] + tail
        self.folded = self.folded[:pos] + tail

    # -- offsets ---------------------------------------------------------------
    def to_original(self, start: int, end: int) -> tuple[int, int]:
        for p in reversed(self._passes):
            start, end = p.back(start, end)
        return start, end

    def to_folded(self, start: int, end: int) -> tuple[int, int]:
        """Folded offsets of original [start, end) (the inverse of `to_original`)."""
        for p in self._passes:
            start, end = p.forward(start, "start"), p.forward(end, "end")
        return start, end

    def span(self, start: int, end: int) -> Span:
        """Evidence for folded offsets [start, end), trimmed of white space."""
        s, e = self.to_original(start, end)
        t = self.text
        while s < e and t[s].isspace():
            s += 1
        while e > s and t[e - 1].isspace():
            e -= 1
        return Span(start=s, end=e, text=t[s:e])

    def original(self, start: int, end: int) -> str:
        """The original words for folded offsets, white space folded to single spaces."""
        s, e = self.to_original(start, end)
        return clean_words(self.text[s:e])

    def plain_words(self, start: int, end: int) -> str:
        return clean_words(self.plain[start:end])


SPACE_CHARACTERS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
"""The white space of str.isspace: what str.split cuts at and the standard `re` module's \\s matches."""

_HYPHEN_BREAK = regex.compile(r"(?<=\p{L})-\s*\n\s*(?=\p{Ll})")
_SPACES = regex.compile(r"\s+")
# the white space str.split() cuts at but the `regex` module's \s (Unicode White_Space) does not
_INFORMATION_SEPARATORS = re.compile("[\x1c-\x1f]")


def single_spaced(s: str) -> bool:
    """`s` is its words joined by single spaces: no white space but single " " between words
    (every other white space character is not printable)."""
    return s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " "


def clean_words(s: str) -> str:
    """Join line-break hyphens and fold white space (for values taken from the text).

    A line-break hyphen needs a "-" and a line break; white space is folded by str.split, which
    cuts at the white space of the `regex` module (Unicode White_Space) and at the four
    information separators, which that keeps."""
    if single_spaced(s):
        return s  # (nothing to do)
    if "\n" in s and "-" in s:
        s = _HYPHEN_BREAK.sub("", s)
    if _INFORMATION_SEPARATORS.search(s):
        return _SPACES.sub(" ", s).strip()
    return " ".join(s.split())


def fold(s: str) -> str:
    """The folded form of a short string (lexicon entries, cue phrases): the same as TextView(s).folded."""
    return plain(s).lower()


def plain(s: str) -> str:
    """The plain form of a short string (letters folded, case kept): the same as TextView(s).plain."""
    if s.isascii() and "\t" not in s and "\r" not in s:
        return s  # (the table folds no other ASCII character, and no combining mark is ASCII)
    if _COMBINING.search(s):
        s = _COMBINING.sub("", s)
    return s.translate(_fold_table())
