"""Copying the shipped demo workspace, with its dates moved so that its sprint is under way today."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.session import RitualSession
from ritual_tui.paths import demo_workspace_dir
from ritual_tui.store import layout
from ritual_tui.store.files import ensure_folder, render, write_atomic
from ritual_tui.store.reading import parse_document, read_bytes
from ritual_tui.store.workspace import Workspace

#: Key in the demo's workspace.toml: the day the demo was written for.
ANCHOR_KEY = "demo_today"


def _shift(value: Any, by: timedelta) -> Any:
    if isinstance(value, (date, datetime)):
        return value + by
    if isinstance(value, list):
        return [_shift(v, by) for v in value]
    if isinstance(value, dict):
        return {k: _shift(v, by) for k, v in value.items()}
    return value


def copy_demo(target: Path, today: date) -> Workspace:
    """Copy the demo workspace into ``target`` (absent or empty), moving every date by whole weeks
    so that the demo's active sprint is half-way through on ``today``.

    Whole weeks keep dailies on weekdays; rounding down keeps every recorded daily in the past.
    """
    source = demo_workspace_dir()
    if target.exists() and any(target.iterdir()):
        raise ValidationError(f"{target} is not empty; choose a new folder for the demo.")
    demo = Workspace.open(source)
    anchor = demo.settings.extra.get(ANCHOR_KEY)
    weeks = (today - anchor).days // 7 if isinstance(anchor, date) else 0
    by = timedelta(weeks=weeks)
    ensure_folder(target)
    copy = Workspace(target)
    with copy.lock:
        shutil.copyfile(source / layout.SETTINGS_FILE, target / layout.SETTINGS_FILE)
        (target / layout.SETTINGS_FILE).chmod(0o600)
        shutil.copyfile(source / ".gitignore", target / ".gitignore")
        (target / ".gitignore").chmod(0o600)
        for record_type in layout.RECORD_TYPES:
            for record_file in demo.files(record_type):
                doc, _ = parse_document(record_file.path, read_bytes(record_file.path))
                doc = _shift(doc, by)
                on = doc.get("date") if record_type is RitualSession else None
                folder = layout.record_folder(target, record_type, on)
                header = layout.record_header(record_type.KIND, str(doc.get("id", "")))
                write_atomic(folder / record_file.path.name, render(doc, header))
    return Workspace.open(target)
