"""Shared test helpers."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def strip_diacritics(text: str) -> str:
    """What ../shared/tools/strip_diacritics.py does: drop every mark, đ -> d."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"))


def assert_grounded(record, text: str) -> None:
    """Every evidence span of the record is exactly the text at its offsets."""
    from meeting_extractor.schema import _spans

    for span in _spans(record.model_dump(mode="json")):
        assert text[span["start"]:span["end"]] == span["text"], span


@pytest.fixture
def root() -> Path:
    return ROOT


import importlib.util  # noqa: E402

needs_legacy_fonts = pytest.mark.skipif(
    importlib.util.find_spec("viparse") is None,
    reason="TCVN3/VNI conversion needs viparse, which needs Python >= 3.11")
