from datetime import date

import pytest

from wtcheck.dates import EXPECTED, format_long, parse_date
from wtcheck.errors import DateError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-05-05", date(2023, 5, 5)),
        ("05/05/2023", date(2023, 5, 5)),
        ("5/5/2023", date(2023, 5, 5)),
        ("05/04/2023", date(2023, 4, 5)),  # day first, always
        ("12/01/2024", date(2024, 1, 12)),
        ("5 May 2023", date(2023, 5, 5)),
        ("5 may 2023", date(2023, 5, 5)),
        ("15 Sept 2023", date(2023, 9, 15)),
        ("Friday 5 May 2023", date(2023, 5, 5)),
        ("05-May-2023", date(2023, 5, 5)),
        ("05-05-2023", date(2023, 5, 5)),
        ("5/5/23", date(2023, 5, 5)),
        ("5/5/70", date(1970, 5, 5)),
        ("05/05/2023 00:00:00", date(2023, 5, 5)),
        ("2023-05-05T10:30:00", date(2023, 5, 5)),
        ("  2023-05-05 ", date(2023, 5, 5)),
    ],
)
def test_parse_date_accepts_day_first_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/2023", "no such date (day 31, month 2, year 2023)"),
        ("13/13/2023", "no such date (day 13, month 13, year 2023)"),
        ("2023-02-29", "no such date (day 29, month 2, year 2023)"),
        (
            "5 Mayo 2023",
            "unknown month name 'Mayo'; expected a date such as 2023-05-05, 05/05/2023 (day first) or 5 May 2023",
        ),
        ("yesterday", "expected a date such as 2023-05-05, 05/05/2023 (day first) or 5 May 2023"),
        ("45051", "expected a date such as 2023-05-05, 05/05/2023 (day first) or 5 May 2023"),
        ("", "empty; expected a date such as 2023-05-05, 05/05/2023 (day first) or 5 May 2023"),
    ],
)
def test_parse_date_rejects_with_reason(text: str, reason: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert info.value.reason == reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45051", date(2023, 5, 5)),
        ("45051.0", date(2023, 5, 5)),
        ("36526", date(2000, 1, 1)),  # the first serial read as a date
        ("73415", date(2100, 12, 31)),  # the last
    ],
)
def test_excel_serials_only_when_asked(text: str, expected: date) -> None:
    assert parse_date(text, excel_serials=True) == expected
    with pytest.raises(DateError):
        parse_date(text)


@pytest.mark.parametrize("text", ["0", "1", "7", "60", "2023", "12345", "36525", "73416"])
def test_small_and_huge_numbers_are_not_dates(text: str) -> None:
    """Safety issue item 7: a bare number is an Excel serial only from 36526 (1 Jan 2000)
    to 73415 (31 Dec 2100); 36525 and 73416, one either side, are rejected."""
    with pytest.raises(
        DateError, match=r"^.*a number, not a date \(Excel serials are read from 36526"
    ):
        parse_date(text, excel_serials=True)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("not 5 May 2023", "unexpected word 'not' before the date; " + EXPECTED),
        ("TBC 5 May 2023", "unexpected word 'TBC' before the date; " + EXPECTED),
        ("before 5 May 2023", "unexpected word 'before' before the date; " + EXPECTED),
        ("Monday 5 May 2023", "05 May 2023 was a Friday, not Monday"),
        ("2024-01-01 25:00", "no such time of day (25:00)"),
        ("05/05/2023 13:00 PM", "no such time of day (13:00 PM)"),
        ("05/05/2023 0:00 AM", "no such time of day (0:00 AM)"),
        ("05/05/2023 10:60", "no such time of day (10:60)"),
        ("13:00 PM", EXPECTED),
        ("2026-W48-1", EXPECTED),
        ("٢٠٢٣-٠٥-٠٥", EXPECTED),  # Arabic-Indic digits
        ("２０２３-０５-０５", EXPECTED),  # full-width digits
        ("05/05-2023", EXPECTED),  # mixed separators
        ("2023/05-05", EXPECTED),
        ("5th May", EXPECTED),  # no year
    ],
)
def test_annotated_text_and_impossible_times_are_not_dates(text: str, reason: str) -> None:
    """Safety issue item 8: only the documented forms are dates."""
    with pytest.raises(DateError) as info:
        parse_date(text, excel_serials=True)
    assert info.value.reason == reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday 5 May 2023", date(2023, 5, 5)),
        ("Fri, 5 May 2023", date(2023, 5, 5)),
        ("5th May 2023", date(2023, 5, 5)),
        ("2023/05/05", date(2023, 5, 5)),  # yyyy/mm/dd (year first is never ambiguous)
        ("05-MAY-23", date(2023, 5, 5)),  # dd-MON-yy, as Oracle exports write it
        ("05-May-2023", date(2023, 5, 5)),
        ("05/05/2023 23:59", date(2023, 5, 5)),
        ("05/05/2023 12:00 PM", date(2023, 5, 5)),
        ("05/05/2023 1:30 am", date(2023, 5, 5)),
        ("5/5/68", date(2068, 5, 5)),  # two-digit pivot: 68 is 2068...
        ("5/5/69", date(1969, 5, 5)),  # ...and 69 is 1969
    ],
)
def test_documented_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_format_long() -> None:
    assert format_long(date(2023, 5, 15)) == "Mon 15 May 2023"


def test_the_stripped_characters_are_python_s_whitespace() -> None:
    """dates._SPACE is written out (no work at start-up); it must be exactly what
    str.strip() strips, every character Python calls whitespace."""
    from wtcheck.dates import _SPACE

    assert "".join(chr(i) for i in range(0x110000) if chr(i).isspace()) == _SPACE
