"""The whole workspace as one JSON-ready document, for backup and for other tools."""

from __future__ import annotations

from typing import Any

from ritual_tui import __version__
from ritual_tui.domain.fields import to_doc
from ritual_tui.reports.left_out import left_out
from ritual_tui.store import layout
from ritual_tui.store.schema import CURRENT
from ritual_tui.store.workspace import Workspace

#: Version of the export document's layout; bumped when a key changes meaning.
EXPORT_SCHEMA = 1


def export_workspace(ws: Workspace, shared: bool = False) -> dict[str, Any]:
    """Every record of the workspace, by kind; with ``shared`` private notes are left out. Files that
    could not be read (when the workspace skips them) are named under ``left_out``."""
    document: dict[str, Any] = {
        "schema_version": EXPORT_SCHEMA,
        "record_schema": CURRENT,
        "generator": f"ritual-tui {__version__}",
        "settings": to_doc(ws.settings, shared=shared),
    }
    for record_type in layout.RECORD_TYPES:
        records = ws.all(record_type)
        if shared and record_type.FOLDER == "notes":
            records = [r for r in records if not getattr(r, "private", True)]
        document[record_type.FOLDER] = [to_doc(r, shared=shared) for r in records]
    document["left_out"] = left_out(ws)
    return document
