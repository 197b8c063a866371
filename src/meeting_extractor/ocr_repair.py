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
import string
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress
from typing import Any, ClassVar, Final

from .lexicon import DATA, read_json, read_tsv
from .textview import Edit

MAX_EDITS: Final = 3
# Two readings of a word this close (log-probability) are told apart by its neighbours: the other
# reading is taken when the syllable pairs it makes with them were seen CONTEXT_MIN_PAIRS times or
# more, and CONTEXT_RATIO times as often as those of the first ("cia bang" -> "cua dang", Đảng).
CONTEXT_MARGIN: Final = 4.0
CONTEXT_MIN_PAIRS: Final = 5
CONTEXT_RATIO: Final = 10


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
        consonants = {i for i in g["initials"] if len(i) == 1}
        self.dropped = {c: [c + v for v in g["dropped_vowels"] if c + v in self.syllables] for c in consonants}
        self.dropped_logp = float(g["dropped_vowel_logp"])
        self.capital_misreads = g["capital_misreads"]
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
        # the ways to read the letters from a place in a word, by the printed letters there that decide
        # them: the beginnings of the misread letter groups, and any letter (see _start_options)
        starts = {k[:n] for k in subs for n in range(1, len(k) + 1)} | set(string.ascii_letters)
        self.starts = {p: self._start_options(p) for p in starts}
        freq = read_tsv("syllable_freq.tsv")
        total = sum(int(r["count"]) for r in freq) or 1
        self.prior = {r["syllable"]: math.log(int(r["count"]) / total) for r in freq}
        self.unseen = math.log(0.5 / total)
        # the syllable pairs, by word: how often each word was seen before it, and each word after it
        self.before: dict[str, dict[str, int]] = {}
        self.after: dict[str, dict[str, int]] = {}
        for r in read_tsv("syllable_bigrams.tsv"):
            self.before.setdefault(r["second"], {})[r["first"]] = int(r["count"])
            self.after.setdefault(r["first"], {})[r["second"]] = int(r["count"])
        prefixes = {s[:k] for s in self.syllables for k in range(len(s) + 1)}
        # the prefixes of syllables that are readings themselves, with their prior
        self.reading_prior = {p: prior for p in prefixes if (prior := self.log_prior(p)) is not None}
        # every prefix of a syllable, with the highest prior of the readings it begins
        self.ceiling = dict.fromkeys(prefixes, -math.inf)
        for p, prior in self.reading_prior.items():
            for k in range(len(p) + 1):
                if prior > self.ceiling[p[:k]]:
                    self.ceiling[p[:k]] = prior
        # the length of the longest reading each prefix begins (-1: none)
        longest: dict[str, int] = {}
        for p in sorted(self.reading_prior, key=len, reverse=True):
            for k in range(len(p), -1, -1):  # (a prefix met before begins a reading as long at least)
                if p[:k] in longest:
                    break
                longest[p[:k]] = len(p)
        # the walk's states: one node per prefix (see _Node): a step is one lookup in a small dict, with
        # no new string to build and hash
        nodes = {p: _Node(p, self.ceiling[p], self.reading_prior.get(p), longest.get(p, -1)) for p in prefixes}
        groups = {clean for options in subs.values() for clean, _ in options} | set(string.ascii_letters)
        for p, node in nodes.items():
            for k in range(len(p) + 1):
                if p[k:] in groups and p[:k] in nodes:
                    nodes[p[:k]].after[p[k:]] = node
        self.root = nodes[""]

    def _start_options(self, printed: str) -> tuple[tuple[int, str, float, int], ...]:
        """The ways to read printed letters that begin with `printed`, when no longer beginning of a
        misread letter group is printed there: (letters read, clean letters, log p, edits), the letter
        kept last."""
        here = [(n, clean, lp, 1) for n in self.sub_lengths if n <= len(printed)
                for clean, lp in self.subs.get(printed[:n], ())]
        ch = printed[0]
        if ch.isalpha() and ch.isascii():
            here.append((1, ch, self.keep.get(ch, -0.01), 0))  # last: popped first
        return tuple(here)

    def _options(self, word: str) -> list[tuple[tuple[int, str, float, int], ...]]:
        """The ways to read the letters at each place of a printed word: those of the longest
        beginning of a misread letter group printed there (a letter at least)."""
        starts, longest = self.starts, self.sub_lengths[0]
        out = []
        for i in range(len(word)):
            for n in range(longest, 0, -1):
                options = starts.get(word[i:i + n])
                if options is not None:
                    break
            else:
                options = ()
            out.append(options)
        return out

    def neighbours(self, word: str) -> tuple[dict[str, int], dict[str, int]]:
        """The pair counts of a syllable: {word seen before it: count}, {word seen after it: count}."""
        return self.before.get(word, _NO_PAIRS), self.after.get(word, _NO_PAIRS)

    def possible(self, s: str) -> bool:
        return s in self.syllables

    def log_prior(self, s: str) -> float | None:
        p = self.prior.get(s)
        if p is not None:
            return p
        return self.unseen if self.possible(s) else None

    def readings(self, word: str, shortest: int = 0) -> tuple[str, str | None] | None:
        """The best reading of a folded printed word (the word itself when no syllable fits), and
        the second when it comes within CONTEXT_MARGIN of the first (log-probability).

        A reading scores P(syllable) x P(printed | syllable); the printed word is read with at most
        MAX_EDITS substitutions, letter by letter, keeping only prefixes of syllables. The walk is
        depth-first, the likeliest letters first, and drops a partial reading that cannot reach the
        second best found so far, nor come within CONTEXT_MARGIN of the best, even if it ends in the
        likeliest syllable it can still become (every step's log-probability is <= 0): the readings
        it returns are those of the full walk.

        With `shortest`, None when no reading has that many letters or more; else the same readings.
        A first walk then looks for one such reading, following only the prefixes of such readings
        (a foreign word, "trailer", is done in a few steps: the full walk finds no reading to bound
        it, 30 microseconds), and stops at the first."""
        options = self._options(word)  # per position: (letters read, letters, log p, edits)
        scores: dict[str, float] = {}
        for cand in self.dropped.get(word, ()):  # "b" for "bộ": the vowel was not printed
            scores[cand] = self.dropped_logp + self.reading_prior[cand]  # (a possible syllable)
        if shortest > 1 and not any(len(c) >= shortest for c in scores) \
                and not self._walk(len(word), options, {}, shortest, first_only=True):
            return None
        self._walk(len(word), options, scores)
        if not scores:
            return word, None
        (s1, first), *rest = sorted(((v, k) for k, v in scores.items()), reverse=True)[:2]
        return first, rest[0][1] if rest and s1 - rest[0][0] <= CONTEXT_MARGIN else None

    def _walk(self, size: int, options: list[tuple[tuple[int, str, float, int], ...]],
              scores: dict[str, float], shortest: int = 0, first_only: bool = False) -> bool:
        """The walk of `readings` over a printed word of `size` letters, adding to `scores` the
        readings of `shortest` letters or more that can still be among the two best. With
        `first_only`, it stops at the first such reading, and says whether there was one."""
        floor = _floor(scores)
        stack = [(0, self.root, 0.0, 0)]
        while stack:
            i, node, logp, edits = stack.pop()
            if i == size:
                prior = node.prior
                if prior is not None and prior + logp > scores.get(node.prefix, -math.inf) \
                        and len(node.prefix) >= shortest:
                    scores[node.prefix] = prior + logp
                    if first_only:
                        return True
                    if prior + logp > floor:
                        floor = _floor(scores)
                continue
            after = node.after
            child: _Node | None
            if edits == MAX_EDITS:  # only the letter as printed is left to read: the last option, if any
                if options[i] and not options[i][-1][3]:
                    _, letters, lp, _ = options[i][-1]
                    child = after.get(letters)
                    if child is not None and logp + lp + child.ceiling >= floor and child.longest >= shortest:
                        stack.append((i + 1, child, logp + lp, edits))
                continue
            for n, letters, lp, edit in options[i]:
                child = after.get(letters)
                if child is not None and child.longest >= shortest:
                    reached = logp + lp
                    if reached + child.ceiling >= floor:
                        stack.append((i + n, child, reached, edits + edit))
        return False


class _Node:
    """A state of the walk: a prefix of some syllable. (Compiled, its fields are read straight from
    the object, the scores as machine floats.)"""

    __slots__ = ("after", "ceiling", "prior", "prefix", "longest")

    def __init__(self, prefix: str, ceiling: float, prior: float | None, longest: int) -> None:
        self.after: dict[str, _Node] = {}  # the node each group of clean letters read next leads to
        self.ceiling = ceiling  # the highest prior of the readings the prefix begins
        self.prior = prior  # the prefix's own prior as a reading, or None
        self.prefix = prefix
        self.longest = longest  # the length of the longest reading it begins (-1: none)


_NO_PAIRS: Final[dict[str, int]] = {}  # (the pair counts of a syllable never seen in a pair; read only)


def _floor(scores: dict[str, float]) -> float:
    """The score a reading must reach to matter: the second best so far (it could become one of the
    two best), and no less than the best minus CONTEXT_MARGIN (a second reading further away is not
    reported)."""
    if not scores:
        return -math.inf
    top = sorted(scores.values())[-2:]
    close = top[-1] - CONTEXT_MARGIN - 1e-9  # (below the margin by a rounding error still counts as within)
    return max(top[0], close) if len(top) == 2 else close


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model()


def is_known_syllable(word: str) -> bool:
    """Is a folded, lower-case word a Vietnamese syllable seen in the learning texts ("sy", "vi";
    not "ho6", "diing", nor the possible but unseen "quec")?"""
    return word in _model().prior


MAX_PRINTED_LENGTH: Final = 8
"""A longer printed word is not one syllable: it stays as printed."""


class ReadingTable:
    """The precomputed readings of the printed forms an English OCR model most likely prints for
    Vietnamese syllables (data/ocr_readings.txt, written by scripts/precompute_readings.py): a batch
    of new reports meets many of them, and a lookup costs nothing next to a search (0.4 against
    15-25 microseconds on a first pass).

    The file is a text table, one row a printed form: "printed best second\n", NONE for no close
    second. It loads without a Python loop (str.split, slices, zip, map, dict) into a dict from printed
    form to its readings, each distinct pair of readings one tuple (some 7,000 for 40,000 forms):
    about 11 ms and 4 MB once a process."""

    NONE: ClassVar[str] = "-"  # (no reading is a dash)

    def __init__(self, text: str) -> None:
        cells = text[text.index("\n") + 1:].split()  # (after the header line)
        seconds = cells[2::3]
        # (best, second or None), the dash read as None by dict.get at C speed
        pairs = list(zip(cells[1::3], map({self.NONE: None}.get, seconds, seconds)))
        one: dict[tuple[str, str | None], tuple[str, str | None]] = {}  # each pair kept once
        self.rows: dict[str, tuple[str, str | None]] = dict(zip(cells[0::3], map(one.setdefault, pairs, pairs)))

    @staticmethod
    def row(printed: str, first: str, second: str | None) -> str:
        return f"{printed} {first} {second or ReadingTable.NONE}\n"

    def printed_forms(self) -> list[str]:
        return list(self.rows)

    def get(self, printed: str) -> tuple[str, str | None] | None:
        return self.rows.get(printed)


@lru_cache(maxsize=1)
def _precomputed() -> ReadingTable:
    return ReadingTable((DATA / "ocr_readings.txt").read_text(encoding="utf-8"))


def readings(printed: str, shortest: int = 0) -> tuple[str, str | None] | None:
    """The folded syllable a printed (folded) word most likely was (the word itself if none fits),
    and a close second reading or None. With `shortest`, None may stand for readings none of which
    has that many letters or more (a search then stops there: see `_Model.readings`)."""
    if len(printed) > MAX_PRINTED_LENGTH or printed.isdigit():
        return printed, None
    known = _precomputed().rows.get(printed)
    return known if known is not None else _searched(printed, shortest)


@lru_cache(maxsize=200_000)
def _searched(printed: str, shortest: int) -> tuple[str, str | None] | None:
    """The readings of a word not in the table: searched once a process."""
    return _model().readings(printed, shortest)


def repair_word(printed: str) -> str:
    """The folded syllable a printed (folded) word most likely was; the word itself if none fits."""
    found = readings(printed)
    assert found is not None  # (without `shortest`, never None)
    return found[0]


@lru_cache(maxsize=1)
def _keep_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv("ocr_keep_words.tsv"))


_DIGITS_THEN_LETTERS: Final = re.compile(r"\d{1,2}[a-z]+")


def _skip(word: str) -> bool:
    """Acronyms (KH&CN, TT&TT, UBND), abbreviations, numbers and codes stay as printed. Digits
    before lower-case letters only ("16p", "16i": lớp, lợi) are a misread syllable's letters,
    which the repair gives back only when the letters make a syllable ("16h", "30km" stay)."""
    if word.lower() in _keep_words() or word == "&":
        return True
    if not word.isalpha():
        if word.isdigit() or sum(c.isdigit() for c in word) >= 2 and not _DIGITS_THEN_LETTERS.fullmatch(word):
            return True
        if "&" in word and len(word) > 2 and word.replace("&", "").isupper():
            return True
    # a word in capitals is an acronym (UBND); one mixing cases ("HoOi") is a misread word
    return word.isupper() and sum(c.isupper() for c in word) >= 2 and not (len(word) == 2 and word[1] in "0O6")


@lru_cache(maxsize=200_000)
def fixed_word(word: str) -> str | None:
    """The repaired form of a printed word (letter case kept), or None when it stays as printed.

    A repair that would drop two letters or more is refused: that is a foreign word
    or a name ("Walton"), not a misread syllable.
    """
    return _word_readings(word)[0]


def _word_readings(word: str) -> tuple[str | None, str | None]:
    """(the repaired form of a printed word or None, as `fixed_word`; its close second reading or
    None), letter case kept. Only a word of letters that the repair reads as a syllable without
    refusing it has a second reading."""
    if word.islower() and word.isalpha():  # the usual word: _skip keeps only a listed one
        if word in _keep_words():
            return None, None
        lower = word
    elif _skip(word):
        return None, None
    else:
        lower = word.lower()
    found = readings(lower, len(lower) - 1)  # (None: every reading would be refused, below)
    if found is None:
        return None, None
    best, second = found
    if best == lower:
        fixed = None
    elif len(best) <= len(lower) - 2:
        return None, None  # a repair refused (a name, a foreign word): no reading to choose
    else:
        fixed = best[:1].upper() + best[1:] if word[:1].isupper() else best
    if second is None or not word.isalpha():
        return fixed, None
    # a lower-case letter printed for a capital ("bai hoi" for "Đại hội": the English model prints a
    # capital Đ as a lower-case b far more often than as B)
    capital = word[:1].isupper() or _model().capital_misreads.get(lower[:1]) == second[:1]
    return fixed, second[:1].upper() + second[1:] if capital else second


_WORDS: Final = re.compile(r"([\w¢@§&]+)")


def _token_repair(token: str) -> tuple[str, tuple[Edit, ...]] | None:
    """The repaired form of one white-space-delimited token ("(nudc," -> "(nuoc,") and its edits,
    relative to the token; None when it stays as printed. Parts of document symbols and codes
    (11/2014/Nb-CP: a word after "/", or a hyphenated word with capitals inside) stay as printed."""
    parts = _WORDS.split(token)  # separators at even indexes, words at odd ones
    edits: list[Edit] = []
    pos = shift = 0
    last = len(parts) - 1
    for i, part in enumerate(parts):
        fixed = fixed_word(part) if i % 2 else None
        if fixed is not None:
            before = parts[i - 1][-1:]
            after = parts[i + 1][:1] if i < last else ""
            if before == "/" or (before == "-" or after == "-") and any(c.isupper() for c in part[1:]):
                fixed = None
            elif len(part) == 1 and after in (".", ")"):
                fixed = None  # a list mark ("b)") or an initial ("T.")
        if fixed is not None:
            edits.append((pos + shift, pos + shift + len(fixed), pos, pos + len(part)))
            shift += len(fixed) - len(part)
            parts[i] = fixed
        pos += len(part)
    return ("".join(parts), tuple(edits)) if edits else None


CAPITAL_D_MISREADS: Final = ("b", "p")
"""The lower-case letters an English OCR model prints for a capital Đ ("boan" for Đoàn, "p6" for Đỗ)."""

_LEADING_LETTERS: Final = re.compile(r"[^\W\d_]+")
# marks around a word that are not part of it, nor tell a code ("/", "-"), nor a word to _WORDS
_WRAPPING_MARKS: Final = ",.;:!?()[]\u201c\u201d\"'"
_FIGURES: Final = "0123456789.,:;/()-%"  # a token of these only is a number, a date or a time: kept


class _TokenRepairs:
    """What is known of every token seen so far: 0 when it stays as printed and has no close second
    reading, else one flat tuple (its repair or None, the repair's edits, its second reading or None,
    and with a second reading the pair counts that weigh it), found for a text's tokens in one pass
    at C speed."""

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit  # (more tokens than this: the tables start again)
        # (the repaired token or None, its edits relative to the token (None: one edit, the whole
        # token), the second reading or None[, the pair counts of that reading (words seen before it,
        # after it), those of the first reading]): one tuple, not a tuple of tuples, so that the loop
        # over a text's changing tokens follows one pointer less to a table entry
        self.facts: dict[str, int | tuple] = {}
        # (what a token gives its neighbours is read off the token and its facts where needed,
        # `_as_before` and `_as_after`: two more tables of every token seen made the repair's
        # footprint bigger, and with it the cache misses of every stage after it)

    def repair(self, token: str) -> tuple[str, tuple[Edit, ...] | None] | None:
        """The repair of a token seen before (None when it stays as printed)."""
        facts = self.facts[token]
        return facts[:2] if isinstance(facts, tuple) and facts[0] is not None else None

    def learn(self, tokens: Iterable[str]) -> None:
        """Decide the repairs of the tokens not seen before."""
        if len(self.facts) > self.limit:
            self.facts = {}
        facts = self.facts
        r: tuple | None
        for t in tokens:
            if t in facts:
                continue
            if t.isalpha():  # a bare word, the usual token
                self._add_word(t)
                continue
            word = t.strip(_WRAPPING_MARKS)
            if len(word) > 1 and word.isalpha():
                # a word with marks around it ("nuoc,", "(Ha", "nhan)."), the next commonest: the word's
                # repair between the marks, as _token_repair gives them (a one-letter word may be an
                # initial or a list mark, "T." "b)": the general path)
                lead = len(t) - len(t.lstrip(_WRAPPING_MARKS))
                w = self.repair(word) if word in facts else self._add_word(word)
                r = None if w is None else (
                    t[:lead] + w[0] + t[lead + len(word):], ((lead, lead + len(w[0]), lead, lead + len(word)),))
            elif not t.strip(_FIGURES):  # "10/2024," "1.000": digits are never a misread syllable here
                r = None
            else:
                r = _token_repair(t)
            facts[t] = 0 if r is None else (*r, None)

    def _add_word(self, t: str) -> tuple[str, None] | None:
        """Read a bare word (all letters) and record its repair; returns the repair."""
        fixed, rival = _word_readings(t)
        r = None if fixed is None else (fixed, None)
        if rival is not None:
            model = _model()
            before, after = model.neighbours(rival.lower())
            if before or after:  # (a reading never seen in a pair has no neighbour to speak for it)
                self.facts[t] = (fixed, None, rival, before, after, *model.neighbours((fixed or t).lower()))
                return r
        self.facts[t] = 0 if r is None else (fixed, None, None)
        return r

    def of(self, tokens: list[str]) -> tuple[list, list[int]]:
        """The facts of each token (those not seen before decided first), and the indexes of the
        tokens that change or have a second reading."""
        table = self.facts
        facts = [table.get(t, _NEW) for t in tokens]  # (compiled: a dictionary call a token)
        hits = list(compress(range(len(tokens)), facts))  # (_NEW is true)
        new = {tokens[k] for k in hits if facts[k] is _NEW}
        if new:
            self.learn(new)
            get = self.facts.get
            for k in hits:
                if facts[k] is _NEW:
                    facts[k] = get(tokens[k])
            hits = [k for k in hits if facts[k]]
        return facts, hits

    def second_readings(self, tokens: list[str], facts: list, indexes: Iterable[int]) -> dict[int, str]:
        """{index: second reading} of the tokens at `indexes` that have a second reading and whose
        neighbours (in the same clause) speak for it (the other tokens are passed over)."""
        last = len(tokens) - 1
        out: dict[int, str] = {}
        for k in indexes:
            entry: tuple = facts[k]
            second = entry[2]
            if second is None:
                continue
            # (typed, the pair counts are read with dictionary calls, not method look-ups)
            second_before: dict[str | None, int] = entry[3]
            second_after: dict[str | None, int] = entry[4]
            prev = _as_before(tokens[k - 1], facts[k - 1]) if k else None
            nxt = _as_after(tokens[k + 1], facts[k + 1]) if k < last else None
            for_second = second_before.get(prev, 0) + second_after.get(nxt, 0)
            if for_second < CONTEXT_MIN_PAIRS:
                continue  # (five in six second readings: no pair speaks for them, the first's are not read)
            first_before: dict[str | None, int] = entry[5]
            first_after: dict[str | None, int] = entry[6]
            against = first_before.get(prev, 0) + first_after.get(nxt, 0)
            if for_second > CONTEXT_RATIO * against:
                if nxt is not None and _ends_a_name(tokens, k):
                    # the last word of a name ("Soc Trang nam 2024"): the common word after it says
                    # nothing of which name it is ("trong nam" is a pair of common words)
                    for_second -= second_after.get(nxt, 0)
                    against -= first_after.get(nxt, 0)
                    if for_second < CONTEXT_MIN_PAIRS or for_second <= CONTEXT_RATIO * against:
                        continue
                out[k] = second
        return out


_NEW: Final = object()  # (the facts of a token not seen before, until it is learnt)


def _reading(token: str, fact: object) -> str:
    """A token as read (repaired, or as printed), in lower case."""
    read = token
    if isinstance(fact, tuple):  # (else 0: it stays as printed)
        fixed: str | None = fact[0]
        if fixed is not None:
            read = fixed
    return read.lower()


def _as_before(token: str, fact: object) -> str | None:
    """What a token gives the word after it: its reading when it is all letters."""
    return _reading(token, fact) if token.isalpha() else None


def _as_after(token: str, fact: object) -> str | None:
    """What a token gives the word before it: the leading letters of its reading (none after an
    opening mark: "(Ha")."""
    read = _reading(token, fact)
    if read.isalpha():
        return read
    letters = _LEADING_LETTERS.match(read)
    return letters.group() if letters else None


def _ends_a_name(tokens: list[str], k: int) -> bool:
    """Is token k a capitalised word after another inside a sentence, with a word in lower case after
    it (the last word of a name: "Soc Trang nam 2024")?"""
    word, before, after = tokens[k], tokens[k - 1] if k else "", tokens[k + 1]
    return word[:1].isupper() and word[1:].islower() and before[:1].isupper() and before.isalpha() \
        and after[:1].islower()


_TOKENS: Final = _TokenRepairs()


def repair_words(text: str) -> tuple[str, list[Edit]]:
    """Repair every misread word of `text`; returns the new text and its edits
    (new start, new end, old start, old end).

    Most words are read right, so the text is cut into tokens at white space, the repairs are
    decided once per distinct token, and only the tokens that change, or that have a close second
    reading for their neighbours to choose, are looked for in the text (the first occurrence
    bounded by white space after the previous one is the next such token)."""
    tokens = text.split()
    facts, hits = _TOKENS.of(tokens)
    if not hits:
        return text, []
    second = _TOKENS.second_readings(tokens, facts, hits)
    # every occurrence of a token that changes somewhere is looked for (to find the next one right)
    chosen = {tokens[k] for k in second}
    n = len(text)
    parts: list[str] = []
    edits: list[Edit] = []
    last = pos = shift = 0
    token_edits: tuple[Edit, ...] | None
    for k in hits:
        fact: tuple = facts[k]  # (a token in `hits` has facts, a tuple)
        token = tokens[k]
        if fact[0] is None and token not in chosen:
            continue
        i = text.find(token, pos)
        pos = i + len(token)
        while (i and not text[i - 1].isspace()) or (pos < n and not text[pos].isspace()):
            i = text.find(token, i + 1)  # (inside another token: the next occurrence)
            pos = i + len(token)
        if k in second:
            fixed, token_edits = second[k], None
        elif fact[0] is not None:
            fixed, token_edits = fact[0], fact[1]
        else:
            continue
        parts += (text[last:i], fixed)
        if token_edits is None:  # the whole token
            edits.append((i + shift, i + shift + len(fixed), i, pos))
        else:
            for new_start, new_end, old_start, old_end in token_edits:
                edits.append((i + shift + new_start, i + shift + new_end, i + old_start, i + old_end))
        shift += len(fixed) - (pos - i)
        last = pos
    parts.append(text[last:])
    return "".join(parts), edits
