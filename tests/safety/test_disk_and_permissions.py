"""A full disk and a read-only workspace: a clear message, the files untouched, no crash."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import StorageError
from ritual_tui.store import files
from ritual_tui.store.check import check_workspace
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result, run_ritual

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs and dropping privileges need root (CI is)")


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file() and "lock" not in p.name}


def test_disk_full_injected_keeps_the_old_file_and_leaves_no_temp(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    decision = ws.add(Decision(title="before"))
    before = _snapshot(ws.root)

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "write", full)
    with pytest.raises(StorageError, match=r"the disk is full.*unchanged"):
        ws.update(Decision, decision.id, lambda d: setattr(d, "title", "after"))
    with pytest.raises(StorageError, match="the disk is full"):
        ws.add(Decision(title="new"))
    assert _snapshot(ws.root) == before
    monkeypatch.undo()
    ws.update(Decision, decision.id, lambda d: setattr(d, "title", "after"))
    assert ws.get(Decision, decision.id).title == "after"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@ROOT_ONLY
def test_a_real_full_disk_gives_a_clear_error_and_recovers(small_disk: Path) -> None:
    root = small_disk / "ws"
    assert run_ritual("--workspace", str(root), "init").returncode == 0
    assert run_ritual("--workspace", str(root), "decision", "add", "fits").returncode == 0
    before = _snapshot(root)
    filler = small_disk / "filler"
    with open(filler, "wb", buffering=0) as sink:  # fill the disk to the last block
        try:
            while True:
                sink.write(b"\0" * 4096)
                sink.flush()
        except OSError:
            pass
    result = run_ritual("--workspace", str(root), "decision", "add", "-", input="y" * 200_000)
    assert result.returncode == 1 and "the disk is full" in result.stderr and "Traceback" not in result.stderr
    assert _snapshot(root) == before
    assert not list(root.rglob("*.tmp"))
    filler.unlink()
    assert run_ritual("--workspace", str(root), "decision", "add", "after space is back").returncode == 0
    assert [d.title for d in Workspace.open(root).all(Decision)] == ["fits", "after space is back"]


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder other users can reach (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="ritual-shared-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@ROOT_ONLY
def test_a_read_only_workspace_as_another_user(shared_folder: Path) -> None:
    root = shared_folder / "ws"
    assert run_ritual("--workspace", str(root), "init").returncode == 0
    assert run_ritual("--workspace", str(root), "decision", "add", "mine").returncode == 0
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # readable by others, writable by nobody but root
    before = _snapshot(root)
    as_nobody = [
        "setpriv",
        "--reuid=nobody",
        "--regid=nogroup",
        "--clear-groups",
        sys.executable,
        "-m",
        "ritual_tui",
        "--workspace",
        str(root),
    ]
    listed = subprocess.run(
        [*as_nobody, "decision", "list"], capture_output=True, text=True, env={**os.environ, "HOME": "/tmp"}
    )
    added = subprocess.run(
        [*as_nobody, "decision", "add", "theirs"], capture_output=True, text=True, env={**os.environ, "HOME": "/tmp"}
    )
    assert listed.returncode == 0 and "mine" in listed.stdout
    assert added.returncode == 1 and "Traceback" not in added.stderr
    assert "read-only or not yours" in added.stderr or "Could not open the lock" in added.stderr
    assert _snapshot(root) == before


def test_a_symlink_planted_where_a_temp_file_goes_is_refused(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decision = ws.add(Decision(title="x"))
    assert decision.stored_as is not None
    target = tmp_path / "precious"
    target.write_text("keep")
    monkeypatch.setattr(files.secrets, "token_hex", lambda n: "planted0")
    (decision.stored_as.parent / f".{decision.stored_as.name}.planted0.tmp").symlink_to(target)
    with pytest.raises(StorageError, match="Could not save"):
        ws.update(Decision, decision.id, lambda d: setattr(d, "title", "y"))
    assert target.read_text() == "keep"
    assert ws.get(Decision, decision.id).title == "x"


@ROOT_ONLY
def test_a_workspace_owned_by_another_user_is_reported(ws: Workspace) -> None:
    shutil.chown(ws.root, user="nobody")
    assert any("owned by another user" in p for p in check_workspace(ws).problems)


def _summary_files(ws: Workspace) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((ws.root / "summaries").iterdir())}


@pytest.fixture
def summarised(ws: Workspace, cli: Callable[..., Result]) -> dict[str, bytes]:
    """A sprint whose summary was written once, then changed (so a new summary differs)."""
    cli("backlog", "add", "A", "--estimate", "3")
    cli("sprint", "start", "B-1", "--goal", "Pay", "--start", "2026-11-23")
    assert cli("summary").code == 0
    cli("backlog", "status", "B-1", "done")
    return _summary_files(ws)


def test_a_full_disk_while_a_summary_is_written_changes_none_of_its_files(
    ws: Workspace, cli: Callable[..., Result], summarised: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    writes = iter(range(10))
    real_write = os.write

    def full_on_the_json(fd: int, data: bytes) -> int:  # .md, then .json: the disk fills up there
        if next(writes) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(files.os, "write", full_on_the_json)
    result = cli("summary")
    folder = ws.root / "summaries"
    names = "sprint-1-summary.md, sprint-1-summary.json, sprint-1-summary.html"
    assert (result.code, result.out) == (1, "")
    assert (
        result.err
        == f"error: Could not save {folder / 'sprint-1-summary.json'}: the disk is full. None of {names} was changed.\n"
    )
    assert _summary_files(ws) == summarised  # no temp file either


def test_a_rename_that_fails_half_way_says_which_files_were_replaced(
    ws: Workspace, cli: Callable[..., Result], summarised: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    renames = iter(range(10))
    real_replace = os.replace

    def refused_second(source: str, target: str) -> None:
        if next(renames) == 1:
            raise OSError(errno.EACCES, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", refused_second)
    result = cli("summary")
    folder = ws.root / "summaries"
    assert result.code == 1
    assert result.err == (
        f"error: Could not save {folder / 'sprint-1-summary.json'}: the workspace is read-only or not yours to write. "
        "Replaced: sprint-1-summary.md; unchanged: sprint-1-summary.json, sprint-1-summary.html.\n"
    )
    now = _summary_files(ws)
    assert now["sprint-1-summary.md"] != summarised["sprint-1-summary.md"]
    assert {k: v for k, v in now.items() if k != "sprint-1-summary.md"} == {
        k: v for k, v in summarised.items() if k != "sprint-1-summary.md"
    }


@ROOT_ONLY
def test_a_real_full_disk_leaves_the_summary_set_as_it_was(small_disk: Path) -> None:
    root = small_disk / "ws"
    for args in (["init"], ["backlog", "add", "A", "--estimate", "3"], ["sprint", "start", "B-1", "--goal", "Pay"]):
        assert run_ritual("--workspace", str(root), *args).returncode == 0
    assert run_ritual("--workspace", str(root), "summary").returncode == 0
    assert run_ritual("--workspace", str(root), "backlog", "status", "B-1", "done").returncode == 0
    before = _snapshot(root)
    with open(small_disk / "filler", "wb", buffering=0) as sink:
        try:
            while True:
                sink.write(b"\0" * 4096)
        except OSError:
            pass
    result = run_ritual("--workspace", str(root), "summary")
    assert result.returncode == 1 and "the disk is full. None of sprint-1-summary.md" in result.stderr
    assert _snapshot(root) == before


def test_an_export_larger_than_any_record_file_is_written(ws: Workspace, tmp_path: Path) -> None:
    nine_mb = "x" * 9_000_000
    for n in range(2):
        ws.add(BacklogItem(title=f"{n}{nine_mb}"))
    out = tmp_path / "backup.json"
    result = run_ritual("--workspace", str(ws.root), "export", "--json", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > files.MAX_FILE_BYTES
    assert [i["title"][0] for i in json.loads(out.read_bytes())["backlog"]] == ["0", "1"]
