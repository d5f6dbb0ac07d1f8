"""Ordering the backlog: an item moves up, down, to the top or bottom, or before or after another.

A move rewrites the moved item's file only (see :mod:`ritual_tui.domain.ranking`): the ranks of the
others are read from the store's index, so moving one item in a 5,000-item backlog parses one file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.ranking import MOVES, rank_between, spread, target_position
from ritual_tui.domain.text import one_of
from ritual_tui.store.workspace import Workspace


@dataclass
class Moved:
    """An item moved, and every item whose file was written (the item alone, but for a rare spread)."""

    item: BacklogItem
    written: list[str] = field(default_factory=list)


def ranked(ws: Workspace) -> list[BacklogItem]:
    """Every item by rank (ties by id), from the index: ids, titles, statuses and ranks only."""
    return sorted(ws.index(BacklogItem), key=lambda i: (i.rank, i.id))


def move_item(ws: Workspace, ref: str, move: str, other: str = "") -> Moved:
    """Move an item in the backlog; ``other`` names the item for "before" and "after"."""
    one_of(move, MOVES, "move")
    with ws.lock:
        order = ranked(ws)
        item = ws.get(BacklogItem, ref)
        ids = [i.id for i in order]
        if move in ("before", "after"):
            if not other:
                raise ValidationError(f"Move {item.id} {move} which item?")
            other = ws.get(BacklogItem, other).id
            if other == item.id:
                raise ValidationError(f"{item.id} cannot move {move} itself.")
        position = target_position(ids, item.id, move, other)
        rest = [i for i in order if i.id != item.id]
        if [i.id for i in rest[:position]] + [item.id] + [i.id for i in rest[position:]] == ids:
            return Moved(item)  # already there: nothing to write
        before = rest[position - 1].rank if position > 0 else None
        after = rest[position].rank if position < len(rest) else None
        rank = rank_between(before, after)
        if rank is not None:
            return Moved(ws.update(BacklogItem, item.id, lambda i: setattr(i, "rank", rank)), [item.id])
        # No room left between the neighbours: re-rank the fewest neighbours around the gap.
        first, end, values = spread([i.rank for i in rest], position)
        run = [i.id for i in rest[first:position]] + [item.id] + [i.id for i in rest[position:end]]
        moved = item
        for item_id, value in zip(run, values, strict=True):
            saved = ws.update(BacklogItem, item_id, _set_rank(value))
            moved = saved if item_id == item.id else moved
        return Moved(moved, run)


def _set_rank(rank: float) -> Callable[[BacklogItem], None]:
    return lambda item: setattr(item, "rank", rank)
