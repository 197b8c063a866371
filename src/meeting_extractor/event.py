"""Event type, title and edition, and where the main event is reported."""
from __future__ import annotations

from .document import Document, Mention
from .models import Event


def extract_event(doc: Document) -> tuple[Event | None, Mention | None]:
    return None, None
