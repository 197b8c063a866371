"""Event type, title, edition and the main-event mention (short sentences written for these tests)."""
from __future__ import annotations

import unicodedata

import pytest

from meeting_extractor.document import Document
from meeting_extractor.event import extract_event, sentence_bounds


def make(text: str, quality: str | None = None) -> Document:
    return Document.from_text(text, quality=quality)


def strip(text: str) -> str:
    """The text without diacritics, as a diacritic-free variant of a report would print it."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) != "Mn"))


def run(text: str, quality: str | None = None):
    doc = make(text, quality)
    event, mention = extract_event(doc)
    if event is not None:
        for span in event.evidence:
            assert text[span.start:span.end] == span.text
            assert span.text
    return doc, event, mention


def fold(s: str | None) -> str | None:
    return None if s is None else " ".join(strip(s).lower().split())


@pytest.mark.parametrize("variant", [lambda t: t, strip], ids=["clean", "no_diacritics"])
@pytest.mark.parametrize("text, etype, title, edition", [
    ("Sáng 3/4, Sở Y tế tỉnh Lào Cai đã tổ chức Hội nghị tổng kết công tác phòng chống dịch năm 2023.",
     "hội nghị", "tổng kết công tác phòng chống dịch năm 2023", None),
    ("Hội nghị Ban Chấp hành Hội Luật gia lần thứ ba diễn ra sáng nay tại trụ sở Hội.",
     "hội nghị", "Ban Chấp hành Hội Luật gia", 3),
    ("Sáng 9/9, Đại hội Hội Cựu chiến binh huyện lần thứ VII được tổ chức tại hội trường huyện.",
     "đại hội", "Hội Cựu chiến binh huyện", 7),
    ("Ngày 2/2, UBND huyện tổ chức hội nghị nhằm đánh giá công tác năm qua.",
     "hội nghị", None, None),
    # "vừa" (just) ends a name, but not inside "nhỏ và vừa" (small and medium)
    ("Sáng 5/6, Hiệp hội tổ chức Diễn đàn Doanh nghiệp nhỏ và vừa khu vực miền Trung.",
     "diễn đàn", "Doanh nghiệp nhỏ và vừa khu vực miền Trung", None),
    ("Trường Đại học Xây dựng tổ chức Hội thảo khoa học: Vật liệu mới cho xây dựng bền vững.",
     "hội thảo", "Vật liệu mới cho xây dựng bền vững", None),
    ("Tọa đàm Phụ nữ khởi nghiệp do Hội Liên hiệp Phụ nữ tỉnh tổ chức diễn ra chiều 8/3.",
     "tọa đàm", "Phụ nữ khởi nghiệp", None),
    ("Tối 20/11, Sở Giáo dục tổ chức Lễ trao Giải thưởng Nhà giáo tâm huyết năm 2024.",
     "lễ trao giải", "Giải thưởng Nhà giáo tâm huyết năm 2024", None),
    ("Ngày 4/5, Viện Thổ nhưỡng tổ chức hội thảo chuyên đề Biến đổi khí hậu và nông nghiệp.",
     "hội thảo", "chuyên đề Biến đổi khí hậu và nông nghiệp", None),
    ("Ngày 6/6, Sở Lao động tổ chức hội thảo Cách mạng công nghiệp lần thứ tư và giáo dục nghề nghiệp.",
     "hội thảo", "Cách mạng công nghiệp lần thứ tư và giáo dục nghề nghiệp", None),
    ("Chiều 12/8, Hiệp hội Du lịch tổ chức tọa đàm với chủ đề “Du lịch xanh sau đại dịch” tại Huế.",
     "tọa đàm", "Du lịch xanh sau đại dịch", None),
    ("Ngày 8/8, Viện Sử học tổ chức Hội thảo quốc tế lần thứ 2 về Lịch sử đô thị tại Hà Nội.",
     "hội thảo", "quốc tế về Lịch sử đô thị", 2),
    ("Sáng 1/7, Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ huyện khóa XXI đã khai mạc.",
     "hội nghị", "Ban Chấp hành Đảng bộ huyện khóa XXI", 5),
    ("Ông Lê Văn Nam chủ trì cuộc họp giao ban tuần của phòng.",
     "cuộc họp", "giao ban tuần của phòng", None),
])
def test_type_title_edition(variant, text, etype, title, edition):
    _, event, mention = run(variant(text))
    assert event is not None and mention is not None
    assert event.type == etype
    assert fold(event.title) == fold(title)
    assert event.edition == edition


def test_title_keeps_diacritics_on_clean_text():
    _, event, _ = run("Ngày 10/10, Sở Công Thương tổ chức Hội nghị “Kết nối cung cầu nông sản”.")
    assert event.title == "Kết nối cung cầu nông sản"
    assert event.alignment == "exact"


def test_body_report_wins_over_headline_noun():
    text = ("Tập huấn kỹ năng số cho cán bộ xã\n\n"
            "Ngày 5/6, tại Đà Lạt, Trung tâm Chuyển đổi số tổ chức Hội thảo “Kỹ năng số trong quản lý”.")
    for variant in (text, strip(text)):
        doc, event, mention = run(variant)
        assert event.type == "hội thảo"
        assert fold(event.title) == fold("Kỹ năng số trong quản lý")
        assert mention.start > variant.index("\n\n")


def test_mention_is_the_first_report_of_holding():
    text = ("Phát biểu khai mạc Hội nghị, ông Hải nhấn mạnh vai trò của kinh tế số. "
            "Trước đó, sáng 7/7, Bộ Công Thương đã tổ chức Hội nghị xúc tiến thương mại vùng Tây Bắc tại Sơn La.")
    for variant in (text, strip(text)):
        doc, event, mention = run(variant)
        s, e = sentence_bounds(doc, mention.start)
        assert "xuc tien" in doc.folded[s:e]
        assert fold(event.title) == fold("xúc tiến thương mại vùng Tây Bắc")


def test_first_time_said_of_the_event_is_edition_one():
    text = ("Ngày 1/3, Bộ Công Thương tổ chức Diễn đàn Logistics ASEAN. "
            "Đây là lần đầu tiên diễn đàn này được tổ chức tại Việt Nam.")
    for variant in (text, strip(text)):
        _, event, _ = run(variant)
        assert event.type == "diễn đàn" and event.edition == 1


def test_first_time_said_of_something_else_is_not_an_edition():
    text = ("Ngày 1/3, Bộ Nông nghiệp tổ chức lễ ra mắt Trung tâm Giống cây trồng. "
            "Đây là lần đầu tiên cả nước có một cơ quan chuyên về giống.")
    _, event, _ = run(text)
    assert event.type == "lễ ra mắt" and event.edition is None


def test_a_surname_is_not_a_ceremony():
    _, event, _ = run("Ông Lê Minh tổ chức Lê Gia trang trại.")
    assert event is None or event.type != "lễ"


def test_no_event():
    doc, event, mention = run("Giá vàng hôm nay tăng mạnh so với tuần trước.")
    assert event is None and mention is None
    assert extract_event(make("   ")) == (None, None)


def test_ocr_text_reads_the_noun_and_edition():
    text = "Ngay 2/4, Hoi Nong dan tinh d3 t6 chirc Dai hoi dai biéu 1an thir VIII tai hoi truong tinh."
    _, event, _ = run(text, "ocr_noisy")
    assert event.type == "đại hội"
    assert event.edition == 8
    assert event.alignment == "repaired"


def test_a_report_of_another_edition_is_not_the_main_event():
    text = ("Diễn đàn Du lịch cộng đồng lần thứ hai\n\n"
            "Diễn đàn lần thứ nhất đã được tổ chức tại Sa Pa năm 2021. Từ ngày 4 đến 5/10/2023, tại TP Hà Giang, "
            "Sở Văn hóa tỉnh tổ chức Diễn đàn Du lịch cộng đồng lần thứ hai.")
    for variant in (text, strip(text)):
        doc = make(variant)
        event, main = extract_event(doc)
        assert event.edition == 2
        assert variant[main.start:main.end].lower().startswith("di")
        assert main.start > variant.index("TP Hà Giang" if variant == text else "TP Ha Giang")


def test_ocr_held_verb_misread_beyond_repair_still_reports_the_event():
    # "tổ chức" printed as "16 chuc" right before the noun: that mention is the event held, not the
    # later "chủ trì hội nghị" (which names no event)
    text = ("Huyén Tan Phuoc tong két giam ngheo\n\n"
            "Sang 4/11, tai Hoi truong UBND huyén, Ban Chi dao huyén 16 chuc Hoi nghi tong két cong tac "
            "giam ngheo nam 2024.\n\nOng Lé Van Tam, Pho Chu tich UBND huyén, chu tri hoi nghi. "
            "Bao cao tai hoi nghi néu r6 két qua dat dugc.")
    doc, event, mention = run(text, "ocr_noisy")
    assert event.type == "hội nghị"
    assert fold(event.title) == "tong ket cong tac giam ngheo nam 2024"
    assert mention.start < text.index("Bao cao")


def test_a_headline_whose_edition_number_was_misprinted_does_not_lengthen_the_title():
    # the headline's "lần thứ IV" came out "lan thw \"": its name is no fuller than the body's
    text = ("Dai hoi Hoi Cuu chién binh phuong Tan Dinh lan thw\n\\\"\n\n"
            "Sang 3/5, Hoi Cuu chién binh phuong Tan Dinh t6 chirc Dai hoi Hoi Cuu chién binh phuong Tan Dinh "
            "lan thir IV, nhiém ky 2024 - 2029.")
    _, event, _ = run(text, "ocr_noisy")
    assert fold(event.title) == "hoi cuu chien binh phuong tan dinh"
    assert event.edition == 4


def test_ocr_title_writes_a_place_name_as_the_gazetteer_spells_it():
    # "Đắk Lắk" printed "bak Lak" (the capital Đ read as b): in the title it is given back whole
    text = ("Dai hoi Hoi Nong dan\n\n"
            "Sang 2/4, Hoi Nong dan tinh t6 chirc Dai hoi dai biéu Hoi Nong dan tinh bak Lak lan thir IX.")
    _, event, _ = run(text, "ocr_noisy")
    assert event.title == "dai bieu Hoi Nong dan tinh Đắk Lắk"
    assert event.edition == 9


def test_ocr_lop_printed_with_digits_still_opens_a_training_course():
    # "lớp tập huấn" printed "16p tap huan" (l -> 1, ớ -> 6): digits the OCR repair leaves as they are
    text = ("Tap huan cho nong dan\n\n"
            "Tu ngay 3 dén 5/4, Tram Khuyén nong t6 chirc 16p tap huan \"Ky thuat trong rau an toan\" "
            "tai Nha van hoa xa Tan Lap.")
    _, event, mention = run(text, "ocr_noisy")
    assert event.type == "tập huấn"
    assert fold(event.title) == "ky thuat trong rau an toan"
    assert event.evidence[0].text == "16p tap huan"  # the noun with its "lớp", as "lớp tập huấn" is listed


def test_ocr_title_reads_a_lone_ampersand_between_lower_case_words_as_o():
    # "ở" printed "&": "công tác dân vận ở cơ sở"; an ampersand between capitals stays
    text = ("Tap huan dan van\n\nSang 3/4, Ban Dan van Tinh uy t6 chirc hoi nghi tap huan cong tac dan van "
            "& co so cho can bo S& KH & CN tinh.")
    _, event, _ = run(text, "ocr_noisy")
    assert fold(event.title).startswith("tap huan cong tac dan van o co so")
    from meeting_extractor.event import ocr_ampersand
    assert ocr_ampersand("So KH & CN tinh") == "So KH & CN tinh"
