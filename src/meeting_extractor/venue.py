"""The venue phrase and its province.

The place is the phrase after "tại" in the sentence that reports the main event
(`doc.main_event`), else after "diễn ra tại" / "tổ chức tại" in the lead. The phrase
ends at a stop word, a date, the end of the sentence, or a comma that is not followed
by more of the address ("TP Cẩm Phả, tỉnh Quảng Ninh" goes on, ", Bộ X" ends).
The province comes from the gazetteers (`data/provinces.tsv`, `data/places.tsv`):
a province named in the phrase, else a city or district that lies in one. Clean
text must spell the name with its diacritics ("Vĩnh" is not the city of Vinh);
OCR text may be a few OCR confusions away from it. When the phrase names a unit
without its name ("Hội trường UBND tỉnh") the province is taken from the text only
when the text names exactly one.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import re

from .document import Document
from .event import _dedupe, alternation, ocr_held_verb, cue_phrases, genuine, headline_bounds, sentence_bounds, tone_key, word_alternation
from .lexicon import WordStartPattern, lookup_key, read_tsv, split_aliases
from .models import Organizer, Span, Venue
from .ocr_repair import CAPITAL_D_MISREADS
from .textview import TextView, clean_words, fold

_L = r"(?<!\w)"
_R = r"(?!\w)"
_TABLE = "venue_cues.tsv"


@dataclass(frozen=True)
class Place:
    """A gazetteer entry a name resolves to."""

    province: str      # canonical pre-2025 province
    is_province: bool  # the name is the province itself (not a city or district in it)
    building: bool     # a well-known building: does not by itself state the province
    ocr_only: bool = False  # a spelling only OCR makes ("Pak Lak" for Đắk Lắk): not on other text


@lru_cache(maxsize=1)
def _cue_rows() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for row in read_tsv(_TABLE):
        rows = out.setdefault(row["kind"], [])
        for phrase in [row["phrase"]] + split_aliases(row.get("ocr")):
            rows.append((phrase, row.get("case") or ""))
    return out


def _cues(kind: str) -> list[str]:
    return [p for p, _ in _cue_rows().get(kind, [])]


@lru_cache(maxsize=1)
def province_2025() -> dict[str, str]:
    """Pre-2025 canonical province -> the post-2025 unit it belongs to."""
    return {r["canonical"]: r["in_2025"] for r in read_tsv("provinces.tsv") if r.get("in_2025")}


@lru_cache(maxsize=1)
def _gazetteer() -> tuple["re.Pattern[str]", dict[str, dict[str, Place]], dict[str, str]]:
    """A pattern over every province and place name (folded), per folded name its spellings,
    and per folded name the spelling to restore (the first listed)."""
    buildings = tuple(" ".join(fold(b).split()) + " " for b in _cues("building"))
    names: dict[str, dict[str, Place]] = {}
    spelling: dict[str, str] = {}

    def add(name: str, place: Place) -> None:
        key = _dash(" ".join(fold(name).split()))
        if key:
            names.setdefault(key, {}).setdefault(_dash(tone_key(name)), place)
            spelling.setdefault(key, name)

    for r in read_tsv("provinces.tsv"):
        place = Place(r["canonical"], True, False)
        for name in [r["canonical"]] + split_aliases(r.get("aliases")):
            add(name, place)
    for r in read_tsv("places.tsv"):
        folded = " ".join(fold(r["place"]).split()) + " "
        building = r.get("kind") == "địa danh" and folded.startswith(buildings)
        place = Place(r["province"], False, building)
        for name in [r["place"]] + split_aliases(r.get("aliases")):
            add(name, place)
    # an English OCR model reads the capital Đ opening a name's word as P or b ("Pak Lak", "ba Nang"):
    # those spellings name the place too, on OCR'd text only, and are restored as the name
    for key, places in list(names.items()):
        for variant in _misread_d(key):
            if variant not in names:
                names[variant] = {t: Place(p.province, p.is_province, p.building, True) for t, p in places.items()}
                spelling[variant] = spelling[key]
    alts = list(names)
    pattern = re.compile(_L + alternation(alts, dash=True) + _R)
    return pattern, names, spelling


def _misread_d(key: str) -> list[str]:
    """A folded name with the d opening its words read as p or b, one word at a time and all together."""
    words = key.split(" ")
    at = [i for i, w in enumerate(words) if w.startswith("d") and len(w) > 1]
    out = []
    for letter in CAPITAL_D_MISREADS:
        for i in at:
            out.append(" ".join(letter + w[1:] if j == i else w for j, w in enumerate(words)))
        if len(at) > 1:
            out.append(" ".join(letter + w[1:] if j in at else w for j, w in enumerate(words)))
    return out


_DASH = re.compile(r"\s*[-–—]\s*")


def _dash(s: str) -> str:
    return _DASH.sub("-", s)


@lru_cache(maxsize=8192)  # (the OCR'd path asks it of every word group of a phrase, report after report)
def _capitalised(name: str, ocr: bool) -> bool:
    """Does a place name open with a capital (TP.HCM, Nhà Quốc hội; "truong Sa" is no Trường Sa), after
    any administrative words ("thanh pho Ho Chi Minh")? OCR often reads the capital Đ of the first word
    as a lower-case b or p ("ba Nang" for Đà Nẵng); a lower-case d is a d ("Lao dong thanh pho" holds no
    Long Thành)."""
    words = _NAME_WORDS.findall(name)
    admin = _admin_words()
    while len(words) > 1 and fold(words[0]) in admin:
        words = words[1:]  # "Thanh pho Ho Chi Minh"
    if not words:
        return False
    first = words[0]
    return first[0].isupper() or first[0].isdigit() or ocr and first[0] in CAPITAL_D_MISREADS


_NAME_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def _spelt_words(spelling: str) -> list[str]:
    return _NAME_WORDS.findall(spelling)


def _lower_where_capital(name: str, spelling: str, ocr: bool) -> bool:
    """Is a word of the name in lower case where the gazetteer's spelling has a capital (after the first
    word, which `_capitalised` checks)? On OCR'd text a b or p may be a misread capital Đ."""
    words, spelt = _NAME_WORDS.findall(name), _spelt_words(spelling)
    if len(words) != len(spelt):
        return False
    return any(w[0].islower() and sp[0].isupper() and not (ocr and w[0] in CAPITAL_D_MISREADS and sp[0] == "Đ")
               for w, sp in zip(words[1:], spelt[1:]))


@lru_cache(maxsize=1)
def _admin_words() -> frozenset[str]:
    return frozenset(w for p in _cues("admin") for w in fold(p).replace(".", " ").split())


def _resolve(doc: Document, m: "re.Match[str]") -> Place | None:
    """The place a gazetteer match names; on clean text the diacritics must agree."""
    key = _dash(lookup_key(m.group()))
    spellings = _gazetteer()[1].get(key)
    if not spellings:
        return None
    if _patterns()["commune_before"].search(doc.folded, max(0, m.start() - 12), m.start()):
        return None  # "thị trấn Hòa Thạnh": a commune's own name, not the town of Hòa Thành
    if doc.quality != "clean":
        if doc.quality != "ocr_noisy" and next(iter(spellings.values())).ocr_only:
            return None
        if not _capitalised(doc.plain[m.start():m.end()], doc.quality == "ocr_noisy"):
            return None  # a place name is written with capitals; "co do" is not Cờ Đỏ, "truong Sa" not Trường Sa
        if (" " in key or "-" in key) and _lower_where_capital(
                doc.plain[m.start():m.end()], _gazetteer()[2][key], doc.quality == "ocr_noisy"):
            return None  # "Van phong" (văn phòng, an office) is not Vân Phong
        nxt = _NEXT_CAPITAL.match(doc.plain, m.end())
        if nxt and nxt.group(1).isupper() and nxt.group(2).islower():
            return None  # part of a longer name: "Vinh Tuong" is Vĩnh Tường, not the city of Vinh
        places = set(spellings.values())
        return next(iter(places)) if len({p.province for p in places}) == 1 else None
    return spellings.get(_dash(tone_key(doc.original(m.start(), m.end()))))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, "re.Pattern[str] | WordStartPattern"]:
    c = _cues
    date = r"(?<![\d/.])\d{1,2}\s*[/.-]\s*\d{1,2}(?!\d)"
    # word_alternation(x) is _L + alternation(x), quicker to search for
    return {
        "intro": re.compile(r"(?P<intro>" + word_alternation(c("intro")) + r")\s+"),
        "after_verb": re.compile(word_alternation(c("intro_after_verb")) + r"\s+"),
        # OCR'd text: "tổ chức tại" with "tổ chức" misread beyond repair ("te chuc", "16 chuc"), as the
        # organisers' finder reads it (organizer_cues.tsv, ocr_verb); as _L + that, without a look-behind
        # tried at every position
        "after_verb_ocr": WordStartPattern(ocr_held_verb() + r"\s+" + alternation(c("intro")) + r"\s+"),
        # "diễn ra từ ngày 27/11 đến hết ngày 1/12/2024 tại ..."
        "after_verb_time": re.compile(
            word_alternation(c("held_then_time"))
            + r"(?:\s*,?\s+(?:" + alternation(c("time_word")) + _R + r"|\d{1,4}(?:\s*[/.-]\s*\d{1,4}){0,2}(?!\w))){1,10}"
            + r"\s*,?\s+" + alternation(c("intro")) + r"\s+"),
        "admin_named": re.compile(_L + alternation(c("admin") + c("admin_village")) + r"\s+(?P<name>)\w"),
        "commune_before": re.compile(_L + alternation(c("commune")) + r"[ \t]+\Z"),
        "future": re.compile(word_alternation(c("future")) + _R),
        "premises": re.compile(word_alternation(c("premises")) + _R),
        "start": re.compile(alternation(c("place_start")) + _R),
        "admin": re.compile(alternation(c("admin")) + _R),
        "admin_number": re.compile(alternation(c("admin_number")) + r"\s+\d"),
        "not_place": re.compile(alternation(c("not_place")) + _R),
        "stop": re.compile(
            r"\s*(?:(?P<word>" + _L + alternation(c("stop") + c("stop_before_lower")) + _R + r")"
            + rf"|(?P<date>{date}|{_L}{alternation(c('time_stop'))}\s+(?:\d|nay|qua|mai|hom){_R})"
            + r"|(?P<punct>[;:!?\[\]\"]|\.(?=\s|$)|,|\(|\)))"),
        "restore": re.compile(word_alternation(c("restore")) + _R),
        "before_lower": re.compile(alternation(c("stop_before_lower"))),
        "verb": re.compile(word_alternation(cue_phrases("held_before") + cue_phrases("held_after")) + _R),
        "online": re.compile(word_alternation(c("online")) + _R),
        "generic": re.compile(word_alternation(c("generic_unit")) + _R),
        "org": re.compile(_L + alternation(c("org_before")) + _R),
    }


# -- the place phrase ---------------------------------------------------------------

def _place_at(doc: Document, start: int, limit: int) -> tuple[int, int] | None:
    """The place phrase that begins at folded `start` (right after 'tại'), or None."""
    f, plain, P = doc.folded, doc.plain, _patterns()
    while start < limit and f[start].isspace():
        start += 1
    if start >= limit or P["not_place"].match(f, start, limit):
        return None
    gaz = _gazetteer()[0]
    if not (plain[start].isupper() or P["start"].match(f, start, limit) or _gazetteer_at(doc, start, limit)
            or plain[start].isdigit()
            or doc.quality == "ocr_noisy" and _upper_next_word(doc, start, limit)
            or _address_soon(doc, start, limit)):
        return None
    pos = start
    end = limit
    max_end = min(limit, start + 160)
    while pos < max_end:
        m = P["stop"].search(f, pos, max_end)
        if m is None:
            end = max_end
            break
        if m.group("word"):
            if (m.start("word") == start
                    or not genuine(doc, m.start("word"), m.end("word"), ("stop", "stop_before_lower"), table=_TABLE)
                    or P["before_lower"].fullmatch(f, m.start("word"), m.end("word"))
                    and not _lower_next(doc, m.end("word"))):
                pos = m.end("word")
                continue
            end = m.start()
            break
        if m.group("date"):
            end = m.start()
            break
        punct = m.group("punct")
        if punct == "." and _abbreviation_before(f, m.start("punct")):
            pos = m.end()  # "Tp. Đà Nẵng", "Q. 1"
            continue
        if punct == "(":
            close = f.find(")", m.end(), min(max_end, m.end() + 50))
            if close > 0 and gaz.search(f, m.end(), close):
                pos = close + 1  # "(Phú Yên)" belongs to the address
                continue
            end = m.start()
            break
        if punct == ",":
            nxt = m.end()
            while nxt < max_end and f[nxt].isspace():
                nxt += 1
            if nxt < max_end and (P["admin"].match(f, nxt, max_end) or P["admin_number"].match(f, nxt, max_end)
                                  or _gazetteer_at(doc, nxt, max_end)):
                pos = nxt
                continue
        end = m.start()
        break
    while end > start and (f[end - 1].isspace() or f[end - 1] in ",.;:-–"):
        end -= 1
    if end <= start:
        return None
    if len(f[start:end].split()) > 20:
        return None
    return start, end


def _address_soon(doc: Document, start: int, limit: int) -> bool:
    """A place that opens with common words is still one when an address follows within three
    words: "tại cánh đồng ấp Tân Phú, xã ..." (an administrative word, then a name)."""
    m = _patterns()["admin_named"].search(doc.folded, start, min(limit, start + 40))
    return bool(m and len(doc.folded[start:m.start()].split()) <= 3 and doc.plain[m.end("name")].isupper())


def _upper_next_word(doc: Document, start: int, limit: int) -> bool:
    """OCR text: "tai ba Nang" (Đà Nẵng with Đ misread) still starts a place when the next word is capitalised;
    so does "tai tru s So ..." (trụ sở with its "ở" lost): a short word and a lone letter, then a capital."""
    m = _SHORT_THEN_WORD.match(doc.plain, start, limit)
    return bool(m and m.group(1).isupper())


_SHORT_THEN_WORD = re.compile(r"[^\W\d_]{1,3}\s+(?:[^\W\d_]\s+)?([^\W\d_])")


def _abbreviation_before(f: str, dot: int) -> bool:
    word = f[max(0, dot - 4):dot].split()
    return bool(word) and word[-1] in _abbreviations() and not f[dot - len(word[-1]) - 1:dot - len(word[-1])].isalnum()


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(" ".join(fold(p).split()) for p in _cues("abbreviation"))


def _lower_next(doc: Document, pos: int) -> bool:
    """Does a word in lower case or a number follow `pos` ("và các sở", "và 63 điểm cầu")?"""
    m = _NEXT_WORD.match(doc.plain, pos)
    return bool(m and not m.group(1).isupper())


_NEXT_WORD = re.compile(r"\s+([^\W_])")
_NEXT_CAPITAL = re.compile(r"[ \t]+([^\W\d_])([^\W\d_])")


def _gazetteer_at(doc: Document, pos: int, limit: int) -> bool:
    m = _gazetteer()[0].match(doc.folded, pos, limit)
    return bool(m and _resolve(doc, m))


def _tai_ok(doc: Document, m: "re.Match[str]", clause_start: int) -> bool:
    """'tại' is the preposition (not "Tài" in "Bộ Tài chính") and the place is not that of a body
    named right before it ("Đại sứ quán Pháp tại Việt Nam")."""
    s, e = m.span("intro")
    if not genuine(doc, s, e, ("intro",), lower=False, table=_TABLE):
        return False
    plain, f = doc.plain, doc.folded
    if doc.quality != "clean" and plain[s].isupper():
        before = plain[max(0, s - 3):s].rstrip()
        if before and before[-1].isalnum():
            return False  # a capitalised "Tai" inside a phrase is a name (Tài)
    # the words since the last comma or clause start
    lo = max(clause_start, s - 60)
    comma = max(f.rfind(",", lo, s), f.rfind(";", lo, s), f.rfind("(", lo, s))
    lo = comma + 1 if comma >= 0 else lo
    for org in _patterns()["org"].finditer(f, lo, s):
        case = _org_case().get(" ".join(org.group().split()), "")
        if case == "cap" and not plain[org.start()].isupper():
            continue
        between = f[org.end():s]
        if len(between.split()) > 6 or _patterns()["verb"].search(between):
            continue  # "Công ty X tổ chức hội thảo tại ...": the place is the event's
        return False
    return True


@lru_cache(maxsize=1)
def _org_case() -> dict[str, str]:
    """Per folded org_before phrase, the case of its first row (how `_tai_ok` reads it)."""
    out: dict[str, str] = {}
    for p, c in _cue_rows().get("org_before", []):
        out.setdefault(" ".join(fold(p).split()), c)
    return out


def _place_in(doc: Document, lo: int, hi: int, event_end: int | None = None) -> tuple[int, int] | None:
    """The place after the first genuine 'tại' in [lo, hi); one after `event_end` (the main event's
    noun) but behind a word of plans ("dự kiến diễn ra tại") is that of something planned, not the event."""
    future = _patterns()["future"]
    for m in _patterns()["intro"].finditer(doc.folded, lo, hi):
        if not _tai_ok(doc, m, lo):
            continue
        if event_end is not None and event_end <= m.start() and future.search(doc.folded, event_end, m.start()):
            continue
        place = _place_at(doc, m.end(), hi)
        if place:
            return place
    return None


# -- the province ---------------------------------------------------------------------

def _province_in(doc: Document, s: int, e: int
                 ) -> tuple[tuple[Place, tuple[int, int]] | None, list[tuple[int, int, str]]]:
    """The province the phrase names: a province name (the last), else a city or district (the last);
    and the names found, with their spelling in the gazetteer (to restore text without diacritics)."""
    best_province = best_place = None
    names: list[tuple[int, int, str]] = []
    spelling = _gazetteer()[2]
    for m in _gazetteer()[0].finditer(doc.folded, s, e):
        place = _resolve(doc, m)
        if place is None:
            continue
        names.append((m.start(), m.end(), spelling[_dash(lookup_key(m.group()))]))
        if place.building:
            continue
        if place.is_province:
            best_province = (place, m.span())
        else:
            best_place = (place, m.span())
    found = best_province or best_place
    if found is None and doc.quality == "ocr_noisy":
        fuzzy = _fuzzy_province(doc, s, e)
        if fuzzy:
            place, span, key = fuzzy
            found = (place, span)
            if key:
                names.append((span[0], span[1], spelling[key]))
    return found, names


def _restored(doc: Document, s: int, e: int, names: list[tuple[int, int, str]]) -> str:
    """Text without diacritics or OCR'd: the phrase as printed (OCR'd: as read after OCR repair),
    with gazetteer names and address words given their full spelling ("Tp. Pa Néng" -> "Tp. Đà Nẵng")."""
    f, plain = doc.folded, doc.plain
    pieces = list(names)
    words = _restore_words()
    for m in _patterns()["restore"].finditer(f, s, e):
        word = words.get(" ".join(m.group().split()))
        if word and not any(a < m.end() and m.start() < b for a, b, _ in pieces):
            pieces.append((m.start(), m.end(), word[:1].upper() + word[1:] if plain[m.start()].isupper() else word))
    def gap(a: int, b: int) -> str:
        if a >= b:
            return ""
        if doc.quality == "ocr_noisy":
            return plain[a:b]  # the words as read after OCR repair
        os_, oe_ = doc.view.to_original(a, b)
        return doc.text[os_:oe_]

    out, cur = [], s
    for a, b, text in sorted(pieces):
        if a < cur:
            continue
        out.append(gap(cur, a))
        out.append(text)
        cur = b
    out.append(gap(cur, e))
    return clean_words("".join(out))


def with_place_names(doc: Document, s: int, e: int, read: str) -> str:
    """OCR'd words at folded [s, e), as read (`read`: ``doc.view.plain_words(s, e)``), with the gazetteer's
    names in them written as the gazetteer spells them ("tinh bak Lak" -> "tinh Đắk Lắk"), for a value
    copied from the text such as the event's title. `read` itself when no name is found or it is not
    the reading of [s, e)."""
    if read != doc.view.plain_words(s, e):
        return read
    names = []
    spelling = _gazetteer()[2]
    for m in _gazetteer()[0].finditer(doc.folded, s, e):
        if _resolve(doc, m) is not None:
            names.append((m.start(), m.end(), spelling[_dash(lookup_key(m.group()))]))
    if not names:
        return read
    out, cur = [], s
    for a, b, name in names:
        out += [doc.plain[cur:a], name]
        cur = b
    out.append(doc.plain[cur:e])
    return clean_words("".join(out))


@lru_cache(maxsize=1)
def _restore_words() -> dict[str, str]:
    return {" ".join(fold(p).split()): p for p in _cues("restore")}


def _unique_province(doc: Document, lo: int = 0, hi: int | None = None) -> tuple[Place, tuple[int, int]] | None:
    """The one province the text (or its part [lo, hi)) names, if it names exactly one."""
    seen: dict[str, tuple[Place, tuple[int, int]]] = {}
    for m in _gazetteer()[0].finditer(doc.folded, lo, len(doc.folded) if hi is None else hi):
        place = _resolve(doc, m)
        if place is None or place.building or not doc.plain[m.start()].isupper() or _in_person_name(doc, m.start()):
            continue
        seen.setdefault(place.province, (place, m.span()))
        if len(seen) > 1:
            return None
    return next(iter(seen.values())) if seen else None


def _in_person_name(doc: Document, start: int) -> bool:
    """Is the place name at `start` the end of a person's name ("Nguyễn Quang Vinh" is no city of Vinh):
    right after capitalised words that open with a family name?"""
    words = _CAPITALISED_BEFORE.search(doc.plain, max(0, start - 40), start)
    return bool(words) and words.group(1).lower() in _family_names()


_CAPITALISED_BEFORE = re.compile(r"(?<![\w&])([A-Z][a-z]*)(?:[ \t]+[A-Z][a-z]*){0,2}[ \t]+\Z")


@lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    return frozenset(fold(r["name"]) for r in read_tsv("family_names.tsv"))


def _organizers_province(doc: Document, organizers: list[Organizer]) -> tuple[Place, tuple[int, int]] | None:
    """The one province the organisers' names name ("Sở KH&CN tỉnh Bình Định"), with where it is named."""
    found: tuple[Place, tuple[int, int]] | None = None
    for org in organizers:
        for span in org.evidence:
            lo, hi = doc.view.to_folded(span.start, span.end)
            one = _unique_province(doc, lo, hi)
            if one is None:
                continue
            if found is not None and found[0].province != one[0].province:
                return None
            found = found or one
    return found


# OCR-tolerant names: a key that undoes the commonest misreadings, and one-deletion variants,
# so that a name at most one edit (or one substitution) away from a gazetteer name is found.
_OCR_KEY = [(re.compile(r"ir"), "u"), (re.compile(r"[06]"), "o"), (re.compile(r"1"), "l"),
            (re.compile(r"3"), "a"), (re.compile(r"(?<![a-z])p(?![hl])"), "d")]


_NOT_LETTER = re.compile(r"[^a-z]")


@lru_cache(maxsize=8192)
def _ocr_key(words: str) -> str:
    for pattern, repl in _OCR_KEY:
        words = pattern.sub(repl, words)
    return _NOT_LETTER.sub("", words)


def _deletions(key: str) -> list[tuple[str, int]]:
    return [(key[:i] + key[i + 1:], i) for i in range(len(key))]


@lru_cache(maxsize=1)
def _fuzzy_index() -> tuple[dict, dict, dict]:
    """Keys of names of 6+ letters: whole, with one letter deleted at a known position, with one deleted anywhere."""
    whole: dict[str, set[str]] = {}
    at: dict[tuple[str, int], set[str]] = {}
    anywhere: dict[str, set[str]] = {}
    for key, spellings in _gazetteer()[1].items():
        provinces = {(p.province, key) for p in spellings.values() if not p.building}
        okey = _ocr_key(key)
        if len(okey) < 6 or len({p for p, _ in provinces}) != 1:
            continue
        whole.setdefault(okey, set()).update(provinces)
        for v, i in _deletions(okey):
            at.setdefault((v, i), set()).update(provinces)
            anywhere.setdefault(v, set()).update(provinces)
    freeze = lambda d: {k: frozenset(v) for k, v in d.items()}  # noqa: E731
    return freeze(whole), freeze(at), freeze(anywhere)


@lru_cache(maxsize=8192)  # the same words come back report after report ("hoitruong", "trungtam", "thanhpho")
def _within_one(key: str) -> frozenset[tuple[str, str]]:
    """(province, name) of the names one edit away from `key`: equal; one vowel misread as another
    vowel, or any letter misread when the name is long (8+ letters); one letter lost or added when
    the name is long. Short names allow less: "Quan tri" must not become Quảng Trị."""
    whole, at, anywhere = _fuzzy_index()
    found = set(whole.get(key, ()))
    long = len(key) >= 8
    if long:
        found |= anywhere.get(key, frozenset())    # the OCR lost a letter
    for v, i in _deletions(key):
        for province, name in at.get((v, i), frozenset()):   # one letter misread
            other = _ocr_key(name)
            if long or (key[i] in _VOWELS and other[i] in _VOWELS) or {key[i], other[i]} in _CONFUSED:
                found.add((province, name))
        if long:
            found |= whole.get(v, frozenset())     # the OCR added a letter
    return frozenset(found)


_VOWELS = frozenset("aeiouy")
_CONFUSED = [{"b", "d"}]  # "Đ" read as "b" ("ba Nang")


_WORD = re.compile(r"[^\W_]+")


def _fuzzy_province(doc: Document, s: int, e: int) -> tuple[Place, tuple[int, int]] | None:
    """A province or place a name in the phrase is one OCR edit away from: read from the printed
    words first, then from the repaired folded view; an ambiguous or conflicting answer is none."""
    printed = TextView(doc.original(s, e))
    doc_words = list(_WORD.finditer(doc.folded, s, e))
    commune = _patterns()["commune_before"]
    # words right after a commune word, as repaired ("thi trdn" reads "thi tran"): a commune's own name
    skip = frozenset(i for i, w in enumerate(doc_words) if commune.search(doc.folded, max(0, w.start() - 12), w.start()))
    same_words = len(doc_words) == len(list(_WORD.finditer(printed.folded)))
    answer = _fuzzy_words(printed.plain, printed.folded, skip=skip if same_words else frozenset())
    repaired = _fuzzy_words(doc.plain, doc.folded, s, e, skip=skip)
    if repaired and (answer is None or answer[0] == repaired[0]):
        province, (i, n), key = repaired
    elif answer and same_words:
        province, (i, n), key = answer  # the same words, read from the printed text
    elif answer:
        return Place(answer[0], True, False), (s, e), None
    else:
        return None
    return Place(province, True, False), (doc_words[i].start(), doc_words[i + n - 1].end()), key


def _fuzzy_words(plain: str, folded: str, s: int = 0, e: int | None = None, skip: frozenset[int] = frozenset()
                 ) -> tuple[str, tuple[int, int], str] | None:
    """(province, (first word, word count), gazetteer name) of the first name one edit from a gazetteer
    name, not starting at a word of `skip` (indexes)."""
    words = list(_WORD.finditer(folded, s, len(folded) if e is None else e))
    for i, w in enumerate(words):
        if i in skip:
            continue
        for n in (3, 2, 1):
            if i + n > len(words) or not _capitalised(" ".join(plain[x.start():x.end()] for x in words[i:i + n]), True):
                continue
            key = _ocr_key(" ".join(x.group() for x in words[i:i + n]))
            if len(key) < 6:
                continue
            found = _within_one(key)
            if len({p for p, _ in found}) == 1:
                province, name = sorted(found)[0]
                return province, (i, n), name
    return None


# -- the venue ---------------------------------------------------------------------------

def extract_venue(doc: Document, organizers: list[Organizer] = ()) -> Venue | None:
    """The venue of the main event; `organizers` may tell the province of their own premises."""
    f = doc.folded
    if not f.strip():
        return None
    P = _patterns()
    place = None
    online = None
    if doc.main_event is not None:
        s, e = sentence_bounds(doc, doc.main_event.start)
        place = _place_in(doc, s, e, doc.main_event.end)
        online = P["online"].search(f, s, e)
    if place is None:
        place = _lead_place(doc)
    if place is None and online is None:
        return None
    evidence: list[Span] = []
    name = province = None
    if place:
        found, names = _province_in(doc, *place)
        name = doc.original(*place) if doc.quality == "clean" else _restored(doc, *place, names)
        evidence.append(doc.span(*place))
        generic = P["generic"].search(f, *place)
        if found is None and (generic or P["premises"].search(f, *place)):
            # "Hội trường Sở ...", "Hội trường Tỉnh ủy": the organisers' own premises
            found = _organizers_province(doc, list(organizers))
        if found is None and (generic or _named_right_after(doc, place)):
            # "Hội trường UBND tỉnh", "Hội trường Trường Đại học X, Đại học Huế": the one
            # province the text names
            found = _unique_province(doc)
        if found and found[1][1] <= place[0] or found and found[1][0] >= place[1]:
            evidence.append(doc.span(*found[1]))
        if found:
            province = found[0].province
    elif online is not None:
        name = doc.original(*online.span())
        name = "trực tuyến" if fold(name) == "truc tuyen" else name
        evidence.append(doc.span(*online.span()))
    evidence = [sp for sp in evidence if sp.text]
    if not evidence or not name:
        return None
    if province:
        alignment = "canonical"
    else:
        alignment = "exact" if doc.quality == "clean" or online is not None and not place else "as_printed"
    return Venue(name=name, province=province, province_2025=province_2025().get(province) if province else None,
                 online=online is not None, alignment=alignment, evidence=_dedupe(evidence))


def _named_right_after(doc: Document, place: tuple[int, int]) -> bool:
    """Is a province or place named just after the place phrase (in the next few words)?"""
    s, e = place
    _, sent_end = sentence_bounds(doc, s)
    for m in _gazetteer()[0].finditer(doc.folded, e, min(sent_end, e + 60)):
        if _resolve(doc, m):
            return True
    return False


def _lead_place(doc: Document) -> tuple[int, int] | None:
    """'diễn ra tại X' / 'tổ chức tại X' in the lead, when the main event's sentence names no place."""
    f = doc.folded
    _, body = headline_bounds(doc)
    hi = min(len(f), body + 2000)
    P = _patterns()
    patterns = (P["after_verb"], P["after_verb_time"]) + ((P["after_verb_ocr"],) if doc.quality == "ocr_noisy" else ())
    found = [m for pattern in patterns for m in pattern.finditer(f, body, hi)]
    for m in sorted(found, key=lambda m: m.start()):
        s, e = sentence_bounds(doc, m.start())
        if P["future"].search(f, max(s, m.start() - 20), m.start()):
            continue  # "dự kiến diễn ra tại ...": a plan, not the event reported
        place = _place_at(doc, m.end(), e)
        if place:
            return place
    return None
