"""Diacritics given back to words read from text typed without them (or OCR'd, after the OCR repair).

One word lexicon serves every field that restores (organiser names, a person's position): the
spellings of organisation heads, bodies, abbreviations and common name words
(``data/organizations.tsv``), provinces and places (``provinces.tsv``, ``places.tsv``), office
phrases and the heads that continue them (``positions.tsv``), a few more words of office
phrases (``restore_words.tsv``) and the names of districts (``districts.tsv``: "UBND huyen Chau
Phu" is "UBND huyện Châu Phú"). A folded phrase maps to its spelling with diacritics; at each word
the longest phrase in the lexicon wins ("Cuc truong" is "Cục trưởng", not "Cục" + "Trường"). When
two files spell one folded phrase differently the first in that order wins, spellings with
diacritics before those without. A one-word phrase spelt with a capital (Bộ, Sở, Cục, Huế) is
restored only when printed with one: in lower case the word is most often another ("kinh tế so" is
"số"). ``restore_words.tsv`` also gives the spelling of a few words
whose folded form stands for two common words told apart by letter case in names and offices:
"Khoa Luật" (faculty) but "khóa XIV" (term), "Y - Dược" but "được" (not in the lexicon), "Học
viện" (academy) but "học viên" (student: in lower case the lexicons' lower-case spelling wins over
a capitalised one listed before it); and the phrases that stand for two words alike in letter case,
restored only inside a longer phrase that tells which ("Hải quan" in "Cục Hải quan", "Hải quân" in
"Bộ Tư lệnh Hải quân"). A district's name after its kind ("huyện Đô Lương") is spelt as the
district even where another lexicon spells the bare name otherwise ("Đo lường").

A value is restored only when every word in it is covered: abbreviations (KH&CN, UBND), numbers,
punctuation and words that cannot be Vietnamese syllables (Ericsson, IAGTO) are kept as they are;
any other word, a word mixing letters and digits or a mark other than punctuation (OCR junk
such as "c6", "S&@") leaves the whole value unrestored (``None``), so that a value marked "canonical" never mixes
restored and unrestored words. Letter case follows the printed words ("Pho chu tich" -> "Phó chủ
tịch"), except that one capitalised word inside a name that is not in capitals is an OCR misreading
("BO" for "Bộ"), and that a place's name printed with some of its words in lower case is spelt as the
gazetteer does ("tinh dong Thap" is "tỉnh Đồng Tháp": a capital Đ printed as a lower-case d). No name
right after "xã", "phường" or "thị trấn" is taken from the places: a commune's name may fold like a
district's and be spelt otherwise.

Cost: the lexicon is built once (``lru_cache``); a value is split into its words and punctuation
(str.split and str.isalnum, a regular expression only for a word with a mark in it: the `re` engine
costs some 600 instructions a character) and read with dictionary lookups, extending a phrase only
while it is the beginning of some lexicon phrase; the letter case of a phrase as printed is worked
out once per spelling and print.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import read_json, read_tsv, split_aliases
from .textview import fold

_PIECE = re.compile(r"[^\W_]+|\S")   # a run of letters and digits, or one other mark
_ABBREV = re.compile(r"[A-Z0-9]+")   # KH, CN, UBND, 2016: kept as printed
_DIGIT = re.compile(r"\d")
_PUNCTUATION = frozenset(",.;:()[]\"'\u201c\u201d\u2018\u2019-\u2013\u2014/&\u2026%+")  # other marks (@ $ ¢) are OCR junk


@dataclass(frozen=True)
class _Lexicon:
    spelling: dict[str, str]     # folded phrase -> its spelling with diacritics
    prefixes: frozenset[str]     # every folded phrase cut after each of its pieces (the phrases included)
    capitalised: dict[str, str]  # folded word -> its spelling when printed with a capital
    heads: frozenset[str]        # one-word phrases spelt with a capital (Bộ, Sở): restored only when so printed
    places: frozenset[str]       # the names of provinces, places and districts (also after their kind)
    communes: frozenset[str]     # the words after which a name is a commune's (xã, phường, thị trấn)
    syllable: "re.Pattern[str]"  # a possible Vietnamese syllable (folded); other words are foreign


def _key(phrase: str) -> str:
    return " ".join(fold(phrase).split())


def _cuts(key: str):
    """The key cut after each of its pieces, as restore_diacritics builds keys from the text."""
    ends = [m.end() for m in _PIECE.finditer(key)]
    return (key[:e] for e in ends)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    orgs = read_tsv("organizations.tsv")
    spelt: list[str] = [v for r in orgs if r["kind"] in ("body", "head", "head_lower", "parent", "word")
                        for v in (r["name"], *split_aliases(r.get("aliases")))]
    spelt += [r["name"] for r in orgs if r["kind"] == "abbr"]
    places = [v for r in read_tsv("provinces.tsv") for v in (r["canonical"], *split_aliases(r.get("aliases")))]
    places += [v for r in read_tsv("places.tsv") for v in (r["place"], *split_aliases(r.get("aliases")))]
    spelt += places
    positions = read_tsv("positions.tsv")
    spelt += [r["phrase"] for kind in ("office", "org") for r in positions if r["kind"] == kind]
    words = read_tsv("restore_words.tsv")
    spelt += [r["phrase"] for r in words if r["kind"] == "word"]
    # last: any other spelling of a district's bare name wins ("Đo lường" over the district Đô Lương),
    # but not of the name after its kind ("huyện Đô Lương"); a form two districts spell differently is
    # left out (Phù Mỹ and Phú Mỹ bare, not "huyện Phù Mỹ" and "thành phố Phú Mỹ")
    districts = read_tsv("districts.tsv")
    forms = [v for r in districts for v in (r["district"], f'{r["kind"]} {r["district"]}')]
    spellings: dict[str, set[str]] = {}
    for v in forms:
        spellings.setdefault(_key(v), set()).add(v)
    spelt += [v for v in forms if len(spellings[_key(v)]) == 1]
    places += forms
    spelling: dict[str, str] = {}
    for marked in (True, False):                  # spellings with diacritics first
        for v in spelt:
            if any(ord(c) > 127 for c in v) == marked:
                spelling.setdefault(_key(v), " ".join(v.split()))
    capitalised = {_key(r["phrase"]): r["phrase"] for r in words if r["kind"] == "capitalised"}
    for r in words:  # (a phrase two words share: only longer phrases that contain it are restored)
        if r["kind"] == "ambiguous":
            spelling.pop(_key(r["phrase"]), None)
    # printed in lower case, a word listed as capitalised is the lexicons' lower-case spelling of it
    # where there is one ("Học viện" is an academy, "học viên" a student), whatever file comes first
    for v in spelt:
        if v[:1].islower() and (key := _key(v)) in capitalised and spelling.get(key, "")[:1].isupper():
            spelling[key] = " ".join(v.split())
    grammar = read_json("syllable_grammar.json")
    syllable = re.compile("(?:{})?(?:{})".format(
        "|".join(sorted((i for i in grammar["initials"] if i), key=len, reverse=True)),
        "|".join(sorted(grammar["rhymes"], key=len, reverse=True))))
    return _Lexicon(
        spelling=spelling,
        prefixes=frozenset(c for k in [*spelling, *capitalised] for c in _cuts(k)),
        capitalised=capitalised,
        heads=frozenset(k for k, v in spelling.items() if " " not in v and v[:1].isupper() and not v.isupper()),
        syllable=syllable,
        places=frozenset(map(_key, places)),
        communes=frozenset(_key(r["phrase"]) for r in words if r["kind"] == "commune"),
    )


def _mixed_case(printed: str) -> bool:
    """Do some of the printed words open with a capital and others in lower case?"""
    capitals = [w[:1].isupper() for w in printed.split() if w[:1].isalpha()]
    return any(capitals) and not all(capitals)


def _case_like(spelling: str, printed: str) -> str:
    """The lexicon spelling with the letter case and the punctuation of the printed words
    ("Ba Ria – Vung Tau": the en dash as printed)."""
    if len(spelling) != len(printed):
        return spelling
    if printed.isalpha():  # the usual word: one case for all its letters, or a capital first
        if printed.islower():
            return spelling.lower()
        if printed.isupper():
            return spelling.upper()
        if printed.istitle():
            return spelling.capitalize()
    return "".join(c.upper() if p.isupper() else c.lower() if p.islower() else c if c.isalnum() else p
                   for c, p in zip(spelling, printed))


@lru_cache(maxsize=4096)  # the same offices and bodies, printed the same way, come back call after call
def _printed_case(spelling: str, printed: str, all_caps: bool) -> str:
    """The lexicon spelling in the letter case of the print, word by word. A word in capitals inside
    a value that is not in capitals is an OCR misreading ("BO" for "Bộ"), and so is a word in mixed
    case ("COng"): such a word keeps the lexicon's case."""
    if len(spelling) != len(printed):
        return spelling
    return " ".join([_word_case(s, p, all_caps) for s, p in zip(spelling.split(" "), printed.split(" "))])


def _word_case(spelt: str, printed: str, all_caps: bool) -> str:
    if printed.islower() or printed.istitle():
        return _case_like(spelt, printed)
    if printed.isupper():
        return spelt if not all_caps and not spelt.isupper() else _case_like(spelt, printed)
    if printed not in (printed.lower(), printed.upper(), printed.title()):
        return spelt  # mixed case
    return _case_like(spelt, printed)


def _pieces(words: str) -> tuple[list[str], list[bool]]:
    """The pieces of `words` (runs of letters and digits, other marks one by one) and whether white
    space comes before each (never before the first). As _PIECE.findall, with str.split and
    str.isalnum doing the usual word, where a regular expression costs far more."""
    pieces: list[str] = []
    spaced: list[bool] = []
    for k, chunk in enumerate(words.split()):
        if chunk.isalnum():  # (the regular expression's letters and digits)
            pieces.append(chunk)
            spaced.append(k > 0)
        else:
            found = _PIECE.findall(chunk)
            pieces += found
            spaced += [k > 0] + [False] * (len(found) - 1)
    return pieces, spaced


@lru_cache(maxsize=8192)  # the same positions and offices come back report after report
def restore_diacritics(words: str) -> str | None:
    """`words` (a name or an office phrase read from text without diacritics, as in ``doc.plain``)
    spelt with diacritics from the lexicon; None unless every word is covered (see the module doc).
    Punctuation and the spacing between words are kept."""
    lex = _lexicon()
    spelling, prefixes, capitalised, heads = lex.spelling, lex.prefixes, lex.capitalised, lex.heads
    text, spaced = _pieces(words)
    low = fold("\n".join(text)).split("\n")  # each piece folded (no piece holds a line break)
    # a value in capitals keeps them (two syllables at least: "BO TT&TT" is a misread "Bộ TT&TT")
    all_caps = words.isupper() and sum(1 for w in low if lex.syllable.fullmatch(w)) >= 2
    out: list[str] = []
    i, n = 0, len(text)
    after_commune = False
    while i < n:
        # the longest lexicon phrase starting at piece i
        best, key, printed, j = 0, low[i], text[i], i + 1
        capital = printed[0].isupper()
        while True:
            if (capital and key in capitalised) or (key in spelling and (capital or key not in heads)):
                best, found, spelt_as = j, key, printed
            if j >= n or key not in prefixes:
                break
            if spaced[j]:
                key, printed = f"{key} {low[j]}", f"{printed} {text[j]}"
            else:
                key, printed = key + low[j], printed + text[j]
            j += 1
        if best:
            if after_commune and found in lex.places:
                return None  # "xa Hoa Thanh": a commune's name (Hòa Thạnh), which no lexicon spells
            after_commune = found in lex.communes
            if found in lex.places and not all_caps and _mixed_case(spelt_as):
                # a place's name printed with some of its words in lower case is misread ("tinh dong Thap":
                # an English model prints a capital Đ as a lower-case d, b or p): spelt as the gazetteer does
                value = spelling[found]
            else:
                spelt = capitalised.get(found) if capital else None
                value = _printed_case(spelt or spelling[found], spelt_as, all_caps)
            out += (" " if spaced[i] else "", value)
            i = best
            continue
        w = text[i]
        if not w[0].isalnum():
            if w not in _PUNCTUATION:
                return None
        elif not _ABBREV.fullmatch(w) and (
                _DIGIT.search(w) or low[i] in capitalised or low[i] in heads or lex.syllable.fullmatch(low[i])):
            return None
        out += (" " if spaced[i] else "", w)
        i += 1
    return "".join(out)
