"""Reading a small text file a person wrote (config, closures): UTF-8 or one clear line.

A file that is not UTF-8 (a cp1252 export, a binary file given by mistake) is
refused with the line and the byte where decoding stopped, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from wtcheck.errors import InputError


def decode_utf8(raw: bytes, where: str, error: type[InputError] = InputError) -> str:
    """*raw* as UTF-8 text (a leading byte-order mark dropped); *error* names the line
    and the byte when it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start : exc.start + 1].hex()
        raise error(
            f"{where}, line {line}: byte 0x{byte} is not UTF-8 text; expected a file saved as UTF-8"
        ) from None


def read_utf8(path: Path, where: str, error: type[InputError] = InputError) -> str:
    """The text of *path*; *error* (naming *where*) if it cannot be read or is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error(f"{where}: cannot read ({exc.strerror or exc})") from None
    except ValueError:  # a NUL in the name (only from a library caller or a config value)
        raise error(f"{where}: cannot read (the file name holds a NUL character)") from None
    return decode_utf8(raw, where, error)
