"""Discussion topics and conclusions, split into clauses."""
from __future__ import annotations

from .document import Document
from .models import Statement


def extract_discussion(doc: Document) -> tuple[list[Statement], list[Statement]]:
    return [], []
