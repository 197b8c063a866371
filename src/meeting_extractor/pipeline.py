"""The extraction pipeline, top to bottom: text -> folded view -> fields -> record -> validation."""
from __future__ import annotations

import datetime as dt
import hashlib
import os

from . import __version__
from .attendance import extract_attendance
from .dates import extract_date_range
from .discussion import extract_discussion
from .document import Document
from .event import extract_event
from .legal import extract_legal_references
from .models import MeetingRecord, Source
from .organizers import extract_organizers
from .people import extract_people
from .presentations import extract_presentations
from .schema import check_grounding, validate_record
from .venue import extract_venue


def extract(
    text: str,
    *,
    source: Source | str | os.PathLike[str] | None = None,
    reference_date: dt.date | str | None = None,
) -> MeetingRecord:
    """Extract the meeting record from the text of one report.

    `reference_date` (a publication date, say) supplies the year when the text
    never states it. `source` is where the text came from: a path, or a `Source`
    (its quality and length are always decided from the text itself).
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes the text as str, not {type(text).__name__}")
    if isinstance(reference_date, str):
        reference_date = dt.date.fromisoformat(reference_date)
    doc = Document.from_text(text, reference_date=reference_date)
    quality = doc.quality
    if not text.strip():
        doc.warn("empty_text", "the document has no text")

    event, doc.main_event = extract_event(doc)
    if event is None and text.strip():
        doc.warn("not_a_meeting_report", "no meeting, conference or similar event was found in the text")
    date_range = extract_date_range(doc)
    organizers, sponsors = extract_organizers(doc)
    venue = extract_venue(doc, organizers)
    attendance = extract_attendance(doc, event.edition if event else None)
    people = extract_people(doc)
    presentations = extract_presentations(doc)
    legal_references = extract_legal_references(doc)
    discussion_topics, conclusions = extract_discussion(doc)

    if isinstance(source, Source):
        source = source.model_copy(update={"quality": quality, "chars": len(text)})
    else:
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        source = Source(path=None if source is None else str(source), sha256=sha, chars=len(text), quality=quality)
    record = MeetingRecord(
        extractor_version=__version__,
        source=source,
        event=event,
        date_range=date_range,
        venue=venue,
        organizers=organizers,
        sponsors=sponsors,
        attendance=attendance,
        people=people,
        presentations=presentations,
        legal_references=legal_references,
        discussion_topics=discussion_topics,
        conclusions=conclusions,
        warnings=doc.warnings,
    )
    data = record.model_dump(mode="json")
    validate_record(data)
    check_grounding(data, text)
    return record
