"""The number of presentations and their titles, on short reports written for these tests."""
from __future__ import annotations

import pytest

from meeting_extractor.document import Document
from meeting_extractor.presentations import extract_presentations
from meeting_extractor.textview import fold

from conftest import strip_diacritics

LISTED = (
    "Hội thảo về kinh tế số\n\n"
    "Sáng 3/4, Sở Khoa học tổ chức hội thảo về kinh tế số. Tại hội thảo, các đại biểu đã được nghe "
    "năm báo cáo tham luận, cụ thể: Ứng dụng trí tuệ nhân tạo trong nông nghiệp; Chuyển đổi số ở cấp xã; "
    "Phát triển nguồn nhân lực số cho doanh nghiệp nhỏ. Hội thảo kết thúc vào buổi chiều."
)
HEARD = (
    "Hội nghị nghe Báo cáo đánh giá kết quả thực hiện đề án; Báo cáo định hướng giai đoạn mới "
    "và thảo luận về các giải pháp cho năm sau."
)
QUOTED = "Tham luận “Kinh tế tuần hoàn ở đô thị” của TS Trần Văn Bình nhận được nhiều sự quan tâm."


def make_doc(text: str) -> Document:
    return Document.from_text(text)


def run(text: str):
    result = extract_presentations(make_doc(text))
    for span in result.evidence + [s for item in result.items for s in item.evidence]:
        assert text[span.start:span.end] == span.text
    return result


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_count_and_listed_titles(variant):
    text = variant(LISTED)
    result = run(text)
    assert result.count == 5
    assert result.evidence and fold(result.evidence[0].text).startswith("nam bao cao")
    titles = [fold(i.title) for i in result.items]
    assert titles == [
        "ung dung tri tue nhan tao trong nong nghiep",
        "chuyen doi so o cap xa",
        "phat trien nguon nhan luc so cho doanh nghiep nho",
    ]
    assert all(i.presenter is None for i in result.items)


def test_titles_keep_the_original_words_and_join_lines():
    text = LISTED.replace("trong nông nghiệp;", "trong\nnông nghiệp;")
    result = run(text)
    assert result.items[0].title == "Ứng dụng trí tuệ nhân tạo trong nông nghiệp"
    assert result.items[0].alignment == "exact"


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_counts_in_digits_and_words(variant):
    assert run(variant("Hội nghị đã nhận được 25 bài tham luận của các nhà khoa học.")).count == 25
    assert run(variant("Các chuyên gia trình bày gần 40 báo cáo khoa học tại hội nghị.")).count == 40
    assert run(variant("Ban tổ chức đã nhận mười hai bài viết gửi tới hội thảo.")).count == 12


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_not_a_count(variant):
    # "sau báo cáo" is "after the report"; a single report has no number
    assert run(variant("Sau báo cáo của Sở Tài chính, các đại biểu thảo luận sôi nổi.")).count is None
    assert run(variant("Hội nghị nghe báo cáo tổng kết công tác năm.")).count is None
    # a running total over past editions is not this event's number
    assert run(variant("Tính đến nay, chương trình đã tiếp nhận hơn 500 bài tham luận.")).count is None
    # "trình bày" is not "trình bảy"
    assert run(variant("Các tác giả trình bày báo cáo tại phiên toàn thể.")).count is None


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_works_count_only_when_presented(variant):
    assert run(variant("Nhóm nghiên cứu đã trình bày 3 công trình tại hội nghị.")).count == 3
    assert run(variant("Tỉnh đang xây dựng 12 công trình giao thông trọng điểm.")).count is None


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_heard_reports(variant):
    result = run(variant(HEARD))
    assert [fold(i.title) for i in result.items] == [
        "bao cao danh gia ket qua thuc hien de an",
        "bao cao dinh huong giai doan moi",
    ]


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_quoted_title_and_presenter(variant):
    result = run(variant(QUOTED))
    assert len(result.items) == 1
    assert fold(result.items[0].title) == "kinh te tuan hoan o do thi"
    assert fold(result.items[0].presenter) == "ts tran van binh"


def test_no_diacritics_values_are_as_printed():
    result = run(strip_diacritics(QUOTED))
    assert result.items[0].alignment == "as_printed"


def test_nothing_to_find():
    assert run("").count is None
    result = run("Chiều 5/6, Bộ Y tế tổ chức họp báo về tình hình dịch bệnh.")
    assert result.count is None and result.items == [] and result.evidence == []


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_title_after_presenting(variant):
    text = variant("Bà Lê Thu Hà, Trưởng phòng Kế hoạch trình bày báo cáo tổng kết công tác năm 2023 "
                   "và phương hướng năm 2024. Các báo cáo viên được trình bày bởi nhiều chuyên gia.")
    result = run(text)
    assert [fold(i.title) for i in result.items] == [
        "tong ket cong tac nam 2023 va phuong huong nam 2024"]
    # a legal basis after the title is not part of it
    result = run(variant("Ông Hải trình bày báo cáo kết quả thực hiện đề án theo Quyết định 123/QĐ-UBND."))
    assert [fold(i.title) for i in result.items] == ["ket qua thuc hien de an"]


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_sessions_of_a_training_course(variant):
    text = variant("Trong hai ngày, học viên được truyền đạt ba chuyên đề, gồm: Kỹ năng soạn thảo văn bản; "
                   "Lưu trữ hồ sơ điện tử; An toàn thông tin trong cơ quan nhà nước.")
    result = run(text)
    assert result.count == 3
    assert len(result.items) == 3
    # "chuyên đề" without presenting words is not a count ("3 hội nghị chuyên đề")
    assert run(variant("Ngành sẽ tổ chức 3 hội nghị chuyên đề trong quý tới.")).count is None


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_a_list_is_not_a_list_of_subjects_and_skips_a_summary_item(variant):
    text = variant("Hội thảo có 20 báo cáo về các chủ đề: nông nghiệp xanh, năng lượng tái tạo và "
                   "giảm phát thải.")
    assert run(text).items == []
    text = variant("Hội nghị đã nghe 8 báo cáo, cụ thể: Chọn tạo giống lúa chịu mặn; Quản lý dịch hại "
                   "tổng hợp; cùng 6 báo cáo khác về thị trường.")
    result = run(text)
    assert result.count == 8
    assert [fold(i.title) for i in result.items] == ["chon tao giong lua chiu man", "quan ly dich hai tong hop"]


def test_a_list_after_a_colon_at_the_line_end_and_a_stray_quote():
    text = ("Hội nghị đã nghe 3 báo cáo, cụ thể:\n\" Bảo tồn rừng ngập mặn ven biển; "
            "Phục hồi rạn san hô; Nuôi trồng rong biển bền vững.")
    result = run(text)
    assert [fold(i.title) for i in result.items] == [
        "bao ton rung ngap man ven bien", "phuc hoi ran san ho", "nuoi trong rong bien ben vung"]


def test_presenter_with_a_lower_case_form_of_address():
    result = run("Tại hội nghị, tham luận “Xây dựng làng văn hóa kiểu mẫu” của ông Hoàng Văn Tú, "
                 "Bí thư Đảng ủy xã, được đánh giá cao.")
    assert result.items[0].presenter == "ông Hoàng Văn Tú"


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_listed_quoted_titles_with_their_presenters(variant):
    text = variant(
        "Sáng 3/4, Sở Khoa học tổ chức hội thảo về nông nghiệp số. Hội thảo nghe 7 tham luận, đáng chú ý là "
        "các tham luận: “Cảm biến độ ẩm giá rẻ cho vườn cà phê” của ThS. Vũ Thị Lan, Trường Đại học Tây Nguyên; "
        "“Dự báo sâu bệnh bằng ảnh vệ tinh” của BS CKI Hà Văn Tường (Trạm Y tế xã); "
        "“Sàn giao dịch nông sản của tỉnh” của ông Lục Văn Mạnh, Giám đốc hợp tác xã."
    )
    result = extract_presentations(make_doc(text))
    assert result.count == 7
    got = [(fold(i.title), fold(i.presenter or "")) for i in result.items]
    assert got == [
        (fold("Cảm biến độ ẩm giá rẻ cho vườn cà phê"), fold("ThS. Vũ Thị Lan")),
        (fold("Dự báo sâu bệnh bằng ảnh vệ tinh"), fold("BS CKI Hà Văn Tường")),
        (fold("Sàn giao dịch nông sản của tỉnh"), fold("ông Lục Văn Mạnh")),
    ]
    for item in result.items:
        assert text[item.evidence[0].start:item.evidence[0].end] == item.evidence[0].text


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_topics_of_a_training_course_are_its_presentations(variant):
    guided = variant(
        "Sáng 3/4, Hội Nông dân huyện tổ chức lớp tập huấn nuôi ong. Lớp học gồm 3 chuyên đề do KS. Trịnh Văn "
        "Khải, cán bộ Trạm Khuyến nông, trực tiếp hướng dẫn: Chọn giống ong nội; Phòng bệnh cho đàn ong mùa mưa; "
        "Thu hoạch và bảo quản mật. Cuối buổi, học viên được thực hành tại vườn."
    )
    result = run(guided)
    assert result.count == 3
    assert [fold(i.title) for i in result.items] == [
        "chon giong ong noi", "phong benh cho dan ong mua mua", "thu hoach va bao quan mat"]
    quoted = variant(
        "Trong hai ngày, học viên được nghiên cứu 6 chuyên đề, trong đó có: “Kỹ năng sơ cứu ban đầu”; "
        "“Quy trình ứng phó cháy nổ tại khu dân cư”. Các chuyên đề do Đại úy Lê Văn Hậu trình bày."
    )
    result = run(quoted)
    assert result.count == 6
    assert [fold(i.title) for i in result.items] == [
        "ky nang so cuu ban dau", "quy trinh ung pho chay no tai khu dan cu"]


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_titles_one_to_a_line_with_their_presenters(variant):
    bullets = variant(
        "Sáng 2/3, Bệnh viện Nhi tỉnh tổ chức hội thảo khoa học. Hội thảo có 6 báo cáo, tiêu biểu là:\n\n"
        "• Điều trị sốt xuất huyết ở trẻ nhỏ - TS.BS Lục Văn Hòa, Khoa Nhiễm;\n"
        "• Dinh dưỡng cho trẻ sinh non - ThS Âu Thị Ngân, Khoa Sơ sinh;\n"
        "• Phòng ngừa té ngã ở trẻ nằm viện - BSCKI Mạc Văn Quý.\n\n"
        "Các báo cáo nhận được nhiều câu hỏi.")
    result = run(bullets)
    assert result.count == 6
    assert [(fold(i.title), fold(i.presenter or "")) for i in result.items] == [
        ("dieu tri sot xuat huyet o tre nho", "ts.bs luc van hoa"),
        ("dinh duong cho tre sinh non", "ths au thi ngan"),
        ("phong ngua te nga o tre nam vien", "bscki mac van quy"),
    ]
    numbered = variant(
        "Từ 12 đến 14/3, Phòng Giáo dục tổ chức lớp bồi dưỡng. Học viên được học các chuyên đề:\n\n"
        "1. Thiết kế bài dạy theo chủ đề;\n2. Đánh giá năng lực học sinh;\n3. Ứng dụng phần mềm trình chiếu.\n\n"
        "Cuối khóa, học viên làm bài thu hoạch.")
    assert [fold(i.title) for i in run(numbered).items] == [
        "thiet ke bai day theo chu de", "danh gia nang luc hoc sinh", "ung dung phan mem trinh chieu"]


@pytest.mark.parametrize("variant", [lambda t: t, strip_diacritics])
def test_a_presenter_after_do_and_subjects_are_not_titles(variant):
    by_do = variant(
        "Tại hội thảo, các đại biểu đã nghe hai báo cáo: Sinh kế ven biển trước biến đổi khí hậu, do TS Kha "
        "Văn Tùng, Viện Hải dương học trình bày; Kế hoạch hoạt động năm đầu, do bà Lý Thu Hằng trình bày.")
    assert [(fold(i.title), fold(i.presenter or "")) for i in run(by_do).items] == [
        ("sinh ke ven bien truoc bien doi khi hau", "ts kha van tung"),
        ("ke hoach hoat dong nam dau", "ba ly thu hang")]
    subjects = variant("Hội thảo nghe 9 tham luận, tập trung vào ba nhóm vấn đề: giống cây; kỹ thuật trồng; thị trường.")
    assert run(subjects).items == []


def test_ocr_titles_and_presenter_are_read_after_the_ocr_repair():
    text = ("Hoi thao vé chan nuoi\n\n"
            "Sang 3/4, Tram Khuyén nong t6 chirc hoi thao vé chan nuoi. Tai hoi thao, cac dai biéu dugc nghe "
            "ba bao cdo tham luan, cu thé: Ky thuat chuéng trai cho bd; Phong bénh cho dan ga; "
            "Nudi ca trong ruéng lua. Hoi thao két thuc vao budi chiéu. "
            "Tham luan “Thire an tir phu phdm nong nghiép” cta TS Tran Van Binh dugc quan tam.")
    doc = Document.from_text(text, quality="ocr_noisy")
    result = extract_presentations(doc)
    titles = {fold(i.title): i for i in result.items}
    # the misread syllables as repaired ("chuéng" -> chuong, "bd" -> bo), not as printed
    assert "ky thuat chuong trai cho bo" in titles, list(titles)
    assert titles["ky thuat chuong trai cho bo"].alignment == "repaired"
    quoted = titles.get("thuc an tu phu pham nong nghiep")
    assert quoted is not None, list(titles)
    assert fold(quoted.presenter) == "ts tran van binh"
    for item in result.items:
        for span in item.evidence:
            assert text[span.start:span.end] == span.text


def test_listed_items_with_blank_lines_between_them_and_wrapped_lines():
    # a list set one item to a line, each item's lines wrapped by the print, a blank line between items
    text = ("Lop tap huan vé trong lua\n\n"
            "Sang 3/4, Tram Khuyén nong t6 chirc lop tap huan. Hoc vién dugc nghe cac chuyén dé:\n\n"
            "1. Chon giong lua chiu man cho cac xa ven bién va cach lam dat\n"
            "truéc khi gieo sa;\n\n"
            "2. Bon phan can déi theo tirng giai doan sinh truéng;\n\n"
            "3. Phong tri sau bénh tong hop tren dong ruong.\n\n"
            "Cac hoc vién déu danh gia cao noi dung lop hoc.")
    doc = Document.from_text(text, quality="ocr_noisy")
    titles = [fold(i.title) for i in extract_presentations(doc).items]
    assert titles == [
        "chon giong lua chiu man cho cac xa ven bien va cach lam dat truoc khi gieo sa",
        "bon phan can doi theo tung giai doan sinh truong",
        "phong tri sau benh tong hop tren dong ruong",
    ]


def test_ocr_bullets_read_as_guillemets_and_an_item_split_by_a_blank_line():
    # the model reads a round bullet as "«" or "»", and may set a blank line inside an item
    text = ("Hoi thao vé tim mach\n\n"
            "Sang 3/4, Bénh vién tinh t6 chirc hoi thao. Hoi thao gom 5 bao cao, tiéu biéu la:\n"
            "« Diéu tri suy tim man tinh & ngudi cao tudi - TS\n\n"
            "Ha Van Long, Khoa Tim mach;\n\n"
            "» Phuc hoi chirc nang sau dot nhoi mau co tim - ThS Lé Thi Mai;\n\n"
            "« Dinh duéng cho ngudi bénh tang huyét ap - BS Vo Thanh Son.\n\n"
            "Cac dai biéu trao déi soi noi.")
    doc = Document.from_text(text, quality="ocr_noisy")
    titles = [fold(i.title) for i in extract_presentations(doc).items]
    assert len(titles) == 3, titles
    assert titles[1] == "phuc hoi chuc nang sau dot nhoi mau co tim"
    assert titles[2] == "dinh duong cho nguoi benh tang huyet ap"
