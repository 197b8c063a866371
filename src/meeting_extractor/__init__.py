"""meeting-extractor: Vietnamese meeting reports to validated, source-grounded JSON records.

    >>> from meeting_extractor import extract
    >>> record = extract("Sáng 5/12/2019, tại Hà Nội, Bộ KH&CN tổ chức Hội nghị ...")

Names are imported on first use, so `import meeting_extractor` stays cheap.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "pipeline",
    "extract_file": "reading",
    "preload": "preload",
    "read_document": "reading",
    "convert": "batch",
    "convert_dask": "batch",
    "ConversionReport": "batch",
    "MeetingRecord": "models",
    "Source": "models",
    "RecordValidationError": "schema",
    "InputError": "reading",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover
    from .batch import ConversionReport, convert, convert_dask
    from .models import MeetingRecord, Source
    from .pipeline import extract
    from .preload import preload
    from .reading import InputError, extract_file, read_document
    from .schema import RecordValidationError


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'meeting_extractor' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
