"""Rewrites of the folded view that change its length (OCR repairs), chosen by text quality."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from .ocr_repair import repair_words
from .textview import Rewrite, regex_rewrite

# Page-join junk and ligatures an English OCR model leaves.
_LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}
_LIGATURE = regex.compile("|".join(_LIGATURES))
# A mark right after u or o inside a word is the horn of ư / ơ read apart ("Tru’o’ng", "nhu’ng", "ho’p").
_HORN_MARK = regex.compile(r"(?<=[uoUO])['`‘’](?=\p{L})")
# A stray mark glued between two words ("dai‘biéu") stands for a space.
_STRAY_MARK = regex.compile(r"(?<=\p{L})['`‘’^~](?=\p{L})|(?<=\s)['`‘’](?=\s)")
# The euro sign an English OCR model prints for a letter of the same shape: "ê" after letters or digits
# ("1€ ra mắt" for "lễ ra mắt", "kinh t€" for "kinh tế"), a capital C before them ("€ong" for "Công").
# (Left in, the one character beyond Latin-1 would make the whole folded view a two-byte string.)
_EURO_FOR_E = regex.compile(r"(?<=[\p{L}\d])€")
_EURO_FOR_C = regex.compile(r"€(?=\p{L})")
# A mark an English OCR model prints for "ở" (and other o's), standing alone between two words in lower
# case ("Luat Hoa giai & co so", "Luat Nha &" + "cho"): "&" between words with capitals is "and".
_LONE_MARK_FOR_O = regex.compile(r"(?<=\p{Ll}\s)[&@§](?=\s\p{Ll})")
# A line-break hyphen inside a word ("thông tin khoa học và công ngh-\nệ").
_LINE_BREAK_HYPHEN = regex.compile(r"(?<=\p{Ll})-[ \t]*\n[ \t]*(?=\p{Ll})")


_JOIN_LINE_BREAK_HYPHENS = regex_rewrite(_LINE_BREAK_HYPHEN, lambda m: "")

# On OCR'd text they are one pass (one scan, and one map of offsets to go back through).
_OCR_MARKS = regex.compile("|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in (
    ("hyphen", _LINE_BREAK_HYPHEN), ("ligature", _LIGATURE), ("horn", _HORN_MARK), ("stray", _STRAY_MARK),
    ("euro_e", _EURO_FOR_E), ("euro_c", _EURO_FOR_C), ("lone_o", _LONE_MARK_FOR_O))))
# Every match above starts with one of these characters.
_MARK_STARTS = "-'`‘’^~€&@§" + "".join(_LIGATURES)


class _MarksWhereTheyCanStart:
    """`_OCR_MARKS.finditer`, trying the pattern only where a match can start, found with `str.find`
    (a few places a report): a union of patterns that open with look-behinds is otherwise tried at
    every position of the text (0.57M instructions a report)."""

    @staticmethod
    def finditer(text: str) -> Iterator[regex.Match[str]]:
        starts = []
        for ch in _MARK_STARTS:
            i = text.find(ch)
            while i >= 0:
                starts.append(i)
                i = text.find(ch, i + 1)
        end = 0
        for start in sorted(starts):
            if start >= end:
                m = _OCR_MARKS.match(text, start)  # (its look-behinds still see the text before)
                if m is not None:
                    yield m
                    end = m.end()


_MARK_REPLACEMENTS = {"hyphen": lambda m: "", "ligature": lambda m: _LIGATURES[m.group()],
                      "horn": lambda m: "", "stray": lambda m: " ",
                      "euro_e": lambda m: "e", "euro_c": lambda m: "C", "lone_o": lambda m: "o"}
_OCR = [
    regex_rewrite(_MarksWhereTheyCanStart, lambda m: _MARK_REPLACEMENTS[m.lastgroup](m)),
    repair_words,
]


def ocr_rewrites(quality: str) -> list[Rewrite]:
    """The length-changing rewrites for this quality of text, in order."""
    return _OCR if quality == "ocr_noisy" else [_JOIN_LINE_BREAK_HYPHENS]
