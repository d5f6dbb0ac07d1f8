"""The balance every summary must keep: committed + added − removed = completed + carried over +
returned + dropped + rejected (+ still to do while the sprint runs), in items and in points, in the figures, the item
list and the burndown alike."""

from __future__ import annotations

from typing import Any

import pytest

#: Where an item in scope and not completed ended when the sprint closed.
UNFINISHED = ("carried_over", "returned", "dropped", "rejected")


def assert_balanced(doc: dict[str, Any]) -> None:
    d = doc["delivery"]
    for unit in ("items", "points"):
        scope = d[f"committed_{unit}"] + d[f"added_{unit}"] - d[f"removed_{unit}"]
        ended = sum(d[f"{part}_{unit}"] for part in ("completed", *UNFINISHED, "still_to_do"))
        assert scope == pytest.approx(ended), (doc["sprint"]["number"], unit, d)
    in_scope = [i for i in d["items"] if i["in_scope"]]
    assert len(in_scope) == d["committed_items"] + d["added_items"] - d["removed_items"]
    assert sum(i["points"] for i in in_scope) == pytest.approx(
        d["committed_points"] + d["added_points"] - d["removed_points"]
    )
    assert sum(i["points"] for i in in_scope if i["completed"]) == pytest.approx(d["completed_points"])
    last = next(day for day in reversed(doc["burndown"]) if day["remaining"] is not None or day is doc["burndown"][0])
    if doc["sprint"]["status"] == "closed":
        assert last["remaining"] == pytest.approx(sum(d[f"{part}_points"] for part in UNFINISHED))
    elif last["remaining"] is not None and last["day"] == doc["as_of"]:
        assert last["remaining"] == pytest.approx(d["still_to_do_points"])
