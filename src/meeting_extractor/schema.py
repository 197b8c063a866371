"""The published JSON Schema: generated from the models, and the check every record passes."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

SCHEMA_ID = "https://example.org/meeting-extractor/meeting-record.schema.json"
SCHEMA_FILE = "meeting-record.schema.json"


class RecordValidationError(RuntimeError):
    """A record does not satisfy the published schema: always a bug in the extractor."""


def generate_schema() -> dict[str, Any]:
    """The schema as the models describe it (what `meeting-extractor schema` prints)."""
    from .models import MeetingRecord

    schema = MeetingRecord.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    return json.dumps(generate_schema(), ensure_ascii=False, indent=2) + "\n"


def published_schema_path() -> Path:
    """The published file: shipped in the wheel, or `schemas/` of a source checkout."""
    shipped = files("meeting_extractor") / "schemas" / SCHEMA_FILE
    if shipped.is_file():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "schemas" / SCHEMA_FILE


def _load_published() -> dict[str, Any]:
    path = published_schema_path()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RecordValidationError(f"the published schema is missing: {path}") from exc


@lru_cache(maxsize=1)
def reference_validator():
    """The reference validator: the `jsonschema` library, Draft 2020-12, on the published file."""
    from jsonschema import Draft202012Validator

    schema = _load_published()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@lru_cache(maxsize=1)
def _fast_validator():
    """jsonschema-rs on the same published file: the same verdicts, ~500x faster per record."""
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(_load_published())


VALIDATOR_ENV = "MEETING_EXTRACTOR_VALIDATOR"


def validate_record(data: dict[str, Any]) -> None:
    """Raise RecordValidationError when `data` (a record as JSON) fails the published schema.

    Every record is checked with jsonschema-rs (Draft 2020-12); set
    MEETING_EXTRACTOR_VALIDATOR=jsonschema to use the pure-Python `jsonschema`
    library instead (about 9 ms a record). Either way, a failure is described with
    the `jsonschema` library's messages.
    """
    if os.environ.get(VALIDATOR_ENV) != "jsonschema" and _fast_validator().is_valid(data):
        return
    errors = sorted(reference_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors[:10]]
        raise RecordValidationError("record fails the published schema (a bug, please report):\n" + "\n".join(lines))
    if os.environ.get(VALIDATOR_ENV) != "jsonschema":
        raise RecordValidationError("jsonschema-rs refused a record that jsonschema accepts (a bug, please report)")


def _spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every evidence span (a dict of exactly start, end and text) anywhere in the record."""
    found: list[dict[str, Any]] = []
    stack: list[Any] = [record]
    while stack:
        node = stack.pop()
        if type(node) is dict:
            if len(node) == 3 and "text" in node and "start" in node and "end" in node:
                found.append(node)
            else:
                stack.extend(v for v in node.values() if type(v) is dict or type(v) is list)
        else:
            stack.extend(v for v in node if type(v) is dict or type(v) is list)
    return found


def check_grounding(data: dict[str, Any], text: str) -> None:
    """Raise RecordValidationError unless every evidence span is exactly `text[start:end]`."""
    for span in _spans(data):
        s, e = span["start"], span["end"]
        if not (0 <= s <= e <= len(text)) or text[s:e] != span["text"]:
            raise RecordValidationError(
                f"evidence span {s}:{e} {span['text']!r} does not match the text there "
                f"({text[s:e] if 0 <= s <= e <= len(text) else '<out of range>'!r}) (a bug, please report)")
