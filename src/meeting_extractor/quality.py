"""Decide from the text itself whether it is clean, without diacritics, or OCR-damaged."""
from __future__ import annotations

import regex

from .models import Quality

_LETTER = regex.compile(r"\p{L}")
# Letters only Vietnamese with full diacritics uses (an English OCR model almost never outputs them).
_VIETNAMESE_ONLY = regex.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", regex.I)
_ANY_MARK = regex.compile(r"[^\x00-\x7f\s\d\p{P}\p{S}]")
# Signs of an English OCR model reading Vietnamese: digits inside words (t6, d3, s6, Ho1),
# "ir" for ư (chirc, thir), ligatures and stray marks.
_OCR_SIGNS = regex.compile(
    r"(?<![\p{L}\d])(?:\p{L}+\d+\p{L}*|\d+\p{L}+)(?![\p{L}\d/])"
    r"|\p{L}*irc\b|\bthir\b|\btir\b|[ﬁﬂ¢¥©®§]"
    r"|\p{L}[é]\p{L}*",
    regex.I,
)
_UNITS = regex.compile(r"\d+(?:km|m|ha|kg|g|mw|kw|tr|ty|h|cm|mm|gb|tb|mb|st|nd|rd|th|g|m2|m3)\b", regex.I)


def detect_quality(text: str) -> Quality:
    letters = len(_LETTER.findall(text))
    if letters < 20:
        return "clean"
    vn = len(_VIETNAMESE_ONLY.findall(text)) / letters
    marks = len(_ANY_MARK.findall(text)) / letters
    signs = len(_OCR_SIGNS.findall(text)) - len(_UNITS.findall(text))
    words = max(1, len(text.split()))
    if vn >= 0.04:
        return "clean"
    if signs / words >= 0.01 or marks >= 0.01:
        return "ocr_noisy"
    return "no_diacritics"
