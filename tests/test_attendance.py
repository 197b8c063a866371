"""Attendance: the number of people attending the main event, and other counts (own sentences)."""
from __future__ import annotations

from conftest import strip_diacritics
from meeting_extractor.attendance import extract_attendance
from meeting_extractor.document import Document


def attendance(text: str, quality: str | None = None):
    doc = Document.from_text(text, quality=quality)
    att = extract_attendance(doc)
    spans = ([*att.total.evidence] if att.total else []) + [s for c in att.counts for s in c.evidence]
    for s in spans:
        assert text[s.start:s.end] == s.text
    return att


def total(text: str, quality: str | None = None):
    t = attendance(text, quality).total
    return None if t is None else (t.value, t.qualifier)


def test_cue_before_with_province_count():
    text = "Tham dự hội thảo có hơn 80 đại biểu đến từ 15 tỉnh, thành phố phía Bắc."
    att = attendance(text)
    assert (att.total.value, att.total.qualifier, att.total.unit) == (80, "more_than", "đại biểu")
    assert att.total.evidence[0].text == "hơn 80 đại biểu"
    assert [(c.value, c.unit) for c in att.counts] == [(15, "tỉnh/thành phố")]
    assert total(strip_diacritics(text), "no_diacritics") == (80, "more_than")


def test_number_in_words():
    text = "Buổi tọa đàm thu hút khoảng hai trăm sinh viên của nhà trường."
    assert total(text) == (200, "about")
    assert total(strip_diacritics(text), "no_diacritics") == (200, "about")
    assert total("Tham dự có hơn một trăm khách mời.") == (100, "more_than")


def test_cue_after_the_noun():
    text = "Gần 120 cán bộ, công chức của các sở, ngành trong tỉnh đã về dự."
    assert total(text) == (120, "about")
    assert total(strip_diacritics(text), "no_diacritics") == (120, "about")


def test_strong_noun_in_a_sentence_about_the_event():
    assert total("Hội nghị có 60 đại biểu là lãnh đạo các hợp tác xã.") == (60, "exact")


def test_qualifiers():
    assert total("Lớp học có ít nhất 40 học viên tham gia.") == (40, "at_least")
    assert total("Diễn đàn quy tụ trên 1.500 doanh nhân.") == (1500, "more_than")
    assert total("Chương trình thu hút xấp xỉ 90 người tham dự.") == (90, "about")


def test_statistics_are_not_attendance():
    assert total("Đến nay cả nước có 12,5 triệu người tham gia bảo hiểm y tế.") is None
    assert total("Huyện có 3.000 người tham gia bảo hiểm xã hội tự nguyện.") is None
    assert total("Dân số của xã khoảng 8.000 người.") is None


def test_other_units_are_counts_not_the_total():
    att = attendance("Tham dự hội thảo có đại diện 30 doanh nghiệp và 12 hợp tác xã.")
    assert att.total is None
    assert [(c.value, c.unit) for c in att.counts] == [(30, "doanh nghiệp"), (12, "hợp tác xã")]


def test_another_event_or_a_plan_is_not_attendance():
    assert total("Trước đó, một hội thảo chuyên đề đã thu hút 50 chuyên gia.") is None
    assert total("Dự kiến lễ hội sẽ thu hút khoảng 10.000 người tham dự.") is None
    assert total("Đại hội đã bầu 15 đồng chí vào Ban Chấp hành khóa mới.") is None


def test_nothing_stated():
    assert total("Hội nghị diễn ra trong một ngày tại Hà Nội.") is None
    assert total("") is None


def test_ocr_text():
    text = "Tham du Hoi nghi c6 hon 70 dai biéu dén tir cac S& KH&CN."
    assert total(text, "ocr_noisy") == (70, "more_than")


def test_present_out_of_elected_and_more_kinds_of_people():
    sitting = "Sáng 4/12, HĐND tỉnh khai mạc kỳ họp thứ 9. Dự kỳ họp có 47/50 đại biểu HĐND tỉnh."
    assert total(sitting) == (47, "exact")
    assert attendance(sitting).total.evidence[0].text == "47/50 đại biểu"
    scholars = "Sáng 4/12, Viện Sử học tổ chức hội thảo. Hội thảo thu hút gần 90 học giả đến từ 6 quốc gia."
    assert total(scholars) == (90, "about")
    bridges = ("Sáng 4/12, Bộ Nội vụ tổ chức hội nghị trực tuyến. Hơn 2.000 đại biểu là cán bộ các sở "
               "dự tại 63 điểm cầu.")
    assert total(bridges) == (2000, "more_than")
    assert total(strip_diacritics(bridges), "no_diacritics") == (2000, "more_than")


def test_a_count_told_of_another_edition_is_not_the_attendance():
    from meeting_extractor import extract

    text = ("Hội thảo Nông nghiệp xanh lần thứ ba\n\n"
            "Ngày 9/5/2024, tại TP Tuy Hòa, Sở Nông nghiệp tỉnh Phú Yên tổ chức Hội thảo Nông nghiệp xanh lần "
            "thứ ba. Hội thảo lần thứ hai được tổ chức năm 2022 với khoảng 80 đại biểu. Tham dự Hội thảo năm "
            "nay có gần 140 đại biểu đến từ 9 tỉnh.")
    for variant in (text, strip_diacritics(text)):
        record = extract(variant)
        assert record.event.edition == 3
        assert (record.attendance.total.value, record.attendance.total.qualifier) == (140, "about")


def test_counts_after_a_long_guest_list_a_gathering_that_has_them_and_a_trainings_audience():
    from meeting_extractor.document import Document
    from meeting_extractor.event import extract_event

    def total_of(text):
        doc = Document.from_text(text)
        _, doc.main_event = extract_event(doc)
        t = extract_attendance(doc).total
        return None if t is None else (t.value, t.qualifier)

    guests = ("Sáng 2/4, Thành đoàn tổ chức lễ ra quân chiến dịch Mùa hè xanh. Dự buổi lễ có đồng chí Lưu Minh "
              "Trí, Phó Bí thư Thành ủy; đồng chí Đặng Thu Hà, Phó Chủ tịch UBND thành phố; đồng chí Vũ Quốc "
              "Bảo, Bí thư Thành đoàn; đồng chí Ngô Thị Mai, Chủ tịch Hội Liên hiệp Thanh niên thành phố cùng "
              "hơn 400 đoàn viên, thanh niên.")
    assert total_of(guests) == (400, "more_than")
    course = "Từ ngày 4 đến 6/4, Phòng Giáo dục huyện tổ chức lớp bồi dưỡng chuyên môn. Lớp học có 85 lượt giáo viên."
    assert total_of(course) == (85, "exact")
    audience = ("Ngày 4/4, Sở Tư pháp tổ chức tập huấn kỹ năng hòa giải cho gần 150 hòa giải viên cơ sở của "
                "các xã miền núi.")
    assert total_of(audience) == (150, "about")
    for text in (guests, course, audience):
        assert total_of(strip_diacritics(text)) == total_of(text)


def test_ocr_cues_misprinted_beyond_the_repair():
    # "Dự lễ có" printed "Du 18 c6" ("lễ" read as 18); "dự tại" printed "duy tai"
    text = ("Sang 9/9, truong t6 chirc 1é ky niém 50 nam thanh lap. Du 18 c6 dong chi Lé Van Tam, "
            "Pho Chu tich UBND tinh, cung hon 600 dai biéu, cac thé hé thay c6 giao.")
    assert total(text, "ocr_noisy") == (600, "more_than")
    text = ("Sang 9/9, Bo Giao duc t6 chirc hoi nghi tryc tuyén toan quéc. Hon 2.000\n"
            "dai biéu la lanh dao cac s&, phong giao duc duy tai cac diém cau.")
    assert total(text, "ocr_noisy") == (2000, "more_than")
