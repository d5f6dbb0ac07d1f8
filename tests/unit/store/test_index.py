"""The store's index: a few fields of every record, so that reports over years of history read only
what they name. It is derived, follows every change to the files, and its records are never saved."""

from __future__ import annotations

import os
from datetime import date

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.sprint import Sprint
from ritual_tui.domain.trusted import partial_reader
from ritual_tui.store import layout
from ritual_tui.store.workspace import Workspace


def indexed_fields(record: object, record_type: type) -> dict[str, object]:
    return {name: getattr(record, name) for name in ("id", *record_type.INDEXED)}


@pytest.mark.parametrize("record_type", [t for t in layout.RECORD_TYPES if t.INDEXED])
def test_the_index_gives_every_record_with_its_indexed_fields_cold_and_warm(demo: Workspace, record_type: type) -> None:
    whole = demo.all(record_type)
    cold = demo.index(record_type)  # the index is built from the files
    warm = Workspace.open(demo.root).index(record_type)  # and read back
    expected = [indexed_fields(r, record_type) for r in whole]
    assert len(expected) > 0
    assert [indexed_fields(r, record_type) for r in cold] == expected
    assert [indexed_fields(r, record_type) for r in warm] == expected


@pytest.mark.usefixtures("settled")
def test_a_record_from_the_index_has_no_other_fields_and_is_never_saved(ws: Workspace) -> None:
    ws.add(BacklogItem(title="Refunds", acceptance=["Given a paid booking"], private_notes="mine"))
    ws.index(BacklogItem)
    (item,) = Workspace.open(ws.root).index(BacklogItem)
    assert (item.title, item.status) == ("Refunds", "new")
    with pytest.raises(AttributeError):
        _ = item.acceptance  # unset, not silently empty
    with pytest.raises(ValueError, match="read whole"):
        ws.save(item)
    assert ws.get(BacklogItem, "B-1").acceptance == ["Given a paid booking"]


def test_the_index_follows_files_edited_added_and_removed_behind_it(ws: Workspace) -> None:
    for title in ("one", "two", "three"):
        ws.add(BacklogItem(title=title))
    assert [i.status for i in ws.index(BacklogItem)] == ["new"] * 3
    first, second, _ = ws.files(BacklogItem)
    # An editor writing in place keeps the inode: the size and times still tell the change.
    with open(first.path, "r+", encoding="utf-8") as file:
        text = file.read().replace('status = "new"', 'status = "ready"')
        file.seek(0)
        file.write(text)
        file.truncate()
    second.path.unlink()
    ws.add(BacklogItem(title="four", status="done"))
    seen = Workspace.open(ws.root).index(BacklogItem)
    assert [(i.id, i.title, i.status) for i in seen] == [
        ("B-1", "one", "ready"),
        ("B-3", "three", "new"),
        ("B-4", "four", "done"),
    ]


@pytest.mark.usefixtures("settled")
def test_a_damaged_index_is_rebuilt_from_the_files(ws: Workspace) -> None:
    ws.add(Decision(title="keep", date=date(2026, 11, 20)))
    ws.index(Decision)
    index_file = ws.root / ".ritual" / "cache" / "decisions.index.json"
    assert index_file.exists()
    for damage in (b"", b"{ not json", b'{"format": 2, "entries": [1, 2]}', b"\x00" * 10):
        index_file.write_bytes(damage)
        assert [(d.title, d.date) for d in Workspace.open(ws.root).index(Decision)] == [("keep", date(2026, 11, 20))]


@pytest.mark.parametrize("chosen", [1, 45], ids=["a few, read file by file", "many, read through the cache"])
def test_where_reads_the_chosen_records_whole(ws: Workspace, chosen: int) -> None:
    for n in range(45):
        ws.add(Decision(title=f"decision {n}", date=date(2026, 11, 1 + n % 28), decision="x" * n, private_notes="p"))
    ws.all(Decision)  # fills the caches, as any earlier read would
    fresh = Workspace.open(ws.root)
    wanted = {f"D-{n}" for n in range(1, chosen + 1)}
    found = fresh.all(Decision, where=lambda d: d.id in wanted)
    assert found == [d for d in ws.all(Decision) if d.id in wanted]
    assert all(d.private_notes == "p" and d.stored_as is not None for d in found)
    found[0].title = "changed"
    fresh.save(found[0])  # whole records save as any other
    assert ws.get(Decision, found[0].id).title == "changed"


def test_only_flat_fields_can_be_indexed() -> None:
    for record_type in layout.RECORD_TYPES:
        partial_reader(record_type, ["id", *record_type.INDEXED])  # every type's own choice is valid
    with pytest.raises(TypeError, match="only flat fields"):
        partial_reader(Sprint, ["id", "commitment"])


def test_reading_through_the_index_leaves_the_record_files_untouched(ws: Workspace) -> None:
    ws.add(BacklogItem(title="x"))
    path = ws.files(BacklogItem)[0].path
    before, data = os.stat(path), path.read_bytes()
    ws.index(BacklogItem)
    Workspace.open(ws.root).all(BacklogItem, where=lambda i: True)
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns, path.read_bytes()) == (before.st_ino, before.st_mtime_ns, data)
