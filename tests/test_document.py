"""Sentence boundaries of a document (on short texts written for these tests)."""
from __future__ import annotations

from meeting_extractor.document import Document


def sentences(text: str) -> list[str]:
    doc = Document.from_text(text)
    return [doc.text[s:e] for s, e in (doc.view.to_original(s, e) for s, e in doc.sentences)]


def test_sentences_end_at_punctuation_before_a_capital_or_at_a_blank_line():
    text = "Hội nghị khai mạc sáng nay. Ông Lâm phát biểu.\n\nĐoạn sau bắt đầu"
    assert sentences(text) == ["Hội nghị khai mạc sáng nay.", "Ông Lâm phát biểu.", "Đoạn sau bắt đầu"]


def test_an_abbreviation_does_not_end_a_sentence_even_at_the_end_of_a_printed_line():
    text = "Hội nghị diễn ra tại Trung tâm Hội nghị tỉnh, TP.\nĐồng Hới, với sự tham dự của TS. Lê Văn An.\nNgày hôm sau"
    assert sentences(text) == [
        "Hội nghị diễn ra tại Trung tâm Hội nghị tỉnh, TP.\nĐồng Hới, với sự tham dự của TS. Lê Văn An.",
        "Ngày hôm sau",
    ]


def test_links_and_comments_after_the_article_are_hidden_from_the_finders():
    from meeting_extractor import extract

    text = ("Sáng 3/4, Sở Y tế tổ chức hội nghị tổng kết công tác phòng chống dịch. Hội nghị thống nhất tăng "
            "cường tiêm chủng mở rộng ở vùng cao.\n\n* Xem thêm:\n- Hội thảo về dinh dưỡng học đường do Sở Giáo dục "
            "tổ chức\n- Khai mạc Hội chợ nông sản tỉnh\n\nBình luận (2)\nNgười dùng A: đề nghị Sở sớm mở thêm điểm tiêm.")
    doc = Document.from_text(text)
    cut = text.index("* Xem thêm")
    assert not doc.folded[cut:].strip() and doc.text == text and len(doc.folded) == len(text)
    record = extract(text)
    assert all(c.evidence[0].start < cut for c in record.conclusions)
    assert [o.name for o in record.organizers] == ["Sở Y tế"]


def test_ocr_print_a_line_ending_with_a_colon_or_a_quote_is_a_wrap_not_a_sentence_end():
    text = ("Hoi thao nghe ba bao cao tiéu biéu:\n\"Nuoi tom cong nghé cao\" cia TS Lé Van Hai; \"Thi truong\n"
            "xuat khau\" cia ThS Pham Thu Ha.\nCac dai biéu thao luan.\n\nPhién chiéu bat dau.")
    doc = Document.from_text(text, quality="ocr_noisy")
    got = [doc.text[s:e] for s, e in (doc.view.to_original(s, e) for s, e in doc.sentences)]
    assert got == [
        "Hoi thao nghe ba bao cao tiéu biéu:\n\"Nuoi tom cong nghé cao\" cia TS Lé Van Hai; \"Thi truong\n"
        "xuat khau\" cia ThS Pham Thu Ha.",
        "Cac dai biéu thao luan.",
        "Phién chiéu bat dau.",
    ]
    # clean text keeps its reading: a line that ends with a colon ends its sentence
    clean = "Hội thảo nghe ba báo cáo tiêu biểu:\n“Nuôi tôm công nghệ cao” của TS Lê Văn Hải."
    assert len(sentences(clean)) == 2


def test_quality_is_decided_from_the_text_itself():
    from meeting_extractor.quality import detect_quality

    clean = "Sáng nay, Sở Khoa học và Công nghệ tỉnh Quảng Bình tổ chức hội thảo về chuyển đổi số. " * 5
    plain = "Sang nay, So Khoa hoc va Cong nghe tinh Quang Binh to chuc hoi thao ve chuyen doi so. " * 5
    # an English OCR model keeps a few marks (é, ó) and misreads the rest
    scanned = "Sang nay, S6 Khoa hoc va Céng nghé tinh Quang Binh t6 chirc hoi thao vé chuyén déi s6. " * 5
    # ... or keeps none, and leaves its misreadings only ("irc" for ức, "thir" for thứ)
    scanned_ascii = "Hoi nghi lan thir hai do S6 to chirc, cac dai bieu thir nhat phat bieu chirc nang. " * 5
    assert [detect_quality(t) for t in (clean, plain, scanned, scanned_ascii, "")] == [
        "clean", "no_diacritics", "ocr_noisy", "ocr_noisy", "clean"]
