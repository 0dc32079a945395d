"""The --mapping reader: any bytes give a mapping or one clear line, exit 2 (safety issue,
the readers' tests)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wtcheck.cli.app import app
from wtcheck.errors import WtcheckError
from wtcheck.inputs.columns import load_mapping

PIECES = st.sampled_from(
    ["[columns]\n", 'referral_date = "Ref"\n', "referal_date = 1\n", "a = [[[[[[[[", "x = " + "9" * 5000,
     "\xff\xfe", "[columns]\ncase_id = [\"A\", 2]\n", "[[columns]]\n", "= =\n", "\x00"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=5), st.binary(max_size=30))
def test_any_mapping_file_is_read_or_refused_in_one_line(pieces: list[str], junk: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.toml"
        path.write_bytes("".join(pieces).encode("utf-8", "surrogatepass") + junk)
        try:
            got = load_mapping(path)
        except WtcheckError as exc:
            assert "\n" not in str(exc) and str(exc).startswith(f"--mapping {path}")
        else:
            assert all(isinstance(v, tuple) for v in got.values())


def test_deep_nesting_in_a_mapping_is_one_line_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "map.toml"
    path.write_text("a = " + "[" * 5000)
    data = tmp_path / "x.csv"
    data.write_text("case_id,aware_date,notification_date\nC1,,\n")
    got = CliRunner().invoke(app, ["audit", str(data), "--mapping", str(path)])
    assert got.exit_code == 2
    assert got.stderr.count("\n") == 1 and got.stderr.startswith(
        f"wtcheck: error: --mapping {path}"
    )
