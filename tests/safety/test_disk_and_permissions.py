"""A full disk and a read-only workspace: a clear message, the files untouched, no crash."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import StorageError
from ritual_tui.store import files
from ritual_tui.store.check import check_workspace
from ritual_tui.store.workspace import Workspace
from tests.conftest import run_ritual

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
