"""Reading a file whole or not at all, and parsing it into a TOML document.

Only regular files are read, and never more than the size limit plus one byte: a record path that
git or a hand turned into a FIFO would block a read for ever, and a symbolic link to ``/dev/zero``
would fill the memory.
"""

from __future__ import annotations

import math
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from ritual_tui.domain.errors import DamagedFileError, StorageError
from ritual_tui.store.files import MAX_FILE_BYTES, TRAILER, first_not_finite

_CONFLICT = re.compile(r"^(<<<<<<<|=======|>>>>>>>|\|\|\|\|\|\|\|)( |$)", re.MULTILINE)
_TOML_POSITION = re.compile(r"at line (\d+)")
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _refuse_special(path: Path, status: os.stat_result) -> None:
    if stat.S_ISREG(status.st_mode):
        return
    kind = next((word for test, word in _KINDS if test(status.st_mode)), "not a file")
    raise DamagedFileError(path, f"is {kind}, not a regular file; ritual-tui reads only regular files")


def _too_large(path: Path, size: int) -> DamagedFileError:
    return DamagedFileError(path, f"is {size:,} bytes, larger than any ritual-tui file can be")


def read_with_identity(path: Path) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and the status of the very file they were read from (not of whatever
    the path names a moment later), for caches keyed on the file's identity."""
    try:
        # Looked at before it is opened: opening some devices acts (a tape rewinds), and a FIFO
        # opened for reading waits for a writer.
        _refuse_special(path, os.stat(path))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as handle:
            status = os.fstat(fd)
            _refuse_special(path, status)  # swapped between the look and the open
            if status.st_size > MAX_FILE_BYTES:
                raise _too_large(path, status.st_size)
            # Its size plus one byte shows a file that grew since; never past the limit plus one.
            # (Not read(limit + 1) at once: that allocates 16 MiB for every file.)
            data = handle.read(status.st_size + 1)
            if len(data) > status.st_size:
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    except OSError as error:
        raise StorageError(f"Could not read {path}: {error.strerror}.") from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(path, len(data))
    return data, status


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes, refusing one that is absurdly large before reading it."""
    return read_with_identity(path)[0]


def _line_of(data: bytes | str, offset: int) -> int:
    if isinstance(data, bytes):
        return data[:offset].count(b"\n") + 1
    return data[:offset].count("\n") + 1


class _NotFinite(ValueError):
    """A float TOML allows and a record never holds: nan or inf."""


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(text)
    return value


def parse_document(path: Path, data: bytes) -> tuple[dict[str, Any], str]:
    """Parse a file's bytes into a TOML document, or raise DamagedFileError naming file and line.

    Returns the document and the decoded text. The trailer is checked by the caller, which knows
    whether the file is versioned.
    """
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(path, len(data))
    if not data.strip():
        raise DamagedFileError(path, "is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        raise DamagedFileError(path, "starts with a byte-order mark (BOM); save it as UTF-8 without BOM", 1)
    if b"\0" in data:
        raise DamagedFileError(path, "contains a NUL byte", _line_of(data, data.index(b"\0")))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DamagedFileError(path, "is not valid UTF-8", _line_of(data, error.start)) from None
    conflict = _CONFLICT.search(text)
    if conflict:
        raise DamagedFileError(
            path, "contains git merge-conflict markers; resolve the merge first", _line_of(text, conflict.start())
        )
    try:
        doc = tomllib.loads(text, parse_float=_finite)
    except tomllib.TOMLDecodeError as error:
        where = _TOML_POSITION.search(str(error))
        line = int(where.group(1)) if where else len(text.splitlines()) or 1  # "at end of document"
        message = str(error).split(" (at ")[0]
        raise DamagedFileError(path, f"is not valid TOML ({message})", line) from None
    except _NotFinite as error:
        # Parsed again only to name the key.
        key = first_not_finite(tomllib.loads(text))
        raise DamagedFileError(
            path, f"'{key}' is {error}, not a finite number", line_of_key(text, f"'{key}'")
        ) from None
    except RecursionError:
        raise DamagedFileError(path, "is nested too deeply to be a ritual-tui file") from None
    return doc, text


def has_trailer(text: str) -> bool:
    """True when the file ends with the line written last."""
    return text.endswith(TRAILER)


def line_of_key(text: str, message: str) -> int | None:
    """The line where the key named in a validation message is set, when it can be found."""
    key = message.split("'")[1].split(".")[0].split("[")[0] if "'" in message else ""
    for number, line in enumerate(text.splitlines(), start=1):
        if key and line.lstrip().startswith((f"{key} ", f"{key}=", f"[{key}]", f"[[{key}]]")):
            return number
    return None
