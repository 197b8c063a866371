"""The venue phrase and its province."""
from __future__ import annotations

from .document import Document
from .models import Venue


def extract_venue(doc: Document) -> Venue | None:
    return None
