"""A damaged file gives a message naming the file (and line) and is never overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import DamagedFileError, StorageError
from ritual_tui.store.check import check_workspace
from ritual_tui.store.files import TRAILER
from ritual_tui.store.workspace import Workspace


def _one_item(ws: Workspace) -> Path:
    item = ws.add(BacklogItem(title="Pay by card", acceptance=["Given a cart", "When I pay"], tags=["pay"]))
    assert item.stored_as is not None
    return item.stored_as


GOOD_HEADER = '# x\nschema = 1\nid = "B-1"\n'

DAMAGE = {
    "syntax error": (
        GOOD_HEADER + 'title = "unclosed\n# end of file (a file without this line was cut short)\n',
        "is not valid TOML",
        4,
    ),
    "empty": ("", "is empty", None),
    "whitespace only": ("  \n\n", "is empty", None),
    "BOM": ("\ufeff" + GOOD_HEADER + 'title = "x"\n', "byte-order mark", 1),
    "NUL byte": (GOOD_HEADER + 'title = "a\x00b"\n', "NUL byte", 4),
    "deep nesting": (GOOD_HEADER + "title = " + "[" * 3000 + "]" * 3000 + "\n", "nested too deeply", None),
    "conflict markers": (
        GOOD_HEADER + '<<<<<<< HEAD\ntitle = "a"\n=======\ntitle = "b"\n>>>>>>> other\n',
        "merge-conflict markers",
        4,
    ),
    "wrong type": (
        GOOD_HEADER + "title = 12\n# end of file (a file without this line was cut short)\n",
        "'title' should be text, found a number",
        4,
    ),
    "schema not a number": ('schema = "one"\nid = "B-1"\ntitle = "x"\n', "'schema' should be a whole number", 1),
    "no trailer": (GOOD_HEADER + 'title = "x"\n', "is cut short", None),
    "id does not match file": (
        '# x\nschema = 1\nid = "B-7"\ntitle = "x"\n# end of file (a file without this line was cut short)\n',
        "does not match",
        3,
    ),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_each_kind_of_damage_is_reported_with_file_and_line_and_left_alone(ws: Workspace, case: str) -> None:
    path = _one_item(ws)
    text, problem, line = DAMAGE[case]
    path.write_bytes(text.encode("utf-8"))
    before = path.read_bytes()
    with pytest.raises(DamagedFileError) as caught:
        ws.get(BacklogItem, "B-1")
    assert caught.value.path == path
    assert problem in caught.value.problem
    assert caught.value.line == line
    assert str(path) in str(caught.value)
    report = check_workspace(ws)
    assert any(str(path) in p for p in report.problems)
    assert path.read_bytes() == before


def test_invalid_utf8_names_the_line(ws: Workspace) -> None:
    path = _one_item(ws)
    path.write_bytes(GOOD_HEADER.encode() + b'title = "caf\xe9"\n')
    with pytest.raises(DamagedFileError, match="not valid UTF-8") as caught:
        ws.get(BacklogItem, "B-1")
    assert caught.value.line == 4


def test_a_ten_megabyte_record_is_read_and_a_twenty_megabyte_file_refused(ws: Workspace) -> None:
    path = _one_item(ws)
    big = b"x" * 10_000_000
    path.write_bytes(GOOD_HEADER.encode() + b'title = "' + big + b'"\n' + TRAILER.encode())
    assert len(ws.get(BacklogItem, "B-1").title) == len(big)
    path.write_bytes(GOOD_HEADER.encode() + b'title = "' + big * 2 + b'"\n' + TRAILER.encode())
    with pytest.raises(DamagedFileError, match="larger than any ritual-tui file"):
        ws.get(BacklogItem, "B-1")


def test_a_write_too_large_to_read_back_is_refused(ws: Workspace) -> None:
    path = _one_item(ws)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="over the 16 MB"):
        ws.update(BacklogItem, "B-1", lambda item: setattr(item, "title", "x" * 17_000_000))
    assert path.read_bytes() == before


def test_a_record_cut_short_at_any_byte_is_detected(ws: Workspace) -> None:
    path = _one_item(ws)
    whole = path.read_bytes()
    for cut in range(len(whole)):
        path.write_bytes(whole[:cut])
        with pytest.raises(DamagedFileError):
            ws.get(BacklogItem, "B-1")
    path.write_bytes(whole)
    assert ws.get(BacklogItem, "B-1").title == "Pay by card"


def test_settings_cut_short_are_detected(ws: Workspace) -> None:
    settings = ws.root / "workspace.toml"
    whole = settings.read_bytes()
    settings.write_bytes(whole[: len(whole) - 5])
    with pytest.raises(DamagedFileError, match="cut short"):
        _ = Workspace.open(ws.root).settings


def test_a_damaged_file_is_not_overwritten_by_an_update(ws: Workspace) -> None:
    path = _one_item(ws)
    path.write_bytes(b"title = \n")
    with pytest.raises(DamagedFileError):
        ws.update(BacklogItem, "B-1", lambda item: setattr(item, "title", "new"))
    assert path.read_bytes() == b"title = \n"
