"""Where each record lives in a workspace, and how its file is named.

One file per record, named ``<id>-<nonce>.toml`` (``B-12-k7m2.toml``) in its kind's folder. The nonce
is random, so two people who add a record on two git branches add two different files and the merge
never conflicts; if both took the same id, ``ritual check`` reports it and ``ritual check --fix``
renumbers the newer one. Ritual sessions go in a folder per month, so start-up reads only recent ones.
"""

from __future__ import annotations

import os
import random
import re
import secrets
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ritual_tui.domain.fields import Record
from ritual_tui.domain.session import RitualSession

SETTINGS_FILE = "workspace.toml"
#: Local state that is never shared: the lock, migration backups, derived caches.
PRIVATE_FOLDER = ".ritual"
SUMMARIES_FOLDER = "summaries"
BRIEFS_FOLDER = "briefs"

if TYPE_CHECKING:
    #: Every kind of record, in the order an export lists them.
    RECORD_TYPES: tuple[type[Record], ...]


def __getattr__(name: str) -> object:
    # RECORD_TYPES is made on first use: a quick capture from the shell touches one kind of record
    # and need not build the classes of all nine.
    if name != "RECORD_TYPES":
        raise AttributeError(name)
    from ritual_tui.domain.backlog import BacklogItem
    from ritual_tui.domain.daily_records import Blocker, Note, Topic
    from ritual_tui.domain.decision import Decision
    from ritual_tui.domain.escalation import Escalation
    from ritual_tui.domain.feedback import Feedback
    from ritual_tui.domain.sprint import Sprint

    return (BacklogItem, Sprint, RitualSession, Decision, Escalation, Blocker, Topic, Note, Feedback)


_FILE_NAME = re.compile(r"^(?P<id>(?P<prefix>[A-Z]+)-(?P<number>[0-9]{1,9}))-(?P<nonce>[a-z0-9]{4})\.toml$")
_MONTH = re.compile(r"^[0-9]{4}-[0-9]{2}$")
_NONCE_ALPHABET = string.ascii_lowercase + string.digits
#: Where nonces come from; the demo builder swaps in a seeded one so that rebuilds diff cleanly.
nonce_source: random.Random = secrets.SystemRandom()


@dataclass(frozen=True, slots=True)
class RecordFile:
    """A record's file, known by its name alone (nothing parsed)."""

    folder: Path
    #: The file's name, ``B-12-k7m2.toml``.
    name: str
    id: str
    number: int
    #: The file name without ``.toml``: unique even where two records share an id.
    key: str

    @property
    def path(self) -> Path:
        """The file's path (made when asked for: a scan of thousands of names needs none)."""
        return self.folder / self.name


def parse_file_name(path: Path, prefix: str) -> RecordFile | None:
    """The record file a path names, or None when the name is not one of ours."""
    return _parse_name(path.parent, path.name, prefix)


def is_record_file(name: str, prefix: str) -> bool:
    """True when ``name`` is the file name of a record of this prefix."""
    match = _FILE_NAME.match(name)
    return match is not None and match["prefix"] == prefix


def record_file(folder: Path, name: str, prefix: str) -> RecordFile:
    """The record file of a name known to be one (see :func:`is_record_file`)."""
    found = _parse_name(folder, name, prefix)
    if found is None:
        raise ValueError(f"{name!r} is not the name of a record file")
    return found


def _parse_name(folder: Path, name: str, prefix: str) -> RecordFile | None:
    match = _FILE_NAME.match(name)
    if not match or match["prefix"] != prefix:
        return None
    return RecordFile(folder, name, match["id"], int(match["number"]), name[:-5])


def id_number(record_id: str) -> int:
    """The number in an id ("B-12" → 12), for sorting."""
    tail = record_id.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def record_header(kind: str, record_id: str) -> str:
    """The comment at the top of a record's file."""
    return f"ritual-tui {kind} {record_id}: plain TOML, safe to read, diff and merge."


def new_file_name(prefix: str, number: int) -> str:
    """A fresh file name for record ``<prefix>-<number>``."""
    nonce = "".join(nonce_source.choice(_NONCE_ALPHABET) for _ in range(4))
    return f"{prefix}-{number}-{nonce}.toml"


def record_folder(root: Path, record_type: type[Record], on: date | None = None) -> Path:
    """The folder a record of this type goes in (sessions: the month of ``on``)."""
    folder = root / record_type.FOLDER
    if record_type is RitualSession and on is not None:
        folder = folder / f"{on:%Y-%m}"
    return folder


def record_folders(root: Path, record_type: type[Record]) -> Iterator[Path]:
    """Every folder that may hold records of this type, oldest month first for sessions."""
    folder = root / record_type.FOLDER
    if record_type is RitualSession:
        try:
            months = sorted(p for p in folder.iterdir() if p.is_dir() and _MONTH.match(p.name))
        except OSError:
            return
        yield from months
    else:
        yield folder


def listing(folder: Path) -> list[str]:
    """The names in a folder (none when it is missing or unreadable)."""
    try:
        return os.listdir(folder)
    except OSError:
        return []


def scan_folder(folder: Path, prefix: str) -> tuple[list[RecordFile], list[Path]]:
    """Record files in a folder, by number, and the names that are not record files."""
    found: list[RecordFile] = []
    strangers: list[Path] = []
    for name in listing(folder):
        if name.startswith("."):
            continue
        record_file = _parse_name(folder, name, prefix)
        if record_file is None:
            strangers.append(folder / name)
        else:
            found.append(record_file)
    found.sort(key=lambda f: (f.number, f.key))
    return found, strangers


def highest_number(folders: Iterable[Path], prefix: str) -> int:
    """The highest record number in these folders (0 if none), read from file names alone."""
    start = f"{prefix}-"
    cut = len(start)
    # One pass of string methods: this runs on every add, over every name in the folder.
    numbers = [
        name[cut:].partition("-")[0]
        for folder in folders
        for name in listing(folder)
        if name.startswith(start) and name.endswith(".toml")
    ]
    return max((int(n) for n in numbers if n.isascii() and n.isdigit()), default=0)


def find_in_folder(folder: Path, prefix: str, ref: str) -> list[RecordFile]:
    """Files in ``folder`` whose id or key is ``ref`` (any case), without parsing every name."""
    wanted = ref.strip().lower()
    matches = []
    for name in listing(folder):
        lower = name.lower()
        if lower.startswith(wanted) and (lower == wanted + ".toml" or lower[len(wanted) :][:1] == "-"):
            record_file = _parse_name(folder, name, prefix)
            if record_file is not None and wanted in (record_file.id.lower(), record_file.key.lower()):
                matches.append(record_file)
    return sorted(matches, key=lambda f: f.key)
