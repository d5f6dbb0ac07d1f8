"""Reading sprints: the one under way, and the items it touched."""

from __future__ import annotations

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import RitualError
from ritual_tui.domain.sprint import Sprint
from ritual_tui.store.workspace import Workspace


def active_sprint(ws: Workspace) -> Sprint | None:
    """The sprint under way, if any; newest sprint files are read first and the search stops early."""
    for record_file in reversed(ws.files(Sprint)):
        sprint = ws.read(Sprint, record_file)
        if sprint.status == "active":
            return sprint
    return None


def sprint_items(ws: Workspace, sprint: Sprint) -> dict[str, BacklogItem]:
    """The items a sprint touched (committed or added), by id; ids no longer found are skipped."""
    ids = dict.fromkeys([*sprint.committed_ids(), *(c.item for c in sprint.scope_changes)])
    found = {}
    for item_id in ids:
        try:
            found[item_id] = ws.get(BacklogItem, item_id)
        except RitualError:
            continue
    return found
