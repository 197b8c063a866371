"""Decide from the text itself whether it is clean, without diacritics, or OCR-damaged.

Two cheap measures (C-speed string operations, no regex scan):
- the share of extra UTF-8 bytes per character: Vietnamese with its diacritics has
  one letter with a mark in most syllables (>= 0.28 on real reports), an English OCR
  model keeps a few (0.03-0.05: é, ó, á), text typed without diacritics almost none;
- marks an English OCR model leaves on Vietnamese: "é" for ê/ế/ề/ệ, "irc" for ức,
  ligatures and stray symbols (over 27 per 1000 characters on OCR'd reports, under 4
  on clean ones).
"""
from __future__ import annotations

from .models import Quality

_OCR_MARKS = ("é", "irc", "ﬁ", "ﬂ", "¢", "thir", "‘")
CLEAN_MIN_EXTRA_BYTES = 0.15
OCR_MIN_EXTRA_BYTES = 0.02
OCR_MIN_MARKS_PER_1000 = 10.0


def detect_quality(text: str) -> Quality:
    n = len(text)
    if n == 0:
        return "clean"
    extra = (len(text.encode("utf-8", "surrogatepass")) - n) / n
    if extra >= CLEAN_MIN_EXTRA_BYTES:
        return "clean"
    if extra >= OCR_MIN_EXTRA_BYTES:
        return "ocr_noisy"
    marks = sum(text.count(m) for m in _OCR_MARKS) * 1000 / n  # (only needed when few marks were kept)
    return "ocr_noisy" if marks >= OCR_MIN_MARKS_PER_1000 else "no_diacritics"
