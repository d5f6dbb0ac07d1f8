"""Changes to several record files made as one step that a kill cannot leave half-done.

The whole step (each file's new bytes, what each held before, the files it removes) is first
written to ``.ritual/journal.json``; then the files are written, the old ones removed, and the
journal deleted. A process killed on the way leaves the journal, and the next ``ritual check``
finishes the step from it, file by file, skipping what is already done.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ritual_tui.domain.errors import ConflictError, DamagedFileError, RitualError
from ritual_tui.store import layout
from ritual_tui.store.files import fsync_folder, write_atomic
from ritual_tui.store.reading import read_bytes

JOURNAL = "journal.json"


def digest(data: bytes) -> str:
    """What a record's ``stored_digest`` holds: the SHA-256 of the file's bytes."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class Step:
    """Files to write (path, bytes, the digest of what must be there now: None for a new file) and
    files to remove, with what the step is for."""

    purpose: str
    writes: list[tuple[Path, bytes, str | None]] = field(default_factory=list)
    removes: list[Path] = field(default_factory=list)


def _journal(root: Path) -> Path:
    return root / layout.PRIVATE_FOLDER / JOURNAL


def run(root: Path, step: Step) -> None:
    """Journal the step, then carry it out (the caller holds the workspace lock); a file that is
    not what the step expects stops it before anything is written."""
    for path, _, before in step.writes:
        _expect(root, path, before, step.purpose)
    document = {
        "purpose": step.purpose,
        "writes": [
            {"file": str(path.relative_to(root)), "text": data.decode("utf-8"), "before": before}
            for path, data, before in step.writes
        ],
        "removes": [str(path.relative_to(root)) for path in step.removes],
    }
    write_atomic(_journal(root), json.dumps(document, ensure_ascii=False).encode("utf-8"))
    _carry_out(root, document)


def pending_step(root: Path) -> bool:
    """True when a step was interrupted and waits to be finished."""
    return _journal(root).exists()


def finish(root: Path) -> str:
    """Finish a step a kill interrupted, if any (the caller holds the lock); returns its purpose."""
    path = _journal(root)
    if not path.exists():
        return ""
    try:
        document = json.loads(read_bytes(path))
        _carry_out(root, document)
    except (ValueError, KeyError, TypeError, UnicodeError):
        raise DamagedFileError(path, "is not a journal ritual-tui can finish; read it, then remove it") from None
    return str(document["purpose"])


def _carry_out(root: Path, document: dict) -> None:
    for write in document["writes"]:
        path, data = _inside(root, write["file"]), write["text"].encode("utf-8")
        if _current(path) == digest(data):
            continue  # written before the kill
        _expect(root, path, write["before"], document["purpose"])
        write_atomic(path, data)
    for name in document["removes"]:
        _inside(root, name).unlink(missing_ok=True)
    for folder in {_inside(root, name).parent for name in document["removes"]}:
        fsync_folder(folder)
    _journal(root).unlink()
    fsync_folder(_journal(root).parent)


def _current(path: Path) -> str | None:
    return digest(read_bytes(path)) if path.exists() else None


def _expect(root: Path, path: Path, before: str | None, purpose: str) -> None:
    if _current(path) != before:
        pending = f" Compare it with {_journal(root)}, then remove that file." if pending_step(root) else ""
        raise ConflictError(f"{path} changed while {purpose}; nothing more was written.{pending}")


def _inside(root: Path, name: str) -> Path:
    """A path the journal names, refused unless it lies inside the workspace."""
    path = Path(os.path.normpath(root / name))
    if not path.is_relative_to(root) or path == root:
        raise RitualError(f"{_journal(root)} names {name}, outside the workspace; nothing was changed.")
    return root / name
