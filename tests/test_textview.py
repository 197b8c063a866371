"""The folded view and its map back to the original characters."""
from __future__ import annotations

import unicodedata

import regex

from meeting_extractor.textview import TextView, clean_words, fold, regex_rewrite


def test_fold_removes_tones_and_d_bar_and_lowers():
    assert fold("Hội nghị Đà Nẵng") == "hoi nghi da nang"
    assert fold("Thừa Thiên – Huế “Ủy ban”") == 'thua thien - hue "uy ban"'


def test_plain_keeps_case_and_offsets_match_the_original_for_nfc_text():
    text = "Tại Tp. Đà Nẵng, Cục Thông tin đã tổ chức Hội nghị."
    view = TextView(text)
    assert len(view.plain) == len(view.folded) == len(text)
    assert view.plain.startswith("Tai Tp. Da Nang")
    i = view.folded.index("da nang")
    span = view.span(i, i + len("da nang"))
    assert span.text == "Đà Nẵng" == text[span.start:span.end]


def test_decomposed_input_maps_back_to_its_own_characters():
    text = unicodedata.normalize("NFD", "Hội nghị tại Đà Nẵng")
    view = TextView(text)
    assert view.folded == "hoi nghi tai da nang"
    i = view.folded.index("da nang")
    span = view.span(i, i + 7)
    assert span.text == text[span.start:span.end]
    assert unicodedata.normalize("NFC", span.text) == "Đà Nẵng"


def test_length_changing_rewrites_keep_spans_exact():
    text = "Ho1 nghi phﬁn thao luan tai Tp. Pa Néng."
    rewrites = [regex_rewrite(regex.compile("ﬁ"), lambda m: "fi"), regex_rewrite(regex.compile(r"(?<=\bHo)1"), lambda m: "i")]
    view = TextView(text, rewrites)
    assert view.folded.startswith("hoi nghi phfin")
    i = view.folded.index("phfin")
    span = view.span(i, i + len("phfin"))
    assert span.text == "phﬁn"
    j = view.folded.index("pa neng")
    span = view.span(j, j + 7)
    assert span.text == "Pa Néng"
    # a span ending inside a replaced piece takes the whole piece
    k = view.folded.index("phf")
    assert view.span(k, k + 4).text == "phﬁ"


def test_span_trims_white_space_and_original_folds_it():
    text = "  Hội nghị\n  toàn quốc  "
    view = TextView(text)
    assert view.span(0, len(text)).text == "Hội nghị\n  toàn quốc"
    assert view.original(0, len(text)) == "Hội nghị toàn quốc"


def test_clean_words_joins_line_break_hyphens():
    assert clean_words("công nghệ thông tin và truyền thô-\nng") == "công nghệ thông tin và truyền thông"
