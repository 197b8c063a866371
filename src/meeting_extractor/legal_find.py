"""Find legal citations on the folded text (after eyecite's find.py).

Every citation found is a `Cite`: where it is (folded offsets), what kind of
document the text names, and the parts of its symbol. Nothing is merged here;
`legal_resolve` groups short forms under the documents they refer to.

Kinds of citation:
- ``full``: a document symbol (11/2014/NĐ-CP, 178/QĐ-UBND, 57-NQ/TW), with or
  without a type word before it;
- ``short``: a type word and a bare number (Nghị định 67, Chỉ thị số 05,
  Nghị định 11/2014);
- ``law``: a law, code or constitution cited by name (Luật KH&CN 2013);
- ``named``: a party resolution cited by its plenum or congress
  (Nghị quyết Trung ương 4 khóa XII, Nghị quyết Đại hội XII của Đảng);
- ``bare``: a specific document with no number (Thông tư liên tịch ..., Thông tư mới).

The patterns are built from the data files (legal_doc_types.tsv, legal_issuers.tsv,
laws.tsv, legal_cues.tsv). For OCR-damaged text the words are matched with the
confusions an English OCR model makes on Vietnamese letters that carry marks
(ư -> ir/tr, ơ/ố -> 6/d, đ -> p/b, ã -> 3...), so "Nghi dinh", "Ludt" and
"thong tir" are still found; symbols tolerate ND/Nb/NDP for NĐ and O/l/I in digits.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .lexicon import WordStartPattern, read_tsv, split_aliases, trie_regex
from .textview import TextView, fold

_L = r"(?<![\p{L}\p{N}])"
_R = r"(?![\p{L}\p{N}])"

# --- OCR-tolerant phrase patterns ---------------------------------------------------------------

# What an English OCR model prints for a Vietnamese letter that carried a mark, by its bare letter.
_OCR_MARKED = {
    "a": ("a", "3", "4", "d"),
    "e": ("e", "c"),
    "i": ("i", "1", "l", "j"),
    "o": ("ao", "o", "6", "0", "d", "g", "a", "e"),
    "u": ("uw", "ir", "tr", "tt", "ti", "it", "u", "r", "w", "y", "d", "i"),
    "y": ("y", "v"),
}
_OCR_PLAIN = {"d": ("d", "p", "b"), "l": ("l", "1"), "i": ("i", "1", "l")}


def printed_forms(ch: str, ocr: bool) -> tuple[str, ...]:
    """How a letter written with diacritics appears on folded text: its folded form, and with
    ``ocr`` also the usual OCR misreadings of a letter that carried a mark ("ô": "ao", "o", "6"...)."""
    low = ch.lower()
    base = fold(low)
    if not ocr or len(base) != 1:
        return (base,)
    if low == "đ":
        return _OCR_PLAIN["d"]
    if base != low and base in _OCR_MARKED:
        return _OCR_MARKED[base]
    return _OCR_PLAIN.get(base, (base,))


def _char_regex(ch: str, ocr: bool) -> str:
    if ch == "&":
        return r"\s*&\s*"
    forms = printed_forms(ch, ocr)
    return regex.escape(forms[0]) if len(forms) == 1 else f"(?:{'|'.join(forms)})"


_WORD = regex.compile(r"[\p{L}\p{N}&]+")
_SEP = r"(?:\s*[,-]\s*|\s+)"


def phrase_regex(phrase: str, ocr: bool) -> str:
    """A regex (no word edges) for a phrase written with diacritics, on folded text.

    Words are separated by white space, a comma or a hyphen; with ``ocr`` each letter that
    carried a mark also matches its usual OCR misreadings.
    """
    words = _WORD.findall(unicodedata.normalize("NFC", phrase))
    return _SEP.join("".join(_char_regex(c, ocr) for c in w) for w in words)


def _alternation(items: list[tuple[str, str]], ocr: bool) -> str:
    """Named groups, longest phrase first: [(group name, phrase)]."""
    items = sorted(items, key=lambda it: len(it[1]), reverse=True)
    return "|".join(f"(?P<{g}>{phrase_regex(p, ocr)})" for g, p in items)


def _trie(phrases: list[str], ocr: bool) -> str:
    """One alternation over phrases with shared prefixes factored out (fast to scan with `re`)."""
    def tokens(p: str) -> list[str]:
        out: list[str] = []
        for k, w in enumerate(_WORD.findall(unicodedata.normalize("NFC", p))):
            if k:
                out.append(_SEP)
            out.extend(_char_regex(c, ocr) for c in w)
        return out

    return trie_regex([tokens(p) for p in phrases], piece=lambda t: t)


def _norm(matched: str) -> str:
    return " ".join(_WORD.findall(matched))


# --- tables -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DocType:
    name: str                 # canonical kind, '-' for a non-citation phrase
    code: str                 # type code in symbols ('' if none)
    number_only: bool
    bare: bool
    default_code: str
    law: bool


@dataclass(frozen=True)
class Law:
    doc_type: str
    name: str
    year: int | None
    number: str | None


def _key_code(s: str) -> str:
    return fold(s).replace(" ", "")


@lru_cache(maxsize=1)
def doc_types() -> dict[str, DocType]:
    out: dict[str, DocType] = {}
    for r in read_tsv("legal_doc_types.tsv"):
        out.setdefault(r["doc_type"], DocType(
            name=r["doc_type"], code=r.get("code") or "",
            number_only=(r.get("number_only") == "yes"), bare=(r.get("bare") == "yes"),
            default_code=r.get("default_code") or "", law=(r.get("law") == "yes")))
    return out


@lru_cache(maxsize=1)
def _type_aliases() -> list[tuple[str, DocType]]:
    """(alias, doc type) for every type word. Abbreviations (NĐ, QĐ) are left to the symbol
    pass, which reads the kind from the symbol's own type code."""
    types = doc_types()
    out = []
    for r in read_tsv("legal_doc_types.tsv"):
        dt = types[r["doc_type"]]
        names = split_aliases(r["aliases"]) or [r["doc_type"]]
        if r["doc_type"] != "-" and r["doc_type"] not in names:
            names.insert(0, r["doc_type"])
        for a in names:
            if not a.isupper():
                out.append((a, dt))
    return out


@lru_cache(maxsize=1)
def type_codes() -> dict[str, tuple[str, DocType]]:
    """Folded type code -> (display code, doc type)."""
    return {_key_code(dt.code): (dt.code, dt) for dt in doc_types().values() if dt.code}


@lru_cache(maxsize=1)
def issuer_codes() -> dict[str, tuple[str, str]]:
    """Folded issuer code -> (display code, body)."""
    return {_key_code(r["code"]): (r["code"], r["body"]) for r in read_tsv("legal_issuers.tsv")}


@lru_cache(maxsize=1)
def laws() -> tuple[dict[tuple[str, str], set[int]], dict[str, Law]]:
    """The years of each law's versions by (doc type, name), and the laws by folded symbol."""
    versions: dict[tuple[str, str], set[int]] = {}
    by_number = {}
    for r in read_tsv("laws.tsv"):
        law = Law(r["doc_type"], r.get("name") or "", int(r["year"]) if r.get("year") else None,
                  r.get("number") or None)
        if law.year:
            versions.setdefault((law.doc_type, law.name), set()).add(law.year)
        if law.number:
            by_number[_key_code(law.number)] = law
    return versions, by_number


@lru_cache(maxsize=1)
def _law_aliases() -> list[tuple[str, str, str]]:
    """(doc_type, canonical name, alias as written) for every named law, deduplicated."""
    seen, out = set(), []
    for r in read_tsv("laws.tsv"):
        if not r.get("name"):
            continue
        for a in [r["name"], *split_aliases(r.get("aliases"))]:
            k = (r["doc_type"], r["name"], a)
            if k not in seen:
                seen.add(k)
                out.append(k)
    return out


@lru_cache(maxsize=1)
def cues() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in read_tsv("legal_cues.tsv"):
        out.setdefault(r["kind"], []).append(r["cue"])
    return out


# --- patterns -----------------------------------------------------------------------------------

_NUM = r"(?:(?:\d|[oil](?=[oil]?\d))[\doil]*)"  # document number; o/i/l only as OCR'd digits
_YEAR = r"(?:(?:19|20|2o|l9|i9)[\doil]{2})"
_SEG = r"[a-z][a-z0-9&]{0,9}"
_HY = r"\s?-\s?"                          # X-Y, X - Y (a segment that is no code ends the symbol)
_SL = r"\s?/\s?"
SYMBOL = (
    rf"(?P<pn>{_NUM})\s?-\s?(?P<pt>[a-z]{{2,4}}){_SL}(?P<pi>[a-z]{{2,6}}){_R}"                 # 57-NQ/TW
    rf"|(?P<nn>{_NUM}){_SL}(?P<ny>{_YEAR}){_SL}(?P<nc>{_SEG}(?:{_HY}{_SEG})*)"          # 11/2014/NĐ-CP
    rf"|(?P<an>{_NUM}){_SL}(?P<ac>{_SEG}(?:{_HY}{_SEG})*)"                              # 178/QĐ-UBND
)


@dataclass
class Patterns:
    types: "WordStartPattern | re.Pattern[str]"
    type_index: dict[str, DocType]
    block: "regex.Pattern[str]"
    block_index: dict[str, str]
    block_types: frozenset[str]
    symbol: "regex.Pattern[str]"
    tail: "regex.Pattern[str]"
    law_name: "regex.Pattern[str]"
    law_groups: dict[str, tuple[str, str, str]]
    law_year: "regex.Pattern[str]"
    amend: "regex.Pattern[str]"
    party: "regex.Pattern[str]"
    date_after: "regex.Pattern[str]"
    year_after: "regex.Pattern[str]"
    draft_before: "regex.Pattern[str]"
    adopted_before: "regex.Pattern[str]"
    count_after: "regex.Pattern[str]"
    bare_after: "regex.Pattern[str]"
    name_stops: frozenset[str]
    ocr: bool


@lru_cache(maxsize=2)
def patterns(ocr: bool) -> Patterns:
    W = lambda p: phrase_regex(p, ocr)  # noqa: E731
    # type words: one fast scan (stdlib re from word starts, prefixes factored), the kind looked up
    # afterwards. OCR'd type words need no tolerance here: the word repair has already given them
    # back their syllables ("Nghi djnh" -> "nghi dinh") in the folded view.
    kinds = [(a, dt) for a, dt in _type_aliases() if dt.name != "-"]
    types = WordStartPattern(r"(?:" + _trie([a for a, _ in kinds], ocr=False) + r")\b")
    type_index = {_norm(fold(a)): dt for a, dt in kinds}
    blocked = [a for a, dt in _type_aliases() if dt.name == "-"]
    block = regex.compile(_L + "(?:" + "|".join(phrase_regex(a, ocr) for a in blocked) + ")" + _R)
    # the kinds whose words occur inside a blocked phrase: only their matches need the check
    block_types = frozenset(dt.name for a, dt in kinds
                            if any(f" {_norm(fold(a))} " in f" {_norm(fold(b))} " for b in blocked))
    so = r"(?:s(?:o[06]?|[06])\.?)"
    num_list = rf"\d++(?:{_SL}{_YEAR})?+(?![/.,]\d|\s?[/-]\s?[a-z])"
    tail = regex.compile(
        rf"\s*(?:(?P<so>{so}){_R}\s*:?\s*)?"
        rf"(?:(?P<sym>{SYMBOL})"
        rf"|(?P<short>{num_list}(?:\s*(?:,|{W('và')})\s*{num_list})*))"
    )
    # laws by name
    lgroups, litems = {}, []
    for i, (dtype, name, alias) in enumerate(_law_aliases()):
        g = f"l{i}"
        lgroups[g] = (dtype, name, alias)
        litems.append((g, alias))
    law_name = regex.compile(rf"\s+(?:{_alternation(litems, ocr)}){_R}")
    nam = W("năm")
    law_year = regex.compile(rf"\s*(?:\(\s*)?(?:(?P<nam>{nam})\s+)?(?P<y>{_YEAR})(?![\d/])\s*\)?")
    amend = regex.compile(rf"\s*\(?\s*(?:{'|'.join(W(c) for c in sorted(cues()['amend'], key=len, reverse=True))}){_R}\s*\)?")
    # party resolutions cited by plenum or congress
    numw = rf"(?:\d+|[ivxlc]+|{'|'.join(W(w) for w in ('nhất', 'một', 'hai', 'ba', 'bốn', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'))})"
    khoa = rf"(?:\s*,?\s*\(?\s*{W('khóa')}\s+[ivxlc]+{_R}\s*\)?)"
    lan = rf"(?:{W('lần')}\s+)?(?:{W('thứ')}\s+)?"
    party = regex.compile(
        rf"\s+(?P<name>"
        rf"(?:{W('Hội nghị')}\s+{lan}{numw}\s+)?(?:{W('Ban Chấp hành')}\s+)?{W('Trung ương')}(?:\s+{W('Đảng')})?"
        rf"(?:\s+{lan}(?P<tn>{numw}){_R})?{khoa}?"
        rf"|{W('Đại hội')}(?:\s+{W('đại biểu')})?(?:\s+{W('toàn quốc')})?"
        rf"(?:\s+{W('Đảng')}(?:\s+{W('bộ')})?(?:\s+\p{{L}}+){{0,4}}?)?\s+{lan}(?P<dn>[ivxlc]+|\d+){_R}"
        rf"(?:\s+{W('của')}\s+{W('Đảng')})?"
        rf")"
    )
    ngay, thang = W("ngày"), W("tháng")
    date_after = regex.compile(
        rf"(?:\s+{W('của')}(?:\s+[\p{{L}}&]+){{1,6}}?)?\s*,?\s*{ngay}\s+\d{{1,2}}"
        rf"(?:\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*|\s+{thang}\s+\d{{1,2}}\s*,?\s+{nam}\s+)(?P<y>{_YEAR})(?!\d)"
    )
    year_after = regex.compile(rf"\s+{nam}\s+(?P<y>{_YEAR})(?![\d/])")

    def before(kind: str) -> "regex.Pattern[str]":
        alts = "|".join(W(c) for c in sorted(cues()[kind], key=len, reverse=True))
        return regex.compile(rf"{_L}(?:{alts})\s+(?:\d+\s+)?$")

    count_alts = "|".join(W(c) for c in sorted(cues()["count_noun"], key=len, reverse=True))
    count_after = regex.compile(rf"\s*(?:%|(?:{count_alts}){_R}(?!\s*\d))")
    bare_alts = "|".join(W(c) for c in cues()["bare_cue"])
    bare_after = regex.compile(rf"\s+(?:{bare_alts}){_R}")
    return Patterns(
        types=types, type_index=type_index, block=block, block_types=block_types,
        block_index={_norm(fold(b)): b for b in blocked},
        symbol=re.compile(r"(?<![^\W_])(?:" + SYMBOL.replace(_R, r"\b") + ")"), tail=tail,
        law_name=law_name, law_groups=lgroups, law_year=law_year, amend=amend, party=party,
        date_after=date_after, year_after=year_after,
        draft_before=before("draft"), adopted_before=before("adopted"),
        count_after=count_after, bare_after=bare_after,
        name_stops=frozenset(fold(c) for c in cues()["name_stop"]),
        ocr=ocr,
    )


# --- citations ----------------------------------------------------------------------------------

@dataclass
class Cite:
    kind: str                       # full | short | law | named | bare
    start: int                      # folded offsets of the whole mention
    end: int
    doc_type: str
    number: str | None = None       # normalised symbol (full) or the bare number (short)
    num: int | None = None          # the leading number, for matching short forms
    year: int | None = None
    code_type: str | None = None    # doc type decoded from the symbol's type code
    key: str | None = None          # identity of the document (full symbols, laws, named)
    issuer: list[str] = field(default_factory=list)
    name: str | None = None
    name_rank: int = 0              # how complete the written name is
    law_name: str | None = None     # canonical law name (laws.tsv)
    amended: bool = False
    default_code: str = ""
    name_span: tuple[int, int] | None = None  # folded offsets of a name taken from the text


_DIGIT_FIX = str.maketrans({"o": "0", "i": "1", "l": "1"})


def _digits(s: str) -> str:
    return "".join(s.split()).translate(_DIGIT_FIX)


def _year(s: str) -> int | None:
    y = int(_digits(s))
    return y if 1945 <= y <= 2035 else None


_QH = regex.compile(r"(qh|ubtvqh)(\d{1,2})")


def _code_lookup(seg: str) -> tuple[str, str, str] | None:
    """(kind 'type'|'issuer', display code, value) for a folded code segment, OCR variants included."""
    tc, ic = type_codes(), issuer_codes()
    cands = [seg]
    if "p" in seg or "b" in seg:
        cands.append(seg.replace("dp", "d"))
        cands.append(cands[-1].replace("p", "d").replace("b", "d"))
    for c in cands:
        if c in tc:
            return ("type", tc[c][0], tc[c][1].name)
        if c in ic:
            return ("issuer", ic[c][0], ic[c][1])
        m = _QH.fullmatch(c)
        if m:
            disp, body = ic[m.group(1)]
            return ("issuer", disp + m.group(2), body)
    return None


def issuers_of(code: str) -> list[str]:
    """The issuing bodies a code suffix names (NĐ-CP -> [Chính phủ])."""
    found = (_code_lookup(_key_code(seg)) for seg in code.split("-"))
    return [f[2] for f in found if f and f[0] == "issuer"][:1]


def _plain_code_ok(plain_seg: str) -> bool:
    """An unknown code segment is kept when it is printed like a code (upper case, short)."""
    letters = [c for c in plain_seg if c.isalpha()]
    return bool(letters) and len(plain_seg) <= 8 and sum(c.isupper() for c in letters) >= max(1, len(letters) - 1)


def parse_symbol(m: "regex.Match[str]", view: "TextView") -> dict | None:
    """The parts of a symbol match (groups of SYMBOL), or None when it is not a document symbol."""
    plain = view.plain

    def raw(a: int, b: int) -> str:
        return view.text[slice(*view.to_original(a, b))]

    def lookup(a: int, b: int) -> tuple[str, str, str] | None:
        # the folded view may carry OCR word repairs; codes are read from the original too
        found = _code_lookup(view.folded[a:b])
        if not found:
            oa, ob = view.to_original(a, b)
            raw = fold(view.text[oa:ob]).replace(" ", "")
            found = _code_lookup(raw) if raw != view.folded[a:b] else None
        return found

    if m.group("pn"):
        t = lookup(*m.span("pt"))
        if not t or t[0] != "type":
            return None
        i = lookup(*m.span("pi"))
        i_disp = i[1] if i else raw(*m.span("pi")).upper()
        if not i and not _plain_code_ok(plain[m.start("pi"):m.end("pi")]):
            return None
        num = _digits(m.group("pn"))
        return dict(num=num, year=None, code_type=t[2], issuers=[i[2]] if i else [],
                    number=f"{num}-{t[1]}/{i_disp}", key=f"{int(num)}-{_key_code(t[1])}/{_key_code(i_disp)}",
                    end=m.end(), first="type", codes=[t[1], i_disp])
    if m.group("nn"):
        num, year = _digits(m.group("nn")), _year(m.group("ny"))
        if year is None:
            return None
        cg = "nc"
    else:
        num, year, cg = _digits(m.group("an")), None, "ac"
    # split the code into segments, keeping each segment's span
    segs = [(s.start(), s.end()) for s in _CODE_SEG.finditer(m.group(cg))]
    base = m.start(cg)
    codes, kinds, values, end = [], [], [], base
    for k, (s, e) in enumerate(segs):
        found = lookup(base + s, base + e)
        if found:
            codes.append(found[1]); kinds.append(found[0]); values.append(found[2])
        elif k > 0 and _plain_code_ok(plain[base + s:base + e]):
            codes.append(raw(base + s, base + e).upper()); kinds.append("unit"); values.append(None)
        else:
            break
        end = base + e
    if not codes:
        return None
    code_type = values[0] if kinds[0] == "type" else None
    joint = code_type in ("Thông tư liên tịch", "Nghị quyết liên tịch")
    issuers = []
    for k, v in zip(kinds, values):
        if k == "issuer" and v and v not in issuers:
            issuers.append(v)
            if not joint:
                break
    code = "-".join(codes)
    number = f"{num}/{year}/{code}" if year else f"{num}/{code}"
    key = f"{int(num)}/{year or ''}/{_key_code(code)}"
    return dict(num=num, year=year, code_type=code_type, issuers=issuers, number=number, key=key,
                end=end, first=kinds[0], codes=codes)


def _before(p: "regex.Pattern[str]", folded: str, start: int) -> bool:
    return p.search(folded, max(0, start - 24), start) is not None


# A number follows (after an optional "số"): the only case in which the tail pattern can match.
_NUMBER_SOON = re.compile(r"\s*(?:s[o06]{1,2}\.?\s*:?\s*)?[oil]{0,2}\d")


def find_citations(view: "TextView", quality: str = "clean") -> list[Cite]:
    """Every citation in the text, in text order (not yet resolved)."""
    P = patterns(quality == "ocr_noisy")
    clean = quality == "clean"
    folded, plain = view.folded, view.plain
    cites: list[Cite] = []
    covered: list[tuple[int, int]] = []
    for m in P.types.finditer(folded):
        s, pos = m.start(), m.end()
        if covered and s < covered[-1][1]:
            continue
        dt = _type_of(m.group(), P)
        if dt is None or (dt.name in P.block_types and _blocked(P, view, s, pos, clean)):
            continue
        if dt.law:
            c = _law(m, dt, view, P, clean)
            if c:
                if not c.number and (_before(P.draft_before, folded, s) or _before(P.adopted_before, folded, s)):
                    continue
                cites.append(c); covered.append((c.start, c.end))
                continue
        t = P.tail.match(folded, pos) if _NUMBER_SOON.match(folded, pos) else None
        if t and t.group("sym"):
            sm = P.symbol.match(folded, t.start("sym"))
            parts = parse_symbol(sm, view) if sm else None
            if parts:
                c = _full(parts, s, dt, folded, P)
                cites.append(c); covered.append((c.start, c.end))
                continue
        if t and t.group("short") and (dt.number_only or t.group("so")):
            new = _shorts(t, s, dt, folded, P)
            if new:
                if _before(P.draft_before, folded, s):
                    continue
                cites.extend(new); covered.append((s, new[-1].end))
                continue
        if dt.name == "Nghị quyết":
            pm = P.party.match(folded, pos)
            if pm and _party_ok(pm, plain):
                if _before(P.draft_before, folded, s) or _before(P.adopted_before, folded, s):
                    continue
                name_s, name_e = pm.span("name")
                cites.append(Cite("named", s, name_e, dt.name, key="named:" + _party_key(pm),
                                  name_rank=name_e - name_s, name_span=(name_s, name_e)))
                covered.append((s, name_e))
                continue
        if (dt.bare or (not dt.law and P.bare_after.match(folded, pos))) and plain[s].isupper():
            if _before(P.draft_before, folded, s) or _before(P.adopted_before, folded, s):
                continue
            bm = P.bare_after.match(folded, pos)
            cites.append(Cite("bare", s, bm.end() if bm else pos, dt.name, key="bare:" + dt.name))
    # symbols with no type word before them
    ci = 0
    covered.sort()
    for m in _symbols(folded, P):
        while ci < len(covered) and covered[ci][1] <= m.start():
            ci += 1
        if ci < len(covered) and covered[ci][0] <= m.start() < covered[ci][1]:
            continue
        parts = parse_symbol(m, view)
        if not parts:
            continue
        if parts["first"] != "type":
            law = laws()[1].get(_key_code(parts["number"]))
            if law:
                c = _full(parts, m.start(), doc_types()[law.doc_type], folded, P)
                _set_law(c, law.doc_type, law.name, None, 0)
                cites.append(c)
            elif not parts["year"]:
                cites.append(_full(parts, m.start(), doc_types()["Công văn"], folded, P))
            continue
        cites.append(_full(parts, m.start(), None, folded, P))
    cites.sort(key=lambda c: c.start)
    return cites


def _symbols(folded: str, P: Patterns):
    """Symbol matches, looked for only around slashes (a scan of the whole text is slow)."""
    n, last = len(folded), 0
    p = folded.find("/")
    while p >= 0:
        if p >= last:
            m = P.symbol.search(folded, max(last, p - 18), min(n, p + 60))
            while m and m.end() <= p:
                m = P.symbol.search(folded, m.end(), min(n, p + 60))
            if m and m.start() <= p:
                yield m
                last = m.end()
        p = folded.find("/", p + 1)


def _type_of(matched: str, P: Patterns) -> DocType | None:
    return P.type_index.get(_norm(matched))


def _blocked(P: Patterns, view: TextView, s: int, e: int, clean: bool) -> bool:
    """The type word is part of a phrase that is no citation (pháp luật, luật sư, nghị định thư).

    Folding merges some of these with law names (luật gia / Luật Giá, luật hóa / Luật Hóa chất):
    a capital after the type word makes it a name, and on clean text the diacritics decide too.
    """
    folded = view.folded
    for b in P.block.finditer(folded, max(0, s - 20), min(len(folded), e + 12)):
        if not (b.start() < e and s < b.end()):
            continue
        phrase = P.block_index.get(_norm(b.group()))
        if clean and phrase and _spelling(view.original(*b.span())) != _spelling(phrase):
            continue
        if b.start() == s and b.end() > e and view.plain[e:b.end()].strip()[:1].isupper():
            continue
        return True
    return False


def _full(parts: dict, start: int, dt: DocType | None, folded: str, P: Patterns) -> Cite:
    doc_type = dt.name if dt else parts["code_type"]
    if dt and dt.name == "Công văn" and parts["code_type"]:
        doc_type = parts["code_type"]
    end, year = parts["end"], parts["year"]
    d = P.date_after.match(folded, end)
    if d:
        end = d.end()
        if year is None:
            year = _year(d.group("y"))
    c = Cite("full", start, end, doc_type, number=parts["number"], num=int(parts["num"]), year=year,
             code_type=parts["code_type"], key="sym:" + parts["key"], issuer=list(parts["issuers"]))
    if dt and dt.law:
        law = laws()[1].get(_key_code(parts["number"]))
        if law:
            _set_law(c, law.doc_type, law.name, None, 0)
    return c


_SHORT_NUM = regex.compile(rf"(\d+)(?:{_SL}({_YEAR}))?")
_CODE_SEG = regex.compile(r"[a-z][a-z0-9&]*")


def _shorts(t: "regex.Match[str]", start: int, dt: DocType, folded: str, P: Patterns) -> list[Cite]:
    out = []
    for nm in _SHORT_NUM.finditer(t.group("short")):
        end = t.start("short") + nm.end()
        if P.count_after.match(folded, end):
            break
        year = _year(nm.group(2)) if nm.group(2) else None
        if nm.group(2) and year is None:
            break
        ya = P.date_after.match(folded, end) or (None if year else P.year_after.match(folded, end))
        if ya:
            year = year or _year(ya.group("y"))
        out.append(Cite("short", start, ya.end() if ya else end, dt.name, number=nm.group(1),
                        num=int(nm.group(1)), year=year, default_code=dt.default_code))
    return out


def _set_law(c: Cite, doc_type: str, name: str, shown: str | None, rank: int) -> None:
    c.law_name = name
    c.name = shown
    c.name_rank = rank
    c.key = f"law:{doc_type}:{fold(name)}"


def _law(m: "regex.Match[str]", dt: DocType, view: "TextView", P: Patterns, clean: bool) -> Cite | None:
    folded, plain = view.folded, view.plain
    s, pos = m.start(), m.end()
    c = Cite("law", s, pos, dt.name)
    lm = P.law_name.match(folded, pos)
    if lm and (P.law_groups[lm.lastgroup][0] != dt.name
               or not _alias_fits(view, *lm.span(lm.lastgroup), P.law_groups[lm.lastgroup][2], clean)):
        lm = None
    if lm:
        ltype, name, alias = P.law_groups[lm.lastgroup]
        _set_law(c, ltype, name, alias, lm.end() - lm.start())
        pos = lm.end()
    elif dt.name != "Hiến pháp":
        t = P.tail.match(folded, pos)
        if t and t.group("sym") and t.group("so"):
            sm = P.symbol.match(folded, t.start("sym"))
            parts = parse_symbol(sm, view) if sm else None
            if parts and parts["year"]:
                return _full(parts, s, dt, folded, P)
            return None
        name = _unknown_name(plain, folded, pos, P)
        if not name:
            return None
        ns, ne = name
        near = _nearest_law(dt.name, folded[ns:ne]) if P.ocr else None
        if near:
            _set_law(c, dt.name, near[0], near[1], ne - ns)
        else:
            _set_law(c, dt.name, view.original(ns, ne), None, ne - ns)
            c.name_span = (ns, ne)
        pos = ne
    else:
        c.key = "law:Hiến pháp:"
    am = P.amend.match(folded, pos) if c.law_name else None
    if am:
        c.amended = True
        c.key += ":amended"
        pos = am.end()
    ym = P.law_year.match(folded, pos)
    year = _year(ym.group("y")) if ym else None
    if year and ym.group("nam") and c.law_name and year not in laws()[0].get((c.doc_type, c.law_name), {year}):
        year = None  # "thi hành Luật Đất đai năm 2019": a time, not one of the law's versions
    if year:
        c.year = year
        pos = ym.end()
    elif dt.name == "Hiến pháp" and not plain[s].isupper():
        return None
    c.end = pos
    return c


@lru_cache(maxsize=1)
def _law_alias_index() -> dict[str, list[tuple[str, str, str]]]:
    """Folded law aliases by doc type, for the nearest-name fallback on OCR text."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for dtype, name, alias in _law_aliases():
        out.setdefault(dtype, []).append((" ".join(_WORD.findall(fold(alias))), name, alias))
    return out


def preload_law_name_fallback() -> None:
    """Build the tables of the OCR'd law-name fallback (`_nearest_law`), which only a report naming
    a law that laws.tsv does not spell as printed needs: the alias index and difflib (1-3 ms)."""
    import difflib  # noqa: F401  (imported by _nearest_law on first use)

    _law_alias_index()


def _nearest_law(doc_type: str, folded_name: str) -> tuple[str, str] | None:
    """(canonical name, alias) of the table law an OCR-damaged name most likely is (ratio >= 0.8)."""
    from difflib import SequenceMatcher

    target = " ".join(_WORD.findall(folded_name))
    best, best_r = None, 0.8
    matcher = SequenceMatcher(None, "", target)  # (it indexes the second sequence once, for every alias)
    for key, name, alias in _law_alias_index().get(doc_type, ()):
        if abs(len(key) - len(target)) > 3:
            continue
        matcher.set_seq1(key)
        # the cheap upper bounds first: ratio() only where the alias may still reach the best
        if matcher.real_quick_ratio() < best_r or matcher.quick_ratio() < best_r:
            continue
        r = matcher.ratio()
        if r >= best_r:
            best, best_r = (name, alias), r
    return best


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TONE_FIRST = regex.compile(f"([ou])([aey])([{_TONES}])")


def _spelling(s: str) -> str:
    """Words in lower case with the tone of oa/oe/uy on the first vowel (hoá = hóa)."""
    d = _TONE_FIRST.sub(r"\1\3\2", unicodedata.normalize("NFD", s.lower()))
    return " ".join(_WORD.findall(unicodedata.normalize("NFC", d)))


def _alias_fits(view: TextView, a: int, b: int, alias: str, clean: bool) -> bool:
    """A law name found on the folded text is the one printed: on clean text the diacritics
    agree (Luật Dược, not "Luật được"); elsewhere a one-word name must be capitalised."""
    if clean:
        printed = view.original(a, b)
        return _spelling(printed) == _spelling(alias) or printed == fold(printed)
    if len(_WORD.findall(alias)) == 1:
        return view.plain[a:b][:1].isupper()
    return True


_NAME_WORDS = regex.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)([\p{L}\p{N}&][\p{L}\p{N}&.'-]*)")


def _unknown_name(plain: str, folded: str, pos: int, P: Patterns) -> tuple[int, int] | None:
    """A law name not in laws.tsv: a capitalised word, then words up to a stop word (at most 7)."""
    end, n = pos, 0
    start = None
    while n < 7:
        w = _NAME_WORDS.match(plain, end)
        if not w:
            break
        word = w.group(1).rstrip(".-'")
        if n == 0 and not word[:1].isupper():
            return None
        if folded[w.start(1):w.start(1) + len(word)] in P.name_stops:
            break
        if start is None:
            start = w.start(1)
        end = w.start(1) + len(word)
        n += 1
        if len(word) < len(w.group(1)):
            break
    return (start, end) if start is not None else None


_ROMAN = regex.compile(r"^[ivxlc]+$")
_DIGIT = regex.compile(r"\d")
_NAME_TOKEN = regex.compile(r"[\p{L}\d]+")
_ROMAN_WORD = regex.compile(r"(?<![\p{L}])([ivxlc]+)(?![\p{L}])")
_ORDINAL = {"nhat": 1, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6,
            "bay": 7, "tam": 8, "chin": 9, "muoi": 10}


def _party_ok(pm: "regex.Match[str]", plain: str) -> bool:
    """A plenum/congress name needs its number or term; Roman numerals printed in capitals."""
    name = pm.group("name")
    has_number = bool(_DIGIT.search(name) or _ROMAN_WORD.search(name)) or bool(pm.group("tn"))
    if not has_number:
        return False
    for r in _ROMAN_WORD.finditer(name):
        a, b = pm.start("name") + r.start(1), pm.start("name") + r.end(1)
        if not plain[a:b].isupper():
            return False
    return True


def _party_key(pm: "regex.Match[str]") -> str:
    name = pm.group("name")
    kind = "dh" if pm.group("dn") else "tw"
    toks = []
    for t in _NAME_TOKEN.findall(name):
        if t.isdigit():
            toks.append(str(int(t)))
        elif _ROMAN.match(t):
            toks.append(t)
        elif t in _ORDINAL and kind == "tw":
            toks.append(str(_ORDINAL[t]))
    return kind + ":" + ",".join(toks)
