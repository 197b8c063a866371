"""Date ranges of the main event."""
from __future__ import annotations

from .document import Document
from .models import DateRange


def extract_date_range(doc: Document) -> DateRange | None:
    return None
