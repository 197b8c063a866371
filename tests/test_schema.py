"""The published schema is generated from the models and every record is checked against it."""
from __future__ import annotations

import json

import pytest

from meeting_extractor import extract
from meeting_extractor.schema import (
    RecordValidationError, check_grounding, generate_schema, published_schema_path, schema_text, validate_record,
)

from conftest import ROOT


def test_committed_schema_is_what_the_models_generate():
    committed = (ROOT / "schemas" / "meeting-record.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "schema drift: run `make schema` and commit the file"


def test_validation_uses_the_published_file():
    assert published_schema_path().read_text(encoding="utf-8") == schema_text()


def test_schema_is_draft_2020_12_and_describes_the_contract_keys():
    from jsonschema import Draft202012Validator

    schema = generate_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")
    for key in ("schema_version", "source", "event", "date_range", "venue", "organizers", "attendance", "people",
                "presentations", "legal_references", "discussion_topics", "conclusions", "warnings"):
        assert key in schema["properties"], key


def _record():
    text = "Sáng 5/12/2019, tại Hà Nội, Bộ Khoa học và Công nghệ đã tổ chức Hội nghị tổng kết năm."
    return extract(text).model_dump(mode="json"), text


def test_a_record_that_breaks_the_schema_is_refused_loudly():
    data, _ = _record()
    validate_record(data)
    data["attendance"] = {"total": {"value": -3, "qualifier": "roughly", "evidence": []}, "counts": []}
    with pytest.raises(RecordValidationError, match="attendance"):
        validate_record(data)


def test_unknown_keys_are_refused():
    data, _ = _record()
    data["surprise"] = 1
    with pytest.raises(RecordValidationError):
        validate_record(data)


def test_a_span_that_does_not_match_the_text_is_refused():
    data, text = _record()
    check_grounding(data, text)
    data["warnings"] = []
    data["venue"] = {"name": "Hà Nội", "province": "Hà Nội", "province_2025": None, "online": False,
                     "alignment": "exact", "evidence": [{"start": 0, "end": 3, "text": "Hà "}]}
    with pytest.raises(RecordValidationError, match="does not match"):
        check_grounding(data, text)


def test_cli_schema_prints_the_published_schema(capsys):
    from meeting_extractor.cli import main

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(schema_text())
