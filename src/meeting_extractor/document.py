"""The document as the field finders see it: original text, folded view, sentences."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import re

from .lexicon import phrase_pattern, read_tsv
from .models import RecordWarning, Span
from .textview import TextView

# Where a sentence may end, on the plain view (diacritics folded, so capitals are A-Z). Each
# match starts with the sentence's last character (or the blank line), which lets the regex
# engine skip ahead to the next candidate character instead of trying every position.
_PUNCTUATION_THEN_CAPITAL = r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z]|\d)"  # punctuation, space, capital or digit
_BLANK_LINE = r"\n\s*\n"
_SENTENCE_END = re.compile(
    rf"{_PUNCTUATION_THEN_CAPITAL}|{_BLANK_LINE}"
    r"|[.!?:\"')]\s*\n"  # line ending with punctuation
)
# OCR'd print: a single line break is where the print wrapped its line (paragraphs are set apart by a
# blank line), so a line that ends with ':', a quote or a bracket goes on ("... tiêu biểu:\n“Tên báo cáo”");
# one that ends with '.', '!' or '?' still ends its sentence.
_SENTENCE_END_OCR = re.compile(
    rf"{_PUNCTUATION_THEN_CAPITAL}|{_BLANK_LINE}"
    r"|[.!?][\"')]*\s*\n"
)
# Abbreviations that end with a dot but do not end a sentence ("Tp. Huế", "TS. Lan").
_ABBREVIATION_BEFORE = re.compile(
    r"(?:^|[^\w.])(?:tp|tt|ts|gs|pgs|ths|ts\.bs|bs|ks|cn|th\.s|p|q|tx|ng|st|mr|mrs|dr|no|tr|vd|v\.v)\.$", re.I)


LIST_ITEM_MARK = re.compile(r"[ \t]*(?:[•\-+*–]|\d{1,2}[.)]|[a-z][.)])[ \t]")
"""What opens a line of a list ("• ", "- ", "1. ", "a) ")."""

LIST_ITEM_MARK_OCR = re.compile(LIST_ITEM_MARK.pattern + r"|[ \t]*[\"~][ \t]")
"""The same on OCR'd print (folded view), where a round bullet may come out as "«" or "»" (folded to '"') or "~":
a line that opens with one and a space is a list item, not a quotation."""

FURNITURE_FROM = 30
"""A page-furniture line counts only after this share (%) of the text: earlier it is a quoted word."""


@lru_cache(maxsize=1)
def _page_furniture() -> "re.Pattern[str]":
    words = phrase_pattern(r["phrase"] for r in read_tsv("page_furniture.tsv")).pattern
    return re.compile(r"(?m)^[ \t*•>\-–]*" + words)


@dataclass(frozen=True)
class Mention:
    """Where something was found, in folded offsets."""

    start: int
    end: int


@dataclass
class Document:
    view: TextView
    reference_date: dt.date | None = None
    quality: str = "clean"
    main_event: Mention | None = None
    warnings: list[RecordWarning] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, *, quality: str | None = None, reference_date: dt.date | None = None) -> "Document":
        """The document for `text`: its quality detected (unless given) and its folded view built."""
        from .normalize import ocr_rewrites
        from .quality import detect_quality

        quality = quality or detect_quality(text)
        view = TextView(text, ocr_rewrites(quality))
        furniture = _page_furniture().search(view.folded, len(view.folded) * FURNITURE_FROM // 100)
        if furniture:  # "Xem thêm: ...", "Bình luận (2)": links and comments after the article
            view.hide_from(furniture.start())
        return cls(view=view, reference_date=reference_date, quality=quality)

    @property
    def text(self) -> str:
        return self.view.text

    @property
    def folded(self) -> str:
        return self.view.folded

    @property
    def plain(self) -> str:
        return self.view.plain

    def span(self, start: int, end: int) -> Span:
        return self.view.span(start, end)

    def original(self, start: int, end: int) -> str:
        return self.view.original(start, end)

    def warn(self, code: str, message: str) -> None:
        self.warnings.append(RecordWarning(code=code, message=message))

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence boundaries (folded offsets), trimmed of white space."""
        out: list[tuple[int, int]] = []
        start = 0
        plain = self.plain
        for m in (_SENTENCE_END_OCR if self.quality == "ocr_noisy" else _SENTENCE_END).finditer(plain):
            end = m.start() if plain[m.start()] == "\n" else m.start() + 1  # after the punctuation
            if (m.group().count("\n") < 2 and plain[end - 1] == "."  # (a blank line always ends one)
                    and _ABBREVIATION_BEFORE.search(plain, max(0, end - 8), end)):
                continue  # "Tp. Huế", also at the end of a printed line ("TP.\nĐồng Hới")
            out.append((start, end))
            start = m.end()
        out.append((start, len(plain)))
        trimmed = []
        for s, e in out:
            while s < e and plain[s].isspace():
                s += 1
            while e > s and plain[e - 1].isspace():
                e -= 1
            if e > s:
                trimmed.append((s, e))
        return trimmed

    def sentence_at(self, pos: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= pos < e:
                return s, e
        return pos, pos
