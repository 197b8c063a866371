"""The bundled examples (`make demo`): the scanned copy of a report gives the record of its clean text."""
from __future__ import annotations

from pathlib import Path

from meeting_extractor import extract_file
from meeting_extractor.textview import fold

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_the_scanned_report_gives_the_clean_reports_record():
    clean = extract_file(EXAMPLES / "hoi-nghi-thong-tin-khcn.txt")
    scanned = extract_file(EXAMPLES / "scanned" / "hoi-nghi-thong-tin-khcn-ocr.txt")
    assert scanned.source.quality == "ocr_noisy"
    for record in (clean, scanned):
        assert record.event.type == "hội nghị" and record.event.edition == 2
        assert (record.date_range.start, record.date_range.end) == ("2023-11-30", "2023-12-01")
        assert record.venue.province == "Bình Định"
        assert record.attendance.total.value == 170  # not the first edition's 90
    assert [o.name for o in scanned.organizers] == [o.name for o in clean.organizers] == [
        "Cục Thông tin KH&CN quốc gia", "Sở KH&CN tỉnh Bình Định"]
    assert [(fold(p.name), p.roles) for p in scanned.people] == [(fold(p.name), p.roles) for p in clean.people]
    assert fold(scanned.event.title) == fold(clean.event.title)
