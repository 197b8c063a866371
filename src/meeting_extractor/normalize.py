"""Rewrites of the folded view that change its length (OCR repairs), chosen by text quality."""
from __future__ import annotations

from typing import Callable

import regex


def ocr_rewrites(quality: str) -> list[tuple["regex.Pattern[str]", Callable]]:
    """The length-changing rewrites for this quality of text (none yet for clean text)."""
    return []
