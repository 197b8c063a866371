"""Legal references: find, normalise, resolve short forms (after eyecite)."""
from __future__ import annotations

from .document import Document
from .models import LegalReference


def extract_legal_references(doc: Document) -> list[LegalReference]:
    return []
