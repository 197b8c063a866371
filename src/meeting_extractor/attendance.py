"""The number of attendees and other counts."""
from __future__ import annotations

from .document import Document
from .models import Attendance


def extract_attendance(doc: Document) -> Attendance:
    return Attendance()
