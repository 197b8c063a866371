"""The meeting record: the single source of truth for the output shape.

The published JSON Schema (`schemas/meeting-record.schema.json`) is generated
from these models (`meeting-extractor schema`); every record the library returns
or writes is validated against that file. The keys follow the record contract;
keys may be added, never renamed.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Quality = Literal["clean", "no_diacritics", "ocr_noisy"]
Qualifier = Literal["exact", "more_than", "about", "at_least", "up_to"]
Role = Literal[
    "chair", "opening_speech", "speech", "presenter", "attendee",
    "conclusion", "moderator", "guest", "awardee", "signatory",
]
OrganizerRole = Literal["organizer", "co_organizer", "host", "sponsor"]
Alignment = Literal["exact", "canonical", "repaired", "as_printed"]
"""How a text value relates to its evidence.

- ``exact``: the value is the evidence text as written (white space folded).
- ``canonical``: the value comes from a lexicon or gazetteer (diacritics restored,
  short forms expanded or normalised); the words as printed are in the evidence.
- ``repaired``: OCR'd words read through the OCR repair ("chirc" -> "chuc", "qudc" ->
  "quoc"): misreadings undone, diacritics not restored.
- ``as_printed``: free text that could not be restored; kept as printed with
  line-break hyphens and page-join junk removed.
"""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A piece of the source text: ``text == document[start:end]`` (code points)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


Evidence = list[Span]
_EVIDENCE = Field(min_length=1, description="Where the value was read; at least one span.")


class Source(_Model):
    """What the record was made from."""

    path: str | None = Field(None, description="The input path, or None for text passed directly.")
    sha256: str | None = Field(None, description="Hex SHA-256 of the input bytes (of the UTF-8 text when given text).")
    chars: int = Field(ge=0, description="Length of the decoded document text in code points.")
    quality: Quality = Field(description="Text quality decided from the text itself.")
    encoding: str | None = Field(None, description="How the input bytes were decoded, when read from a file.")
    format: Literal["txt", "md", "html", "docx", "pdf", "jsonl"] | None = Field(
        None, description="The input's file type: its text is the decoded file (txt, md), the article body of a web page "
                          "(html), the paragraphs and tables of a Word file (docx), the text layer of a PDF, or one "
                          "JSON Lines item's text (jsonl); None for text passed directly.")
    conversion: Literal["tcvn3", "vni", "viscii", "legacy", "nfc"] | None = Field(
        None, description="What was changed after decoding, before extraction: text in a legacy Vietnamese font "
                          "(tcvn3, vni, viscii; legacy when several are mixed) converted to Unicode, or nfc for "
                          "Windows-1258 tone marks composed. Evidence offsets refer to the converted text. None when "
                          "the text is exactly as decoded.")


class Event(_Model):
    type: str | None = Field(None, description="The event noun, lower case, canonical spelling (hội nghị, lễ ký kết...).")
    title: str | None = Field(None, description="The event's own name without the event noun, quotes or edition; None when unnamed.")
    edition: int | None = Field(None, description="The edition number (lần thứ N, thứ V...); None when not stated.")
    alignment: Alignment = "exact"
    evidence: Evidence = _EVIDENCE


class DateRange(_Model):
    start: str = Field(pattern=r"^(\d{4}|-)-\d{2}-\d{2}$", description="ISO date, or --MM-DD when the year is unknown.")
    end: str = Field(pattern=r"^(\d{4}|-)-\d{2}-\d{2}$", description="ISO date; equals start for a one-day event.")
    year_source: Literal["text", "context", "reference_date", "unknown"] = Field(
        "text", description="Where the year came from: the date phrase, elsewhere in the text, the caller's reference date, or nowhere.")
    evidence: Evidence = _EVIDENCE


class Venue(_Model):
    name: str | None = Field(None, description="The place phrase as written after 'tại'; None when only the province is known.")
    province: str | None = Field(None, description="Canonical province or centrally-run city (pre-2025 units), None if unknown.")
    province_2025: str | None = Field(None, description="The post-2025 (34-unit) province the place lies in, when known.")
    online: bool = Field(False, description="The event was held online (trực tuyến).")
    alignment: Alignment = "exact"
    evidence: Evidence = _EVIDENCE


class Organizer(_Model):
    name: str
    role: OrganizerRole
    alignment: Alignment = "exact"
    evidence: Evidence = _EVIDENCE


class Total(_Model):
    value: int = Field(ge=0)
    qualifier: Qualifier
    unit: str | None = Field(None, description="The noun counted (đại biểu, người, cán bộ...).")
    evidence: Evidence = _EVIDENCE


class Count(_Model):
    value: int = Field(ge=0)
    unit: str = Field(description="What is counted (tỉnh/thành phố, doanh nghiệp, quốc gia...).")
    evidence: Evidence = _EVIDENCE


class Attendance(_Model):
    total: Total | None = Field(None, description="The number of people attending; None when not stated.")
    counts: list[Count] = Field(default_factory=list, description="Other counts: provinces, businesses, countries...")


class Person(_Model):
    name: str = Field(description="The bare name, honorific and position separate.")
    honorific: str | None = Field(None, description="Degree, rank or form of address (TS, PGS.TS, GS, ThS, ông, bà, đồng chí).")
    position: str | None = Field(None, description="The office as written (Cục trưởng Cục ...).")
    position_alignment: Alignment | None = Field(
        None, description="How position relates to the printed words: exact (clean text), canonical (read from text "
                          "without diacritics or OCR'd, every word restored from the lexicons), repaired (OCR'd words "
                          "read through the OCR repair, not restored) or as_printed (kept as printed, line-break "
                          "hyphens joined); None when there is no position. `alignment` is the name's.")
    roles: list[Role] = Field(default_factory=list)
    alignment: Alignment = "exact"
    evidence: Evidence = _EVIDENCE


class Presentation(_Model):
    title: str
    presenter: str | None = None
    alignment: Alignment = "exact"
    evidence: Evidence = _EVIDENCE


class Presentations(_Model):
    count: int | None = Field(None, description="The number of presentations stated; None when not stated.")
    items: list[Presentation] = Field(default_factory=list)
    evidence: Evidence = Field(default_factory=list, description="Where the count was read.")


class LegalReference(_Model):
    doc_type: str = Field(description="Nghị định, Thông tư, Thông tư liên tịch, Quyết định, Luật...")
    number: str | None = Field(None, description="Symbol normalised to N/YYYY/CODE with Đ (11/2014/NĐ-CP).")
    name: str | None = Field(None, description="Short name of a law or document cited by name (KH&CN, Đất đai).")
    year: int | None = None
    issuer: list[str] = Field(default_factory=list, description="Issuing bodies decoded from the symbol.")
    citation: str = Field(description="Canonical citation (Nghị định 11/2014/NĐ-CP).")
    evidence: Evidence = _EVIDENCE


class Statement(_Model):
    """One discussion topic or conclusion, a clause as written."""

    text: str
    alignment: Alignment = "exact"
    evidence: Evidence = _EVIDENCE


class RecordWarning(_Model):
    code: str = Field(description="Stable machine-readable code (empty_text, not_a_meeting_report...).")
    message: str


class MeetingRecord(_Model):
    """One meeting report, extracted."""

    model_config = ConfigDict(extra="forbid", title="MeetingRecord")

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    extractor_version: str
    source: Source
    event: Event | None = None
    date_range: DateRange | None = None
    venue: Venue | None = None
    organizers: list[Organizer] = Field(default_factory=list, description="Who organised, co-organised or hosted the event.")
    sponsors: list[Organizer] = Field(default_factory=list, description="Who sponsored it (dưới sự tài trợ của ...), role 'sponsor'.")
    attendance: Attendance = Field(default_factory=Attendance)
    people: list[Person] = Field(default_factory=list)
    presentations: Presentations = Field(default_factory=Presentations)
    legal_references: list[LegalReference] = Field(default_factory=list)
    discussion_topics: list[Statement] = Field(default_factory=list)
    conclusions: list[Statement] = Field(default_factory=list)
    warnings: list[RecordWarning] = Field(default_factory=list)
