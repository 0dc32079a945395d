"""Item 17 of issue 17: inputs as Windows writes them, through the commands that read them.

Notepad and Excel on a council laptop write CRLF line ends, a UTF-8 byte-order
mark or Windows-1252 (cp1252) text, and people paste paths with backslashes.
A backslash is an ordinary character in a POSIX file name, so such a path is
used exactly as given and, when there is no such file, named exactly in the
one-line error.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wtcheck.cli.app import app

CLOSURES_CRLF_BOM = "\ufeff2025-12-29, Christmas closure\r\n30/12/2025\tOffice move\r\n"


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.stdout if code == 0 else result.stderr


def test_crlf_closures_with_a_bom_are_read_without_stray_characters(tmp_path: Path) -> None:
    closures = tmp_path / "closures.txt"
    closures.write_bytes(CLOSURES_CRLF_BOM.encode("utf-8"))
    assert run("workdays", "is", "30/12/2025", "--closures", str(closures)) == (
        "Tue 30 Dec 2025 is not a working day (closure day: Office move)\n"
    )
    listed = json.loads(
        run("calendar", "list", "--from", "29/12/2025", "--to", "31/12/2025",
            "--closures", str(closures), "-f", "json")
    )  # fmt: skip
    assert [(d["date"], d["name"]) for d in listed] == [
        ("2025-12-29", "Christmas closure"),
        ("2025-12-30", "Office move"),
    ]
    assert run("workdays", "add", "24/12/2025", "2", "--closures", str(closures)) == (
        "Fri 2 Jan 2026\n"  # 25, 26 Dec bank holidays, 29, 30 closed: 31 Dec is 1, 1 Jan off
    )
    assert run("workdays", "add", "24/12/2025", "2") == "Tue 30 Dec 2025\n"


def test_crlf_config_with_a_bom_sets_the_calendar(tmp_path: Path) -> None:
    (tmp_path / "closures.txt").write_bytes(CLOSURES_CRLF_BOM.encode("utf-8"))
    config = tmp_path / "wtcheck.toml"
    config.write_bytes(
        '\ufeff[calendar]\r\ndivision = "scotland"\r\nclosures = "closures.txt"\r\n'.encode()
    )
    c = str(config)
    assert run("workdays", "is", "15/06/2026", "--config", c) == (
        "Mon 15 Jun 2026 is not a working day (bank holiday: World Cup bank holiday)\n"
    )
    assert run("workdays", "is", "29/12/2025", "--config", c) == (
        "Mon 29 Dec 2025 is not a working day (closure day: Christmas closure)\n"
    )
    items = json.loads(
        run("deadlines", "--aware", "24/12/2025", "--config", c, "--as-of", "24/12/2025",
            "-f", "json", "-r", "sin-panel")
    )  # fmt: skip
    # Scotland: 25, 26 Dec and 1, 2 Jan off; closures 29, 30 Dec: 31 Dec, 5, 6, 7, 8 Jan
    assert [(i["deadline"], i["division"]) for i in items] == [("2026-01-08", "scotland")]


def test_a_backslash_path_is_used_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("exports\\closures.txt").write_bytes(CLOSURES_CRLF_BOM.encode("utf-8"))
    assert run("workdays", "is", "29/12/2025", "--closures", "exports\\closures.txt") == (
        "Mon 29 Dec 2025 is not a working day (closure day: Christmas closure)\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("workdays", "is", "29/12/2025", "--closures", "C:\\wtcheck\\closures.txt"),
         "wtcheck: error: --closures C:\\wtcheck\\closures.txt: cannot read (No such file or directory)\n"),
        (("rules", "--config", "C:\\wtcheck\\wtcheck.toml"),
         "wtcheck: error: config file C:\\wtcheck\\wtcheck.toml: cannot read (No such file or directory)\n"),
        (("calendar", "list", "--calendar", "D:\\Downloads\\bank-holidays.json"),
         "wtcheck: error: D:\\Downloads\\bank-holidays.json: cannot read (No such file or directory)\n"),
    ],
)  # fmt: skip
def test_a_missing_windows_path_is_one_line_naming_it(args: tuple[str, ...], message: str) -> None:
    assert run(*args, code=2) == message


def test_day_first_dates_as_a_uk_windows_locale_writes_them() -> None:
    # 1 Dec 2025 to 12 Jan 2026: 20 working days left in December, 7 in January
    assert run("workdays", "between", "01/12/2025", "12/01/2026") == "27\n"
    assert run("workdays", "add", "5/1/2026", "1") == "Tue 6 Jan 2026\n"  # 5 January, not May


# A closures or config file saved as "ANSI" (cp1252) by Notepad: either the file is read
# (as the audit reads cp1252 exports) or it is one line, exit 2 (issue 17 item 10).


def _cp1252_outcome(args: list[str], name: str) -> None:
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    if result.exit_code == 0:
        assert "Café closure" in result.stdout
    else:
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and name in result.stderr


def test_cp1252_closures(tmp_path: Path) -> None:
    closures = tmp_path / "closures.txt"
    closures.write_bytes("2025-12-29, Café closure\r\n".encode("cp1252"))
    _cp1252_outcome(["workdays", "is", "29/12/2025", "--closures", str(closures)], "closures.txt")


def test_cp1252_config(tmp_path: Path) -> None:
    (tmp_path / "closures.txt").write_text("2025-12-29, Café closure\n", encoding="utf-8")
    config = tmp_path / "wtcheck.toml"
    config.write_bytes('[calendar]\r\nclosures = "closures.txt" # Café\r\n'.encode("cp1252"))
    _cp1252_outcome(["workdays", "is", "29/12/2025", "--config", str(config)], "wtcheck.toml")
