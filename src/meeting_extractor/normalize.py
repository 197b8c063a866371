"""Rewrites of the folded view that change its length (OCR repairs), chosen by text quality."""
from __future__ import annotations

from typing import Callable

import regex

from .ocr_repair import WORD, repair_match

# Page-join junk and ligatures an English OCR model leaves.
_LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}
_LIGATURE = regex.compile("|".join(_LIGATURES))
# A stray mark glued between two words ("dai‘biéu") stands for a space.
_STRAY_MARK = regex.compile(r"(?<=\p{L})['`‘’^~](?=\p{L})|(?<=\s)['`‘’](?=\s)")
# A line-break hyphen inside a word ("thông tin khoa học và công ngh-\nệ").
_LINE_BREAK_HYPHEN = regex.compile(r"(?<=\p{Ll})-[ \t]*\n[ \t]*(?=\p{Ll})")


def ocr_rewrites(quality: str) -> list[tuple["regex.Pattern[str]", Callable]]:
    """The length-changing rewrites for this quality of text, in order."""
    rewrites: list[tuple["regex.Pattern[str]", Callable]] = [
        (_LINE_BREAK_HYPHEN, lambda m: ""),
    ]
    if quality == "ocr_noisy":
        rewrites += [
            (_LIGATURE, lambda m: _LIGATURES[m.group(0)]),
            (_STRAY_MARK, lambda m: " "),
            (WORD, repair_match),
        ]
    return rewrites
