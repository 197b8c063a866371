"""restore.restore_diacritics and what it gives a person's position and an organiser's name.

Short examples written for these tests; the fixtures are our own (tests/fixtures/README.md).
"""
from __future__ import annotations

import pytest

from meeting_extractor import extract
from meeting_extractor.document import Document
from meeting_extractor.organizers import restore_diacritics as organizers_restore
from meeting_extractor.people import extract_people
from meeting_extractor.restore import _PIECE, _lexicon, _pieces, restore_diacritics

from conftest import strip_diacritics
from gold import fold
from test_fixtures_gold import records


@pytest.mark.parametrize("spelt", [
    "Phó Giám đốc Sở KH&CN tỉnh Bình Định",
    "Cục trưởng Cục Thông tin KH&CN quốc gia",
    "Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn",
    "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh Lâm Đồng",
    "Phó Chủ tịch Thường trực UBND thành phố Hải Phòng",
    "Hiệu trưởng Trường Đại học Y - Dược, Đại học Huế",
    "Trưởng phòng Kế hoạch - Tài chính",
    "Chánh Văn phòng Bộ Y tế",
    "Bí thư Tỉnh ủy Quảng Nam",
    "Viện trưởng Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
    "Phó Trưởng khoa Môi trường",
    "Đại sứ Cộng hòa Pháp tại Việt Nam",
    "Chủ tịch UBND TP. Hồ Chí Minh",
    "Phó Chủ tịch UBND tỉnh Bà Rịa – Vũng Tàu",       # the en dash as printed
    "Cục trưởng-Chánh Văn phòng",                     # a hyphen between two offices
    "Thành viên Hội đồng quản trị (Tổng công ty Điện lực miền Bắc)",
    "Chỉ huy trưởng Ban Chỉ huy Quân sự huyện",       # the armed forces' local commands
    "Phó Chủ nhiệm Ủy ban Đối ngoại",
    "Trưởng khoa Hồi sức tích cực, Bệnh viện Nhi",    # hospital departments
    "Giám đốc Bệnh viện Phục hồi chức năng",
    "Bí thư Chi bộ, Trưởng ban nội dung",
    "Phó Viện trưởng Viện Nghiên cứu Biển và Hải đảo",
    "giảng viên chính, nghiên cứu sinh",
])
def test_a_position_whose_every_word_is_known_is_restored(spelt):
    assert restore_diacritics(strip_diacritics(spelt)) == spelt


@pytest.mark.parametrize("printed, restored", [
    # a phrase two bodies share is restored only inside one that tells which: customs (Hải quan) or
    # the navy (Hải quân); a district's Quận ủy or the army's Quân ủy Trung ương
    ("Cuc truong Cuc Hai quan tinh Lang Son", "Cục trưởng Cục Hải quan tỉnh Lạng Sơn"),
    ("Chinh uy Bo Tu lenh Hai quan", "Chính ủy Bộ Tư lệnh Hải quân"),
    ("can bo Hai quan", None),
    ("Uy vien Quan uy Trung uong", "Ủy viên Quân ủy Trung ương"),
    ("Bi thu Quan uy Hai Chau", "Bí thư Quận ủy Hải Châu"),
    # "Thi truong": market (thị trường), mayor (Thị trưởng), or an OCR'd "Thứ trưởng"
    ("Thi truong Bo Cong Thuong", None),
    ("Chi cuc truong Chi cuc Quan ly thi truong", "Chi cục trưởng Chi cục Quản lý thị trường"),
    ("Thi truong thanh pho Hue", "Thị trưởng thành phố Huế"),
    # an academy when capitalised, a student in lower case
    ("Giam doc Hoc vien Chinh tri", "Giám đốc Học viện Chính trị"),
    ("hoc vien cao cap", "học viên cao cấp"),
    # a place's name printed partly in lower case (a capital Đ printed as d, b or p) is spelt as the
    # gazetteer does; in lower case throughout it may be the common words it is made of
    ("Giam doc So Y te tinh dong Nai", "Giám đốc Sở Y tế tỉnh Đồng Nai"),
    ("UBND huyen Chau phu", "UBND huyện Châu Phú"),
    ("Quy hoa binh", "Quỹ hòa bình"),
    # no lexicon lists communes: xã Hòa Thạnh folds like thị xã Hòa Thành
    ("Chu tich UBND xa Hoa Thanh", None),
    ("Chu tich UBND thi xa Hoa Thanh", "Chủ tịch UBND thị xã Hòa Thành"),
    ("Bi thu Dang uy xa, Chu tich UBND huyen Chau Phu", "Bí thư Đảng ủy xã, Chủ tịch UBND huyện Châu Phú"),
    # districts: huyện Phù Ninh (Phú Thọ) and huyện Phú Ninh (Quảng Nam) fold alike; huyện Phù Mỹ and
    # thành phố Phú Mỹ are told apart by their kind, and so are the province Phú Yên and huyện Phù Yên,
    # the organisations' "Đo lường" and huyện Đô Lương
    ("Chu tich UBND huyen Phu Ninh", None),
    ("Chu tich UBND huyen Phu My", "Chủ tịch UBND huyện Phù Mỹ"),
    ("Chu tich UBND thanh pho Phu My", "Chủ tịch UBND thành phố Phú Mỹ"),
    ("Chu tich UBND Phu My", None),
    ("UBND tinh Phu Yen", "UBND tỉnh Phú Yên"),
    ("UBND huyen Phu Yen", "UBND huyện Phù Yên"),
    ("Tong cuc Tieu chuan Do luong Chat luong", "Tổng cục Tiêu chuẩn Đo lường Chất lượng"),
    ("Bi thu Huyen uy, Chu tich UBND huyen Do Luong", "Bí thư Huyện ủy, Chủ tịch UBND huyện Đô Lương"),
])
def test_words_the_lexicons_spell_two_ways_are_told_apart_or_left_as_printed(printed, restored):
    assert restore_diacritics(printed) == restored


@pytest.mark.parametrize("spelt", [
    "Chủ tịch UBND huyện Châu Phú",
    "Bí thư Huyện ủy Mường Khương",
    "Phòng Giáo dục và Đào tạo thị xã Hoài Nhơn",
    "Trung tâm Y tế huyện Krông Pắc",
])
def test_a_district_name_is_spelt_from_the_district_list(spelt):
    assert restore_diacritics(strip_diacritics(spelt)) == spelt


@pytest.mark.parametrize("printed", [
    "Truong nhom bien soan tu dien",        # "biên soạn", "từ điển": in no lexicon
    "Giam doc Cong ty TNHH Hoa Sen Vang",   # a company's own name
    "Chu tich Hoi Nong nghiep so",          # lower-case "so": số or sở? not guessed
    "Pho Giam doc S&@ tinh Nghe An",        # OCR junk
    "Chu tich UBND tinh Nghe An c6 mat",    # a word with a digit in it
])
def test_one_unknown_word_leaves_the_value_unrestored(printed):
    assert restore_diacritics(printed) is None


def test_letter_case_follows_the_print_but_not_ocr_misreadings():
    assert restore_diacritics("Pho chu tich Hiep hoi") == "Phó chủ tịch Hiệp hội"
    assert restore_diacritics("PHO GIAM DOC SO Y TE") == "PHÓ GIÁM ĐỐC SỞ Y TẾ"
    assert restore_diacritics("Thu truong BO Y te") == "Thứ trưởng Bộ Y tế"       # "BO": a misread "Bộ"
    assert restore_diacritics("Dai su COng hoa Phap") == "Đại sứ Cộng hòa Pháp"  # mixed case: misread


def test_a_word_spelt_two_ways_is_told_by_its_case():
    assert restore_diacritics("Quoc hoi khoa XV") == "Quốc hội khóa XV"
    assert restore_diacritics("giang vien Khoa Luat") == "giảng viên Khoa Luật"
    assert restore_diacritics("So Y te tinh Ca Mau") == "Sở Y tế tỉnh Cà Mau"


def test_foreign_words_abbreviations_and_numbers_are_kept():
    assert restore_diacritics("Chu tich VSSA") == "Chủ tịch VSSA"
    assert restore_diacritics("Giam doc quoc gia WWF Viet Nam") == "Giám đốc quốc gia WWF Việt Nam"
    assert restore_diacritics("Uy vien BCH TW Dang, Bo truong Bo TT&TT") == "Ủy viên BCH TW Đảng, Bộ trưởng Bộ TT&TT"


def test_a_value_is_cut_into_pieces_as_the_piece_pattern_cuts_it():
    # str.split and str.isalnum stand in for the regular expression on the usual words
    for words in ["Bo truong Bo TT&TT", "  Uy vien BCH TW Dang,  Bo truong-Chanh van phong ",
                  "(Bo NN&PTNT) - Tp. Hue", "Vu_truong\u00a0Vu\tTo chuc\n", "", "ĐHQG–HCM ¢@ 2016"]:
        pieces, spaced = _pieces(words)
        spans = [m.span() for m in _PIECE.finditer(words)]
        assert pieces == [words[a:b] for a, b in spans], words
        assert spaced == [k > 0 and spans[k - 1][1] < a for k, (a, _) in enumerate(spans)], words


def test_spacing_and_punctuation_of_a_restored_value_follow_the_print():
    assert restore_diacritics("  Bo truong  Bo TT&TT,  Pho Chu tich ") == "Bộ trưởng Bộ TT&TT, Phó Chủ tịch"
    assert restore_diacritics("Cuc truong-Chanh van phong") == "Cục trưởng-Chánh văn phòng"


def test_organizers_use_the_shared_restorer_and_the_lexicon_is_built_once():
    assert organizers_restore is restore_diacritics
    assert _lexicon() is _lexicon()


def _person(text: str, quality: str | None = None):
    (p,) = [p for p in extract_people(Document.from_text(text, quality=quality)) if p.position]
    return p


CLEAN = ("Sáng 12/3, Sở Khoa học và Công nghệ tỉnh Bình Định tổ chức hội thảo về nông nghiệp sạch. "
         "Phát biểu khai mạc, TS Đoàn Minh Quế, Phó Giám đốc Sở KH&CN tỉnh Bình Định, nêu ba mục tiêu.")


def test_position_on_clean_text_is_exact():
    p = _person(CLEAN)
    assert (p.position, p.position_alignment) == ("Phó Giám đốc Sở KH&CN tỉnh Bình Định", "exact")


def test_position_from_text_without_diacritics_is_restored():
    p = _person(strip_diacritics(CLEAN), "no_diacritics")
    assert (p.position, p.position_alignment) == ("Phó Giám đốc Sở KH&CN tỉnh Bình Định", "canonical")
    assert p.honorific == "TS" and p.alignment == "as_printed"


def test_an_unknown_word_leaves_the_position_as_printed():
    text = strip_diacritics(CLEAN.replace("Phó Giám đốc Sở KH&CN tỉnh Bình Định",
                                          "Phó Giám đốc Trung tâm Ươm tạo Hạt giống Xanh"))
    p = _person(text, "no_diacritics")
    assert (p.position, p.position_alignment) == ("Pho Giam doc Trung tam Uom tao Hat giong Xanh", "as_printed")


def test_a_position_broken_across_lines_is_joined():
    text = strip_diacritics(CLEAN.replace("tỉnh Bình Định, nêu", "tỉnh Bình Đ-\nịnh, nêu"))
    p = _person(text, "no_diacritics")
    assert (p.position, p.position_alignment) == ("Phó Giám đốc Sở KH&CN tỉnh Bình Định", "canonical")


def test_honorifics_are_canonical_on_text_without_diacritics():
    text = strip_diacritics("Sáng 2/6, Hội Nông dân tỉnh tổ chức hội nghị tổng kết. Ông Lò Văn Pấng, "
                            "Chủ tịch Hội Nông dân tỉnh, chủ trì hội nghị; Thạc sĩ Vi Thị Nga trình bày báo cáo.")
    found = {p.name: p for p in extract_people(Document.from_text(text, quality="no_diacritics"))}
    assert found["Lo Van Pang"].honorific == "ông"
    assert found["Vi Thi Nga"].honorific == "Thạc sĩ"


def test_the_record_says_how_the_position_was_read():
    record = extract(strip_diacritics(CLEAN))
    data = record.model_dump(mode="json")
    (person,) = [p for p in data["people"] if p["position"]]
    assert person["position_alignment"] == "canonical"
    assert set(person) >= {"name", "honorific", "position", "roles", "alignment", "evidence"}


# -- the fixtures: a position a reader could recover from the damaged text is the clean record's ----------

def _key(s: str) -> str:
    return " ".join(fold(s).split())


def _positions(variant: str):
    """(person of the variant, the same person's clean position) for people with a position in both."""
    clean = {doc: {_key(p.name): p for p in rec.people} for doc, _, rec, _ in records("clean")}
    out = []
    for doc, _, rec, _ in records(variant):
        for p in rec.people:
            q = clean[doc].get(_key(p.name))
            if p.position and q is not None and q.position:
                out.append((doc, p, q.position))
    return out


@pytest.mark.parametrize("variant, floor", [("no_diacritics", 0.75), ("ocr", 0.65)])
def test_fixture_positions_are_restored_to_the_clean_spelling(variant, floor):
    pairs = _positions(variant)
    # the same words as the clean position: a reader of the damaged text could restore them
    recoverable = [(doc, p, clean) for doc, p, clean in pairs if _key(p.position) == _key(clean)]
    assert len(recoverable) >= 30
    wrong = [(doc, p.position, clean) for doc, p, clean in recoverable
             if p.position_alignment == "canonical" and p.position != clean]
    assert not wrong, wrong
    restored = sum(p.position_alignment == "canonical" for _, p, _ in recoverable)
    assert restored / len(recoverable) >= floor, (restored, len(recoverable))


@pytest.mark.parametrize("variant", ["no_diacritics", "ocr"])
def test_fixture_positions_not_restored_gain_no_diacritics(variant):
    statuses = set()
    for doc, _, rec, text in records(variant):
        for p in rec.people:
            if not p.position:
                assert p.position_alignment is None, doc
                continue
            statuses.add(p.position_alignment)
            if p.position_alignment in ("as_printed", "repaired"):
                assert not any(c.isalpha() and ord(c) > 127 for c in p.position) or \
                    any(ord(c) > 127 for c in text), (doc, p.position)
            if p.position_alignment == "as_printed":
                assert " ".join(p.position.split(", ")[0].split()) in " ".join(text.split()), (doc, p.position)
    assert statuses <= {"canonical", "as_printed", "repaired"} and "canonical" in statuses


def test_fixture_positions_on_clean_text_are_exact():
    for doc, _, rec, _ in records("clean"):
        for p in rec.people:
            assert p.position_alignment == ("exact" if p.position else None), doc
