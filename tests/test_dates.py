"""The date-range finder: the forms reports use, with and without diacritics, and the distractors."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import strip_diacritics
from meeting_extractor.dates import digits_view, extract_date_range
from meeting_extractor.document import Document, Mention


def _doc(text: str, *, quality: str | None = None, reference_date: dt.date | None = None) -> Document:
    return Document.from_text(text, quality=quality, reference_date=reference_date)


def _run(text: str, **kw):
    doc = _doc(text, **kw)
    r = extract_date_range(doc)
    if r is not None:
        assert r.evidence
        for s in r.evidence:
            assert text[s.start:s.end] == s.text, s
    return r


def _both(text: str, start: str, end: str, source: str | None = None, **kw) -> None:
    """The text and its diacritic-free copy give the same range."""
    for variant in (text, strip_diacritics(text)):
        r = _run(variant, **kw)
        assert r is not None, variant
        assert (r.start, r.end) == (start, end), variant
        if source is not None:
            assert r.year_source == source, variant


# --- one day ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, day", [
    ("Ngày 28/7/2015, tại Huế, Sở Nội vụ tổ chức hội nghị triển khai công tác cải cách.", "2015-07-28"),
    ("Sáng 28-7-2015, Hội Luật gia tỉnh tổ chức tọa đàm về hòa giải ở cơ sở.", "2015-07-28"),
    ("Vào ngày 15.10.2020, Viện Dinh dưỡng tổ chức hội thảo trực tuyến với các bệnh viện.", "2020-10-15"),
    ("Ngày 5 tháng 3 năm 2021, Hội Cựu chiến binh huyện tổ chức đại hội nhiệm kỳ mới.", "2021-03-05"),
    ("Chiều ngày 05/03/2021, Ban quản lý dự án tổ chức họp báo công bố kết quả.", "2021-03-05"),
    ("Thứ Năm, ngày 6/7/2017, tại Cần Thơ, Trung tâm Khuyến nông tổ chức lớp tập huấn cho nông dân.", "2017-07-06"),
    ("Tối 2/9/2019, Thành đoàn tổ chức lễ mít tinh tại quảng trường.", "2019-09-02"),
])
def test_single_day(text, day):
    _both(text, day, day, "text")


def test_single_day_evidence_is_the_date_phrase():
    text = "Sáng ngày 6/7/2017, tại Vũng Tàu, Sở Tư pháp tổ chức hội nghị."
    r = _run(text)
    assert r.evidence[0].text == "Sáng ngày 6/7/2017"


# --- ranges -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end", [
    ("Từ ngày 28-29/7/2015, tại Nha Trang, Cục Thủy sản tổ chức hội nghị các tỉnh ven biển.", "2015-07-28", "2015-07-29"),
    ("Ngày 28, 29/7/2015, Học viện tổ chức hội thảo khoa học quốc gia.", "2015-07-28", "2015-07-29"),
    ("Từ ngày 8 đến ngày 10 tháng 1 năm 2024, Bộ Công Thương tổ chức hội chợ hàng Việt.", "2024-01-08", "2024-01-10"),
    ("Từ ngày 6 đến ngày 8/7/2017, Bộ Tư pháp tổ chức lớp bồi dưỡng nghiệp vụ.", "2017-07-06", "2017-07-08"),
    ("Từ 30/11 đến 2/12/2015, tại Cần Thơ, Hiệp hội tổ chức triển lãm nông sản.", "2015-11-30", "2015-12-02"),
    ("Từ 29/12/2023 đến 2/1/2024, tỉnh đoàn tổ chức trại huấn luyện kỹ năng.", "2023-12-29", "2024-01-02"),
    ("Từ 29/12 đến 2/1/2024, Nhà văn hóa tổ chức triển lãm ảnh.", "2023-12-29", "2024-01-02"),
    ("Ngày 30/6 và 1/7/2022, Huyện ủy tổ chức hội nghị lần thứ 9.", "2022-06-30", "2022-07-01"),
])
def test_ranges_with_year(text, start, end):
    _both(text, start, end, "text")


@pytest.mark.parametrize("text, start, end", [
    ("Trong hai ngày 28 và 29/7, Trường Đại học Y tổ chức hội thảo chuyên đề tim mạch.", "--07-28", "--07-29"),
    ("Hội nghị của Liên minh Hợp tác xã diễn ra trong 2 ngày (28-29/7) tại Hội An.", "--07-28", "--07-29"),
    ("Trong hai ngày 16 và 17-5 tại Long An, Sở Giáo dục tổ chức hội thảo chuyên môn.", "--05-16", "--05-17"),
])
def test_ranges_without_year(text, start, end):
    _both(text, start, end, "unknown")


def test_range_stated_later_completes_the_opening_day():
    text = ("Sáng 24/6, Hội nghị Ban Chấp hành Hội Nông dân tỉnh đã khai mạc tại Vinh. "
            "Diễn ra trong hai ngày (24-25/6), hội nghị thảo luận về báo cáo chính trị.")
    _both(text, "--06-24", "--06-25")


def test_length_in_days_gives_the_end():
    text = ("Sáng 11/7, Hội đồng nhân dân thành phố khai mạc kỳ họp thứ năm. "
            "Kỳ họp diễn ra trong 3 ngày, xem xét nhiều báo cáo quan trọng.")
    _both(text, "--07-11", "--07-13")


def test_half_days_round_up():
    text = "Sáng 11/7, Ủy ban khai mạc phiên họp thứ 8. Phiên họp diễn ra trong 1,5 ngày."
    _both(text, "--07-11", "--07-12")


def test_closing_day():
    text = ("Ngày 9/11/2023, tại Hà Nội, Bộ Văn hóa khai mạc triển lãm sách cổ. "
            "Triển lãm sẽ bế mạc ngày 12/11/2023.")
    _both(text, "2023-11-09", "2023-11-12")


# --- the year -------------------------------------------------------------------------------------

def test_no_year_anywhere():
    _both("Chiều ngày 12-8, tại Huế, Hội Dược liệu tổ chức hội thảo về cây thuốc.", "--08-12", "--08-12", "unknown")


def test_reference_date_gives_the_year():
    text = "Chiều ngày 12-8, tại Huế, Hội Dược liệu tổ chức hội thảo về cây thuốc."
    _both(text, "2019-08-12", "2019-08-12", "reference_date", reference_date=dt.date(2019, 8, 14))
    # a late-December event reported in January belongs to the year before
    text = "Sáng 28/12, Liên đoàn Lao động tỉnh tổ chức hội nghị tổng kết."
    _both(text, "2019-12-28", "2019-12-28", "reference_date", reference_date=dt.date(2020, 1, 3))


def test_dateline_gives_the_year():
    text = ("Hà Nội, ngày 6/12/2019 – Sáng 5/12, tại trụ sở Bộ, Vụ Pháp chế tổ chức hội thảo "
            "góp ý dự thảo luật.")
    _both(text, "2019-12-05", "2019-12-05", "context")
    r = _run(text)
    assert any(s.text == "ngày 6/12/2019" for s in r.evidence)


@pytest.mark.parametrize("header", ["(Cập nhật 14/03/2022)", "Thứ Hai, 14/03/2022 09:15"])
def test_publication_line_gives_the_year(header):
    text = header + "\n\nNgày 10/3, tại Đà Lạt, Viện Sinh học tổ chức tọa đàm về bảo tồn lan rừng."
    _both(text, "2022-03-10", "2022-03-10", "context")


def test_event_name_gives_the_year():
    text = "Sáng 12/6, Sở Tài chính tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm 2018."
    _both(text, "2018-06-12", "2018-06-12", "context")


def test_agenda_in_the_next_sentence_gives_the_year():
    text = ("Chiều 20/6, Ban Thường trực tổ chức hội nghị lần thứ 5. Hội nghị cho ý kiến vào báo cáo "
            "6 tháng đầu năm 2018 và chương trình công tác.")
    _both(text, "2018-06-20", "2018-06-20", "context")


@pytest.mark.parametrize("text", [
    "Sáng 12/6, Sở Kế hoạch tổ chức hội thảo về kế hoạch giai đoạn 2021-2025 và tầm nhìn đến năm 2030.",
    "Ngày 17/6, Sở Tư pháp tổ chức hội nghị sơ kết thi hành Luật Đầu tư năm 2020.",
    "Ngày 7/7, Công đoàn ngành tổ chức đại hội nhiệm kỳ 2023 - 2028.",
    "Sáng 15/2, Sở Công Thương tổ chức hội nghị tổng kết công tác năm 2022.",
])
def test_years_that_are_not_the_event_year(text):
    r = _run(text)
    assert r.start.startswith("--") and r.year_source == "unknown", text
    r = _run(strip_diacritics(text))
    assert r.start.startswith("--"), text


def test_same_day_written_in_full_elsewhere():
    text = ("Chiều 8/5, Hiệp hội Du lịch tổ chức hội thảo về du lịch biển. Hội thảo nằm trong chuỗi "
            "sự kiện Tuần lễ Du lịch biển diễn ra từ ngày 6-12/5/2019.")
    _both(text, "2019-05-08", "2019-05-08", "context")


# --- distractors ---------------------------------------------------------------------------------

def test_legal_citation_date_is_not_the_event():
    text = ("Thực hiện Quyết định số 1234/QĐ-UBND ngày 15/4/2014 của UBND tỉnh, sáng 20/5, Sở Xây dựng "
            "tổ chức hội nghị phổ biến quy hoạch.")
    _both(text, "--05-20", "--05-20", "unknown")


def test_decree_cited_with_its_date_first():
    text = ("Nghị định của Chính phủ ngày 2/3/2021 quy định nhiều điểm mới. Ngày 9/4, Bộ Tài chính "
            "tổ chức hội thảo lấy ý kiến doanh nghiệp.")
    _both(text, "--04-09", "--04-09")


def test_deadline_is_not_the_event():
    text = ("Ngày 3/10/2022, Sở Khoa học tổ chức lớp tập huấn thống kê. Sở đề nghị các đơn vị gửi "
            "báo cáo trước ngày 30/10.")
    _both(text, "2022-10-03", "2022-10-03", "text")
    text = ("Các đơn vị gửi hồ sơ trước ngày 5/9/2022. Chiều 12/9, Sở Giáo dục tổ chức họp báo "
            "về năm học mới.")
    _both(text, "--09-12", "--09-12")


def test_earlier_event_and_plan_lose_to_the_reported_one():
    text = ("Công tác nhân sự sẽ được Ban Thường vụ họp và quyết định vào ngày 22/6. "
            "Chiều 21/6, tại Hà Nội, Ủy ban tổ chức hội nghị lần thứ 12.")
    _both(text, "--06-21", "--06-21")
    text = ("Ngày 27/3/2025, tại Huế, Sở tổ chức diễn đàn khởi nghiệp. Trước đó, chiều 26/3, "
            "đã diễn ra hội thảo về vốn đầu tư.")
    _both(text, "2025-03-27", "2025-03-27")


def test_main_event_sentence_wins():
    text = ("Ngày 3/6, Sở Y tế ký kết hợp tác với bệnh viện tỉnh bạn. Ngày 5/6, Sở tổ chức "
            "hội nghị triển khai kế hoạch phòng dịch.")
    doc = _doc(text)
    pos = doc.folded.index("ngay 5/6")
    doc.main_event = Mention(pos, pos + 40)
    r = extract_date_range(doc)
    assert (r.start, r.end) == ("--06-05", "--06-05")


@pytest.mark.parametrize("text", [
    "Cuộc họp có thể lùi lại 1-2 ngày nếu cần thiết.",
    "Công nghệ 4.0 đang thay đổi ngành nông nghiệp.",
    "Không có số liệu nào trong bài.",
    "",
])
def test_no_date(text):
    assert _run(text) is None


def test_numbers_are_not_dates():
    # ranges of quantities and document symbols are not dates
    text = "Năm nay có 150-160 loại gỗ nhập khẩu, theo Nghị định 11/2014/NĐ-CP và Chỉ thị 16/CT-TTg."
    assert _run(text) is None


# --- OCR ------------------------------------------------------------------------------------------

def test_ocr_digits_in_date_tokens():
    assert digits_view("ngay 2l/11/20i4 va o5/12") == "ngay 21/11/2014 va 05/12"
    assert digits_view("ho1 nghi s6 29/2014") == "ho1 nghi s6 29/2014"
    # OCR junk beyond ASCII ("€") is no digit and changes nothing; a digit of another script still
    # makes a date-shaped token (U+0662 is Arabic-Indic 2)
    assert digits_view("€ ngay 2l/11/20i4 ¥") == "€ ngay 21/11/2014 ¥"
    assert digits_view("€ ho1 nghi s6 29/2014") == "€ ho1 nghi s6 29/2014"
    assert digits_view("€ ngay \u0662l/11/2014") == "€ ngay \u06621/11/2014"
    text = "Ngay 2l/11/20I4, tai Hai Phong, Cuc Thong tin t6 chirc Hoi nghi tong két."
    r = _run(text, quality="ocr_noisy")
    assert (r.start, r.end) == ("2014-11-21", "2014-11-21")


def test_ocr_range_split_over_lines():
    text = "Dai hoi nam trong khuén khé Tuan 1é Van hoa tir ngay\n7-13/5/2018 tai Pa Nang."
    r = _run(text, quality="ocr_noisy")
    assert (r.start, r.end) == ("2018-05-07", "2018-05-13")


# --- more shapes and traps ----------------------------------------------------------------------

def test_list_of_days():
    text = "Trong các ngày 6, 7 và 8/7/2022, Sở Du lịch tổ chức hội chợ ẩm thực đường phố."
    _both(text, "2022-07-06", "2022-07-08", "text")


def test_range_to_the_end_of_a_day():
    text = "Từ ngày 5/6 đến hết ngày 10/6/2021, Thư viện tỉnh tổ chức triển lãm sách."
    _both(text, "2021-06-05", "2021-06-10", "text")


def test_lunar_date_is_not_the_event():
    text = ("Lễ hội truyền thống diễn ra vào ngày 10/3 âm lịch hằng năm. Sáng 15/4, Ban quản lý di tích "
            "tổ chức họp báo giới thiệu lễ hội.")
    _both(text, "--04-15", "--04-15")


def test_old_dated_occasion_loses_to_this_year():
    text = ("Hội nghị lần đầu được tổ chức ngày 5/6/2010 tại Huế. Ngày 6/6/2018, Hiệp hội tổ chức "
            "hội nghị lần thứ chín.")
    _both(text, "2018-06-06", "2018-06-06", "text")


def test_anniversary_period_is_not_a_range():
    text = ("Kỷ niệm 70 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2017), sáng 25/7, Tỉnh ủy "
            "tổ chức lễ mít tinh.")
    _both(text, "--07-25", "--07-25")


def test_fair_name_gives_the_year():
    text = "Ngày 2/11, tại Hà Nội, Bộ Khoa học khai mạc Techmart 2015 với hơn 300 gian hàng."
    _both(text, "2015-11-02", "2015-11-02", "context")


def test_headline_name_gives_the_year():
    text = ("Hội thảo quốc tế về y học cổ truyền năm 2019\n\nSáng 14/10, tại Huế, Trường Đại học Y "
            "tổ chức hội thảo quốc tế về y học cổ truyền.")
    _both(text, "2019-10-14", "2019-10-14", "context")


def test_two_candidate_years_give_none():
    text = ("Sáng 14/1, Sở Tài chính tổ chức hội nghị đánh giá kết quả năm 2018 và triển khai "
            "nhiệm vụ năm 2019.")
    r = _run(text)
    assert r.start == "--01-14" and r.year_source == "unknown"


def test_garbled_part_of_day_still_fronts_the_date():
    text = ("Cong tac nhan su sé duoc Ban Thuong vu hop vao ngay 22/6.\n\n"
            "Chiu 21/6, tai Ha Noi, Uy ban t6 chirc Hoi nghi lan thir 12.")
    r = _run(text, quality="ocr_noisy")
    assert r.start == "--06-21"


def test_closing_reported_on_a_later_day():
    text = ("Sáng 5/12, tại Đà Nẵng, Hiệp hội Du lịch khai mạc hội nghị thường niên. "
            "Chiều 6/12, hội nghị bế mạc sau hai ngày làm việc.")
    _both(text, "--12-05", "--12-06")


def test_length_stated_before_the_first_day():
    text = "Hội thảo diễn ra trong 2 ngày, từ ngày 5/6/2020 tại Hà Nội, do Viện Toán học tổ chức."
    _both(text, "2020-06-05", "2020-06-06", "text")


@pytest.mark.parametrize("header", ["Cập nhật ngày: 06/07/2017", "Ngày đăng: 2017-07-06 10:25"])
def test_more_publication_lines(header):
    text = header + "\n\nSáng 5/7, tại Hà Nội, Hội Nhà báo tổ chức tọa đàm về báo chí số."
    _both(text, "2017-07-05", "2017-07-05", "context")


def test_anniversary_day_loses_to_the_meeting_day():
    text = "Nhân kỷ niệm ngày 8/3, sáng 6/3, Hội Phụ nữ phường tổ chức tọa đàm về bình đẳng giới."
    _both(text, "--03-06", "--03-06")


def test_time_after_a_lead_date_is_no_dateline():
    text = "Ngày 5/6/2018, 8h30, hội nghị khai mạc tại hội trường tỉnh."
    _both(text, "2018-06-05", "2018-06-05", "text")


def test_two_digit_year():
    _both("Ngày 06/07/17, Hội Khuyến học tỉnh tổ chức đại hội lần thứ tư.", "2017-07-06", "2017-07-06", "text")


def test_wrapped_line_is_no_dateline():
    text = "Hiép hoi Du lich t6 chirc hoi thao vé du lich bién khai mac vao\n5/6/2018.\nTham du c6 150 dai biéu."
    r = _run(text, quality="ocr_noisy")
    assert (r.start, r.end) == ("2018-06-05", "2018-06-05")
    text = "Hiép hoi Du lich t6 chirc hoi thao vé du lich bién va\n5/6/2018.\nTham du c6 150 dai biéu."
    r = _run(text, quality="ocr_noisy")
    assert (r.start, r.end) == ("2018-06-05", "2018-06-05")


def test_an_exhibition_open_until_a_date_ends_then_and_gives_the_year():
    _both("Tối 12/10, Bảo tàng tỉnh khai mạc triển lãm tranh cổ động. Triển lãm mở cửa phục vụ khách "
          "tham quan đến hết ngày 3/11/2024.", "2024-10-12", "2024-11-03")
    # a deadline stays a deadline
    _both("Tối 12/10, Bảo tàng tỉnh khai mạc triển lãm tranh cổ động. Hồ sơ dự thi vòng sau nhận đến hết "
          "ngày 3/11/2024.", "--10-12", "--10-12")


def test_a_range_never_runs_over_a_blank_line():
    # "tối" (evening) folds like "tới" (to): "lần thứ 3 / Tối 15-12" is no range "3 tới 15/12"
    _both("Trao giải cuộc thi Sáng tạo trẻ lần thứ 3\n\nTối 15-12, tại Nhà Văn hóa thành phố, Thành Đoàn "
          "tổ chức lễ trao giải cuộc thi năm 2023.", "2023-12-15", "2023-12-15")


def test_held_today_or_yesterday_takes_the_datelines_day():
    _both("Ký kết hợp tác\n\nĐà Lạt, 12-3-2024 - Sáng nay, tại thành phố Đà Lạt, UBND tỉnh tổ chức Lễ ký kết "
          "thỏa thuận hợp tác với hai trường đại học.", "2024-03-12", "2024-03-12")
    _both("Ký kết hợp tác\n\nĐà Lạt, 12-3-2024 - Hôm qua, tại thành phố Đà Lạt, UBND tỉnh tổ chức Lễ ký kết "
          "thỏa thuận hợp tác với hai trường đại học.", "2024-03-11", "2024-03-11")
