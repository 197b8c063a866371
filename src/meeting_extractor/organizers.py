"""Organisations that organised, co-organised, hosted or sponsored the event."""
from __future__ import annotations

from .document import Document
from .models import Organizer


def extract_organizers(doc: Document) -> list[Organizer]:
    return []
