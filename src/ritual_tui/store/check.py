"""``ritual check``: every file in a workspace read and judged; only leftovers of killed writes (and of
a killed ``--fix``) are removed unless a fix is asked for."""

from __future__ import annotations

import os
import shlex
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ritual_tui.domain.errors import DamagedFileError, RitualError
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.fields import Record
from ritual_tui.domain.settings import Settings
from ritual_tui.store import clashes as clashing
from ritual_tui.store import journal, layout, meanings, renumber
from ritual_tui.store.files import leftover_temp_files
from ritual_tui.store.workspace import Workspace

#: How many paths a problem with access names before it counts the rest.
SHOWN_PATHS = 5


@dataclass
class CheckReport:
    """What a check found: problems (the workspace is not whole) and what it repaired."""

    files_read: int = 0
    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)


def _access_problems(root: Path) -> list[str]:
    """Folders and files (the workspace, its records, ``.ritual/`` and its cache) that another user
    could write, or that another user owns: either could plant records or a cache that is read."""
    writable: list[str] = []
    foreign: list[tuple[str, int]] = []
    uid = os.getuid() if hasattr(os, "getuid") else None

    def judge(path: str, info: os.stat_result) -> None:
        if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and not stat.S_ISLNK(info.st_mode):
            writable.append(path)
        if uid is not None and info.st_uid != uid:
            foreign.append((path, info.st_uid))

    def walk(folder: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            try:
                judge(entry.path, entry.stat(follow_symlinks=False))
                if entry.is_dir(follow_symlinks=False) and entry.name != ".git":  # git's files are git's
                    walk(entry.path)
            except OSError:
                continue

    try:
        judge(str(root), root.lstat())
    except OSError:
        return []
    walk(str(root))
    problems = []
    if writable:
        problems.append(f"{_some(writable)}: writable by other users (run: chmod -R go-w {shlex.quote(str(root))})")
    if foreign:
        problems.append(f"{_some([p for p, _ in foreign])}: owned by another user (uid {foreign[0][1]})")
    return problems


def _some(paths: list[str]) -> str:
    shown = ", ".join(paths[:SHOWN_PATHS])
    return shown + (f" and {len(paths) - SHOWN_PATHS} more" if len(paths) > SHOWN_PATHS else "")


def _remove_leftovers(ws: Workspace, folder: Path, report: CheckReport) -> None:
    """Temp files of writes that were killed: never a record, always safe to remove under the lock
    (a live writer holds the lock for as long as its temp file exists)."""
    leftovers = leftover_temp_files(folder)
    if not leftovers:
        return
    with ws.lock:
        for temp in leftover_temp_files(folder):
            temp.unlink(missing_ok=True)
            report.repaired.append(f"removed {temp}, left by an interrupted write")


def outside_settings(record: Record, settings: Settings) -> list[str]:
    """Values a record takes from the settings' vocabularies that the settings no longer list."""
    if not isinstance(record, Escalation):
        return []
    return [
        f"{what} {value!r} of {record.id} is not in workspace.toml's {key}"
        for what, value, key, allowed in (
            ("category", record.category, "escalation_categories", settings.escalation_categories),
            ("severity", record.severity, "escalation_severities", settings.escalation_severities),
        )
        if value not in allowed
    ]


def _read_every_record(
    ws: Workspace, settings: Settings | None, report: CheckReport
) -> tuple[dict[type[Record], list[Record]], int]:
    """Every record read whole, by type, and how many files could not be."""
    records: dict[type[Record], list[Record]] = {}
    unreadable = 0
    for record_type in layout.RECORD_TYPES:
        records[record_type] = []
        for folder in layout.record_folders(ws.root, record_type):
            found, strangers = layout.scan_folder(folder, record_type.PREFIX)
            stray = [p for p in strangers if p.suffix == ".toml"]
            report.problems += [f"{p}: not a {record_type.KIND} file name; ritual-tui ignores it" for p in stray]
            _remove_leftovers(ws, folder, report)
            for record_file in found:
                report.files_read += 1
                try:
                    record = ws.read(record_type, record_file)
                    records[record_type].append(record)
                    if settings is not None:
                        report.problems += [f"{record_file.path}: {p}" for p in outside_settings(record, settings)]
                except DamagedFileError as error:
                    report.problems.append(str(error))
                    unreadable += 1
                except RitualError as error:
                    report.problems.append(f"{record_file.path}: {error}")
                    unreadable += 1
    return records, unreadable


def check_workspace(ws: Workspace, fix: bool = False) -> CheckReport:
    """Read every file of the workspace and remove temp files left by killed writes; with ``fix``,
    also renumber records whose ids clash after a merge (see :mod:`ritual_tui.store.renumber`),
    all under the lock, so that no record is added or changed between the reading and the fix."""
    if fix:
        with ws.lock:
            return _check(ws, fix)
    return _check(ws, fix)


def _check(ws: Workspace, fix: bool) -> CheckReport:
    report = CheckReport()
    report.problems += _access_problems(ws.root)
    _remove_leftovers(ws, ws.root, report)
    if journal.pending_step(ws.root):
        with ws.lock:
            finished = journal.finish(ws.root)
        report.repaired.append(f"finished {finished}, which was interrupted")
    try:
        settings: Settings | None = ws.settings
        report.files_read += 1
        report.problems += [f"{ws.root / layout.SETTINGS_FILE}: {p}" for p in ws.settings.vocabulary_problems()]
    except RitualError as error:
        settings = None
        report.problems.append(str(error))
    records, damaged = _read_every_record(ws, settings, report)
    next_numbers = {t: ws.next_number(t) for t in layout.RECORD_TYPES}
    clashes = clashing.find_clashes(records, next_numbers)
    readings = meanings.read_references(records, clashes)
    if fix and clashes and damaged:
        report.problems.append("--fix renumbered nothing: a file that cannot be read may name the clashing ids")
    if fix and clashes and not damaged:
        repaired, left = renumber.fix(ws.root, clashes, readings)
        report.repaired += repaired
        report.problems += left
    else:
        report.problems += meanings.describe(ws.root, clashes, readings)
    report.problems += clashing.renumbered_twice(records)
    report.problems += [f"{p}: written by a newer ritual-tui; upgrade to change it" for p in ws.newer_files]
    return report
