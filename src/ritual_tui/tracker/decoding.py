"""An export's bytes as text: the encoding found (or given) and, for CSV, the delimiter.

Jira writes UTF-8; Excel in Europe saves ``;``-separated Windows-1252, and "Unicode text" as UTF-16,
each with or without a byte-order mark. Nothing is guessed past that: a file that is none of these
asks for ``--encoding``.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ritual_tui.tracker.issue import ExportFileError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Tried in this order when the file has no byte-order mark and no encoding is given.
_FALLBACKS = ("utf-8", "cp1252")
_DELIMITERS = (",", ";", "\t")


def decode_export(path: Path | str, data: bytes, encoding: str | None = None) -> str:
    """The file's text, decoded with ``encoding`` or the first that fits (a BOM decides first)."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ExportFileError(path, f"{encoding!r} is not an encoding Python knows (try cp1252).") from None
        return _decode(path, data, encoding).removeprefix("\ufeff")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode(path, data, name)
    for name in _FALLBACKS:
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    raise ExportFileError(
        path, "is neither UTF-8 nor Windows-1252 text; give its encoding with --encoding (e.g. --encoding latin-1)."
    )


def _decode(path: Path | str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ExportFileError(path, f"is not valid {encoding} text (byte {error.start + 1}).", f"line {line}") from None


def csv_delimiter(text: str) -> str:
    """The delimiter of a CSV text: whichever of comma, semicolon and tab its header line holds most
    often outside quotes (a comma when it holds none)."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            break
        elif char in counts and not quoted:
            counts[char] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","
