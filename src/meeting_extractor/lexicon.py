"""Curated data files shipped with the package, loaded once, and phrase matching on folded text."""
from __future__ import annotations

import csv
import json
import re
import sys
from functools import lru_cache
from importlib.resources import files
from typing import Any, Callable, Iterable, Iterator, Sequence

from .textview import fold

DATA = files("meeting_extractor") / "data"



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


NEVER = r"(?!x)x"
"""A pattern that matches nothing (for an empty phrase list)."""


def trie_regex(phrases: Iterable[Sequence[str]], *, space: str = r"\s+",
               piece: Callable[[str], str] | None = None) -> str:
    """A regex source matching any of the phrases, as a prefix tree.

    Alternatives share their prefixes, so the standard `re` engine scans a text for
    hundreds of phrases about ten times faster than one flat alternation; a longer
    phrase wins over its own beginning. Each phrase is a sequence of tokens (the
    characters of a folded string, by default) and `piece` turns a token into regex
    source (by default a space matches `space`, any run of white space, and every
    other character itself).
    Alternatives are tried in the order the phrases first reach them. No word
    boundaries and no groups: callers add what they need.
    """
    if piece is None:
        piece = lambda ch: space if ch == " " else re.escape(ch)  # noqa: E731
    root: dict = {}
    for phrase in phrases:
        node = root
        for token in phrase:
            node = node.setdefault(token, {})
        node[""] = {}
    if not root:
        return NEVER

    def emit(node: dict) -> str:
        alts = [piece(token) + emit(child) for token, child in node.items() if token]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"


def folded_phrases(phrases: Iterable[str]) -> list[str]:
    """Phrases folded (no tone marks, lower case) with white space made single."""
    return sorted({" ".join(fold(p).split()) for p in phrases if p and p.strip()})


def phrase_pattern(phrases: Iterable[str]) -> "re.Pattern[str]":
    """Whole-word matching of any of the phrases on folded text (see `trie_regex`)."""
    return re.compile(r"(?<!\w)" + trie_regex(folded_phrases(phrases)) + r"(?!\w)")


def phrase_index(rows: Iterable[tuple[str, Any]]) -> tuple["re.Pattern[str]", dict[str, Any]]:
    """A pattern over (phrase, value) pairs and a lookup from a match's folded text to its value."""
    lookup: dict[str, Any] = {}
    for phrase, value in rows:
        lookup.setdefault(" ".join(fold(phrase).split()), value)
    return phrase_pattern(lookup), lookup


def lookup_key(matched: str) -> str:
    """The key under which phrase_index stored a matched folded text."""
    return " ".join(matched.split())


class WordStartPattern:
    """A compiled pattern that must start a word, as if written ``(?<!\\w)`` + source.

    The standard `re` engine tries a leading look-behind at every position of the text, which
    makes a scan of a whole document two to four times slower than a scan for the bare pattern.
    Here the bare pattern is scanned and a match that does not start a word is skipped by
    searching again from the next character, which finds exactly the matches of
    ``(?<!\\w)`` + source (the source must not match the empty string). Offers the methods of
    `re.Pattern` the finders use: match, search, finditer.
    """

    __slots__ = ("_bare",)

    def __init__(self, source: str) -> None:
        self._bare = re.compile(source)

    @staticmethod
    def _starts_word(text: str, pos: int) -> bool:
        # re's \w on str: str.isalnum() or "_"
        return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> "re.Match[str] | None":
        return self._bare.match(text, pos, endpos) if self._starts_word(text, pos) else None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> "re.Match[str] | None":
        search = self._bare.search
        while True:
            m = search(text, pos, endpos)
            if m is None or self._starts_word(text, m.start()):
                return m
            pos = m.start() + 1

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> "Iterator[re.Match[str]]":
        while True:
            m = self.search(text, pos, endpos)
            if m is None:
                return
            yield m
            pos = m.end()
