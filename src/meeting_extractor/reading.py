"""Reading input files: bytes -> text, with clear errors for what cannot be read."""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .models import MeetingRecord, Source

MAX_BYTES = 20 * 1024 * 1024
"""Inputs larger than this are refused: no meeting report is that long."""


class InputError(ValueError):
    """An input file that cannot be turned into text (the message names the file and the problem)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    sha256: str


def decode_bytes(data: bytes, name: str = "<bytes>") -> Decoded:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16; refuse binary data."""
    sha = hashlib.sha256(data).hexdigest()
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_utf8(data[3:], name), "utf-8-sig", sha)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16", sha)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-16 ({exc.reason} at byte {exc.start})") from exc
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: binary data, not text")
    return Decoded(_utf8(data, name), "utf-8", sha)


def _utf8(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def read_document(path: str | Path) -> tuple[Decoded, Path]:
    """Read and decode one input file; raises InputError naming the file."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{p}: {size} bytes, larger than the {MAX_BYTES}-byte limit for one report")
        data = p.read_bytes()
    except InputError:
        raise
    except IsADirectoryError as exc:
        raise InputError(f"{p}: is a folder, not a file") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from exc
    return decode_bytes(data, str(p)), p


def extract_file(path: str | Path, *, reference_date: dt.date | str | None = None) -> MeetingRecord:
    """Read one report and extract its record (the source says where it came from)."""
    from .pipeline import extract

    decoded, p = read_document(path)
    source = Source(path=str(path), sha256=decoded.sha256, chars=len(decoded.text),
                    quality="clean", encoding=decoded.encoding)
    return extract(decoded.text, source=source, reference_date=reference_date)
