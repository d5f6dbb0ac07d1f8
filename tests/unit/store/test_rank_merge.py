"""Ranks across git branches: moves of different items merge cleanly; the same item moved on both
branches is settled by `ritual check --fix` the same way whichever branch is merged into which."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.services.backlog import add_item
from ritual_tui.services.ranking import move_item, ranked
from ritual_tui.store.check import check_workspace
from ritual_tui.store.rank_merge import settle_text
from ritual_tui.store.workspace import Workspace
from tests.conftest import git as _git


def _branches(ws: Workspace, monkeypatch: pytest.MonkeyPatch, ours: tuple[str, str], theirs: tuple[str, str]) -> None:
    """Commit the backlog, make a move on a branch ``other`` (at 10:00) and another on main (at 10:05)."""
    (ws.root / ".gitignore").write_text(".ritual/\n")
    _git(ws.root, "init", "-q", "-b", "main")
    _git(ws.root, "add", "-A")
    _git(ws.root, "commit", "-q", "-m", "start")
    _git(ws.root, "checkout", "-q", "-b", "other")
    monkeypatch.setenv("RITUAL_NOW", "2026-11-26T10:00:00+01:00")
    move_item(Workspace.open(ws.root), *theirs)
    _git(ws.root, "commit", "-qam", "theirs")
    _git(ws.root, "checkout", "-q", "main")
    monkeypatch.setenv("RITUAL_NOW", "2026-11-26T10:05:00+01:00")
    move_item(Workspace.open(ws.root), *ours)
    _git(ws.root, "commit", "-qam", "ours")


def _backlog(ws: Workspace) -> Workspace:
    for title in "ABCDE":
        add_item(ws, title)  # B-1 … B-5, ranked 1 … 5
    return ws


def test_two_branches_moving_different_items_merge_without_conflict(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    _branches(_backlog(ws), monkeypatch, ours=("B-5", "top"), theirs=("B-2", "bottom"))
    _git(ws.root, "merge", "-q", "--no-edit", "other")  # check=True: a conflict fails the test
    # B-5 to the top takes 1 - 1 = 0; B-2 to the bottom takes 5 + 1 = 6.
    assert [i.id for i in ranked(Workspace.open(ws.root))] == ["B-5", "B-1", "B-3", "B-4", "B-2"]


@pytest.mark.parametrize("merged_into", ["main", "other"])
def test_the_same_item_moved_on_two_branches_is_settled_by_the_later_move(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, merged_into: str
) -> None:
    _branches(_backlog(ws), monkeypatch, ours=("B-3", "top"), theirs=("B-3", "bottom"))
    if merged_into == "other":
        _git(ws.root, "checkout", "-q", "other")
    with pytest.raises(subprocess.CalledProcessError):  # git stops on B-3's rank and updated lines
        _git(ws.root, "merge", "--no-edit", "main" if merged_into == "other" else "other")
    assert "<<<<<<<" in next((ws.root / "backlog").glob("B-3-*.toml")).read_text()
    report = check_workspace(Workspace.open(ws.root), fix=True)
    assert report.problems == [] and any("settled B-3-" in r for r in report.repaired)
    # Main's move (to the top, at 10:05) is later than the other branch's (to the bottom, at 10:00).
    order = [i.id for i in ranked(Workspace.open(ws.root))]
    assert order == ["B-3", "B-1", "B-2", "B-4", "B-5"]
    assert Workspace.open(ws.root).get(BacklogItem, "B-3").rank == 0


def test_a_conflict_on_another_line_is_left_to_a_person() -> None:
    text = 'rank = 1\n<<<<<<< HEAD\ntitle = "A"\n=======\ntitle = "B"\n>>>>>>> other\n'
    assert settle_text(text) is None


def test_same_time_moves_keep_the_higher_place() -> None:
    now = clock.now().isoformat()
    text = f"<<<<<<< HEAD\nrank = 7\nupdated = {now}\n=======\nrank = 0.5\nupdated = {now}\n>>>>>>> other\n"
    assert settle_text(text) == f"rank = 0.5\nupdated = {now}\n"


def test_moving_one_item_in_a_long_backlog_writes_one_file(ws: Workspace, tmp_path: Path) -> None:
    for n in range(60):
        add_item(ws, f"Item {n}")
    before = {p: p.stat().st_mtime_ns for p in (ws.root / "backlog").iterdir()}
    moved = move_item(ws, "B-40", "after", "B-3")
    after = {p: p.stat().st_mtime_ns for p in (ws.root / "backlog").iterdir()}
    assert [p.name for p in after if after[p] != before.get(p)] == [moved.item.stored_as.name]  # type: ignore[union-attr]
    assert moved.written == ["B-40"] and moved.item.rank == 3.5  # between B-3 (3) and B-4 (4)


def test_a_gap_with_no_room_left_is_spread_over_the_fewest_neighbours(ws: Workspace) -> None:
    for title in "ABCD":
        add_item(ws, title)
    ws.update(BacklogItem, "B-3", lambda i: setattr(i, "rank", 2))  # B-2 and B-3 tie at 2
    moved = move_item(ws, "B-4", "after", "B-2")
    # Order by (rank, id): B-1 1, B-2 2, B-3 2, B-4 4; B-4 goes between B-2 and B-3, which share
    # rank 2: no room. The run B-2, B-4, B-3 is spread evenly between B-1 (1) and, past the last
    # item, 2 + 1 + 1 = 4: steps of (4 - 1) / 4 = 0.75, so 1.75, 2.5, 3.25. B-1 is not written.
    assert [(i.id, i.rank) for i in ranked(ws)] == [("B-1", 1), ("B-2", 1.75), ("B-4", 2.5), ("B-3", 3.25)]
    assert moved.written == ["B-2", "B-4", "B-3"]
