from meeting_extractor.numbers import parse_number
from meeting_extractor.textview import fold


def test_digits_with_thousands_separators():
    assert parse_number("150") == 150
    assert parse_number("1.200") == 1200
    assert parse_number("2,500") == 2500


def test_number_words():
    cases = {"sáu": 6, "mười hai": 12, "hai mươi": 20, "hai mươi lăm": 25, "một trăm": 100,
             "một trăm năm mươi": 150, "hai trăm": 200, "một trăm linh năm": 105, "ba nghìn": 3000}
    for words, value in cases.items():
        assert parse_number(fold(words)) == value, words


def test_not_numbers():
    assert parse_number("hon") is None
    assert parse_number("") is None
    assert parse_number("hai ba") is None
