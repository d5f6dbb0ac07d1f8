"""Several records by id from one listing of their folder (a sprint's items among thousands): the
same records ``get`` gives, and the same ones left out."""

from __future__ import annotations

import shutil

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.store.workspace import Workspace


def test_each_id_gives_its_record_and_the_unreadable_ones_are_left_out(ws: Workspace) -> None:
    for title in ("one", "two", "three", "four", "twelve"):
        ws.add(BacklogItem(title=title))
    two = ws.get(BacklogItem, "B-2").stored_as
    assert two is not None
    shutil.copy(two, two.with_name("B-2-zzzz.toml"))  # after a merge: B-2 twice
    three = ws.get(BacklogItem, "B-3").stored_as
    assert three is not None
    three.write_text("title = ", encoding="utf-8")  # damaged
    found = ws.get_each(BacklogItem, ["B-1", "B-2", "B-3", "B-5", "B-12", "B-1"])
    # B-1 is named twice but read once; B-12 names no record (B-5 "twelve" is not B-12).
    assert {key: item.title for key, item in found.items()} == {"B-1": "one", "B-5": "twelve"}
    assert found["B-1"] == ws.get(BacklogItem, "B-1")
