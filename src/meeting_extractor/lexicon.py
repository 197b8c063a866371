"""Curated data files shipped with the package, loaded once, and phrase matching on folded text."""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable

import regex

from .textview import fold

DATA = files("meeting_extractor") / "data"

# A word edge on folded text: not inside a run of letters or digits.
_LEFT = r"(?<![\p{L}\p{N}])"
_RIGHT = r"(?![\p{L}\p{N}])"


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of data/<name> as dicts; lines starting with '#' are comments."""
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(dict(r) for r in csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=None)
def read_json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def split_aliases(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split("|") if a.strip()]


def phrase_pattern(phrases: Iterable[str], *, words: bool = True) -> "regex.Pattern[str]":
    """One alternation over the folded phrases, longest first, matching whole words.

    Spaces in a phrase match any run of white space (line breaks included).
    """
    folded = sorted({fold(p) for p in phrases if p.strip()}, key=len, reverse=True)
    alts = "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in folded)
    core = f"(?:{alts})"
    return regex.compile(f"{_LEFT}{core}{_RIGHT}" if words else core)


def phrase_index(rows: Iterable[tuple[str, Any]]) -> tuple["regex.Pattern[str]", dict[str, Any]]:
    """A pattern over (phrase, value) pairs and a lookup from a match's folded text to its value."""
    lookup: dict[str, Any] = {}
    for phrase, value in rows:
        lookup.setdefault(" ".join(fold(phrase).split()), value)
    return phrase_pattern(lookup), lookup


def lookup_key(matched: str) -> str:
    """The key under which phrase_index stored a matched folded text."""
    return " ".join(matched.split())
