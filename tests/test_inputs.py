"""Every input format and encoding is read right; bad input gets a clear error or a valid record with a warning."""
from __future__ import annotations

import codecs

import pytest

from meeting_extractor import InputError, extract, extract_file
from meeting_extractor.reading import MAX_BYTES, decode_bytes, read_document

from conftest import assert_grounded, strip_diacritics, needs_legacy_fonts
from makers import cp1258_bytes, docx_bytes, html_page, legacy_bytes, legacy_font_text, pdf_bytes

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


# --- formats and encodings (fixtures made by tests/makers.py) -----------------------------

REPORT = ("Sáng 5/12/2019, tại Hà Nội, Bộ Khoa học và Công nghệ phối hợp với UBND thành phố Hà Nội "
          "tổ chức Hội nghị “Đổi mới sáng tạo trong doanh nghiệp” lần thứ hai.\n"
          "Tham dự Hội nghị có hơn 200 đại biểu đến từ 30 tỉnh, thành phố.\n"
          "Bộ trưởng Chu Ngọc Anh phát biểu khai mạc hội nghị.")


def _read(tmp_path, name: str, data: bytes):
    f = tmp_path / name
    f.write_bytes(data)
    decoded, _ = read_document(f)
    record = extract_file(f)
    assert_grounded(record, decoded.text)  # offsets refer to the text as converted
    assert record.source.chars == len(decoded.text)
    assert record.source.format == decoded.format
    assert record.source.conversion == decoded.conversion
    return decoded, record


@pytest.mark.parametrize("name,data,encoding", [
    ("plain.txt", REPORT.encode("utf-8"), "utf-8"),
    ("bom.txt", codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig"),
    ("bom16.txt", REPORT.encode("utf-16"), "utf-16"),
    ("le.txt", REPORT.encode("utf-16-le"), "utf-16-le"),
    ("be.txt", REPORT.encode("utf-16-be"), "utf-16-be"),
    ("notes.md", ("# Tin tức\n\n" + REPORT).encode("utf-8"), "utf-8"),
])
def test_unicode_inputs_are_read_exactly(tmp_path, name, data, encoding):
    decoded, record = _read(tmp_path, name, data)
    assert decoded.encoding == encoding and decoded.conversion is None
    assert decoded.text.endswith(REPORT)
    assert record.source.format == ("md" if name.endswith(".md") else "txt")
    assert record.event is not None and record.event.type == "hội nghị"


@needs_legacy_fonts
@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_font_files_are_detected_and_converted(tmp_path, encoding):
    raw = legacy_bytes(REPORT, encoding)
    assert raw.decode("cp1252") != REPORT  # really in the legacy encoding ("Héi nghÞ", "Hoäi nghò")
    decoded, record = _read(tmp_path, f"{encoding}.txt", raw)
    assert decoded.text == REPORT
    assert (record.source.encoding, record.source.conversion) == (encoding, encoding)
    assert record.event is not None and record.event.type == "hội nghị"


@needs_legacy_fonts
@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_font_text_saved_as_utf8_is_converted(tmp_path, encoding):
    decoded, record = _read(tmp_path, "copied.txt", legacy_font_text(REPORT, encoding).encode("utf-8"))
    assert decoded.text == REPORT
    assert (record.source.encoding, record.source.conversion) == ("utf-8", encoding)


@needs_legacy_fonts
def test_the_known_legacy_spellings_of_hoi_nghi():
    from meeting_extractor.decoding import convert_legacy

    assert legacy_font_text("Hội nghị", "tcvn3") == "Héi nghÞ"
    assert legacy_font_text("Hội nghị", "vni") == "Hoäi nghò"
    assert convert_legacy(legacy_font_text(REPORT, "tcvn3"))[0] == REPORT


def test_windows_1258_is_decoded_and_composed(tmp_path):
    raw = cp1258_bytes(REPORT)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    decoded, record = _read(tmp_path, "cp1258.txt", raw)
    assert decoded.text == REPORT
    assert (record.source.encoding, record.source.conversion) == ("cp1258", "nfc")


def test_unicode_text_is_never_converted():
    from meeting_extractor.decoding import convert_legacy

    for text in (REPORT, strip_diacritics(REPORT), "Ho1 nghi tai Tp. Pa Néng ngay 5/12, hon 200 dai biéu"):
        assert convert_legacy(text) == (text, None)


def test_web_page_gives_the_article_body_only(tmp_path):
    decoded, record = _read(tmp_path, "page.html", html_page(REPORT).encode("utf-8"))
    assert decoded.format == "html"
    assert "Bộ trưởng Chu Ngọc Anh phát biểu khai mạc" in decoded.text
    for junk in ("Trang chủ", "quảng cáo", "Tin đọc nhiều", "Bản quyền", "tracking", "color"):
        assert junk not in decoded.text
    assert record.event.type == "hội nghị"


def test_web_page_in_a_declared_legacy_charset(tmp_path):
    page = html_page(REPORT, charset="windows-1258")
    decoded, _ = _read(tmp_path, "old.htm", cp1258_bytes(page))
    assert REPORT.split("\n")[0] in decoded.text
    assert (decoded.encoding, decoded.conversion) == ("windows-1258", "nfc")


@needs_legacy_fonts
def test_web_page_typed_in_a_vni_font(tmp_path):
    decoded, _ = _read(tmp_path, "vni.html", html_page(legacy_font_text(REPORT, "vni")).encode("utf-8"))
    assert REPORT.split("\n")[1] in decoded.text
    assert decoded.conversion == "vni"


def test_word_file_paragraphs_and_tables(tmp_path):
    data = docx_bytes(REPORT.split("\n"), table=[["Thời gian", "Nội dung"], ["8h00", "Khai mạc"]])
    decoded, record = _read(tmp_path, "report.docx", data)
    assert decoded.format == "docx" and decoded.encoding is None
    assert decoded.text.split("\n")[:3] == [REPORT.split("\n")[0], "Thời gian\tNội dung", "8h00\tKhai mạc"]
    assert record.event.type == "hội nghị"


@needs_legacy_fonts
def test_word_file_in_a_tcvn3_font(tmp_path):
    data = docx_bytes([legacy_font_text(p, "tcvn3") for p in REPORT.split("\n")], font=".VnTime")
    decoded, _ = _read(tmp_path, "old.docx", data)
    assert decoded.text == REPORT and decoded.conversion == "tcvn3"


def test_pdf_text_layer(tmp_path):
    lines = REPORT.split("\n")
    decoded, record = _read(tmp_path, "report.pdf", pdf_bytes([lines[0], "\n".join(lines[1:])]))
    assert decoded.format == "pdf"
    for line in lines:
        assert line in decoded.text
    assert record.event.type == "hội nghị"


@pytest.mark.parametrize("name,data,message", [
    ("broken.docx", b"PK\x03\x04 this is not really a zip", "not a readable .docx"),
    ("notzip.docx", REPORT.encode("utf-8"), "not a readable .docx"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "not a readable PDF"),
    ("scan.pdf", pdf_bytes(["", ""]), "no text layer"),
    ("random.pdf", bytes(range(256)) * 8, "not a readable PDF"),
    ("latin.txt", "Ñandú über alles, ¿qué?".encode("latin-1") + b"\x81\x8d", "not UTF-8"),
])
def test_corrupt_inputs_are_clear_errors(tmp_path, name, data, message):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputError, match=message) as err:
        extract_file(f)
    assert name in str(err.value)


def test_empty_files_of_every_kind_give_a_record_or_a_clear_error(tmp_path):
    for name in ("empty.txt", "empty.md", "empty.html"):
        f = tmp_path / name
        f.write_bytes(b"")
        record = extract_file(f)
        assert [w.code for w in record.warnings] == ["empty_text"]
    for name in ("empty.docx", "empty.pdf"):
        f = tmp_path / name
        f.write_bytes(b"")
        with pytest.raises(InputError, match=name):
            extract_file(f)
