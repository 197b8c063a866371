"""Discussion topics and conclusions, on short reports written for these tests."""
from __future__ import annotations

import pytest
from conftest import strip_diacritics

from meeting_extractor.discussion import extract_discussion
from meeting_extractor.matching import trie_pattern
from meeting_extractor.document import Document
from meeting_extractor.textview import fold

SAME = lambda t: t  # noqa: E731
VARIANTS = [SAME, strip_diacritics]


def make_doc(text: str) -> Document:
    return Document.from_text(text)


def run(text: str) -> tuple[list[str], list[str]]:
    topics, conclusions = extract_discussion(make_doc(text))
    for st in topics + conclusions:
        assert st.evidence
        for span in st.evidence:
            assert text[span.start:span.end] == span.text
    return [fold(t.text) for t in topics], [fold(c.text) for c in conclusions]


@pytest.mark.parametrize("variant", VARIANTS)
def test_topics_listed_after_a_colon_and_semicolons(variant):
    text = variant("Tại hội nghị, các đại biểu tập trung thảo luận về: công tác quy hoạch đô thị; "
                   "việc bố trí vốn đầu tư công; cơ chế huy động nguồn lực xã hội.")
    topics, conclusions = run(text)
    assert topics == ["cong tac quy hoach do thi", "viec bo tri von dau tu cong",
                      "co che huy dong nguon luc xa hoi"]
    assert conclusions == []


@pytest.mark.parametrize("variant", VARIANTS)
def test_topics_split_at_commas_between_parallel_verb_phrases(variant):
    text = variant("Trong phần thảo luận, các đại biểu trao đổi về xây dựng cơ sở dữ liệu dân cư, "
                   "nâng cấp hạ tầng mạng nội bộ, đào tạo cán bộ quản trị hệ thống...")
    topics, _ = run(text)
    assert topics == ["xay dung co so du lieu dan cu", "nang cap ha tang mang noi bo",
                      "dao tao can bo quan tri he thong"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_noun_list_stays_one_topic(variant):
    text = variant("Các đại biểu cho ý kiến về những khó khăn, vướng mắc trong thu hồi đất.")
    topics, _ = run(text)
    assert topics == ["nhung kho khan, vuong mac trong thu hoi dat"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_chair_closing_commitments(variant):
    text = variant("Kết luận hội nghị, ông Lê Văn Nam cam kết sẽ tăng cường phối hợp giữa các sở ngành, "
                   "hoàn thiện quy chế làm việc của tổ công tác, đẩy nhanh tiến độ giải ngân vốn đầu tư.")
    topics, conclusions = run(text)
    assert topics == []
    assert conclusions == ["tang cuong phoi hop giua cac so nganh",
                           "hoan thien quy che lam viec cua to cong tac",
                           "day nhanh tien do giai ngan von dau tu"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_directive_runs_on_into_the_next_sentence(variant):
    text = variant("Phát biểu tại hội nghị, Bộ trưởng yêu cầu các địa phương rà soát danh sách hộ nghèo "
                   "trước tháng sáu. Đồng thời, các sở cần công khai kết quả rà soát trên cổng thông tin. "
                   "Theo báo cáo, năm qua tỉnh đã giảm hơn hai nghìn hộ nghèo.")
    _, conclusions = run(text)
    assert conclusions == ["cac dia phuong ra soat danh sach ho ngheo truoc thang sau",
                           "cac so can cong khai ket qua ra soat tren cong thong tin"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_nouns_and_past_facts_are_not_conclusions(variant):
    text = variant("Dự án đáp ứng yêu cầu của người dân về nước sạch. Năm ngoái, Bộ đã giao cho "
                   "tỉnh thực hiện dự án. Ông Hùng cho biết Quyết định 125/QĐ-UBND đã được ban hành.")
    assert run(text) == ([], [])


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_participants_claim_and_its_follow_up(variant):
    text = variant("Ông Nguyễn Văn An cho rằng, nhiều xã còn thiếu cán bộ chuyên trách về môi trường. "
                   "Bên cạnh đó, kinh phí cho hoạt động thu gom rác vẫn còn hạn chế. "
                   "Hội nghị kết thúc lúc 17 giờ cùng ngày.")
    topics, conclusions = run(text)
    assert topics == ["nhieu xa con thieu can bo chuyen trach ve moi truong",
                      "kinh phi cho hoat dong thu gom rac van con han che"]
    assert conclusions == []


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_high_official_demand_is_a_conclusion(variant):
    text = variant("Thứ trưởng Phạm Minh cho rằng, các doanh nghiệp cần chủ động tìm thị trường mới.")
    topics, conclusions = run(text)
    assert topics == []
    assert conclusions == ["cac doanh nghiep can chu dong tim thi truong moi"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_decisions_of_the_meeting(variant):
    text = variant("Đại hội đã bầu 9 đồng chí vào Ban Chấp hành khóa mới; bầu đoàn đại biểu "
                   "đi dự đại hội cấp trên.")
    _, conclusions = run(text)
    assert conclusions == ["9 dong chi vao ban chap hanh khoa moi",
                           "bau doan dai bieu di du dai hoi cap tren"]


def test_headline_is_not_read():
    text = "Thảo luận về giá điện bậc thang\n\nSáng 2/3, Bộ Công Thương tổ chức họp báo tại Hà Nội."
    assert run(text) == ([], [])


def test_values_keep_the_original_words():
    text = "Các đại biểu thảo luận về việc quản lý\nchợ truyền thống; an toàn thực phẩm ở trường học."
    topics, _ = extract_discussion(make_doc(text))
    assert [t.text for t in topics] == ["việc quản lý chợ truyền thống", "an toàn thực phẩm ở trường học"]
    assert all(t.alignment == "exact" for t in topics)
    topics, _ = extract_discussion(make_doc(strip_diacritics(text)))
    assert all(t.alignment == "as_printed" for t in topics)


def test_empty_text():
    assert run("") == ([], [])


def test_trie_pattern_prefers_the_longer_phrase_and_whole_words():
    p = trie_pattern(["thảo luận", "thảo luận về", "đề nghị"])
    assert [m.group() for m in p.finditer("da thao luan ve gia; de nghiem")] == ["thao luan ve"]
    assert p.search("thao  luan\nve").group() == "thao  luan\nve"


@pytest.mark.parametrize("variant", VARIANTS)
def test_noun_phrase_topics_split_at_commas_and_and(variant):
    text = variant("Các đại biểu trao đổi về việc bố trí quỹ đất tái định cư, cơ chế hỗ trợ người dân "
                   "bị thu hồi đất và trách nhiệm của chính quyền cấp xã.")
    topics, _ = run(text)
    assert topics == ["viec bo tri quy dat tai dinh cu", "co che ho tro nguoi dan bi thu hoi dat",
                      "trach nhiem cua chinh quyen cap xa"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_press_questions_are_topics(variant):
    text = variant("Tại buổi họp báo, các phóng viên đặt nhiều câu hỏi về giá vé xe buýt mới; "
                   "lộ trình mở thêm tuyến buýt điện.")
    topics, _ = run(text)
    assert topics == ["gia ve xe buyt moi", "lo trinh mo them tuyen buyt dien"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_participants_suggestions_are_topics(variant):
    text = variant("Nhiều ý kiến đề nghị bổ sung kinh phí cho thư viện trường học.")
    topics, conclusions = run(text)
    assert topics == ["bo sung kinh phi cho thu vien truong hoc"]
    assert conclusions == []


@pytest.mark.parametrize("variant", VARIANTS)
def test_closing_assignment_and_agreement(variant):
    text = variant("Bế mạc hội thảo, bà Đỗ Thị Lan giao Sở Y tế chủ trì xây dựng kế hoạch tiêm chủng "
                   "mùa đông, đồng thời thống nhất tổ chức diễn tập phòng dịch vào tháng mười.")
    _, conclusions = run(text)
    assert conclusions == ["so y te chu tri xay dung ke hoach tiem chung mua dong",
                           "thong nhat to chuc dien tap phong dich vao thang muoi"]


def test_a_stone_is_not_the_past():
    # "đá" (stone) folds like "đã" (a past fact): the follow-up direction is still taken
    text = ("Chủ tịch tỉnh yêu cầu các huyện rà soát quỹ đất trồng rừng. Ban Quản lý khu bảo tồn núi "
            "đá vôi cần tăng cường tuần tra trong mùa khô.")
    _, conclusions = run(text)
    assert conclusions[-1] == "ban quan ly khu bao ton nui da voi can tang cuong tuan tra trong mua kho"


def test_ocr_cues_with_a_stray_dot_or_one_wrong_vowel():
    def ocr_doc(text: str) -> Document:
        return Document.from_text(text, quality="ocr_noisy")

    text = "Két luan Hoi. nghi, 6ng Nam néu rd: cac xa hoan thanh ké hoach trong thang 10."
    _, conclusions = extract_discussion(ocr_doc(text))
    assert [fold(c.text) for c in conclusions] == ["cac xa hoan thanh ke hoach trong thang 10"]
    assert conclusions[0].alignment == "as_printed"
    text = "Pho Chu tich tinh yéu ciu cac so nganh khan truong giai ngan von dau tu."
    _, conclusions = extract_discussion(ocr_doc(text))
    assert [fold(c.text) for c in conclusions] == ["cac so nganh khan truong giai ngan von dau tu"]
    # two wrong vowels are too many: "cho dai bieu" is not "chỉ đạo"
    assert extract_discussion(ocr_doc("Ban to chuc gui tai lieu cho dai bieu du hop.")) == ([], [])


@pytest.mark.parametrize("variant", VARIANTS)
def test_participants_raising_problems_and_proposing_to_a_body(variant):
    text = variant(
        "Sáng 3/4, Sở Công Thương tổ chức hội nghị đối thoại với doanh nghiệp. Tại hội nghị, nhiều doanh nghiệp "
        "phản ánh thủ tục hoàn thuế còn chậm. Học viên đã trao đổi nhiều vướng mắc như: cách tính phí bảo trì "
        "đường bộ; mẫu hóa đơn điện tử mới. Ông Hồ Văn Lực đề xuất Bộ Tài chính sớm ban hành hướng dẫn chi tiết."
    )
    topics, _ = run(text)
    assert "thu tuc hoan thue con cham" in topics
    assert "cach tinh phi bao tri duong bo" in topics and "mau hoa don dien tu moi" in topics
    assert any(t.startswith("bo tai chinh som ban hanh huong dan") for t in topics)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_task_to_study_and_propose_is_not_a_participants_proposal(variant):
    text = variant(
        "Sáng 3/4, UBND tỉnh tổ chức hội nghị. Kết luận hội nghị, Chủ tịch UBND tỉnh yêu cầu Sở Nội vụ "
        "nghiên cứu, đề xuất bổ sung chế độ cho cán bộ cơ sở."
    )
    topics, conclusions = run(text)
    assert topics == []
    assert conclusions


@pytest.mark.parametrize("variant", VARIANTS)
def test_questions_and_raised_difficulties_are_topics(variant):
    text = variant(
        "Sáng 3/4, Sở Du lịch tổ chức họp báo. Một phóng viên hỏi về giá vé tham quan các điểm di tích. "
        "Nhiều ý kiến đề cập tình trạng thiếu chỗ đỗ xe. Các hướng dẫn viên nêu khó khăn về thủ tục cấp thẻ hành nghề."
    )
    topics, _ = run(text)
    assert "gia ve tham quan cac diem di tich" in topics
    assert "tinh trang thieu cho do xe" in topics
    assert "thu tuc cap the hanh nghe" in topics
