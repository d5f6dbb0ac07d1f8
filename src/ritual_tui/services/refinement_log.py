"""The session's record of the items refined: each item's status and estimate when it first came up
in the session and after every change made to it there."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.refinement import RefinedItem
from ritual_tui.domain.session import RitualSession
from ritual_tui.services.backlog import ItemChanges, add_item, apply_changes
from ritual_tui.store.workspace import Workspace


def note_item(
    ws: Workspace, session_id: str, item: BacklogItem, before: BacklogItem | None = None, split_into: Sequence[str] = ()
) -> RitualSession:
    """Record ``item`` as it is now among the session's items refined; ``before`` (the item before a
    change) gives the "before" values the first time it is noted; ``split_into`` the items it was
    split into."""
    first = before or item

    def change(session: RitualSession) -> None:
        if session.refinement is None:
            return
        entry = session.refinement.refined_entry(item.id)
        if entry is None:
            entry = RefinedItem(
                item=item.id, status_before=first.status, estimate_before=first.estimate, title=item.title
            )
            session.refinement.refined.append(entry)
        entry.title, entry.status_after, entry.estimate_after = item.title, item.status, item.estimate
        entry.split_into += [i for i in split_into if i not in entry.split_into]

    return ws.update(RitualSession, session_id, change)


def change_item(ws: Workspace, session_id: str, item_id: str, change: Callable[[BacklogItem], None]) -> BacklogItem:
    """Change an item under the lock and note it among the session's items refined (with its values
    before the change, the first time). Without a session (``""``) the item is only changed."""
    with ws.lock:
        before = ws.get(BacklogItem, item_id)
        item = ws.update(BacklogItem, item_id, change)
        if session_id:
            note_item(ws, session_id, item, before)
    return item


def save_story(ws: Workspace, item_id: str, changes: ItemChanges, session_id: str = "") -> BacklogItem:
    """The story editor's save: a new item is added (``item_id`` ""), an existing one changed and,
    in a session, noted among the items refined."""
    if not item_id:
        return add_item(ws, changes.title or "", changes)
    return change_item(ws, session_id, item_id, lambda item: apply_changes(ws, item, changes))
