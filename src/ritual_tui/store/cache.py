"""A derived cache of parsed records, so that thousands of files open as fast as a few.

For each folder of records, ``.ritual/cache/<folder>.json`` keeps every file's parsed document next
to the file's identity (inode, size, modification and change times). An atomic write always makes a
new inode, and an edit in place changes the times, so a cached document is used only for the exact
file it was parsed from. Beside it, ``<folder>.index.json`` keeps only each record's ``INDEXED``
fields, small enough to read in full when a report counts thousands of records or chooses the few it
will read whole. Neither is ever the truth: each is safe to delete, is rebuilt when missing,
unreadable or written by another version, and is never used by ``ritual check``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ritual_tui import __version__
from ritual_tui.domain.errors import StorageError
from ritual_tui.store.files import write_atomic

#: Bumped when the cache's layout changes; with the package version it decides when to rebuild.
CACHE_FORMAT = 2


def _iso(value: Any) -> Any:
    # Dates travel as ISO text; the record's field types turn them back (fields.from_trusted_doc).
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot cache {type(value).__name__}")


def identity(stat: os.stat_result) -> list[int]:
    """What must match for a cached document to stand for a file."""
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]


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
        try:
            data = json.loads(path.read_bytes())
            if (data.get("format"), data.get("version"), data.get("shape")) == (CACHE_FORMAT, __version__, shape):
                self.entries = data["entries"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.entries = {}  # missing or damaged: it is only a cache

    def lookup(self, name: str, stat: os.stat_result) -> tuple[dict[str, Any], str] | None:
        """The document and digest cached for this exact file, if any."""
        entry = self.entries.get(name)
        if entry is None or entry[0] != identity(stat):
            return None
        return entry[2], entry[1]

    def store(self, name: str, stat: os.stat_result, doc: dict[str, Any], digest: str) -> None:
        """Cache a checked document (of a record without unknown keys: their dates could not be told
        from text on the way back)."""
        self.entries[name] = [identity(stat), digest, doc]
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
