"""The writing half of the Workspace API: new records under the next free ids, and rewrites that
never lose someone else's change. Every write is atomic and happens under the workspace lock."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from ritual_tui.domain import clock
from ritual_tui.domain.errors import ConflictError, NewerVersionError, StorageError
from ritual_tui.domain.fields import Record, to_doc
from ritual_tui.store import layout
from ritual_tui.store.files import render, write_atomic
from ritual_tui.store.index import PARTIAL
from ritual_tui.store.lock import WorkspaceLock
from ritual_tui.store.reading import read_bytes
from ritual_tui.store.schema import CURRENT

R = TypeVar("R", bound=Record)


def digest(data: bytes) -> str:
    """What a record's file held when it was read or written: a change since is a conflict."""
    return hashlib.sha256(data).hexdigest()


class WorkspaceWrites:
    """Adding, saving and updating records; :class:`~ritual_tui.store.workspace.Workspace` reads."""

    root: Path
    lock: WorkspaceLock

    def get(self, record_type: type[R], ref: str) -> R:
        raise NotImplementedError  # the Workspace reads

    def _write(self, record: Record) -> None:
        assert record.stored_as is not None
        doc = {"schema": CURRENT, **to_doc(record)}
        data = render(doc, layout.record_header(record.KIND, record.id))
        write_atomic(record.stored_as, data)
        record.stored_digest = digest(data)

    def next_number(self, record_type: type[Record]) -> int:
        """The number the next record of this type gets (from file names alone)."""
        return layout.highest_number(layout.record_folders(self.root, record_type), record_type.PREFIX) + 1

    def _take_next_id(self, record: Record, number: int | None = None) -> int:
        number = self.next_number(type(record)) if number is None else number
        record.id = f"{record.PREFIX}-{number}"
        if hasattr(record, "number"):
            record.number = number
        return number

    def add(self, record: R) -> R:
        """Store a new record under the next free id of its type, and return it."""
        return self.add_all([record])[0]

    def add_all(self, records: Sequence[R]) -> list[R]:
        """Store new records of one type under the next free ids, in order. The folder is scanned for
        the next id once, not once per record: an import of 5,000 items spent two thirds of its time
        there. A refused write leaves the records before it written (their ``stored_digest`` set)."""
        with self.lock:
            number = self.next_number(type(records[0])) if records else 0
            for offset, record in enumerate(records):
                self._take_next_id(record, number + offset)
                folder = layout.record_folder(self.root, type(record), getattr(record, "date", None))
                record.stored_as = folder / layout.new_file_name(record.PREFIX, number + offset)
                self._write(record)
        return list(records)

    def save(self, record: Record) -> None:
        """Rewrite a record read earlier, unless someone changed its file since (then ConflictError)."""
        self._refuse_newer(record)
        assert record.stored_as is not None
        with self.lock:
            try:
                current = digest(read_bytes(record.stored_as))
            except StorageError:
                current = "gone"
            if current != record.stored_digest:
                raise ConflictError(
                    f"{record.stored_as} changed on disk since it was read (another window, an editor or "
                    f"a git pull). Your change to {record.id} was not saved; reload to see theirs."
                )
            self._write(record)

    def _refuse_newer(self, record: Record) -> None:
        if record.stored_digest == PARTIAL:
            raise ValueError("save() takes a record read whole; one from index() has only some fields")
        if record.stored_as is None:
            raise ValueError("save() takes a record read from the workspace; use add() for a new one")
        if record.stored_digest.startswith("newer:"):
            raise NewerVersionError(
                record.stored_as, "was written by a newer ritual-tui; upgrade ritual-tui to change it"
            )

    def update(self, record_type: type[R], ref: str, change: Callable[[R], None]) -> R:
        """Read a record, apply ``change`` and write it, all under the lock (no lost update)."""
        with self.lock:
            record = self.get(record_type, ref)
            self._refuse_newer(record)
            change(record)
            if hasattr(record, "updated"):
                record.updated = clock.now()
            self._write(record)  # read under this same lock: nobody can have changed it since
        return record
