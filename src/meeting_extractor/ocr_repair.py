"""Repairing words an English OCR model misread, for matching only (a noisy-channel model).

For each word of an OCR'd text, the repair proposes the Vietnamese syllable (folded)
the printed word most likely was: P(syllable) x P(printed word | syllable), with the
syllable prior and the misreading probabilities learned from aligned clean/OCR texts
(data/syllable_freq.tsv, data/ocr_confusions.tsv; scripts/learn_ocr_model.py) and
candidates restricted to possible syllables (data/syllable_grammar.json). "chirc" ->
"chuc", "t6" -> "to", "qudc" -> "quoc", "Pa" -> "Da". The repaired words exist only in
the folded view used for matching; values and evidence keep the printed text.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import accumulate

from .lexicon import read_json, read_tsv

MAX_EDITS = 3


class _Model:
    def __init__(self) -> None:
        g = read_json("syllable_grammar.json")
        rhymes = "|".join(sorted(set(g["rhymes"]), key=len, reverse=True))
        initials = [i for i in g["initials"] if i]
        rules = g["initial_rules"]
        alts = []
        for ini in initials:
            rule = rules.get(ini)
            look = f"(?={rule[1:]})" if rule else ""
            # a rule "^[iey]" says which letters may follow that initial
            alts.append(f"{ini}{look}" if not rule else f"{ini}(?={rule.replace('^', '').split('|')[0]})")
        self.syllable = re.compile(rf"(?:{'|'.join(alts)})?(?:{rhymes})")
        every = {i + r for i in g["initials"] for r in g["rhymes"]}
        self.syllables = {s for s in every if self.syllable.fullmatch(s)}
        self.prefixes = {s[:k] for s in self.syllables for k in range(len(s) + 1)}
        rows = read_tsv("ocr_confusions.tsv")
        self.keep: dict[str, float] = {}
        subs: dict[str, list[tuple[str, float]]] = {}
        for r in rows:
            count, seen = int(r["count"]), max(1, int(r["seen"]))
            if r["kind"] == "keep":
                self.keep[r["clean"]] = math.log(max(count, 1) / seen)
            else:
                subs.setdefault(r["ocr"], []).append((r["clean"], math.log(count / seen)))
        self.subs = subs
        self.sub_lengths = sorted({len(k) for k in subs}, reverse=True)
        freq = read_tsv("syllable_freq.tsv")
        total = sum(int(r["count"]) for r in freq) or 1
        self.prior = {r["syllable"]: math.log(int(r["count"]) / total) for r in freq}
        self.unseen = math.log(0.5 / total)

    def possible(self, s: str) -> bool:
        return s in self.syllables

    def log_prior(self, s: str) -> float | None:
        p = self.prior.get(s)
        if p is not None:
            return p
        return self.unseen if self.possible(s) else None

    def candidates(self, word: str):
        """(clean candidate, channel log-probability) for a folded printed word."""
        out: dict[str, float] = {}

        prefixes = self.prefixes

        def walk(i: int, built: str, logp: float, edits: int) -> None:
            if built not in prefixes:
                return
            if i == len(word):
                if logp > out.get(built, -math.inf):
                    out[built] = logp
                return
            ch = word[i]
            if ch.isalpha() and ch.isascii():
                walk(i + 1, built + ch, logp + self.keep.get(ch, -0.01), edits)
            if edits < MAX_EDITS:
                for n in self.sub_lengths:
                    piece = word[i:i + n]
                    if len(piece) == n:
                        for clean, lp in self.subs.get(piece, ()):
                            walk(i + n, built + clean, logp + lp, edits + 1)

        walk(0, "", 0.0, 0)
        return out

    def best(self, word: str) -> str:
        best, best_score = word, -math.inf
        for cand, channel in self.candidates(word).items():
            prior = self.log_prior(cand)
            if prior is not None and prior + channel > best_score:
                best, best_score = cand, prior + channel
        return best


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model()


def is_known_syllable(word: str) -> bool:
    """Is a folded, lower-case word a Vietnamese syllable seen in the learning texts ("sy", "vi";
    not "ho6", "diing", nor the possible but unseen "quec")?"""
    return word in _model().prior


@lru_cache(maxsize=200_000)
def repair_word(printed: str) -> str:
    """The folded syllable a printed (folded) word most likely was; the word itself if none fits."""
    if len(printed) > 8 or printed.isdigit():
        return printed
    return _model().best(printed)


@lru_cache(maxsize=1)
def _keep_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv("ocr_keep_words.tsv"))


def _skip(word: str) -> bool:
    """Acronyms (KH&CN, TT&TT, UBND), abbreviations, numbers and codes stay as printed."""
    if word.lower() in _keep_words() or word == "&":
        return True
    upper = sum(c.isupper() for c in word)
    digits = sum(c.isdigit() for c in word)
    if digits >= 2 or word.isdigit():
        return True
    if "&" in word and len(word) > 2 and word.replace("&", "").isupper():
        return True
    return upper >= 2 and not (len(word) == 2 and word[1] in "0O6")


@lru_cache(maxsize=200_000)
def fixed_word(word: str) -> str | None:
    """The repaired form of a printed word (letter case kept), or None when it stays as printed.

    A repair that would drop two letters or more is refused: that is a foreign word
    or a name ("Walton"), not a misread syllable.
    """
    if _skip(word):
        return None
    lower = word.lower()
    fixed = repair_word(lower)
    if fixed == lower or len(fixed) <= len(lower) - 2:
        return None
    return fixed[:1].upper() + fixed[1:] if word[:1].isupper() else fixed


_WORDS = re.compile(r"([\w¢@§&]+)")


def repair_words(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """Repair every misread word of `text`; returns the new text and its edits
    (new start, new end, old start, old end). Parts of document symbols and codes
    (11/2014/Nb-CP) stay as printed.

    Most words are read right, so the repairs are decided once per distinct word
    and only the words that change are visited."""
    parts = _WORDS.split(text)  # separators at even indexes, words at odd ones
    fixes = {w: f for w in set(parts[1::2]) if (f := fixed_word(w)) is not None}
    if not fixes:
        return text, []
    ends = list(accumulate(map(len, parts)))  # old end offset of every part
    edits: list[tuple[int, int, int, int]] = []
    shift = 0
    last = len(parts) - 1
    for i in [i for i in range(1, len(parts), 2) if parts[i] in fixes]:
        part = parts[i]
        fixed = fixes[part]
        before = parts[i - 1][-1:]
        after = parts[i + 1][:1] if i < last else ""
        if before == "/" or (before == "-" or after == "-") and any(c.isupper() for c in part[1:]):
            continue
        old_start = ends[i] - len(part)
        edits.append((old_start + shift, old_start + shift + len(fixed), old_start, ends[i]))
        shift += len(fixed) - len(part)
        parts[i] = fixed
    return ("".join(parts) if edits else text), edits
