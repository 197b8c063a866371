"""people.extract_people on short sentences written for these tests (clean and without diacritics)."""
from __future__ import annotations

import unicodedata

import pytest

from meeting_extractor.document import Document
from meeting_extractor.people import extract_people


def strip_diacritics(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def people(text: str, quality: str | None = None):
    doc = Document.from_text(text, quality=quality)
    found = extract_people(doc)
    for p in found:
        assert p.evidence
        for s in p.evidence:
            assert text[s.start:s.end] == s.text
    return found


def by_name(found, folded_name: str):
    for p in found:
        if strip_diacritics(p.name).lower() == strip_diacritics(folded_name).lower():
            return p
    raise AssertionError(f"{folded_name!r} not among {[p.name for p in found]}")


# Each case: text, then the expected (name, roles) pairs. Padding makes the text look like a report.
PAD = "Sáng 3/4, Sở Khoa học và Công nghệ tỉnh tổ chức hội thảo về chuyển đổi số trong nông nghiệp. "
CASES = [
    (PAD + "Phát biểu khai mạc hội thảo, PGS.TS Trần Minh Khôi, Viện trưởng Viện Cơ học, "
           "nhấn mạnh vai trò của dữ liệu.",
     [("Trần Minh Khôi", ["opening_speech"])]),
    (PAD + "Thứ trưởng Bộ Tài chính Lê Hồng Sơn chủ trì buổi làm việc.",
     [("Lê Hồng Sơn", ["chair"])]),
    (PAD + "Các đồng chí Hà Văn Tâm, Bí thư Huyện ủy; Đặng Thị Hoa, Chủ tịch UBND huyện "
           "đồng chủ trì hội nghị.",
     [("Hà Văn Tâm", ["chair"]), ("Đặng Thị Hoa", ["chair"])]),
    (PAD + "Tham dự hội thảo có bà Ngô Thị Lan, Giám đốc Sở Y tế và ông Phùng Quốc Bảo, "
           "Phó Giám đốc Sở Công Thương.",
     [("Ngô Thị Lan", ["attendee"]), ("Phùng Quốc Bảo", ["attendee"])]),
    (PAD + "Ông John Miller, Giám đốc quốc gia của một tổ chức phi chính phủ, cho biết dự án "
           "sẽ kéo dài ba năm.",
     [("John Miller", ["speech"])]),
    (PAD + "Giải Nhì được trao cho ThS Lưu Văn Nghĩa, giảng viên Trường Đại học Y Dược.",
     [("Lưu Văn Nghĩa", ["awardee"])]),
    (PAD + "Tại hội thảo, báo cáo “Cảm biến độ ẩm giá rẻ” của KS Tạ Quang Huy được nhiều "
           "đại biểu quan tâm.",
     [("Tạ Quang Huy", ["presenter"])]),
    (PAD + "Phiên thảo luận do nhà báo Kiều Thu Hằng điều phối.",
     [("Kiều Thu Hằng", ["moderator"])]),
    (PAD + "Đại diện hai bên, ông Mạc Văn Lực và bà Tôn Nữ Hạnh ký kết biên bản hợp tác.",
     [("Mạc Văn Lực", ["signatory"]), ("Tôn Nữ Hạnh", ["signatory"])]),
    (PAD + "Chủ trì hội thảo là ông Quách Văn Thịnh, Giám đốc Sở Nông nghiệp.",
     [("Quách Văn Thịnh", ["chair"])]),
    (PAD + "Các chuyên đề do TS Đào Thị Ngọc, Phó Viện trưởng Viện Kinh tế, cùng các cộng sự trình bày.",
     [("Đào Thị Ngọc", ["presenter"])]),
    (PAD + "Tổng Giám đốc Công ty Phương Nam Lý Quốc Việt và Bí thư Huyện ủy Châu Văn Lợi dự và phát biểu "
           "tại hội thảo.",
     [("Lý Quốc Việt", ["speech"]), ("Châu Văn Lợi", ["speech"])]),
]


@pytest.mark.parametrize("variant", ["clean", "no_diacritics"])
@pytest.mark.parametrize("text,expected", CASES)
def test_names_and_roles(text, expected, variant):
    if variant == "no_diacritics":
        text = strip_diacritics(text)
    found = people(text)
    assert len(found) == len(expected), [p.name for p in found]
    for name, roles in expected:
        assert by_name(found, name).roles == roles


def test_honorific_position_and_exact_name():
    found = people(PAD + "Phát biểu khai mạc hội thảo, PGS.TS Trần Minh Khôi, Viện trưởng Viện Cơ học, "
                         "nhấn mạnh vai trò của dữ liệu.")
    (p,) = found
    assert (p.name, p.honorific, p.position, p.alignment) == (
        "Trần Minh Khôi", "PGS.TS", "Viện trưởng Viện Cơ học", "exact")


def test_office_word_is_a_position_not_an_honorific():
    (p,) = people(PAD + "Thứ trưởng Bộ Tài chính Lê Hồng Sơn chủ trì buổi làm việc.")
    assert p.honorific is None
    assert p.position == "Thứ trưởng Bộ Tài chính"


def test_position_with_a_list_of_offices():
    (p,) = people(PAD + "Đồng chí Võ Văn Nam, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy phát biểu chỉ đạo "
                        "hội thảo.")
    assert p.honorific == "đồng chí"
    assert p.position == "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy"
    assert p.roles == ["speech"]


@pytest.mark.parametrize("variant", ["clean", "no_diacritics"])
def test_mentions_merge_and_attendee_gives_way(variant):
    text = (PAD + "Tham dự có bà Ngô Thị Lan, Giám đốc Sở Y tế. Các đại biểu thảo luận sôi nổi. "
                  "Kết luận hội thảo, bà Lan đề nghị các huyện sớm triển khai mô hình.")
    if variant == "no_diacritics":
        text = strip_diacritics(text)
    (p,) = people(text)
    assert strip_diacritics(p.name) == "Ngo Thi Lan"
    assert p.roles == ["conclusion"]
    assert len(p.evidence) == 2  # the full mention and "bà Lan"
    assert p.honorific == "bà"


def test_opening_speech_and_conclusion_subsume_speech():
    (p,) = people(PAD + "GS Hồ Đăng Khoa phát biểu khai mạc hội thảo. GS Hồ Đăng Khoa cho biết năm nay "
                        "có nhiều đề tài mới. Phát biểu bế mạc, GS Khoa cảm ơn các đại biểu.")
    assert p.roles == ["opening_speech", "conclusion"]


@pytest.mark.parametrize("text", [
    PAD + "Hội nghị diễn ra tại Hà Nội với sự phối hợp của Bộ Nông nghiệp và Hội Nông dân Việt Nam.",
    PAD + "Theo chỉ đạo của Thủ tướng Phan Văn Bình, các tỉnh cần rà soát lại quy hoạch.",
    PAD + "Hội nghị học tập tư tưởng Hồ Chí Minh về đạo đức công vụ.",
    PAD + "Tham dự có đại diện Trường THPT Nguyễn Tri Phương và các hợp tác xã.",
])
def test_places_bodies_and_people_only_talked_about(text):
    assert people(text) == []
    assert people(strip_diacritics(text)) == []


def test_place_before_the_name_is_not_part_of_it():
    (p,) = people(PAD + "Chủ tịch UBND tỉnh Bình Định Hồ Minh Tâm phát biểu chào mừng các đại biểu.")
    assert p.name == "Hồ Minh Tâm"
    assert p.position == "Chủ tịch UBND tỉnh Bình Định"


def test_co_is_not_an_honorific():
    (p,) = people(PAD + "Dự hội thảo có Nguyễn Thị Thanh, Phó Chủ tịch UBND tỉnh.")
    assert p.honorific is None
    assert p.roles == ["attendee"]


def test_ambiguous_ba_without_diacritics():
    (p,) = people(strip_diacritics(PAD + "Theo bà Trịnh Thị Mai, Trưởng phòng Kế hoạch, "
                                          "việc tập huấn cần làm sớm."))
    assert p.honorific == "bà"
    assert p.roles == ["speech"]


def test_ocr_variants_of_a_name_merge():
    text = ("Tai hoi nghi, TS Lé Xuan Dinh - Cuc truong Cuc Thong tin phat biéu khai mac. "
            "Két luan hoi nghi, TS Lé Xuin DPinh cam két tiép tuc ho tro dia phuong.")
    found = people(text, quality="ocr_noisy")
    assert len(found) == 1
    assert found[0].roles == ["opening_speech", "conclusion"]
    assert len(found[0].evidence) == 2


def test_ocr_misread_family_name_is_written_back():
    # an English OCR model reads the capital Đ of "Đặng" as a lower-case b
    text = "Phat bieu tai hoi thao, ong bang Huu Nghia, Giam doc So Xay dung cho biet ke hoach da xong."
    (p,) = people(text, quality="ocr_noisy")
    assert p.name == "Đặng Huu Nghia"
    assert p.alignment == "repaired"
    assert p.roles == ["speech"]


def test_empty_text():
    assert people("") == []
    assert people("   \n") == []


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics], ids=["clean", "no_diacritics"])
@pytest.mark.parametrize("text, expected", [
    # an honorific written with its abbreviation dot
    (PAD + "Tại hội thảo, ThS. Đỗ Thị Hải Yến, chuyên viên Sở Y tế trình bày chuyên đề về an toàn thực phẩm.",
     [("Đỗ Thị Hải Yến", "ThS", ["presenter"])]),
    (PAD + "Tại hội thảo, GS. TS. Phan Quốc Khánh trình bày báo cáo về giống lúa mới.",
     [("Phan Quốc Khánh", "GS.TS", ["presenter"])]),
    # presenters of quoted titles listed one after another
    (PAD + "Các báo cáo được chú ý gồm: “Cảm biến độ ẩm giá rẻ cho vườn cà phê” của Thạc sĩ Vũ Thị Lan "
           "(Khoa Nông học); “Dự báo sâu bệnh bằng ảnh vệ tinh” của BS CKI Hà Văn Tường (Trạm Y tế xã); "
           "“Sàn giao dịch nông sản của tỉnh” của CN. Lục Thị Mai, cán bộ Hợp tác xã.",
     [("Vũ Thị Lan", "Thạc sĩ", ["presenter"]), ("Hà Văn Tường", "BS.CKI", ["presenter"]),
      ("Lục Thị Mai", "CN", ["presenter"])]),
    # several agents of one verb
    (PAD + "Các chuyên đề do Thiếu tá Đào Minh Hiếu, Phó Chỉ huy trưởng Ban CHQS huyện; Đại úy Mai Văn Tín "
           "và các giảng viên của Trung tâm trình bày.",
     [("Đào Minh Hiếu", "Thiếu tá", ["presenter"]), ("Mai Văn Tín", None, ["presenter"])]),
    # "Thầy" opening a sentence; a Thái family name
    (PAD + "Thầy Lò Văn Piếng, Hiệu trưởng Trường Tiểu học xã Chiềng Ban, phát biểu tại hội thảo.",
     [("Lò Văn Piếng", "thầy", ["speech"])]),
])
def test_honorific_forms_and_presenters_of_listed_titles(variant, text, expected):
    found = people(variant(text))
    for name, honorific, roles in expected:
        p = by_name(found, name)
        assert p.roles == roles
        if honorific is not None and variant(text) == text:
            assert p.honorific == honorific


def test_an_ocr_name_keeps_printed_syllables_that_are_vietnamese():
    text = PAD + "Phat biéu tai héi thao, 6ng Ho6 Sy Nguyén, Pho Chi tich UBND tinh, nhan manh vai tro cua dir liéu."
    p = by_name(people(text, quality="ocr_noisy"), "Ho Sy Nguyen")
    assert p.name == "Ho Sy Nguyen"  # "Sy" (Sỹ) stays, "Ho6" and "Nguyén" are repaired (not "Su")
    assert p.alignment == "repaired"


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics], ids=["clean", "no_diacritics"])
@pytest.mark.parametrize("text, expected", [
    # a description between commas or in brackets between the person and the verb
    (PAD + "Ông Hà Văn Sáu, nông dân trồng cam lâu năm, chia sẻ kinh nghiệm bón phân hữu cơ.",
     [("Hà Văn Sáu", ["speech"])]),
    (PAD + "Đại biểu Lò Thị Mai (tổ đại biểu huyện Sìn Hồ) chất vấn về tiến độ làm đường.",
     [("Lò Thị Mai", ["speech"])]),
    (PAD + "Hội thảo do bà Kiều Thị Nga, điều phối viên chương trình, điều hành.",
     [("Kiều Thị Nga", ["moderator"])]),
    (PAD + "Giải nhất thuộc về nhóm tác giả Phùng Văn Lợi và Tạ Thu Trang với mô hình tưới tự động.",
     [("Phùng Văn Lợi", ["awardee"]), ("Tạ Thu Trang", ["awardee"])]),
])
def test_descriptions_between_person_and_verb_and_more_role_cues(variant, text, expected):
    found = people(variant(text))
    for name, roles in expected:
        assert by_name(found, name).roles == roles


def test_an_ocr_name_with_its_middle_name_in_lower_case():
    text = PAD + "Du hoi thao co dong chi Nong van Chien, Chu tich Uy ban MTTQ tinh."
    names = [p.name for p in people(text, quality="ocr_noisy")]
    assert any(strip_diacritics(n).lower() == "nong van chien" for n in names), names


def test_an_ocr_name_whose_capital_d_was_read_as_b():
    # "Đức" printed as "buc" (the model reads a capital Đ as a lower-case b): still part of the name,
    # written back with a D; a lower-case "dang" printed as such ("Cao đẳng") continues no name
    text = (PAD + "Phat biéu tai hoi thao, PGS.TS Lai buc Khoa, Pho Giam déc S& Cong Thuong, neu y kién. "
            "Tham dy c6 dai dién Truong Cao dang Ky thuat tinh.")
    found = people(text, quality="ocr_noisy")
    p = by_name(found, "Lai Duc Khoa")
    assert p.roles == ["speech"]
    assert not any("dang" in strip_diacritics(q.name).lower() for q in found), [q.name for q in found]


def test_an_ocr_family_name_in_lower_case_after_an_honorific():
    # "Đỗ" printed as "b6" right after a capitalised honorific ("ThS"), then the same person as "Do"
    text = (PAD + "Bao cao tham luan do ThS b6 Kim Thoa, Vién Kinh té nong nghiép, trinh bay. "
            "Két luan, ba Do Kim Thoa dé nghi cac dia phuong phéi hop.")
    found = people(text, quality="ocr_noisy")
    assert len(found) == 1, [q.name for q in found]
    assert found[0].name == "Đỗ Kim Thoa"
    assert "presenter" in found[0].roles


def test_an_ocr_foreign_name_with_a_hyphen_is_kept_whole_and_as_printed():
    text = PAD + "Phat biéu tai hoi thao, 6ng Lee Sang-woo, Giam déc Cong ty Hanbit Vina, cam két dau tu them."
    p = by_name(people(text, quality="ocr_noisy"), "Lee Sang-woo")
    assert p.name == "Lee Sang-woo"  # not "Le Sang" (the syllable "Lee" is no Vietnamese one to repair)
    assert p.roles == ["speech"]


@pytest.mark.parametrize("printed, written", [("Vi Hai Long", "Vũ Hai Long"), ("Vit Thi Lan Anh", "Vũ Thi Lan Anh"),
                                             ("Ngoé Minh Duc", "Ngô Minh Duc"), ("Té Thi Ngoc Ha", "Tô Thi Ngoc Ha")])
def test_ocr_family_names_misread_with_their_vowel_are_written_back(printed, written):
    text = PAD + f"Phat biéu tai hoi thao, 6ng {printed}, Giam déc S& Tai chinh, cho biét ké hoach da xong."
    (p,) = people(text, quality="ocr_noisy")
    assert strip_diacritics(p.name) == strip_diacritics(written)  # "Vit" is repaired to "Vu" already
    assert p.roles == ["speech"]


def test_ocr_presenters_after_the_dash_of_a_list_line_opened_by_a_misread_bullet():
    # round bullets printed "»" and "«": the lines are still list items, their "- ThS X" the presenters
    text = ("Hoi thao vé tim mach\n\nSang 3/4, Bénh vién tinh t6 chirc hoi thao. Hoi thao gom 6 bao cao, "
            "tiéu biéu la:\n"
            "» Diéu tri suy tim & ngudi cao tudi - ThS.BS Ha Thi Mai, Khoa Tim mach;\n"
            "« Phuc hoi chirc nang sau nhoi mau co tim - BSCKI Vo Van Son, Bénh vién tinh.\n\n"
            "Cac dai biéu thao luan soi noi.")
    found = people(text, quality="ocr_noisy")
    assert by_name(found, "Ha Thi Mai").roles == ["presenter"]
    assert by_name(found, "Vo Van Son").roles == ["presenter"]
