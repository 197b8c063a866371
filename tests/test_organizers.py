"""Organisers of the main event: who organised, co-organised or hosted it (own test sentences)."""
from __future__ import annotations

import pytest

from conftest import strip_diacritics
from meeting_extractor.document import Document
from meeting_extractor.organizers import extract_organizers, restore_diacritics


def make_doc(text: str, quality: str | None = None) -> Document:
    return Document.from_text(text, quality=quality)


def organizers_and_sponsors(text: str, quality: str | None = None):
    doc = make_doc(text, quality)
    found, sponsors = extract_organizers(doc)
    for o in found + sponsors:
        assert o.evidence
        for s in o.evidence:
            assert text[s.start:s.end] == s.text
    return found, sponsors


def organizers(text: str, quality: str | None = None):
    return organizers_and_sponsors(text, quality)[0]


def names(text: str, quality: str | None = None) -> list[tuple[str, str]]:
    return [(o.name, o.role) for o in organizers(text, quality)]


def test_partner_after_phoi_hop_voi():
    text = ("Sáng 12/3, tại Cần Thơ, Sở Khoa học và Công nghệ tỉnh Hậu Giang phối hợp với "
            "Trường Đại học Tây Đô tổ chức Hội thảo về nông nghiệp sạch.")
    assert names(text) == [("Sở Khoa học và Công nghệ tỉnh Hậu Giang", "organizer"),
                           ("Trường Đại học Tây Đô", "co_organizer")]
    plain = strip_diacritics(text)
    found = organizers(plain, "no_diacritics")
    # every word of the first is in the lexicons, so its diacritics come back; "Tây Đô" is not
    assert [(o.name, o.alignment) for o in found] == [
        ("Sở Khoa học và Công nghệ tỉnh Hậu Giang", "canonical"), ("Truong Dai hoc Tay Do", "as_printed")]


def test_passive_do_with_partners_listed_after():
    text = ("Hội nghị về an toàn thực phẩm do Cục Chăn nuôi tổ chức với sự hợp tác của Hiệp hội "
            "Thức ăn chăn nuôi và Tổ chức Nông lương Liên hợp quốc (FAO), diễn ra trong hai ngày.")
    expected = [("Cục Chăn nuôi", "organizer"), ("Hiệp hội Thức ăn chăn nuôi", "co_organizer"),
                ("Tổ chức Nông lương Liên hợp quốc", "co_organizer")]
    assert names(text) == expected
    assert [strip_diacritics(n) for n, _ in names(strip_diacritics(text), "no_diacritics")] == [
        strip_diacritics(n) for n, _ in expected]


def test_two_subjects_dong_to_chuc():
    text = "Hội Nhà báo tỉnh Lạng Sơn và Đài Truyền hình Lạng Sơn đồng tổ chức tọa đàm về báo chí số."
    assert names(text) == [("Hội Nhà báo tỉnh Lạng Sơn", "organizer"),
                           ("Đài Truyền hình Lạng Sơn", "co_organizer")]
    assert len(names(strip_diacritics(text), "no_diacritics")) == 2


def test_comma_list_of_subjects_then_partners():
    text = ("Chiều 4/9, Bộ Y tế, Bộ Tài chính phối hợp với Ngân hàng Thế giới, Quỹ Nhi đồng "
            "Liên hợp quốc tổ chức hội nghị bàn về tài chính y tế.")
    assert [n for n, _ in names(text)] == ["Bộ Y tế", "Bộ Tài chính", "Ngân hàng Thế giới",
                                           "Quỹ Nhi đồng Liên hợp quốc"]


def test_passive_boi_and_unit_clause():
    assert names("Hội thảo được tổ chức bởi Trường Đại học Y Hà Nội và Bệnh viện K.") == [
        ("Trường Đại học Y Hà Nội", "organizer"), ("Bệnh viện K", "co_organizer")]
    assert names("Đơn vị tổ chức hội thảo là Viện Chiến lược và Chính sách y tế.") == [
        ("Viện Chiến lược và Chính sách y tế", "organizer")]


def test_a_person_is_not_an_organiser():
    assert names("Hội nghị do Thứ trưởng Nguyễn Văn An chủ trì, có 50 đại biểu dự.") == []
    assert names("Hội nghị do Giám đốc Sở Tư pháp tỉnh Yên Bái tổ chức.") == []


def test_most_complete_spelling_is_used():
    text = ("Bộ GD&ĐT tổ chức Hội nghị tổng kết năm học tại Hà Nội.\n\n"
            "Phát biểu tại hội nghị, Thứ trưởng Bộ Giáo dục và Đào tạo nhấn mạnh việc đổi mới.")
    (org,) = organizers(text)
    assert org.name == "Bộ Giáo dục và Đào tạo"
    assert [s.text for s in org.evidence] == ["Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo"]


def test_abbreviation_kept_when_never_spelt_out():
    assert names("Ngày 2/5, UBND tỉnh Sơn La tổ chức hội nghị xúc tiến đầu tư.") == [
        ("UBND tỉnh Sơn La", "organizer")]


def test_sponsor_is_reported_apart_not_as_a_co_organiser():
    text = ("Viện Dinh dưỡng tổ chức diễn đàn về sữa học đường dưới sự tài trợ của "
            "Công ty Sữa Hòa Bình.")
    found, sponsors = organizers_and_sponsors(text)
    assert [(o.name, o.role) for o in found] == [("Viện Dinh dưỡng", "organizer")]
    assert [(o.name, o.role) for o in sponsors] == [("Công ty Sữa Hòa Bình", "sponsor")]


def test_an_organisation_in_the_venue_is_not_the_organiser():
    text = "Tại Hội trường Bộ Tư pháp, Hội Luật gia Việt Nam tổ chức tọa đàm về hòa giải cơ sở."
    assert names(text) == [("Hội Luật gia Việt Nam", "organizer")]


def test_comma_inside_a_ministry_name():
    text = "Tối 1/10, Bộ Văn hóa, Thể thao và Du lịch tổ chức lễ khai mạc tuần phim."
    assert names(text) == [("Bộ Văn hóa, Thể thao và Du lịch", "organizer")]


def test_member_school_and_its_university_are_one_name():
    text = ("Trường Đại học Sư phạm, Đại học Đà Nẵng phối hợp với Sở Giáo dục và Đào tạo "
            "tỉnh Quảng Nam tổ chức hội thảo về dạy học số.")
    assert [n for n, _ in names(text)] == ["Trường Đại học Sư phạm, Đại học Đà Nẵng",
                                           "Sở Giáo dục và Đào tạo tỉnh Quảng Nam"]


def test_lower_case_sector_as_subject():
    text = "Lần đầu tiên ngành y tế tỉnh Kon Tum tổ chức hội nghị khoa học điều dưỡng."
    assert names(text) == [("ngành y tế tỉnh Kon Tum", "organizer")]
    assert names("Đại diện các ngành liên quan tổ chức hội thảo.") == []


def test_host():
    text = "Năm nay, Thành phố Huế đăng cai, Sở Du lịch Thừa Thiên Huế đăng cai tổ chức diễn đàn du lịch."
    assert ("Sở Du lịch Thừa Thiên Huế", "host") in names(text)


def test_to_chuc_as_a_noun_is_no_cue():
    assert names("Các tổ chức xã hội đã đóng góp ý kiến cho dự thảo luật.") == []
    assert names("") == []


def test_event_title_is_not_an_organiser():
    assert names("Sáng 3/7, Hội nghị Ban Chấp hành Hội Nông dân tỉnh lần thứ 5 đã khai mạc.") == []


def test_ocr_text():
    text = "Chiéu 5/6, BO TT&TT d3 t6 chirc Hoi nghi tap huan nghiép vu cho can bd."
    (org,) = organizers(text, "ocr_noisy")
    assert (org.name, org.role, org.evidence[0].text) == ("Bộ TT&TT", "organizer", "BO TT&TT")


@pytest.mark.parametrize("text", [
    "Sở Công Thương tỉnh Long An tổ chức hội chợ hàng Việt.",
    "Hội thảo do Viện Kinh tế Việt Nam tổ chức.",
])
def test_stripped_text_gives_the_same_organiser(text):
    clean = names(text)
    plain = names(strip_diacritics(text), "no_diacritics")
    assert len(clean) == 1 and [strip_diacritics(n) for n, _ in clean] == [strip_diacritics(n) for n, _ in plain]


def test_restoring_diacritics_needs_every_word():
    assert restore_diacritics("Uy ban nhan dan tinh Ben Tre") == "Ủy ban nhân dân tỉnh Bến Tre"
    assert restore_diacritics("Cong ty Siemens") == "Công ty Siemens"      # a foreign word stays
    assert restore_diacritics("So KH&CN tinh Ca Mau") == "Sở KH&CN tỉnh Cà Mau"
    assert restore_diacritics("Hoi Nguoi mu huyen Xuan Loc") is None        # unknown words: no guess


@pytest.mark.parametrize("text, expected", [
    ("Tối 15/12, tại Nhà Văn hóa thành phố, Thành Đoàn Hải Phòng phối hợp với Sở Khoa học và Công nghệ "
     "tổ chức Lễ trao giải Cuộc thi Sáng tạo trẻ.",
     [("Thành Đoàn Hải Phòng", "organizer"), ("Sở Khoa học và Công nghệ", "co_organizer")]),
    ("Ngày 12/3, Trạm Khuyến nông huyện Tân Thạnh tổ chức hội thảo đầu bờ về giống lúa mới.",
     [("Trạm Khuyến nông huyện Tân Thạnh", "organizer")]),
    ("Sáng 9/3, Đoàn Luật sư tỉnh Phú Yên tổ chức Đại hội nhiệm kỳ mới.",
     [("Đoàn Luật sư tỉnh Phú Yên", "organizer")]),
])
def test_heads_of_youth_unions_stations_and_bar_associations(text, expected):
    for variant in (text, strip_diacritics(text)):
        got = [(strip_diacritics(name), role) for name, role in names(variant)]
        assert got == [(strip_diacritics(name), role) for name, role in expected]


def test_ocr_held_verb_whose_second_syllable_the_repair_read_as_chi():
    # "tổ chức" printed "t0 chie": the OCR repair reads "chie" as "chi", a syllable of its own
    text = ("Sang 5/6, Quy Ho tro nong dan tinh phoi hop voi Hoi Lam vuon tinh t0 chie hoi\n"
            "thao vé cay an qua. Hoi thao thu hut 80 dai biéu.")
    found, _ = organizers_and_sponsors(text, "ocr_noisy")
    names = [(strip_diacritics(o.name).lower(), o.role) for o in found]
    assert ("quy ho tro nong dan tinh", "organizer") in names, names
    assert ("hoi lam vuon tinh", "co_organizer") in names, names


def test_ocr_head_whose_capital_d_was_read_as_a_lower_case_b():
    # "Đoàn Luật sư" printed "boan Luat su": the English model read the capital Đ as a lower-case b
    text = "Sang 3/3, tai thanh pho Vinh, boan Luat su tinh Nghé An t6 chirc Dai hoi lan thir V."
    found, _ = organizers_and_sponsors(text, "ocr_noisy")
    assert [strip_diacritics(o.name) for o in found] == ["Doan Luat su tinh Nghe An"]
    # a lower-case d printed as such is a common word: no organiser is made of "doan"
    text = "Sang 3/3, tai thanh pho Vinh, doan cong tac cua tinh t6 chirc Dai hoi lan thir V."
    found, _ = organizers_and_sponsors(text, "ocr_noisy")
    assert not any(strip_diacritics(o.name).lower().startswith("doan") for o in found)


@pytest.mark.parametrize("partner", ["phai hop voi", "ph01 hop voi"])
def test_ocr_partner_cue_misread_beyond_the_repair(partner):
    # "phối hợp với" with "phối" read as "phai" (a syllable of its own) or "ph01" (digits are not repaired)
    text = f"Sang 4/4, Trung tam Khuyén nong tinh {partner} Hoi Lam vuon tinh t6 chirc hoi thao vé cay an qua."
    found, _ = organizers_and_sponsors(text, "ocr_noisy")
    names = [(strip_diacritics(o.name).lower(), o.role) for o in found]
    assert ("trung tam khuyen nong tinh", "organizer") in names, names
    assert ("hoi lam vuon tinh", "co_organizer") in names, names


@pytest.mark.parametrize("printed", ["Tinh Gy", "Tinh dy"])
def test_ocr_misread_tinh_uy_is_an_organiser_written_as_listed(printed):
    # "Tỉnh ủy" printed "Tinh Gy" / "Tinh dy" (the ủ misread): still the head of the organiser's name
    text = f"Sang 7/7, {printed} Ninh Binh t6 chirc hoi nghi quan triét nghi quyét cua Trung uong."
    found, _ = organizers_and_sponsors(text, "ocr_noisy")
    assert [o.name for o in found] == ["Tỉnh ủy Ninh Bình"], [o.name for o in found]
