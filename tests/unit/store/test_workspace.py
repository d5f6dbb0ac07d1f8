"""The Workspace API: ids, atomic files, unknown keys, conflicts, schema versions, missing folders."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import (
    ConflictError,
    NewerVersionError,
    NotFoundError,
    ValidationError,
    WorkspaceMissingError,
)
from ritual_tui.store.check import check_workspace
from ritual_tui.store.files import TRAILER
from ritual_tui.store.workspace import Workspace
from tests.conftest import git


def test_ids_are_sequential_per_kind_and_never_from_user_text(ws: Workspace) -> None:
    first = ws.add(BacklogItem(title="../../etc/passwd"))
    second = ws.add(BacklogItem(title="/absolute/name"))
    decision = ws.add(Decision(title="B-1"))
    assert (first.id, second.id, decision.id) == ("B-1", "B-2", "D-1")
    assert {p.parent.name for p in ws.root.rglob("*.toml") if p.name != "workspace.toml"} == {"backlog", "decisions"}
    assert not (ws.root.parent / "etc").exists()


def test_many_records_take_the_next_ids_in_order(ws: Workspace) -> None:
    ws.add(BacklogItem(title="first"))
    added = ws.add_all([BacklogItem(title=title) for title in ("a", "b", "c")])
    assert [item.id for item in added] == ["B-2", "B-3", "B-4"]
    assert [ws.get(BacklogItem, f"B-{n}").title for n in (2, 3, 4)] == ["a", "b", "c"]
    assert ws.add_all([]) == [] and ws.add(BacklogItem(title="d")).id == "B-5"


def test_an_id_from_the_user_is_never_used_as_a_path(ws: Workspace) -> None:
    ws.add(BacklogItem(title="x"))
    for hostile in ("../../etc/passwd", "/etc/passwd", "B-1/../../x", ""):
        with pytest.raises(NotFoundError):
            ws.get(BacklogItem, hostile)


def test_files_are_private_to_their_owner(ws: Workspace) -> None:
    item = ws.add(BacklogItem(title="x"))
    assert item.stored_as is not None
    assert stat.S_IMODE(item.stored_as.stat().st_mode) == 0o600
    assert stat.S_IMODE(item.stored_as.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(ws.root.stat().st_mode) == 0o700


def test_a_write_leaves_no_temp_file(ws: Workspace) -> None:
    ws.add(BacklogItem(title="x"))
    ws.update(BacklogItem, "B-1", lambda i: setattr(i, "title", "y"))
    assert [p.name for p in (ws.root / "backlog").iterdir() if p.name.startswith(".")] == []


def test_unknown_keys_survive_a_rewrite(ws: Workspace) -> None:
    item = ws.add(BacklogItem(title="x"))
    assert item.stored_as is not None
    text = item.stored_as.read_text(encoding="utf-8").replace(TRAILER, 'jira_sprint = "Sprint 9"\n' + TRAILER)
    item.stored_as.write_text(text, encoding="utf-8")
    ws.update(BacklogItem, "B-1", lambda i: setattr(i, "title", "renamed"))
    again = ws.get(BacklogItem, "B-1")
    assert again.title == "renamed"
    assert again.extra == {"jira_sprint": "Sprint 9"}


def test_a_record_changed_on_disk_since_it_was_read_is_not_overwritten(ws: Workspace) -> None:
    ws.add(BacklogItem(title="x"))
    mine = ws.get(BacklogItem, "B-1")
    theirs = Workspace.open(ws.root)
    theirs.update(BacklogItem, "B-1", lambda i: setattr(i, "title", "their edit"))
    mine.title = "my edit"
    with pytest.raises(ConflictError, match="changed on disk"):
        ws.save(mine)
    assert ws.get(BacklogItem, "B-1").title == "their edit"


def test_a_file_from_a_newer_version_is_read_but_never_rewritten(ws: Workspace) -> None:
    item = ws.add(BacklogItem(title="x"))
    assert item.stored_as is not None
    newer = item.stored_as.read_text(encoding="utf-8").replace("schema = 1", "schema = 99")
    newer = newer.replace(TRAILER, "hologram = true\n" + TRAILER)
    item.stored_as.write_text(newer, encoding="utf-8")
    read = ws.get(BacklogItem, "B-1")
    assert read.title == "x"
    assert any("newer ritual-tui" in n for n in ws.notices)
    with pytest.raises(NewerVersionError, match="newer ritual-tui"):
        ws.update(BacklogItem, "B-1", lambda i: setattr(i, "title", "y"))
    assert item.stored_as.read_text(encoding="utf-8") == newer
    assert any("newer" in p for p in check_workspace(ws).problems)


def test_an_old_file_is_migrated_and_its_original_kept(ws: Workspace) -> None:
    folder = ws.root / "backlog"
    folder.mkdir(exist_ok=True)
    old = folder / "B-1-abcd.toml"
    original = b'id = "B-1"\ntitle = "Written by hand"\ntags = "ux"\n'
    old.write_bytes(original)
    item = ws.get(BacklogItem, "B-1")
    assert item.tags == ["ux"]
    assert "schema = 1" in old.read_text(encoding="utf-8")
    assert old.read_text(encoding="utf-8").endswith(TRAILER)
    backup = ws.root / ".ritual" / "backups" / "backlog" / "B-1-abcd.toml.v0"
    assert backup.read_bytes() == original
    assert any("Upgraded" in n for n in ws.notices)


def test_a_missing_workspace_is_an_error_naming_the_command_that_creates_one(tmp_path: Path) -> None:
    missing = tmp_path / "share" / "ws"
    with pytest.raises(WorkspaceMissingError, match="ritual init --workspace"):
        Workspace.open(missing)
    assert not missing.exists()
    (tmp_path / "empty").mkdir()
    with pytest.raises(WorkspaceMissingError, match=r"no workspace\.toml"):
        Workspace.open(tmp_path / "empty")


def test_creating_over_an_existing_workspace_is_refused(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="already a workspace"):
        Workspace.create(ws.root, "Other")


def test_a_symlinked_lock_is_refused_and_its_target_untouched(ws: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    lock = ws.root / ".ritual" / "lock"
    lock.parent.mkdir(exist_ok=True)
    lock.unlink(missing_ok=True)
    lock.symlink_to(target)
    with pytest.raises(Exception, match="symbolic link"):
        Workspace.open(ws.root).add(BacklogItem(title="x"))
    assert target.read_text() == "keep me"


def test_group_writable_workspace_is_reported(ws: Workspace) -> None:
    os.chmod(ws.root, 0o770)
    assert any("writable by other users" in p for p in check_workspace(ws).problems)


def test_records_added_on_two_branches_merge_without_conflict(ws: Workspace) -> None:
    git(ws.root, "init", "-q", "-b", "main")
    git(ws.root, "add", "-A")
    git(ws.root, "commit", "-q", "-m", "start")
    git(ws.root, "checkout", "-q", "-b", "other")
    Workspace.open(ws.root).add(Decision(title="Theirs"))
    git(ws.root, "add", "-A")
    git(ws.root, "commit", "-q", "-m", "theirs")
    git(ws.root, "checkout", "-q", "main")
    Workspace.open(ws.root).add(Decision(title="Ours"))
    git(ws.root, "add", "-A")
    git(ws.root, "commit", "-q", "-m", "ours")
    git(ws.root, "merge", "-q", "--no-edit", "other")  # check=True: a conflict fails the test

    merged = Workspace.open(ws.root)
    assert sorted(d.title for d in merged.all(Decision)) == ["Ours", "Theirs"]
    report = check_workspace(merged)
    assert any("D-1 is used by 2 records" in p for p in report.problems)
    with pytest.raises(ValidationError, match="names 2 records"):
        merged.get(Decision, "D-1")
    fixed = check_workspace(merged, fix=True)
    assert any("is now D-2" in r for r in fixed.repaired)
    assert check_workspace(Workspace.open(ws.root)).problems == []
    assert sorted(d.id for d in merged.all(Decision)) == ["D-1", "D-2"]


@pytest.mark.usefixtures("settled")
def test_records_read_through_the_cache_equal_records_parsed_from_their_files(demo: Workspace) -> None:
    from ritual_tui.store import layout

    for record_type in layout.RECORD_TYPES:
        first = demo.all(record_type)  # parses, fills .ritual/cache
        cached = Workspace.open(demo.root).all(record_type)  # from the cache
        parsed = [demo.read(record_type, f) for f in demo.files(record_type)]
        assert cached == first == parsed and len(parsed) > 0
        assert [r.stored_digest for r in cached] == [r.stored_digest for r in parsed]
    assert list((demo.root / ".ritual" / "cache").glob("*.json"))


@pytest.mark.usefixtures("settled")
def test_a_file_changed_behind_the_cache_is_read_again(ws: Workspace) -> None:
    ws.add(Decision(title="first"))
    assert [d.title for d in ws.all(Decision)] == ["first"]
    path = ws.files(Decision)[0].path
    path.write_text(path.read_text(encoding="utf-8").replace('"first"', '"edited by hand"'), encoding="utf-8")
    assert [d.title for d in Workspace.open(ws.root).all(Decision)] == ["edited by hand"]
    (ws.root / ".ritual" / "cache" / "decisions.json").write_text("{ not json")
    assert [d.title for d in Workspace.open(ws.root).all(Decision)] == ["edited by hand"]


def test_stray_file_names_never_break_the_next_id(ws: Workspace) -> None:
    ws.add(Decision(title="first"))
    folder = ws.root / "decisions"
    for stray in ("D-²-abcd.toml", "D-x-abcd.toml", "D-99-abcd.toml.tmp", "B-50-abcd.toml", "notes.txt"):
        (folder / stray).write_text("", encoding="utf-8")
    assert ws.add(Decision(title="second")).id == "D-2"
