"""Backlog order as fractional ranks: moving an item changes its own rank only.

An item moved between two others takes the midpoint of their ranks, so a move writes one file and
two people who reorder different items on two git branches change different files (no merge
conflict). Only when repeated moves into the same gap have used up a float's precision are a few
neighbours spread out again (:func:`spread`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

#: Moves the PO can make.
MOVES = ("up", "down", "top", "bottom", "before", "after")


def rank_of_new(ranks: Iterable[float], number: int) -> int:
    """The rank of an item added now with this number: below every item, those moved to the bottom
    included, and its own number where that is lower still (a rank read in a file stays short)."""
    return max(number, math.floor(max(ranks, default=0)) + 1)


def rank_between(before: float | None, after: float | None) -> float | None:
    """A rank between two neighbours (None for the start or the end of the list); None when the
    gap has no room left (the midpoint rounds onto a neighbour)."""
    if before is None and after is None:
        return 1.0
    if before is None:
        assert after is not None
        return float(after - 1)
    if after is None:
        return float(before + 1)
    middle = (before + after) / 2
    if not before < middle < after:
        return None
    # A whole or half number where there is one: ranks a person reads in a file stay short.
    for step in (1.0, 0.5):
        rounded = round(middle / step) * step
        if before < rounded < after:
            return rounded
    return middle


def target_position(order: Sequence[str], item: str, move: str, other: str = "") -> int:
    """Where ``item`` goes in ``order`` (ids by rank, ``item`` left out) for a move."""
    rest = [i for i in order if i != item]
    here = order.index(item)
    if move == "top":
        return 0
    if move == "bottom":
        return len(rest)
    if move == "up":
        return max(0, here - 1)
    if move == "down":
        return min(len(rest), here + 1)
    position = rest.index(other)
    return position if move == "before" else position + 1


def spread(ranks: Sequence[float], position: int) -> tuple[int, int, list[float]]:
    """When the gap at ``position`` has no room: the smallest run of neighbours to re-rank, as
    (first index, end index, new ranks for the run and the moved item in their order). The run
    keeps within the ranks around it, so nothing else moves."""
    width = 1
    while True:
        first, end = max(0, position - width), min(len(ranks), position + width)
        low = ranks[first - 1] if first > 0 else ranks[0] - width - 1
        high = ranks[end] if end < len(ranks) else ranks[-1] + width + 1
        count = end - first + 1  # the run plus the moved item
        step = (high - low) / (count + 1)
        values = [low + step * (n + 1) for n in range(count)]
        if all(a < b for a, b in zip([low, *values], [*values, high], strict=False)):
            return first, end, values
        width *= 2
