"""The OCR repair of the folded view: matching sees the likely syllables, evidence the printed ones."""
from __future__ import annotations

from meeting_extractor.normalize import ocr_rewrites
from meeting_extractor.ocr_repair import (
    CONTEXT_MARGIN, MAX_EDITS, _LEADING_LETTERS, ReadingTable, _as_after, _model, _precomputed, _token_repair,
    _TokenRepairs,
    readings, repair_word, repair_words,
)
from meeting_extractor.textview import TextView

from conftest import assert_grounded


def test_common_misreadings_are_repaired():
    for printed, meant in {"chirc": "chuc", "t6": "to", "qudc": "quoc", "s6": "so", "nudc": "nuoc",
                           "dugc": "duoc", "trudng": "truong", "nhirng": "nhung", "tir": "tu", "c6": "co"}.items():
        assert repair_word(printed) == meant, printed


def test_real_syllables_are_left_alone():
    for word in ("thong", "tin", "hoi", "nghi", "de", "do", "tai", "ve", "nguyen", "dinh",
                 "tieng", "rieng", "ruou", "quanh"):  # tiếng, riêng, rượu, quanh: every rhyme is in the grammar
        assert repair_word(word) == word


def test_digits_read_for_letters_of_a_syllable_are_repaired_but_measures_stay():
    view = TextView("Hoi thi 16p hoc tap ca 16n, 16h tai 30km va 10ha", ocr_rewrites("ocr_noisy"))
    assert "lop hoc tap ca lon, 16h tai 30km va 10ha" in view.folded


def test_a_word_mixing_capitals_and_lower_case_is_a_misread_word_not_an_acronym():
    view = TextView("HoOi nghi tai TP DPa Nang, UBND va QĐ 12/QĐ-TTg", ocr_rewrites("ocr_noisy"))
    assert view.folded.startswith("hoi nghi tai tp da nang, ubnd")
    assert "12/qd-ttg" in view.folded


def test_acronyms_abbreviations_and_codes_are_not_touched():
    view = TextView("Sở KH&CN, Tp. Huế, UBND, 178/QĐ-UBND, TS Hà", ocr_rewrites("ocr_noisy"))
    assert "KH&CN" in view.plain and "Tp." in view.plain and "UBND" in view.plain and "178/QD-UBND" in view.plain


def test_lower_case_tw_is_a_misread_tu_but_the_acronym_tw_is_kept():
    view = TextView("Bo Ké hoach va Pau tw trinh Théng tw 05 cua Ban Chi dao TW", ocr_rewrites("ocr_noisy"))
    assert "dau tu" in view.folded and "thong tu 05" in view.folded
    assert view.plain.endswith("TW")


def test_repaired_view_keeps_spans_on_the_printed_words():
    printed = "Cuc Thong tin phéi hop véi S6 KH&CN t6 chirc Hoi nghi tai Tp. Pa Néng, dai‘biéu."
    view = TextView(printed, ocr_rewrites("ocr_noisy"))
    assert "to chuc hoi nghi" in view.folded
    assert "so kh&cn" in view.folded
    assert "dai bieu" in view.folded
    i = view.folded.index("to chuc")
    span = view.span(i, i + len("to chuc"))
    assert span.text == "t6 chirc" == printed[span.start:span.end]


def test_a_misread_word_is_repaired_only_where_it_stands_alone():
    # "c6" also occurs inside the code "1c6", which stays as printed
    printed = "ma 1c6 va c6 (c6) tai\nc6"
    view = TextView(printed, ocr_rewrites("ocr_noisy"))
    assert view.plain == "ma 1c6 va co (co) tai\nco"
    for k in range(3):
        i = [m for m in range(len(view.plain)) if view.plain.startswith("co", m)][k]
        span = view.span(i, i + 2)
        assert span.text == "c6" and printed[span.start - 1] in " (\n"


def test_a_consonant_printed_alone_lost_its_vowel_but_list_marks_and_initials_stay():
    view = TextView("Uy vien B Chinh tri gap can b, T ngay 3/5.\nb) Nguyen T. Lan", ocr_rewrites("ocr_noisy"))
    assert "uy vien bo chinh tri gap can bo, tu ngay" in view.folded
    assert view.folded.endswith("\nb) nguyen t. lan")


def test_a_word_with_two_close_readings_is_read_by_its_neighbours():
    # a capital Đ printed as a lower-case b: "bai hoi" is Đại hội, "Binh binh" Bình Định
    view = TextView("Ban t6 chirc bai hoi tai tinh Binh binh va thanh ph6 ba Nang", ocr_rewrites("ocr_noisy"))
    assert "Dai hoi tai tinh Binh Dinh va thanh pho Da Nang" in view.plain
    # a reading with no neighbour speaking for another stays
    assert "bang" in TextView("gia tri bang nhau", ocr_rewrites("ocr_noisy")).plain.split()


def test_the_word_after_a_name_does_not_choose_how_the_name_reads():
    # "trong nam" (in the year) is a common pair, but "Trang" ends the name Soc Trang here
    assert "tinh Soc Trang nam nay" in repair_words("Doan cong tac tinh Soc Trang nam nay da den tham.")[0]
    assert "Ong Ngo Trang nam giu" in repair_words("Ong Ngo Trang nam giu chuc vu.")[0]
    # opening a sentence the capital is the sentence's, and the pair reads the word
    assert repair_words("Trang nam 2024, tinh da thu hut von.")[0].startswith("Trong nam 2024")


def test_the_quick_paths_repair_a_token_as_the_general_token_repair_does():
    # the quick paths for "word," and for figures ("10/2024,") must give what the split into words and
    # marks gives, initials and misread letters among digits included
    words = ["chirc", "t6", "bai", "nghi", "Pa", "KH", "b", "T", "a", "walton", "Nguyen",
             "2024", "10/2024", "1.000"]
    tokens = {w + mark for w in words for mark in ",.;:)\u201d\"-"}
    tokens |= {"(chirc", "1c6,", "chirc,,", "(12/5)", "16p,", "30%"}
    # marks on both sides, several of them, a one-letter word among marks
    tokens |= {o + w + c for w in words for o in ("(", "\u201c", "[", "'", "\"")
               for c in ("", ")", ").", "\u201d,", "...", "]")}
    tokens |= {"b),", "(b)", "T.,", "(T.", "chirc./.", "(Nudc-Ha", "/chirc)"}
    repairs = _TokenRepairs()
    repairs.learn(tokens)
    for token in tokens:
        assert repairs.repair(token) == _token_repair(token), token
        # what the token gives the word after it: its leading letters, as repaired
        lead = _LEADING_LETTERS.match((token if repairs.repair(token) is None else repairs.repair(token)[0]).lower())
        assert _as_after(token, repairs.facts[token]) == (lead.group() if lead else None), token
    assert repairs.repair("chirc,") == ("chuc,", ((0, 4, 0, 5),))
    assert repairs.repair("b.") is None and repairs.repair("b,") == ("bo,", ((0, 2, 0, 1),))
    # the tokens of a text that change or have a second reading, new ones among them
    facts, hits = repairs.of(["nghi,", "chirc", "2024", "bai", "tdbm"])
    assert hits == [1, 3, 4] and facts[0] == facts[2] == 0
    assert facts[3][2] == "Dai" and facts[4][:2] == ("tom", None)  # "bai": Đại, a close second reading


def test_a_full_token_table_starts_again_and_reads_the_same():
    texts = ["Ho1 nghi dugc t6 chirc tai Tp. Pa Néng, bai hgi (chirc) 10/2024 nudc".split(),
             "mot hai ba bon nam sau bay tam chin muoi".split()]
    expected = [_TokenRepairs().of(tokens) for tokens in texts]
    small = _TokenRepairs(limit=5)  # (the table is emptied when a text finds it over this size)
    for _ in range(3):
        assert [small.of(tokens) for tokens in texts] == expected
    assert len(small.facts) <= small.limit + max(len(set(tokens)) for tokens in texts)


def test_a_word_also_printed_inside_an_earlier_token_is_repaired_where_it_stands_alone():
    # "t6" is first found inside the symbol, whose parts after "/" stay as printed
    assert repair_words("11/2014/t6 t6\u3000x") == ("11/2014/t6 to\u3000x", [(11, 13, 11, 13)])
    assert repair_words("KH&CNchirc\x1cchirc")[0] == "KH&CNchirc\x1cchuc"


def test_white_space_is_what_str_split_cuts_at():
    import sys

    from meeting_extractor.textview import SPACE_CHARACTERS

    assert set(SPACE_CHARACTERS) == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    # (repair_words finds a token's next occurrence bounded by str.isspace, where str.split cut it)
    assert "".join(f"a{c}b" for c in SPACE_CHARACTERS).split() == ["a"] + ["ba"] * (len(SPACE_CHARACTERS) - 1) + ["b"]


def test_each_repaired_word_is_one_edit_over_its_printed_letters():
    # a bare word is replaced whole; a word before a comma without the comma; white space kept
    text = "hoi nghi dugc  t6\nchirc, chirc tai"
    new, edits = repair_words(text)
    assert new == "hoi nghi duoc  to\nchuc, chuc tai"
    assert [(text[a:b], new[c:d]) for c, d, a, b in edits] == [
        ("dugc", "duoc"), ("t6", "to"), ("chirc", "chuc"), ("chirc", "chuc")]


def test_clean_text_is_not_repaired():
    view = TextView("Ông Smith dự họp", ocr_rewrites("clean"))
    assert view.plain == "Ong Smith du hop"


def test_records_from_ocr_text_are_grounded():
    from meeting_extractor import extract

    text = "Ho1 nghi t6ng két nam 2019 d3 dugc t6 chirc tai Tp. Pa Néng véi hon 100 dai biéu tham dy."
    assert_grounded(extract(text), text)


def _readings_by_full_walk(model, word):
    """Every reading of `word` (no bound on the walk), scored as the model scores them: the reference
    the bounded walk of `_Model.readings` must agree with."""
    import math

    scores = {}

    def walk(i, built, logp, edits):
        if built not in model.ceiling:
            return
        if i == len(word):
            prior = model.reading_prior.get(built)
            if prior is not None:
                scores[built] = max(scores.get(built, -math.inf), prior + logp)
            return
        if word[i].isalpha() and word[i].isascii():
            walk(i + 1, built + word[i], logp + model.keep.get(word[i], -0.01), edits)
        if edits < MAX_EDITS:
            for n in model.sub_lengths:
                for clean, lp in model.subs.get(word[i:i + n], ()) if i + n <= len(word) else ():
                    walk(i + n, built + clean, logp + lp, edits + 1)

    walk(0, "", 0.0, 0)
    for cand in model.dropped.get(word, ()):
        scores[cand] = max(scores.get(cand, -math.inf), model.dropped_logp + model.log_prior(cand))
    ranked = sorted(((v, k) for k, v in scores.items()), reverse=True)
    if not ranked:
        return word, None
    close = len(ranked) >= 2 and ranked[0][0] - ranked[1][0] <= CONTEXT_MARGIN
    return ranked[0][1], ranked[1][1] if close else None


_WALK_WORDS = ["chirc", "t6", "trudng", "bai", "hgi", "cia", "bang", "nghi", "ho1", "dwdng", "vwedng", "giau",
               "b", "c", "16p", "¢6ng", "ngu@i", "tiet", "thir", "quyét", "pa", "néng", "xyz", "walton", "&",
               "t6@@", "¢¢¢¢x", "vieen", "trailer", "global", "peter", "tdbm", "nwde", "triwomg", "vietham"]


def test_the_bounded_walk_finds_the_readings_of_the_full_walk():
    model = _model()
    for word in _WALK_WORDS:
        assert model.readings(word) == _readings_by_full_walk(model, word), word
    assert model.readings("bai") == ("bai", "dai")  # a word with a close second reading is among them


def test_a_walk_for_long_readings_only_says_none_or_gives_the_full_readings():
    """With `shortest`, the readings are None exactly when the full walk has no reading of that many
    letters; otherwise they are those of the full walk (a shorter best one included)."""
    model = _model()
    for word in _WALK_WORDS:
        full = _readings_by_full_walk(model, word)
        for shortest in range(2, 8):
            longest = max((len(r) for r in _all_readings(model, word)), default=0)
            expected = None if longest < shortest else full
            assert model.readings(word, shortest) == expected, (word, shortest)
    assert model.readings("trailer", 6) is None and model.readings("global", 5) == ("loai", "gioai")


def _all_readings(model, word):
    """Every syllable the full walk can read `word` as."""
    found = set()

    def walk(i, built, edits):
        if built not in model.ceiling:
            return
        if i == len(word):
            if model.reading_prior.get(built) is not None:
                found.add(built)
            return
        if word[i].isalpha() and word[i].isascii():
            walk(i + 1, built + word[i], edits)
        if edits < MAX_EDITS:
            for n in model.sub_lengths:
                for clean, _ in model.subs.get(word[i:i + n], ()) if i + n <= len(word) else ():
                    walk(i + n, built + clean, edits + 1)

    walk(0, "", 0)
    return found | set(model.dropped.get(word, ()))


def test_the_precomputed_readings_are_those_of_the_search():
    """data/ocr_readings.txt must give what the search gives today: after a change to the model,
    run scripts/precompute_readings.py again."""
    table, model = _precomputed(), _model()
    forms = table.printed_forms()
    assert len(forms) >= 5000
    for printed in forms:
        assert table.get(printed) == model.readings(printed), printed
    assert table.get("chirc") == readings("chirc") == ("chuc", None)  # a common misprint is in the table
    assert table.get("vieen") == ("vien", None)  # and one with a letter printed where there was none
    assert table.get("thuyet") == ("thuyet", None)  # a syllable the learning texts never had
    assert table.get("xyzq") is None and readings("xyzq") == model.readings("xyzq")  # others are searched


def test_the_reading_table_keeps_each_pair_of_readings_once():
    table = ReadingTable("# header\nchirc chuc -\nchiirc chuc -\nbai bai dai\n")
    assert table.get("chirc") == ("chuc", None) and table.get("bai") == ("bai", "dai")
    assert table.get("chirc") is table.get("chiirc")  # (40,000 forms share some 7,000 pairs)


def _source_module():
    """ocr_repair.py run by the interpreter, beside the package's (compiled by mypyc where the build could)."""
    import importlib.util
    from pathlib import Path

    import meeting_extractor

    path = Path(meeting_extractor.__file__).with_name("ocr_repair.py")
    spec = importlib.util.spec_from_file_location("meeting_extractor._ocr_repair_source", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, path


def test_a_compiled_repair_is_built_from_the_source_beside_it():
    """An editable install compiles ocr_repair.py in place (hatch_build.py): an extension left from an
    older source would run old code, so its note must name today's source (rebuild: `make`, or
    `pip install -e .`)."""
    import hashlib

    import meeting_extractor.ocr_repair as installed

    _, path = _source_module()
    if installed.__file__.endswith(".py"):
        return  # pure Python: nothing to be stale
    note = path.with_name("ocr_repair.compiled")
    if not note.exists():
        return  # (a wheel: it carries the extension it was built with, and no note)
    assert note.read_text(encoding="utf-8").split() == [
        "meeting_extractor/ocr_repair.py", hashlib.sha256(path.read_bytes()).hexdigest()], \
        "the compiled OCR repair is older than ocr_repair.py: run `make` (or pip install -e .) again"


def test_the_compiled_repair_reads_as_the_source_does():
    """Compiled or not, the repair gives the same views and edits (the fixtures' OCR'd reports)."""
    from pathlib import Path

    source, _ = _source_module()
    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "fixtures" / "ocr").glob("*.txt"))]
    assert len(texts) >= 10
    for text in texts:
        assert source.repair_words(text) == repair_words(text)
