"""A derived cache of parsed records, so that thousands of files open as fast as a few.

For each folder of records, ``.ritual/cache/<folder>.json`` keeps every file's parsed document next
to the file's identity (inode, size, modification and change times). An atomic write makes a new
inode and an edit in place changes the times, so a cached document is used only for the exact file
it was parsed from, provided that file had settled when it was cached (see :data:`SETTLED_NS`).
Beside it, ``<folder>.index.json`` keeps only each record's ``INDEXED`` fields, small enough to read
in full when a report counts thousands of records or chooses the few it will read whole. Neither is
ever the truth: each is safe to delete, is rebuilt when missing, unreadable, written by another
version or not private to the user, and is never used by ``ritual check``.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ritual_tui import __version__
from ritual_tui.domain.errors import RitualError, StorageError
from ritual_tui.store.files import write_atomic
from ritual_tui.store.reading import read_with_identity

#: Bumped when the cache's layout changes; with the package version it decides when to rebuild.
#: 3: entries only for files that had settled (caches of format 2 may hold stale ones).
CACHE_FORMAT = 3
#: A file's identity is unique only up to its filesystem's timestamp step: whole seconds on ext3, on
#: ext4 made with 128-byte inodes (the default under 512 MB) and on many network shares, two seconds
#: on FAT. Three edits within one step, or a ``git checkout`` undoing an edit and reusing the inode,
#: leave inode, size and both times as they were. So, as git does with entries it calls "racily
#: clean", an entry is stored only for a file last changed at least this long before the cache
#: first looked at its folder: any later change then lands in a later step and shows.
SETTLED_NS = 2_000_000_000


def clock_ns() -> int:
    """The time now, in nanoseconds (a function, so that a test can stand in a clock of its own)."""
    return time.time_ns()


def _iso(value: Any) -> Any:
    # Dates travel as ISO text; the record's field types turn them back (fields.from_trusted_doc).
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot cache {type(value).__name__}")


def identity(stat: os.stat_result) -> list[int]:
    """What must match for a cached document to stand for a file."""
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]


def _entries(path: Path, shape: list[str] | None) -> dict[str, list[Any]]:
    """The entries of a cache file, or none when it is missing, damaged, written by another version
    or for another shape, or not the user's own and private (another user could plant records)."""
    try:
        data, status = read_with_identity(path)
        if status.st_uid != os.getuid() or status.st_mode & 0o022:
            return {}
        document = json.loads(data)
        written_for = (document.get("format"), document.get("version"), document.get("shape"))
        if written_for != (CACHE_FORMAT, __version__, shape):
            return {}
        entries = document["entries"]
        return entries if type(entries) is dict else {}
    except (RitualError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # missing or damaged: it is only a cache


class FolderCache:
    """The cached documents of one folder of records.

    ``shape`` tells what a document holds, when not the whole record (the index keeps a few fields):
    a cache written for another shape is rebuilt.
    """

    def __init__(self, path: Path, shape: list[str] | None = None) -> None:
        self.path = path
        self.shape = shape
        self.entries: dict[str, list[Any]] = {}
        self.changed = False
        # Taken before any file of the folder is looked at through this cache (see SETTLED_NS).
        self.opened_ns = clock_ns()
        self.entries = _entries(path, shape)

    def lookup(self, name: str, stat: os.stat_result) -> tuple[dict[str, Any], str] | None:
        """The document and digest cached for this exact file, if any."""
        entry = self.entries.get(name)
        if type(entry) is not list or len(entry) != 3 or entry[0] != identity(stat):
            return None
        digest, doc = entry[1], entry[2]
        return (doc, digest) if type(doc) is dict and type(digest) is str else None

    def store(self, name: str, stat: os.stat_result, doc: dict[str, Any], digest: str) -> None:
        """Cache a checked document (of a record without unknown keys: their dates could not be told
        from text on the way back), unless its file changed too recently to be told from a later
        change (see :data:`SETTLED_NS`)."""
        ino, size, modified, changed = identity(stat)
        if max(modified, changed) > self.opened_ns - SETTLED_NS:
            return
        self.entries[name] = [[ino, size, modified, changed], digest, doc]
        self.changed = True

    def forget_missing(self, names: set[str]) -> None:
        """Drop entries of files that no longer exist."""
        gone = set(self.entries) - names
        for name in gone:
            del self.entries[name]
        self.changed = self.changed or bool(gone)

    def save(self) -> None:
        """Write the cache if it changed; a workspace that cannot be written just stays uncached."""
        if not self.changed:
            return
        data = {"format": CACHE_FORMAT, "version": __version__, "shape": self.shape, "entries": self.entries}
        try:
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_iso)
            write_atomic(self.path, text.encode("utf-8"), durable=False)
        except StorageError:
            return
        self.changed = False


class FolderCaches:
    """The caches of whole documents of the folders one read goes through, each opened on first use."""

    def __init__(self, path_of: Callable[[Path], Path]) -> None:
        self.path_of = path_of
        self.opened: dict[Path, FolderCache] = {}

    def __getitem__(self, folder: Path) -> FolderCache:
        if folder not in self.opened:
            self.opened[folder] = FolderCache(self.path_of(folder))
        return self.opened[folder]

    def save(self, found: Iterable[tuple[Path, str]] | None = None) -> None:
        """Write the caches that changed; after whole folders were read (``found``: the folder and
        name of every file there), files no longer there are forgotten."""
        if found is not None:
            names: dict[Path, set[str]] = {}
            for folder, name in found:
                names.setdefault(folder, set()).add(name)
            for folder, cache in self.opened.items():
                cache.forget_missing(names.get(folder, set()))
        for cache in self.opened.values():
            cache.save()
