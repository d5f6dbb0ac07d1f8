"""Who can write a workspace, and what the command line says about it: ``ritual check`` looks at every
folder and file, ``init`` makes every folder private, hints can be run as written, and names taken
from files never reach the terminal raw."""

from __future__ import annotations

import json
import shlex
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.session import RitualSession
from ritual_tui.store.check import check_workspace
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result, run_ritual


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("where", ["a record", "a record folder", ".ritual", "the read cache"])
@pytest.mark.usefixtures("settled")
def test_check_finds_what_other_users_could_write_anywhere_in_the_workspace(ws: Workspace, where: str) -> None:
    item = ws.add(BacklogItem(title="x"))
    ws.all(BacklogItem)  # fills the cache
    assert item.stored_as is not None
    path = {
        "a record": item.stored_as,
        "a record folder": item.stored_as.parent,
        ".ritual": ws.root / ".ritual",
        "the read cache": ws.root / ".ritual" / "cache" / "backlog.json",
    }[where]
    assert check_workspace(ws).problems == []
    path.chmod(_mode(path) | 0o002)
    assert check_workspace(ws).problems == [
        f"{path}: writable by other users (run: chmod -R go-w {shlex.quote(str(ws.root))})"
    ]


@pytest.mark.usefixtures("settled")
def test_a_cache_that_others_could_write_is_not_read(ws: Workspace) -> None:
    ws.add(BacklogItem(title="true title"))
    ws.all(BacklogItem)
    cache = ws.root / ".ritual" / "cache" / "backlog.json"
    planted = cache.read_text(encoding="utf-8").replace("true title", "planted!!")
    cache.write_text(planted, encoding="utf-8")
    assert [i.title for i in Workspace.open(ws.root).all(BacklogItem)] == ["planted!!"]  # the cache is read
    cache.write_text(planted, encoding="utf-8")
    cache.chmod(0o666)
    assert [i.title for i in Workspace.open(ws.root).all(BacklogItem)] == ["true title"]  # unless others can write it


def test_init_makes_every_folder_it_creates_private(tmp_path: Path) -> None:
    root = tmp_path / "new" / "nested" / "ws"
    assert run_ritual("init", "--workspace", str(root)).returncode == 0
    ws = Workspace.open(root)
    ws.add(RitualSession(ritual="daily", date=date(2026, 11, 26)))
    made = [tmp_path / "new", tmp_path / "new" / "nested", root, root / "sessions", root / "sessions" / "2026-11"]
    assert [_mode(folder) for folder in made] == [0o700] * 5


def test_the_hint_for_a_missing_workspace_runs_as_written(tmp_path: Path) -> None:
    missing = tmp_path / "a folder with spaces" / "ws"
    result = run_ritual("--workspace", str(missing), "backlog", "list")
    assert result.returncode == 1
    hint = result.stderr.split("run: ", 1)[1].strip()
    assert hint == f"ritual init --workspace '{missing}'"
    made = run_ritual(*shlex.split(hint)[1:])
    assert made.returncode == 0, made.stderr
    assert run_ritual("backlog", "list", "--workspace", str(missing)).stdout == "No backlog items match.\n"


def test_workspace_after_the_command_wins_over_the_one_before(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    for root in (mine, theirs):
        assert run_ritual("init", "--workspace", str(root)).returncode == 0
    assert run_ritual("--workspace", str(theirs), "backlog", "add", "Mine", "--workspace", str(mine)).returncode == 0
    assert [i.title for i in Workspace.open(mine).all(BacklogItem)] == ["Mine"]
    assert Workspace.open(theirs).all(BacklogItem) == []


def test_a_workspace_path_that_is_a_file_is_called_a_file(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("hello")
    listed = run_ritual("--workspace", str(a_file), "backlog", "list")
    message = f"error: {a_file} is a file, not a workspace folder; name the folder it is in.\n"
    assert (listed.returncode, listed.stderr) == (1, message)
    made = run_ritual("--workspace", str(a_file), "init")
    assert (made.returncode, made.stderr) == (1, f"error: {a_file} is a file, not a folder; nothing was changed.\n")
    assert a_file.read_text() == "hello"


def test_check_and_init_print_names_from_files_and_paths_inert(tmp_path: Path) -> None:
    root = tmp_path / "ws-\x1b]0;owned\x07"
    made = run_ritual("init", "--workspace", str(root))
    assert made.returncode == 0 and "\x1b" not in made.stdout and "ws-␛]0;owned␇" in made.stdout
    (root / "backlog").mkdir()
    (root / "backlog" / "\x1b[2J\x9b31m.toml").write_text("planted by a pull")
    checked = run_ritual("--workspace", str(root), "check")
    assert checked.returncode == 1
    assert "\x1b" not in checked.stdout and "\x9b" not in checked.stdout
    assert "backlog/␛[2J<U+009B>31m.toml: not a backlog item file name" in checked.stdout
    copied = run_ritual("demo", "--copy-to", str(tmp_path / "demo-\x1b[2J"))
    assert copied.returncode == 0 and copied.stdout.endswith("demo-␛[2J\n")


def test_json_output_escapes_what_would_act_on_a_terminal(cli: Callable[..., Result]) -> None:
    title = "C1 \x9b31m DEL \x7f bidi \u202eevil\u202c"
    cli("backlog", "add", title)
    out = cli("backlog", "list", "--json").out
    assert not set(out) & {"\x9b", "\x7f", "\u202e", "\u202c"}
    assert "\\u009b31m" in out
    assert json.loads(out)[0]["title"] == title
