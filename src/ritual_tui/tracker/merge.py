"""A three-way merge of an item with its tracker: what the tracker says now, what it said at the last
import (the item's tracker copy), and the item as it is here.

A field changed only in the tracker takes the tracker's value; one changed only here keeps ours; one
changed on both sides to different values is a conflict, left as it is unless the PO prefers a side.
Tags merge one by one (a label added in the tracker and a tag added here are both kept), so they
never conflict. A new item is the same merge from an empty item: everything comes from the tracker.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ritual_tui.domain.backlog import BacklogItem, TrackerCopy

#: How a conflict is settled: keep it listed (None), or take one side.
PREFERENCES = ("tracker", "local")


@dataclass(frozen=True)
class FieldChange:
    """A field taken from the tracker."""

    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Conflict:
    """A field changed both here and in the tracker since the last import."""

    field: str
    here: Any
    tracker: Any
    at_last_import: Any
    #: "tracker" or "local" when a preference settled it; "" while it waits for the PO.
    settled_for: str = ""


@dataclass
class Merge:
    """What merging one item did."""

    changes: list[FieldChange] = field(default_factory=list)
    #: Fields changed here since the last import and kept (the tracker still has the old value).
    kept: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def merge_tags(here: list[str], tracker: list[str], before: list[str]) -> list[str]:
    """Tags added or removed on either side since ``before``, both sides' changes kept, in our order."""
    kept = [tag for tag in here if tag in tracker or tag not in before]
    return kept + [tag for tag in tracker if tag not in before and tag not in here]


def merge_item(
    item: BacklogItem, incoming: dict[str, Any], before: TrackerCopy, prefer: str | None, on: date
) -> tuple[Merge, TrackerCopy]:
    """Merge the tracker's ``incoming`` fields into ``item`` (changed in place); returns what was done
    and the tracker copy to keep. A conflict left open keeps the old value in the copy, so that it is
    found again at the next import instead of passing for a change made here."""
    done = Merge()
    kept_copy = copy.deepcopy(before)
    for name, theirs in incoming.items():
        ours, old = getattr(item, name), getattr(before, name)
        setattr(kept_copy, name, copy.copy(theirs))
        if name == "tags":
            merged = merge_tags(ours, theirs, old)
            if merged != ours:
                done.changes.append(FieldChange(name, ours, merged))
                item.tags = merged
            continue
        if theirs == ours:
            continue
        if ours == old or prefer == "tracker":
            if ours != old:
                done.conflicts.append(Conflict(name, ours, theirs, old, "tracker"))
            done.changes.append(FieldChange(name, ours, theirs))
            _set(item, name, theirs, on)
        elif theirs == old:
            done.kept.append(name)
        else:
            done.conflicts.append(Conflict(name, ours, theirs, old, prefer or ""))
            if prefer is None:
                setattr(kept_copy, name, copy.copy(old))
    return done, kept_copy


def _set(item: BacklogItem, name: str, value: Any, on: date) -> None:
    if name == "status":
        item.move_to(value, on)
    else:
        setattr(item, name, copy.copy(value))
