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
