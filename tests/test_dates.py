from datetime import date

import pytest

from wtcheck.dates import format_long, parse_date
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
        ("1", date(1900, 1, 1)),
        ("61", date(1900, 3, 1)),
    ],
)
def test_excel_serials_only_when_asked(text: str, expected: date) -> None:
    assert parse_date(text, excel_serials=True) == expected


def test_excel_serial_60_is_the_fictitious_leap_day() -> None:
    with pytest.raises(DateError, match="never existed"):
        parse_date("60", excel_serials=True)


def test_format_long() -> None:
    assert format_long(date(2023, 5, 15)) == "Mon 15 May 2023"
