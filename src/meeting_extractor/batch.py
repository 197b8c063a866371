"""Batch conversion: many inputs to one JSON record each, one bad file never stopping the rest."""
from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

from . import __version__
from .reading import InputError, extract_file

INPUT_SUFFIXES = (".txt",)
REPORT_NAME = "_report.json"


@dataclass
class FileError:
    path: str
    reason: str


@dataclass
class ConversionReport:
    extractor_version: str = __version__
    inputs: int = 0
    converted: int = 0
    failed: int = 0
    errors: list[FileError] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def to_json(self) -> dict:
        return asdict(self)


def find_inputs(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, Path]], list[FileError]]:
    """(input, output path relative to the out folder) for every file; folders are searched recursively."""
    found: list[tuple[Path, Path]] = []
    errors: list[FileError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in INPUT_SUFFIXES):
                found.append((f, f.relative_to(p).with_suffix(".json")))
        elif p.is_file():
            found.append((p, Path(p.stem + ".json")))
        else:
            errors.append(FileError(str(p), "no such file or folder"))
    return found, errors


def write_atomically(path: Path, content: str) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def record_json(record) -> str:
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def convert(
    inputs: Iterable[str | Path] | str | Path,
    out_dir: str | Path,
    *,
    reference_date: dt.date | str | None = None,
) -> ConversionReport:
    """Convert files and folders (`*.txt` found recursively) to `out_dir/<stem>.json`.

    Never raises for a bad input: it becomes an entry in `report.errors`. A run
    report is written to `out_dir/_report.json`.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    started = time.perf_counter()
    out = Path(out_dir)
    pairs, errors = find_inputs(inputs)
    report = ConversionReport(inputs=len(pairs) + len(errors), errors=errors)
    taken: dict[Path, Path] = {}
    for src, rel in pairs:
        if rel in taken:
            report.errors.append(FileError(str(src), f"same output name as {taken[rel]}: {rel}"))
            continue
        taken[rel] = src
        try:
            record = extract_file(src, reference_date=reference_date)
        except InputError as exc:
            report.errors.append(FileError(str(src), str(exc)))
            continue
        except Exception as exc:  # one bad file never stops the batch
            report.errors.append(FileError(str(src), f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        write_atomically(out / rel, record_json(record))
        report.outputs.append(str(out / rel))
    report.failed = len(report.errors)
    report.converted = len(report.outputs)
    report.seconds = round(time.perf_counter() - started, 3)
    write_atomically(out / REPORT_NAME, json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    return report
