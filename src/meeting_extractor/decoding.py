"""Bytes -> text: UTF-8 (BOM optional), UTF-16, Windows-1258, and the legacy Vietnamese
font encodings TCVN3 (ABC) and VNI, detected and converted to Unicode.

Two kinds of legacy text reach us:

- raw single-byte files (an old `.txt` saved in TCVN3, VNI or Windows-1258): not
  valid UTF-8, so each reading is tried and the one that reads as Vietnamese wins;
- Unicode text typed in a legacy *font* ("Héi nghÞ", "Hoäi nghò"): valid UTF-8 (or
  text from a .docx, .pdf or web page) whose letters are the font's glyph codes.

Both are converted with `viparse` (legacy tables built from real government
documents, content detection that leaves Unicode and non-Vietnamese text alone;
installed on Python >= 3.11, which it needs: without it legacy text stays as is).
The converted text is what the record's evidence offsets refer to, and
`Decoded.conversion` says what was changed (None when the text is exactly as decoded).
"""
from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass


class InputError(ValueError):
    """An input file that cannot be turned into text (the message names the file and the problem)."""


@dataclass(frozen=True)
class Decoded:
    """The text of one input and how it was obtained."""

    text: str
    encoding: str | None
    sha256: str
    conversion: str | None = None
    """`tcvn3` | `vni` | `viscii` | `legacy` (several legacy encodings) | `nfc` (Windows-1258
    tone marks composed) | None (the text is exactly as decoded)."""
    format: str | None = None
    """The input's file type (`txt`, `md`, `html`, `docx`, `pdf`, `jsonl`); None for bare bytes."""


# --- legacy font text --------------------------------------------------------------------

_TONES = "\u0300\u0301\u0303\u0309\u0323"
VIETNAMESE_LETTERS = frozenset(
    {unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" for tone in ("", *_TONES)}
    | set("đĐ")
)

# Glyph codes of the TCVN3 and VNI fonts that are not themselves Vietnamese letters: in
# legacy-font text about one letter in ten is one of these; in Unicode text, text without
# diacritics and OCR output they are rare (at most 0.5% of letters over the dev corpus).
_LEGACY_SIGNALS = frozenset("¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþ\u2212\u2219")
_SIGNAL_RATE = 0.02
_SAMPLE = 20_000


def _looks_legacy(text: str) -> bool:
    """A cheap test run on every text: could it be in a legacy font? (viparse then decides)."""
    sample = text[:_SAMPLE]
    signals = sum(1 for c in sample if c in _LEGACY_SIGNALS)
    if not signals:
        return False
    letters = sum(1 for c in sample if c.isalpha() or c in _LEGACY_SIGNALS)
    return signals >= _SIGNAL_RATE * letters


def convert_legacy(text: str) -> tuple[str, str | None]:
    """Convert text typed in a TCVN3/VNI (or VISCII) font to Unicode; (text, encoding or None).

    Unicode text comes back unchanged (the very same string). Detection and conversion
    are viparse's, block by block, so a document that mixes Unicode and legacy
    paragraphs is converted where needed; it also tidies white space in converted text.
    Very short strings (a few words) are too little to detect and stay as they are.
    """
    viparse = _viparse() if _looks_legacy(text) else None
    if viparse is None:
        return text, None
    fixed = viparse.fix(text)
    if _letters(fixed) == _letters(unicodedata.normalize("NFC", text)):
        return text, None  # nothing but white space would change: keep the text as decoded
    detected = viparse.detect_text_encoding(text[:_SAMPLE])
    return fixed, detected if detected in ("tcvn3", "vni", "viscii") else "legacy"


def _viparse():
    """viparse, or None where it is not installed (it needs Python >= 3.11)."""
    try:
        import viparse
    except ImportError:
        return None
    return viparse


def _letters(text: str) -> str:
    return "".join(text.split())


# --- bytes -------------------------------------------------------------------------------

def decode_bytes(data: bytes, name: str = "<bytes>", *, convert: bool = True) -> Decoded:
    """Decode one input's bytes; raise InputError naming the input when they are not text.

    UTF-8 (BOM optional) and UTF-16 (BOM, or none when the zero bytes give it away) are
    decoded as they are; bytes that are not UTF-8 are tried as TCVN3, VNI and
    Windows-1258. With `convert`, Unicode text typed in a legacy font is converted too.
    """
    sha = hashlib.sha256(data).hexdigest()
    text, encoding, conversion = decode_raw(data, name)
    if convert and conversion is None:
        text, conversion = convert_legacy(text)
    return Decoded(text, encoding, sha, conversion)


def decode_raw(data: bytes, name: str) -> tuple[str, str, str | None]:
    """(text, encoding, conversion) of bytes, before any legacy-font check; InputError if not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[3:], name), "utf-8-sig", None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(data, "utf-16", name), "utf-16", None
    if b"\x00" in data[:4096]:
        bom_less = _utf16_without_bom(data)
        if bom_less is None:
            raise InputError(f"{name}: binary data, not text")
        return _utf16(data, bom_less, name), bom_less, None
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        legacy = _decode_legacy_bytes(data)
        if legacy is None:
            raise InputError(
                f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start}), and not UTF-16, "
                "TCVN3, VNI or Windows-1258 Vietnamese either") from exc
        return legacy


def _utf8(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def _utf16(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-16 ({exc.reason} at byte {exc.start})") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le`/`utf-16-be` when zero bytes sit on one side of most code units, else None."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    units = len(head) // 2
    if odd >= 0.3 * units and even <= 0.02 * units:
        return "utf-16-le"
    if even >= 0.3 * units and odd <= 0.02 * units:
        return "utf-16-be"
    return None


# Characters a Windows-1258 Vietnamese text may hold beyond ASCII and the Vietnamese letters.
_CP1258_PUNCTUATION = frozenset("“”‘’–—…•·°§×\xa0")


def _decode_legacy_bytes(data: bytes) -> tuple[str, str, str | None] | None:
    """Read non-UTF-8 bytes as TCVN3 or VNI (viparse decides) or Windows-1258; None if none fits."""
    viparse = _viparse()
    # every TCVN3/VNI glyph code is a Latin-1 character; quotes and dashes are Windows-1252's
    surface = data.decode("latin-1").translate(_CP1252_C1)
    detected = None
    if viparse is not None and len(surface) >= _MIN_DETECT_CHARS:
        detected = viparse.detect_text_encoding(surface[:_SAMPLE])
    if detected in ("tcvn3", "vni"):
        text = viparse.fix(surface, encoding=detected)
        if _reads_as_vietnamese(text):
            return text, detected, detected
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    return (text, "cp1258", "nfc") if _reads_as_vietnamese(text) else None


_MIN_DETECT_CHARS = 24
_CP1252_C1 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_WORD = re.compile(r"[^\W\d_]+")
_TONED = frozenset(c for c in VIETNAMESE_LETTERS if any(t in unicodedata.normalize("NFD", c) for t in _TONES))


def _reads_as_vietnamese(text: str) -> bool:
    """Whether a decoding of unknown bytes gave Vietnamese: its non-ASCII characters are
    Vietnamese letters or common punctuation, and no syllable carries two tone marks."""
    others = [c for c in text if ord(c) > 0x7F]
    strange = sum(1 for c in others if c not in VIETNAMESE_LETTERS and c not in _CP1258_PUNCTUATION)
    if strange > 0.02 * len(others):
        return False
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    double_toned = sum(1 for w in words if sum(c in _TONED for c in w) > 1)
    return double_toned <= 0.02 * len(words)
