"""What a report could not read: one damaged file leaves its record out instead of failing the whole
report, and the report says so where every reader sees it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ritual_tui.domain.errors import DamagedFileError, RitualError
from ritual_tui.domain.fields import Record
from ritual_tui.reports.blocks import Block, Heading, Paragraph, Table
from ritual_tui.store import layout

if TYPE_CHECKING:
    from ritual_tui.store.workspace import Workspace


def left_out(ws: Workspace) -> list[dict[str, Any]]:
    """Each file the reads so far left out, relative to the workspace (a shared file never shows where
    the workspace lives), with what is wrong with it."""
    lines = []
    for path, error in ws.left_out:
        if isinstance(error, DamagedFileError):
            problem = f"line {error.line}: {error.problem}" if error.line else error.problem
        else:
            problem = str(error).replace(str(path), path.name)
        lines.append({"file": str(path.relative_to(ws.root)), "problem": problem})
    return lines


def left_out_ids(ws: Workspace, record_type: type[Record]) -> dict[str, RitualError]:
    """The ids of the records of a type left out so far, each with why."""
    found = {}
    for path, error in ws.left_out:
        record_file = layout.parse_file_name(path, record_type.PREFIX)
        if record_file is not None:
            found[record_file.id] = error
    return found


def left_out_blocks(doc: dict[str, Any]) -> list[Block]:
    """A section naming the files left out, when there are any."""
    if not doc.get("left_out"):
        return []
    return [
        Heading(2, "Left out"),
        Paragraph([("These files could not be read, so every figure below leaves them out:", "")]),
        Table(["File", "Problem"], [[line["file"], line["problem"]] for line in doc["left_out"]]),
    ]
