"""Reading input files: path -> text, with clear errors for what cannot be read.

The file's type decides how its text is found (`formats`), its bytes how they are
decoded and whether a legacy Vietnamese encoding is converted (`decoding`).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .decoding import Decoded, InputError, decode_bytes
from .formats import format_of, read_bytes_as
from .models import MeetingRecord, Source

__all__ = ["MAX_BYTES", "Decoded", "InputError", "decode_bytes", "extract_file", "read_document",
           "read_path", "source_for"]

MAX_BYTES = 20 * 1024 * 1024
"""Inputs larger than this are refused: no meeting report is that long."""


def read_path(path: str | Path) -> bytes:
    """The bytes of one input file; InputError naming the file when it cannot be read."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{p}: {size} bytes, larger than the {MAX_BYTES}-byte limit for one report")
        return p.read_bytes()
    except InputError:
        raise
    except IsADirectoryError as exc:
        raise InputError(f"{p}: is a folder, not a file") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from exc


def read_document(path: str | Path) -> tuple[Decoded, Path]:
    """Read one input file and find its text (by its suffix); raises InputError naming the file."""
    p = Path(path)
    data = read_path(p)
    return read_bytes_as(data, format_of(p.name), str(p)), p


def source_for(decoded: Decoded, path: str | None) -> Source:
    """The record's `source` for decoded text (quality and length are decided by `extract`)."""
    return Source(path=path, sha256=decoded.sha256, chars=len(decoded.text), quality="clean",
                  encoding=decoded.encoding, format=decoded.format, conversion=decoded.conversion)


def extract_file(path: str | Path, *, reference_date: dt.date | str | None = None) -> MeetingRecord:
    """Read one report and extract its record (the source says where it came from and how it was read)."""
    from .pipeline import extract

    decoded, _ = read_document(path)
    return extract(decoded.text, source=source_for(decoded, str(path)), reference_date=reference_date)
