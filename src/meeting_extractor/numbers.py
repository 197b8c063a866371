"""Numbers written in digits ("1.200", "150") or in words ("hai mươi", "một trăm năm mươi"), on folded text."""
from __future__ import annotations

from functools import lru_cache

import regex

from .lexicon import read_tsv

# Digits with optional thousands separators (1.200 / 1,200 / 1 200 are all 1200).
DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+"
_SEPARATORS = regex.compile(r"[.,\s]")


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[int, str]]:
    return {r["word"]: (int(r["value"]), r["kind"]) for r in read_tsv("number_words.tsv")}


@lru_cache(maxsize=1)
def number_regex() -> str:
    """A regex (folded text) for a number in digits or words, to embed in larger patterns."""
    words = "|".join(sorted(_words(), key=len, reverse=True))
    word_seq = rf"(?:(?:{words})(?:\s+(?:{words}))*)"
    return rf"(?:{DIGITS}|(?<![\p{{L}}]){word_seq}(?![\p{{L}}]))"


def parse_number(s: str) -> int | None:
    """The value of a folded number in digits or words; None if it is not one."""
    s = s.strip()
    if not s:
        return None
    if s[0].isdigit():
        digits = _SEPARATORS.sub("", s)
        return int(digits) if digits.isdigit() else None
    return _parse_words(s.split())


def _parse_words(tokens: list[str]) -> int | None:
    table = _words()
    total = 0      # completed thousands/millions
    current = 0    # the part below a thousand
    last_unit: int | None = None
    seen = False
    for i, tok in enumerate(tokens):
        if tok not in table:
            return None
        value, kind = table[tok]
        seen = True
        if kind == "unit":
            # "mốt"/"tư"/"lăm" after tens are 1/4/5; a unit after a unit is not a number
            if last_unit is not None:
                return None
            last_unit = value
        elif kind == "ten":  # mười = 10
            current += 10
            last_unit = None
        elif kind == "tens":
            pass
        elif kind == "connector":
            if last_unit is not None:
                return None
        elif kind == "hundred":
            current += (last_unit if last_unit is not None else 1) * 100
            last_unit = None
        elif kind in ("thousand", "million"):
            current += last_unit or 0
            total += (current or 1) * value
            current, last_unit = 0, None
        if tok == "muoi" and i > 0 and tokens[i - 1] in table and table[tokens[i - 1]][1] == "unit" and tokens[i - 1] != "muoi":
            # "hai mươi" folds to "hai muoi": the unit before it counts tens
            current += table[tokens[i - 1]][0] * 10 - 10
    if not seen:
        return None
    return total + current + (last_unit or 0)
