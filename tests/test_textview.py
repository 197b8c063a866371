"""The folded view and its map back to the original characters."""
from __future__ import annotations

import unicodedata

import regex

from meeting_extractor.textview import TextView, clean_words, fold, plain, regex_rewrite


def test_fold_removes_tones_and_d_bar_and_lowers():
    assert fold("Hội nghị Đà Nẵng") == "hoi nghi da nang"
    assert fold("Thừa Thiên – Huế “Ủy ban”") == 'thua thien - hue "uy ban"'


def test_fold_of_a_short_string_is_the_folded_view_ascii_or_not():
    # ASCII text (typed without diacritics, or OCR'd) takes a short cut: only its tabs and carriage
    # returns are folded besides the letter case
    for s in ["Bo truong Bo TT&TT", "UBND\ttinh\r\nHa Nam", "Pho Chu tich, (Bo KH&CN)", "",
              "Thừa Thiên – Huế", "Ho\u0301i nghi\u0323", "\u200bTp. Da Nang\u00a0"]:
        assert fold(s) == TextView(s).folded, s
        assert plain(s) == TextView(s).plain, s


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


def test_clean_words_is_its_two_regex_passes_on_any_white_space():
    """The quick paths of clean_words (nothing to do; str.split) must give what the two passes of the
    `regex` module give: line-break hyphens joined, runs of \\s (Unicode White_Space) one space, the
    ends stripped. str.split also cuts at the information separators \\x1c-\\x1f, which \\s keeps."""
    hyphen_break = regex.compile(r"(?<=\p{L})-\s*\n\s*(?=\p{Ll})")
    spaces = regex.compile(r"\s+")
    blanks = [" ", "  ", "\n", " \n ", "\t", "\r\n", "\u00a0", "\u2003", "\u3000", "\x0b", "\x85", "\u2028",
              "\x1c", " \x1f ", ""]
    for a in blanks:
        for b in blanks:
            for s in [f"{a}Hội nghị{b}toàn quốc{a}", f"thô-{b}ng{a}", f"{b}A -{a}\nb{b}", f"x{a}-{b}y", a + b]:
                assert clean_words(s) == spaces.sub(" ", hyphen_break.sub("", s)).strip(), repr(s)


def test_byte_fold_equals_the_translation_table_on_any_characters():
    """The C-speed fold must give exactly what str.translate with the fold table gives,
    for Vietnamese, typography, Latin-1, characters it has no byte for, and controls."""
    import random

    from meeting_extractor.textview import _fold_chars, _fold_table

    fold_chars, table = _fold_chars(), _fold_table()
    rng = random.Random(7)
    pool = [chr(c) for c in range(0, 0x300)] + [chr(c) for c in range(0x1E00, 0x1F00)]
    pool += list("\u201c\u201d\u2018\u2019\u2013\u2014\u00a0\u2026ﬁ€中😀\t\r\n")
    for _ in range(2000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        assert fold_chars(s) == s.translate(table), s
    sample = "Hội nghị “Đổi mới” – tại Tp. Đà Nẵng… giá 5€, ¢ﬁ"
    assert fold_chars(sample) == 'Hoi nghi "Doi moi" - tai Tp. Da Nang. gia 5€, ¢ﬁ'


def test_every_vietnamese_letter_and_the_usual_typography_have_a_byte_of_their_own():
    """Text made of them takes the one-pass path (an encoding error sends a text down the slow
    path, character by character); so does the commonest mark an English OCR model leaves (¢)."""
    from meeting_extractor.textview import _SAME_LENGTH_EXTRA, _ByteFold, _fold_chars

    usual = _ByteFold._LETTERS + _ByteFold._LETTERS.upper() + "".join(_SAME_LENGTH_EXTRA) + "¢"
    assert _fold_chars()._run(usual) == _fold_chars()(usual)


def test_byte_fold_encodes_with_the_codec_machinery_s_own_map():
    """codecs.charmap_build gives its compact C map only for a table whose byte 0 is U+0000;
    otherwise a dict, which charmap_encode looks every character up in (five times slower)."""
    from meeting_extractor.textview import _fold_chars

    assert type(_fold_chars()._map).__name__ == "EncodingMap"


def test_to_folded_inverts_to_original_across_length_changing_rewrites():
    from meeting_extractor.normalize import ocr_rewrites

    text = "Hoi nghi dai‘biéu phﬁn tai Tp. Pa Néng, ngày 3/4 do So KH&CN chủ trì"
    view = TextView(text, ocr_rewrites("ocr_noisy"))
    assert view._passes  # the rewrites changed lengths
    for word in ("Tp. Pa Néng", "So KH&CN", "3/4"):
        s = text.index(word)
        fs, fe = view.to_folded(s, s + len(word))
        assert view.to_original(fs, fe) == (s, s + len(word))


def test_a_mark_after_u_or_o_is_the_horn_read_apart_not_a_space():
    from meeting_extractor.normalize import ocr_rewrites

    text = "phoi hop voi Tru’o’ng Dai hoc Quy Nhon, nhu’ng dai‘bieu"
    view = TextView(text, ocr_rewrites("ocr_noisy"))
    assert "truong dai hoc quy nhon" in view.folded
    assert "nhung" in view.folded
    assert "dai bieu" in view.folded  # a mark between other letters stands for a space
    s = view.folded.index("truong")
    assert view.span(s, s + len("truong")).text == "Tru’o’ng"


def test_a_euro_sign_in_a_word_is_the_letter_of_its_shape():
    """An English OCR model prints "€" for "ê" after letters or digits and for a capital C before them;
    elsewhere it stays a euro sign. Read as letters, it no longer makes the folded view a two-byte string."""
    from meeting_extractor.normalize import ocr_rewrites

    text = "Sở tổ chức 1€ khai mạc chương trình kinh t€ số, Bộ Khoa học và €ong nghệ tài trợ 300 €."
    view = TextView(text, ocr_rewrites("ocr_noisy"))
    assert "to chuc le khai mac" in view.folded
    assert "kinh te so" in view.folded
    assert "khoa hoc va cong nghe" in view.plain.lower()
    assert "va Cong nghe" in view.plain  # the capital of a name
    assert view.folded.endswith("300 €.")  # a euro sign on its own stays one
    s = view.folded.index("cong nghe")
    assert view.span(s, s + len("cong")).text == "€ong"
    assert max(map(ord, TextView(text.replace(" €.", "."), ocr_rewrites("ocr_noisy")).folded)) < 256


def test_a_lone_ampersand_between_lower_case_words_is_a_misread_o():
    from meeting_extractor.normalize import ocr_rewrites

    text = "Theo Luat Nha & nam 2023 va Luat Hoa giai & co s@, So Khoa hoc & Cong nghe va KH&CN & dia phuong"
    view = TextView(text, ocr_rewrites("ocr_noisy"))
    assert "luat nha o nam 2023" in view.folded
    assert "hoa giai o co so" in view.folded
    assert "khoa hoc & cong nghe" in view.folded  # "and" before a capital
    assert "kh&cn & dia" in view.folded  # and after an acronym


def test_the_mark_pass_finds_what_the_full_scan_finds():
    """The OCR mark pass tries its pattern only where a match can start: the matches must be those
    of the pattern tried at every position, on any mix of letters, marks, hyphens and line breaks."""
    import random

    from meeting_extractor.normalize import _OCR_MARKS, _MarksWhereTheyCanStart

    rng = random.Random(11)
    pool = list("abuoUOé xY-\n\t'`‘’^~ﬁﬂ€1&@")
    samples = ["cong ngh-\nnghe Tru’o’ng dai‘bieu phﬁn ' a ~b 1€ €ong €", ""]
    samples += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for s in samples:
        expected = [(m.span(), m.lastgroup) for m in _OCR_MARKS.finditer(s)]
        assert [(m.span(), m.lastgroup) for m in _MarksWhereTheyCanStart.finditer(s)] == expected, s
    assert len([m for s in samples for m in _OCR_MARKS.finditer(s)]) > 1000  # the samples have marks
