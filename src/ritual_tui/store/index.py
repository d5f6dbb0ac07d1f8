"""The store's index: each record type's ``INDEXED`` fields for every file of a folder, kept in
``.ritual/cache/<folder>.index.json`` and checked against each file's identity like the cache of whole
documents (see :mod:`ritual_tui.store.cache`). Reports over years of history count thousands of
records from it and read whole only the few they name."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from operator import itemgetter
from pathlib import Path
from typing import TypeVar

from ritual_tui.domain.fields import Record
from ritual_tui.domain.trusted import partial_reader
from ritual_tui.store import layout
from ritual_tui.store.cache import FolderCache

R = TypeVar("R", bound=Record)

#: The digest of a record read from the index: only some fields are filled in, so it is never saved.
PARTIAL = "partial"


def read_index(
    record_type: type[R],
    folders: Iterable[Path],
    index_path: Callable[[Path], Path],
    read_whole: Callable[[list[layout.RecordFile], int], list[R | None]],
) -> list[tuple[R, Path, str]]:
    """Every record of a type in these folders, with its folder and file name, by number: from the
    index where it knows the file, else read whole by ``read_whole(files, among)`` (and learnt)."""
    shape = ["id", *record_type.INDEXED]
    partial = partial_reader(record_type, shape)
    found: list[tuple[int, str, R, Path]] = []
    # The hot loop of every report over three years of history: one stat and one dict lookup per
    # file; names are parsed only for files the index does not know.
    for folder in folders:
        index = FolderCache(index_path(folder), shape)
        names = layout.listing(folder)
        unknown: list[tuple[layout.RecordFile, os.stat_result]] = []
        for name in names:
            if name not in index.entries and not layout.is_record_file(name, record_type.PREFIX):
                continue
            try:
                status = os.stat(f"{folder}/{name}")  # a text path: twice as fast as a Path
            except OSError:
                continue  # removed since the folder was listed
            hit = index.lookup(name, status)
            if hit is None:
                if layout.is_record_file(name, record_type.PREFIX):
                    unknown.append((layout.record_file(folder, name, record_type.PREFIX), status))
                continue
            record = partial(hit[0])
            record.stored_as, record.stored_digest = None, PARTIAL  # never saved, so no path
            found.append((layout.id_number(record.id), name, record, folder))
        whole = read_whole([file for file, _ in unknown], len(names))
        for (file, status), read in zip(unknown, whole, strict=True):
            if read is None:
                continue  # damaged, and left out by the caller
            # Identity taken before the read: if the file changed in between, the next lookup misses
            # and reads it again, so the index never outlives its file.
            index.store(file.name, status, {name: getattr(read, name) for name in shape}, "")
            found.append((file.number, file.name, read, folder))
        index.forget_missing(set(names))
        index.save()
    found.sort(key=itemgetter(0, 1))
    return [(record, folder, name) for _, name, record, folder in found]
