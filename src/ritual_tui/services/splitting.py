"""Splitting an item into smaller ones: the children name it as their parent, take its criteria
(copied or moved) and are estimated on their own; the item split is kept as their epic or dropped.
Splitting an item of the running sprint is a scope change, recorded on the sprint."""

from __future__ import annotations

from dataclasses import dataclass, field

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.ranking import rank_between
from ritual_tui.domain.splitting import CRITERIA_CHOICES, PARENT_CHOICES
from ritual_tui.domain.text import one_of, required_text
from ritual_tui.services.ranking import ranked
from ritual_tui.services.refinement_log import note_item
from ritual_tui.services.sprints import active_sprint, change_scope
from ritual_tui.store.workspace import Workspace

#: The tag an item kept as the parent of its split carries (the trackers' word for it, too).
EPIC_TAG = "Epic"


@dataclass
class SplitPlan:
    """How to split: the children's titles, the pattern followed, and what the criteria and the
    item split become."""

    titles: list[str]
    pattern: str = ""
    criteria: str = "copy"
    parent: str = "keep"


@dataclass
class Split:
    """The item split (as it is now), its children, and the sprint's scope changes if any."""

    parent: BacklogItem
    children: list[BacklogItem] = field(default_factory=list)
    scope_changed: bool = False


def _child_ranks(ws: Workspace, parent: BacklogItem, count: int) -> list[float]:
    """Ranks right after the parent, before the item that followed it."""
    order = ranked(ws)
    ids = [i.id for i in order]
    after = order[ids.index(parent.id) + 1].rank if ids.index(parent.id) + 1 < len(order) else None
    ranks, low = [], parent.rank
    for n in range(count):
        high = after if after is not None else parent.rank + count + 1
        step = (high - low) / (count - n + 1)
        rank = rank_between(low, low + 2 * step) if step > 0 else None
        ranks.append(rank if rank is not None else low + step)
        low = ranks[-1]
    return ranks


def split_item(ws: Workspace, ref: str, plan: SplitPlan, session_id: str = "") -> Split:
    """Split an item into children, one per title (at least two)."""
    titles = [required_text(t, "title") for t in plan.titles if t.strip()]
    if len(titles) < 2:
        raise ValidationError("A split needs at least two new items (one title each).")
    one_of(plan.criteria, CRITERIA_CHOICES, "criteria choice")
    one_of(plan.parent, PARENT_CHOICES, "choice for the item split")
    today = clock.today()
    with ws.lock:
        parent = ws.get(BacklogItem, ref)
        if parent.status in ("done", "dropped"):
            raise ValidationError(f"{parent.id} is {parent.status}; it cannot be split.")
        children = []
        for n, (title, rank) in enumerate(zip(titles, _child_ranks(ws, parent, len(titles)), strict=True)):
            takes = plan.criteria == "copy" or (plan.criteria == "move" and n == 0)
            criteria = list(parent.acceptance) if takes else []
            children.append(
                BacklogItem(
                    title=title,
                    kind=parent.kind,
                    as_a=parent.as_a,
                    objective=parent.objective,
                    tags=[t for t in parent.tags if t != EPIC_TAG],
                    acceptance=criteria,
                    parent=parent.id,
                    rank=rank,
                    created=clock.now(),
                    updated=clock.now(),
                )
            )
        ws.add_all(children)
        before = parent

        def change(item: BacklogItem) -> None:
            if plan.criteria == "move":
                item.acceptance = []
            if plan.parent == "drop":
                item.move_to("dropped", today)
            elif EPIC_TAG not in item.tags:
                item.tags.append(EPIC_TAG)

        parent = ws.update(BacklogItem, parent.id, change)
        if session_id:
            note_item(ws, session_id, parent, before, split_into=[c.id for c in children])
        sprint = active_sprint(ws)
        scope_changed = sprint is not None and parent.id in sprint.current_ids()
        if scope_changed:
            names = ", ".join(c.id for c in children)
            for child in children:
                change_scope(ws, child.id, "added", f"split from {parent.id}")
            change_scope(ws, parent.id, "removed", f"split into {names}")
    return Split(parent, children, scope_changed)
