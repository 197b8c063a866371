"""Legal references: find, normalise, resolve (sentences written for these tests)."""
from __future__ import annotations

import pytest

from conftest import assert_grounded, strip_diacritics
from meeting_extractor import extract
from meeting_extractor.document import Document
from meeting_extractor.legal import extract_legal_references


def refs(text: str, quality: str | None = None):
    doc = Document.from_text(text, quality=quality)
    out = extract_legal_references(doc)
    for r in out:
        assert r.evidence
        for s in r.evidence:
            assert text[s.start:s.end] == s.text
    return out


def both(text: str):
    """The references of the text and of the same text without diacritics."""
    return [refs(text), refs(strip_diacritics(text))]


def keys(rs):
    return [(r.doc_type, r.number, r.name, r.year) for r in rs]


def test_full_symbol_type_issuer_and_date_year():
    text = ("Sở hướng dẫn thi hành Nghị định số 15/2019/NĐ-CP về an toàn lao động và "
            "Quyết định số 412/QĐ-TTg ngày 3/5/2021 của Thủ tướng về chuyển đổi số.")
    for rs in both(text):
        assert keys(rs) == [("Nghị định", "15/2019/NĐ-CP", None, 2019),
                            ("Quyết định", "412/QĐ-TTg", None, 2021)]
        assert rs[0].issuer == ["Chính phủ"] and rs[1].issuer == ["Thủ tướng Chính phủ"]
        assert rs[0].citation == "Nghị định 15/2019/NĐ-CP"
        assert rs[1].evidence[0].text.endswith("3/5/2021")


def test_short_forms_attach_to_the_full_citation_before_or_after():
    text = ("Nghị định 72 đã tạo cú hích. Theo Nghị định 72/2018/NĐ-CP, ngân sách hỗ trợ "
            "50%; Nghị định số 72 còn quy định thủ tục.")
    for rs in both(text):
        assert keys(rs) == [("Nghị định", "72/2018/NĐ-CP", None, 2018)]
        assert len(rs[0].evidence) == 3


def test_short_form_with_year_completes_the_decree_symbol():
    rs = refs("Các tỉnh báo cáo việc làm theo Nghị định 31/2016, nhất là Nghị định 31.")
    assert keys(rs) == [("Nghị định", "31/2016/NĐ-CP", None, 2016)]
    assert rs[0].issuer == ["Chính phủ"] and len(rs[0].evidence) == 2


def test_ambiguous_short_form_is_refused():
    text = "So sánh Nghị định 20/2015/NĐ-CP với Nghị định 20/2019/NĐ-CP; Nghị định 20 còn nhiều điểm chung."
    for rs in both(text):
        assert [r.number for r in rs] == ["20/2015/NĐ-CP", "20/2019/NĐ-CP"]
        assert all(len(r.evidence) == 1 for r in rs)


def test_short_form_of_a_joint_circular():
    rs = refs("Thông tư liên tịch số 24/2015/TTLT-BNV-BTC còn hiệu lực; Thông tư 24 quy định biên chế.")
    assert keys(rs) == [("Thông tư liên tịch", "24/2015/TTLT-BNV-BTC", None, 2015)]
    assert len(rs[0].evidence) == 2


def test_joint_circular_and_bare_symbols():
    text = ("Ban hành thông tư liên tịch số 07/2015/TTLT-BTC-BYT, sau đó là 18/2016/TTLT-BKHCN-BNV "
            "và Công văn số 905/BKHCN-KHTC.")
    for rs in both(text):
        assert keys(rs) == [("Thông tư liên tịch", "07/2015/TTLT-BTC-BYT", None, 2015),
                            ("Thông tư liên tịch", "18/2016/TTLT-BKHCN-BNV", None, 2016),
                            ("Công văn", "905/BKHCN-KHTC", None, None)]
        assert rs[0].issuer == ["Bộ Tài chính", "Bộ Y tế"]
        assert rs[2].issuer == ["Bộ Khoa học và Công nghệ"]


def test_party_documents():
    text = ("Quán triệt Nghị quyết số 19-NQ/TW, Kết luận số 36-KL/TW và Chỉ thị 08-CT/TU; "
            "Chỉ thị 11, 12 của Ban Bí thư cũng được nhắc lại.")
    for rs in both(text):
        assert keys(rs) == [("Nghị quyết", "19-NQ/TW", None, None), ("Kết luận", "36-KL/TW", None, None),
                            ("Chỉ thị", "08-CT/TU", None, None), ("Chỉ thị", "11", None, None),
                            ("Chỉ thị", "12", None, None)]


def test_party_resolutions_named_by_plenum_or_congress():
    text = ("Chi bộ học tập Nghị quyết Trung ương 8 (khóa XIII) và Nghị quyết Đại hội XIII của Đảng; "
            "Nghị quyết Trung ương 8 khóa XIII được nhấn mạnh.")
    for rs in both(text):
        assert [(r.doc_type, r.name) for r in rs] == [("Nghị quyết", "Trung ương 8 (khóa XIII)"),
                                                      ("Nghị quyết", "Đại hội XIII của Đảng")]
        assert len(rs[0].evidence) == 2


def test_laws_by_alias_name_and_symbol_are_one_document():
    text = ("Luật KH&CN 2013 mở đường; Luật Khoa học và Công nghệ năm 2013 cũng như Luật số 29/2013/QH13 "
            "được nhắc nhiều lần.")
    for rs in both(text):
        assert len(rs) == 1
        r = rs[0]
        assert (r.doc_type, r.number, r.name, r.year) == ("Luật", "29/2013/QH13", "Khoa học và Công nghệ", 2013)
        assert r.citation == "Luật Khoa học và Công nghệ 2013"
        assert len(r.evidence) == 3


def test_law_versions_and_unresolvable_bare_name():
    text = "Luật Đầu tư năm 2014 và Luật Đầu tư 2020 khác nhau; Luật Đầu tư vẫn cần hướng dẫn thêm."
    for rs in both(text):
        assert keys(rs) == [("Luật", None, "Đầu tư", 2014), ("Luật", None, "Đầu tư", 2020)]
    rs = refs("Doanh nghiệp kiến nghị sửa Luật Đầu tư 2020 vì Luật Đầu tư còn chồng chéo.")
    assert keys(rs) == [("Luật", None, "Đầu tư", 2020)] and len(rs[0].evidence) == 2


def test_law_abbreviation_code_amendment_and_unknown_name():
    text = ("Bàn về Luật BHYT sửa đổi, Bộ luật Dân sự 2015, Hiến pháp năm 2013 "
            "và Luật Quản lý dữ liệu nông nghiệp về tổ chức thu thập.")
    for rs in both(text):
        assert keys(rs) == [("Luật", None, "BHYT sửa đổi", None), ("Bộ luật", None, "Dân sự", 2015),
                            ("Hiến pháp", None, None, 2013), ("Luật", None, rs[3].name, None)]
        assert rs[3].name.lower() in ("quản lý dữ liệu nông nghiệp", "quan ly du lieu nong nghiep")
        assert rs[3].citation == "Luật " + rs[3].name


def test_not_references():
    text = ("Luật sư Lê Văn Hải trao đổi về pháp luật và kỷ luật; hội nghị góp ý dự thảo Nghị định "
            "về quỹ và dự thảo Luật Thủ đô; Nghị định thư 5 được phê chuẩn; Nghị quyết 3 năm qua phát huy; "
            "hội nghị quyết định 2 vấn đề; Đại hội đã thông qua Nghị quyết Đại hội Đảng bộ huyện lần thứ XXV.")
    for rs in both(text):
        assert rs == []


def test_unnumbered_specific_documents():
    rs = refs("Cục trưởng giới thiệu Thông tư mới của Bộ Tài chính về định mức chi.")
    assert keys(rs) == [("Thông tư", None, None, None)]
    rs = refs("Bộ Tài chính ban hành Thông tư mới, thay Thông tư số 55/2015/TT-BTC.")
    assert keys(rs) == [("Thông tư", "55/2015/TT-BTC", None, 2015)]


def test_ocr_damage():
    text = ("Thyc hién Nghi dinh s6 11/2014/ ND-CP vé thong tin, Quyét dinh s6 2l58/Qb-TTg, "
            "Chi thi s6 O5/CT-TTg va Ludt Khoa hoc va Cong nghé nam 2013, Nghi quyét 12/2022/NQ-HPND.")
    rs = refs(text, "ocr_noisy")
    assert keys(rs) == [("Nghị định", "11/2014/NĐ-CP", None, 2014), ("Quyết định", "2158/QĐ-TTg", None, None),
                        ("Chỉ thị", "05/CT-TTg", None, None), ("Luật", None, "Khoa học và Công nghệ", 2013),
                        ("Nghị quyết", "12/2022/NQ-HĐND", None, 2022)]


def test_ocr_party_name_gets_its_spelling_back():
    rs = refs("Cac chi bo quan triét Nghi quyét Pai héi XIII cia bang trong nam.", "ocr_noisy")
    assert [(r.doc_type, r.name) for r in rs] == [("Nghị quyết", "Đại hội XIII của Đảng")]


def test_ocr_law_name_with_u_horn_printed_y():
    # "ự" printed as "y" ("ty" for "tự", "quan sy" for "quân sự"): the learned confusions read u as y
    # as often as ir
    rs = refs("Tuyén truyén Luat Trat ty, an toan giao thong duong bo 2024 va Luat Dan quan ty vé nam 2019.",
              "ocr_noisy")
    assert [(r.name, r.year) for r in rs] == [("Trật tự, an toàn giao thông đường bộ", 2024), ("Dân quân tự vệ", 2019)]


def test_ocr_law_name_with_a_lone_ampersand_for_o():
    rs = refs("Phé bién Luat Nha & nam 2023 va Luat Hoa giai & co s¢ cho can bo xa.", "ocr_noisy")
    assert [(r.name, r.year) for r in rs] == [("Nhà ở", 2023), ("Hòa giải ở cơ sở", None)]


@pytest.mark.parametrize("strip", [False, True])
def test_through_the_pipeline(strip):
    text = ("Hội thảo khoa học về đổi mới sáng tạo\n\nSáng 12/9/2024, tại Hà Nội, Sở KH&CN tổ chức hội thảo "
            "bàn về việc thực hiện Luật KH&CN 2013 và Nghị định 70/2018/NĐ-CP. Các đại biểu đề xuất sửa đổi "
            "Nghị định 70 cho phù hợp.")
    if strip:
        text = strip_diacritics(text)
    record = extract(text)
    assert_grounded(record, text)
    assert [(r.doc_type, r.number, r.name, r.year) for r in record.legal_references] == [
        ("Luật", None, "KH&CN", 2013), ("Nghị định", "70/2018/NĐ-CP", None, 2018)]
    assert len(record.legal_references[1].evidence) == 2


def test_folding_does_not_confuse_law_names_with_common_words():
    text = ("Luật được ban hành sớm; Luật Dược 2016 và Luật Giá năm 2023 được rà soát cùng Luật Hoá chất, "
            "còn Hội Luật gia cử luật sư tham gia.")
    rs = refs(text)
    assert keys(rs) == [("Luật", None, "Dược", 2016), ("Luật", None, "Giá", 2023), ("Luật", None, "Hóa chất", None)]
    # without diacritics, the capital decides
    rs = refs(strip_diacritics(text))
    assert [r.name for r in rs] == ["Dược", "Giá", "Hóa chất"]
