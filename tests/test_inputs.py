"""Bad input gets a clear error or a valid record with a warning."""
from __future__ import annotations

import codecs

import pytest

from meeting_extractor import InputError, extract, extract_file
from meeting_extractor.reading import MAX_BYTES, decode_bytes

from conftest import assert_grounded

TEXT = "Ngày 12/3/2021, tại Đà Nẵng, Sở KH&CN thành phố Đà Nẵng tổ chức Hội thảo về chuyển đổi số."


def test_empty_text_gives_a_valid_record_with_a_warning():
    record = extract("")
    assert [w.code for w in record.warnings] == ["empty_text"]
    assert record.event is None and record.people == []


def test_text_that_is_not_a_meeting_report_is_flagged():
    record = extract("Giá lúa tuần này tăng nhẹ ở các tỉnh miền Tây do nhu cầu xuất khẩu cao.")
    assert "not_a_meeting_report" in [w.code for w in record.warnings]


def test_extract_refuses_bytes():
    with pytest.raises(TypeError):
        extract(TEXT.encode("utf-8"))


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b"")])
def test_utf8_with_and_without_bom_and_utf16_decode_to_the_same_text(tmp_path, encoding, prefix):
    f = tmp_path / "r.txt"
    f.write_bytes(prefix + TEXT.encode(encoding))
    record = extract_file(f)
    assert record.source.chars == len(TEXT)
    assert_grounded(record, TEXT)


def test_binary_file_is_a_clear_error(tmp_path):
    f = tmp_path / "img.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="img.txt: binary"):
        extract_file(f)


def test_wrong_encoding_is_a_clear_error():
    with pytest.raises(InputError, match="not UTF-8"):
        decode_bytes("Hội nghị".encode("utf-8")[:-1] + b"\xff", "x.txt")


def test_huge_file_is_refused_without_reading_it(tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="larger than"):
        extract_file(f)


def test_unreadable_and_missing_paths(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        extract_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        extract_file(tmp_path)
