"""Filesystems whose timestamps are coarse: a file changed twice within one timestamp step keeps its
identity (inode, size, both times), so the read cache and the index must not trust what they stored
for a file that had not settled. Tested on a real ext4 made with 128-byte inodes (whole seconds),
and by simulation everywhere."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.store import cache
from ritual_tui.store.workspace import Workspace
from tests.conftest import git

#: A whole second, as a one-second filesystem stamps every change made within it.
STEP_START_NS = 1_795_000_000 * 10**9


def _seen(root: Path) -> list[tuple[str, str]]:
    """What ``backlog list`` (every record whole) and the summary (the index) read, each in a new process."""
    whole = Workspace.open(root).all(BacklogItem)
    indexed = Workspace.open(root).index(BacklogItem)
    return [(i.title, j.title) for i, j in zip(whole, indexed, strict=True)]


def _edit_in_place(path: Path, old: str, new: str) -> None:
    """An editor saving in place: same inode, same size."""
    with open(path, "r+", encoding="utf-8") as file:
        text = file.read().replace(f'"{old}"', f'"{new}"')
        file.seek(0)
        file.write(text)


def test_three_edits_within_one_timestamp_step_are_never_served_stale(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A one-second filesystem, simulated: every change made in this second is stamped with its start,
    # and the change time moves with the modification time. The caches' clock is in that second too.
    monkeypatch.setattr(cache, "identity", lambda s: [s.st_ino, s.st_size, s.st_mtime_ns, s.st_mtime_ns])
    monkeypatch.setattr(cache, "clock_ns", lambda: STEP_START_NS + 500_000_000)
    item = ws.add(BacklogItem(title="aaaa"))
    assert item.stored_as is not None
    os.utime(item.stored_as, ns=(STEP_START_NS, STEP_START_NS))
    for old, new in (("aaaa", "bbbb"), ("bbbb", "cccc"), ("cccc", "dddd")):
        assert _seen(ws.root) == [(old, old)]
        _edit_in_place(item.stored_as, old, new)
        os.utime(item.stored_as, ns=(STEP_START_NS, STEP_START_NS))
    assert _seen(ws.root) == [("dddd", "dddd")]


def test_a_file_that_settled_is_served_from_the_cache(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ws.add(BacklogItem(title="aaaa"))
    cache_files = ws.root / ".ritual" / "cache"
    monkeypatch.setattr(cache, "clock_ns", lambda: os.stat(ws.files(BacklogItem)[0].path).st_mtime_ns + 500_000_000)
    _seen(ws.root)
    assert not list(cache_files.glob("backlog*.json"))  # half a second old: not cached
    monkeypatch.setattr(cache, "clock_ns", lambda: os.stat(ws.files(BacklogItem)[0].path).st_ctime_ns + 2 * 10**9)
    _seen(ws.root)
    assert sorted(p.name for p in cache_files.glob("backlog*.json")) == ["backlog.index.json", "backlog.json"]


@pytest.fixture
def coarse_filesystem(tmp_path: Path) -> Iterator[Path]:
    """An ext4 filesystem made with 128-byte inodes (whole-second timestamps), loop-mounted."""
    if os.geteuid() != 0:
        pytest.skip("loop-mounting a filesystem needs root (CI runs as root)")
    image, mount = tmp_path / "coarse.img", tmp_path / "coarse"
    with open(image, "wb") as file:
        file.truncate(8 * 2**20)
    mount.mkdir()
    make = ["mkfs.ext4", "-q", "-F", "-I", "128", str(image)]
    for command in (make, ["mount", "-o", "loop", str(image), str(mount)]):
        try:
            done = subprocess.run(command, capture_output=True, text=True)
        except FileNotFoundError:
            pytest.skip(f"{command[0]} is not installed")
        if done.returncode != 0:
            pytest.skip(f"cannot make a loop-mounted filesystem here ({command[0]}: {done.stderr.strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_edits_and_a_git_checkout_on_a_real_one_second_filesystem(coarse_filesystem: Path) -> None:
    ws = Workspace.create(coarse_filesystem / "ws", "Shop")
    item = ws.add(BacklogItem(title="aaaa"))
    assert item.stored_as is not None
    assert os.stat(item.stored_as).st_mtime_ns % 10**9 == 0  # whole seconds, as promised
    for old, new in (("aaaa", "bbbb"), ("bbbb", "cccc"), ("cccc", "dddd")):
        assert _seen(ws.root) == [(old, old)]
        _edit_in_place(item.stored_as, old, new)
    assert _seen(ws.root) == [("dddd", "dddd")]
    git(ws.root, "init", "-q", "-b", "main")
    git(ws.root, "add", "-A")
    git(ws.root, "commit", "-q", "-m", "dddd")
    ws.update(BacklogItem, "B-1", lambda i: setattr(i, "title", "eeee"))
    assert _seen(ws.root) == [("eeee", "eeee")]
    git(ws.root, "checkout", "--", "backlog/")  # undoes the edit: same size, the inode perhaps reused
    assert _seen(ws.root) == [("dddd", "dddd")]
