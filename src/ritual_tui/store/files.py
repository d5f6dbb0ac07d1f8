"""Reading a file whole or not at all, and writing one atomically.

Every file the tool writes ends with :data:`TRAILER`. A TOML file cut short can still be valid TOML,
so the trailer is how a cut is noticed: a versioned file without it is damaged, never trusted.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from ritual_tui.domain.errors import DamagedFileError, StorageError

TRAILER = "# end of file (a file without this line was cut short)\n"
#: Larger files are refused rather than parsed, and no write may produce one: a record holding
#: several megabytes of pasted text still fits.
MAX_FILE_BYTES = 16 * 1024 * 1024
FOLDER_MODE = 0o700
FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"

_CONFLICT = re.compile(r"^(<<<<<<<|=======|>>>>>>>|\|\|\|\|\|\|\|)( |$)", re.MULTILINE)
_TOML_POSITION = re.compile(r"at line (\d+)")


def _line_of(data: bytes | str, offset: int) -> int:
    if isinstance(data, bytes):
        return data[:offset].count(b"\n") + 1
    return data[:offset].count("\n") + 1


def parse_document(path: Path, data: bytes) -> tuple[dict[str, Any], str]:
    """Parse a file's bytes into a TOML document, or raise DamagedFileError naming file and line.

    Returns the document and the decoded text. The trailer is checked by the caller, which knows
    whether the file is versioned.
    """
    if len(data) > MAX_FILE_BYTES:
        raise DamagedFileError(path, f"is {len(data):,} bytes, larger than any ritual-tui file can be")
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
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = _TOML_POSITION.search(str(error))
        line = int(where.group(1)) if where else len(text.splitlines()) or 1  # "at end of document"
        message = str(error).split(" (at ")[0]
        raise DamagedFileError(path, f"is not valid TOML ({message})", line) from None
    except RecursionError:
        raise DamagedFileError(path, "is nested too deeply to be a ritual-tui file") from None
    return doc, text


def has_trailer(text: str) -> bool:
    """True when the file ends with the line written last."""
    return text.endswith(TRAILER)


def render(doc: dict[str, Any], header: str) -> bytes:
    """A document as the bytes of a file: a header comment, the TOML, the trailer."""
    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return (lines + tomli_w.dumps(doc) + TRAILER).encode("utf-8")


def ensure_folder(folder: Path) -> None:
    """Create a folder (and parents) readable only by its owner."""
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except OSError as error:
        raise _storage_error(error, folder) from None


def _storage_error(error: OSError, path: Path) -> StorageError:
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        why = "the disk is full"
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why = "the workspace is read-only or not yours to write"
    elif error.errno == errno.ELOOP:
        why = "a symbolic link stands where a file should be; refused"
    else:
        why = error.strerror or str(error)
    return StorageError(f"Could not save {path}: {why}. The file on disk is unchanged.")


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a reader sees the old file or the new one, never a part.

    The bytes go to a temp file in the same folder (created exclusively, never through a symlink),
    are flushed and fsynced, then renamed over the target; the folder is fsynced so the rename
    survives a power cut. A derived file that is checked when read and rebuilt when damaged (the
    caches) skips the two fsyncs with ``durable=False``: a power cut may lose it, nothing else.
    """
    if len(data) > MAX_FILE_BYTES:
        raise StorageError(
            f"Could not save {path}: {len(data) / 2**20:.1f} MB is over the {MAX_FILE_BYTES // 2**20} MB a file may "
            "hold. Shorten the text. The file on disk is unchanged."
        )
    folder = path.parent
    ensure_folder(folder)
    temp = folder / f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(temp, flags, FILE_MODE)
    except OSError as error:
        raise _storage_error(error, path) from None
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise _storage_error(error, path) from None
    if durable:
        fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_bytes(path: Path) -> bytes:
    """A file's bytes, refusing one that is absurdly large before reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DamagedFileError(path, f"is {size:,} bytes, larger than any ritual-tui file can be")
        return path.read_bytes()
    except OSError as error:
        raise StorageError(f"Could not read {path}: {error.strerror}.") from None


def read_with_identity(path: Path) -> tuple[bytes, os.stat_result]:
    """A file's bytes and the status of the very file they were read from (not of whatever the path
    names a moment later), for caches keyed on the file's identity."""
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            if status.st_size > MAX_FILE_BYTES:
                raise DamagedFileError(path, f"is {status.st_size:,} bytes, larger than any ritual-tui file can be")
            return handle.read(), status
    except OSError as error:
        raise StorageError(f"Could not read {path}: {error.strerror}.") from None


def leftover_temp_files(folder: Path) -> list[Path]:
    """Temp files a crashed write left behind in ``folder``."""
    try:
        return [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return []


def line_of_key(text: str, message: str) -> int | None:
    """The line where the key named in a validation message is set, when it can be found."""
    key = message.split("'")[1].split(".")[0].split("[")[0] if "'" in message else ""
    for number, line in enumerate(text.splitlines(), start=1):
        if key and line.lstrip().startswith((f"{key} ", f"{key}=", f"[{key}]", f"[[{key}]]")):
            return number
    return None
