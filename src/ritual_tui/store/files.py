"""Writing a file atomically, alone or with others as one set.

Every file the tool writes ends with :data:`TRAILER`. A TOML file cut short can still be valid TOML,
so the trailer is how a cut is noticed: a versioned file without it is damaged, never trusted.
"""

from __future__ import annotations

import errno
import math
import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import tomli_w

from ritual_tui.domain.errors import StorageError, ValidationError

TRAILER = "# end of file (a file without this line was cut short)\n"
#: Larger files are refused rather than parsed, and no write may produce one: a record holding
#: several megabytes of pasted text still fits.
MAX_FILE_BYTES = 16 * 1024 * 1024
FOLDER_MODE = 0o700
FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"


def first_not_finite(value: Any, key: str = "") -> str:
    """The key path of the first nan or inf in a document ("" if none): TOML allows them, a record
    never holds one, and JSON, the reports and every sum would carry it on."""
    if isinstance(value, float) and not math.isfinite(value):
        return key.lstrip(".")
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for name, child in children:
        found = first_not_finite(child, f"{key}.{name}" if isinstance(name, str) else f"{key}[{name + 1}]")
        if found:
            return found
    return ""


def render(doc: dict[str, Any], header: str) -> bytes:
    """A document as the bytes of a file: a header comment, the TOML, the trailer."""
    bad = first_not_finite(doc)
    if bad:
        raise ValidationError(f"'{bad}' is not a finite number; nothing was saved.")
    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return (lines + tomli_w.dumps(doc) + TRAILER).encode("utf-8")


def ensure_folder(folder: Path) -> None:
    """Create a folder, and each missing parent, readable only by its owner (``mkdir(parents=True)``
    would give the parents the umask's mode, 0755 as a rule)."""
    try:
        _make_folder(folder)
    except OSError as error:
        raise _storage_error(error, folder) from None


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
    except FileNotFoundError:
        if folder.parent == folder:
            raise
        _make_folder(folder.parent)
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)


def _why(error: OSError) -> str:
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        return "the disk is full"
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "the workspace is read-only or not yours to write"
    if error.errno == errno.ELOOP:
        return "a symbolic link stands where a file should be; refused"
    if error.errno == errno.EEXIST:
        return "a file stands where a folder should be"
    return error.strerror or str(error)


#: How a failed write ends its message: what is still as it was.
UNCHANGED = "The file on disk is unchanged."


def _storage_error(error: OSError, path: Path, unchanged: str = UNCHANGED) -> StorageError:
    return StorageError(f"Could not save {path}: {_why(error)}. {unchanged}")


def _stage(path: Path, data: bytes, durable: bool, limit: int | None, unchanged: str = UNCHANGED) -> Path:
    """Write ``data`` to a new temp file beside ``path`` (created exclusively, never through a
    symlink) and return the temp file's path; nothing else changes."""
    if limit is not None and len(data) > limit:
        raise StorageError(
            f"Could not save {path}: {len(data) / 2**20:.1f} MB is over the {limit // 2**20} MB a file may "
            f"hold. Shorten the text. {unchanged}"
        )
    ensure_folder(path.parent)
    temp = path.parent / f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(temp, flags, FILE_MODE)
    except OSError as error:
        raise _storage_error(error, path, unchanged) from None
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
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise _storage_error(error, path, unchanged) from None
    return temp


def write_atomic(path: Path, data: bytes, durable: bool = True, limit: int | None = MAX_FILE_BYTES) -> None:
    """Replace ``path`` with ``data`` so that a reader sees the old file or the new one, never a part.

    The bytes go to a temp file in the same folder, are flushed and fsynced, then renamed over the
    target; the folder is fsynced so the rename survives a power cut. A derived file that is checked
    when read and rebuilt when damaged (the caches) skips the two fsyncs with ``durable=False``: a
    power cut may lose it, nothing else. ``limit`` refuses data the store could not read back
    (None for files it never reads: an export, a report).
    """
    temp = _stage(path, data, durable, limit)
    try:
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise _storage_error(error, path) from None
    if durable:
        fsync_folder(path.parent)


def write_together(files: Sequence[tuple[Path, bytes]]) -> None:
    """Replace several files as one set (the Markdown, JSON and HTML of a report).

    Every new version is written and fsynced to a temp file before any is renamed into place, so a
    full disk or a failed write changes none of them; the renames that follow cannot run out of
    space. Should one still fail, the message names exactly the files that were replaced.
    """
    staged: list[tuple[Path, Path]] = []
    unchanged = f"None of {', '.join(path.name for path, _ in files)} was changed."
    try:
        for path, data in files:
            staged.append((_stage(path, data, True, None, unchanged), path))
    except StorageError:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    replaced: list[Path] = []
    for temp, path in staged:
        try:
            os.replace(temp, path)
        except OSError as error:
            for left, _ in staged[len(replaced) :]:
                left.unlink(missing_ok=True)
            done = ", ".join(p.name for p in replaced) or "none"
            unchanged = ", ".join(p.name for _, p in staged[len(replaced) :])
            raise StorageError(
                f"Could not save {path}: {_why(error)}. Replaced: {done}; unchanged: {unchanged}."
            ) from None
        replaced.append(path)
    for folder in dict.fromkeys(path.parent for path in replaced):
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


def leftover_temp_files(folder: Path) -> list[Path]:
    """Temp files a crashed write left behind in ``folder``."""
    try:
        return [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return []
