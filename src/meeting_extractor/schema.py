"""The published JSON Schema: generated from the models, and the check every record passes."""
from __future__ import annotations

import json
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


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    path = published_schema_path()
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RecordValidationError(f"the published schema is missing: {path}") from exc
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_record(data: dict[str, Any]) -> None:
    """Raise RecordValidationError when `data` (a record as JSON) fails the published schema."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors[:10]]
        raise RecordValidationError("record fails the published schema (a bug, please report):\n" + "\n".join(lines))
