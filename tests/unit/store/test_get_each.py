"""Several records by id from one listing of their folder (a sprint's items among thousands): each
as ``get`` gives it, an id naming nothing left out, a damaged file left out only when asked."""

from __future__ import annotations

import shutil

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import DamagedFileError, ValidationError
from ritual_tui.store.workspace import Workspace


def test_each_id_gives_its_record_as_get_does(ws: Workspace) -> None:
    for title in ("one", "two", "three", "four", "twelve"):
        ws.add(BacklogItem(title=title))
    found = ws.get_each(BacklogItem, ["B-1", "B-5", "B-12", "B-1"])
    # B-1 is named twice but read once; B-12 names no record (B-5 "twelve" is not B-12).
    assert {key: item.title for key, item in found.items()} == {"B-1": "one", "B-5": "twelve"}
    assert found["B-1"] == ws.get(BacklogItem, "B-1")
    two = ws.get(BacklogItem, "B-2").stored_as
    assert two is not None
    shutil.copy(two, two.with_name("B-2-zzzz.toml"))  # after a merge: B-2 twice, as get says
    with pytest.raises(ValidationError, match="B-2 names 2 records"):
        ws.get_each(BacklogItem, ["B-2"])


def test_a_damaged_file_is_an_error_unless_left_out(ws: Workspace) -> None:
    for title in ("one", "two"):
        ws.add(BacklogItem(title=title))
    two = ws.get(BacklogItem, "B-2").stored_as
    assert two is not None
    two.write_text("title = ", encoding="utf-8")
    with pytest.raises(DamagedFileError):
        ws.get_each(BacklogItem, ["B-1", "B-2"])
    ws.skip_damaged = True
    assert list(ws.get_each(BacklogItem, ["B-1", "B-2"])) == ["B-1"]
    assert [path.name for path, _ in ws.left_out] == [two.name]
