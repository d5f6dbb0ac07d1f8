"""The three-way merge of an item with its tracker: the tracker's change taken, ours kept, a change
on both sides listed as a conflict and settled only when the PO says which side wins."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ritual_tui.domain.backlog import BacklogItem, TrackerCopy
from ritual_tui.tracker.merge import Conflict, FieldChange, merge_item, merge_tags

ON = date(2026, 11, 26)


def imported(**here: Any) -> tuple[BacklogItem, TrackerCopy]:
    """An item imported with title "Pay", 3 points, status new and tags [a, b], then changed ``here``."""
    before = TrackerCopy(name="jira", title="Pay", estimate=3, status="new", tags=["a", "b"])
    item = BacklogItem(title="Pay", estimate=3, status="new", tags=["a", "b"], tracker=before)
    for name, value in here.items():
        setattr(item, name, value)
    return item, before


def test_a_change_in_the_tracker_only_is_taken() -> None:
    item, before = imported()
    merge, kept = merge_item(item, {"title": "Pay by card", "estimate": 3, "status": "done"}, before, None, ON)
    assert (item.title, item.status, item.done_on) == ("Pay by card", "done", ON)
    assert merge.changes == [FieldChange("title", "Pay", "Pay by card"), FieldChange("status", "new", "done")]
    assert (merge.kept, merge.conflicts) == ([], [])
    assert (kept.title, kept.status) == ("Pay by card", "done")


def test_a_change_here_only_is_kept() -> None:
    item, before = imported(estimate=5)
    merge, kept = merge_item(item, {"estimate": 3}, before, None, ON)
    assert (item.estimate, merge.kept, merge.changes, kept.estimate) == (5, ["estimate"], [], 3)


def test_the_same_change_on_both_sides_is_no_change() -> None:
    item, before = imported(estimate=5)
    merge, kept = merge_item(item, {"estimate": 5}, before, None, ON)
    assert (merge.changes, merge.kept, merge.conflicts, kept.estimate) == ([], [], [], 5)


def test_a_change_on_both_sides_is_a_conflict_left_as_it_is() -> None:
    item, before = imported(estimate=5)
    merge, kept = merge_item(item, {"estimate": 8}, before, None, ON)
    assert item.estimate == 5
    assert merge.conflicts == [Conflict("estimate", 5, 8, 3)]
    # The copy keeps the old value, so the next import finds the conflict again.
    assert kept.estimate == 3


@pytest.mark.parametrize(("prefer", "estimate", "copied"), [("tracker", 8, 8), ("local", 5, 8)])
def test_a_preference_settles_a_conflict(prefer: str, estimate: int, copied: int) -> None:
    item, before = imported(estimate=5)
    merge, kept = merge_item(item, {"estimate": 8}, before, prefer, ON)
    assert (item.estimate, kept.estimate) == (estimate, copied)
    assert merge.conflicts == [Conflict("estimate", 5, 8, 3, prefer)]


def test_tags_merge_one_by_one_and_never_conflict() -> None:
    # Here: "b" removed, "c" added. Tracker: "a" removed, "d" added.
    assert merge_tags(["a", "c"], ["b", "d"], ["a", "b"]) == ["c", "d"]
    item, before = imported(tags=["a", "c"])
    merge, kept = merge_item(item, {"tags": ["b", "d"]}, before, None, ON)
    assert (item.tags, kept.tags, merge.conflicts) == (["c", "d"], ["b", "d"], [])


def test_an_item_never_imported_takes_the_tracker_where_it_holds_defaults() -> None:
    item = BacklogItem(title="Pay by card", estimate=5)  # --ref typed by hand, never imported
    merge, _ = merge_item(item, {"title": "Pay", "estimate": 8, "status": "review"}, TrackerCopy(name="jira"), None, ON)
    assert item.status == "review"  # still "new" here: the tracker's is taken
    assert [c.field for c in merge.conflicts] == ["title", "estimate"]
