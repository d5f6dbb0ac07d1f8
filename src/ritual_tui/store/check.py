"""``ritual check``: every file in a workspace read and judged; only leftovers of killed writes are removed
unless a fix is asked for."""

from __future__ import annotations

import os
import stat
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ritual_tui.domain.errors import DamagedFileError, RitualError
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.fields import Record
from ritual_tui.domain.settings import Settings
from ritual_tui.store import layout
from ritual_tui.store.files import leftover_temp_files
from ritual_tui.store.workspace import Workspace


@dataclass
class CheckReport:
    """What a check found: problems (the workspace is not whole) and what it repaired."""

    files_read: int = 0
    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)


def _access_problems(path: Path) -> list[str]:
    try:
        info = path.stat()
    except OSError:
        return []
    problems = []
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        problems.append(f"{path}: writable by other users (run: chmod go-w {path})")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        problems.append(f"{path}: owned by another user (uid {info.st_uid})")
    return problems


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


def _settle_rank_conflicts(ws: Workspace, report: CheckReport) -> None:
    """Backlog items two git branches both moved: settled the same way whichever was merged into which."""
    from ritual_tui.domain.backlog import BacklogItem
    from ritual_tui.store.rank_merge import settle

    with ws.lock:
        for record_file in ws.files(BacklogItem):
            if settle(record_file.path):
                report.repaired.append(f"settled {record_file.path.name}: moved on two branches, the later move kept")


def check_workspace(ws: Workspace, fix: bool = False) -> CheckReport:
    """Read every file of the workspace and remove temp files left by killed writes; with ``fix``,
    also renumber records whose ids clash after a merge."""
    report = CheckReport()
    report.problems += _access_problems(ws.root)
    _remove_leftovers(ws, ws.root, report)
    try:
        settings: Settings | None = ws.settings
        report.files_read += 1
        report.problems += [f"{ws.root / layout.SETTINGS_FILE}: {p}" for p in ws.settings.vocabulary_problems()]
    except RitualError as error:
        settings = None
        report.problems.append(str(error))
    if fix:
        _settle_rank_conflicts(ws, report)
    for record_type in layout.RECORD_TYPES:
        by_id: dict[str, list] = defaultdict(list)
        record_files: list[layout.RecordFile] = []
        for folder in layout.record_folders(ws.root, record_type):
            found, strangers = layout.scan_folder(folder, record_type.PREFIX)
            record_files += found
            report.problems += [
                f"{p}: not a {record_type.KIND} file name; ritual-tui ignores it"
                for p in strangers
                if p.suffix == ".toml"
            ]
            _remove_leftovers(ws, folder, report)
        for record_file in record_files:
            report.files_read += 1
            try:
                record = ws.read(record_type, record_file)
                by_id[record_file.id].append(record)
                if settings is not None:
                    report.problems += [f"{record_file.path}: {p}" for p in outside_settings(record, settings)]
            except DamagedFileError as error:
                report.problems.append(str(error))
            except RitualError as error:
                report.problems.append(f"{record_file.path}: {error}")
        for record_id, records in by_id.items():
            if len(records) < 2:
                continue
            if fix:
                for record in records[1:]:
                    old_name = record.stored_as.name
                    report.repaired.append(f"renumbered {old_name}: {record_id} is now {ws.renumber(record)}")
            else:
                names = ", ".join(r.stored_as.name for r in records)
                report.problems.append(
                    f"{record_id} is used by {len(records)} records ({names}); "
                    "`ritual check --fix` renumbers all but the first"
                )
    report.problems += [f"{p}: written by a newer ritual-tui; upgrade to change it" for p in ws.newer_files]
    return report
