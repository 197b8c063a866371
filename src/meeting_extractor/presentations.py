"""The number of presentations and their titles."""
from __future__ import annotations

from .document import Document
from .models import Presentations


def extract_presentations(doc: Document) -> Presentations:
    return Presentations()
