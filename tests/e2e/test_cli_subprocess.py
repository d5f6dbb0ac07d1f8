"""The real ``ritual`` command in a subprocess, as a script or a user in a shell would run it."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_ritual

HOSTILE = [
    "[/]",
    "[@click=app.quit]x[/]",
    "\x1b[2J\x1b]0;owned\x07\x1b]52;c;ZXZpbA==\x07",
    "\x1b]8;;https://example.com\x07link\x1b]8;;\x07",
    "she said \"hi\" and 'bye' \\ back",
    "first line\nsecond line\r\nthird",
    "👩‍👩‍👧 family, 🇺🇦 flag",
    "مرحبا \u202eevil\u202c עברית",
    "caf\u00e9 vs cafe\u0301",
    "\x9b31m C1 \x85 next",
    "\t tabs \x7f del",
]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    assert run_ritual("--workspace", str(root), "init", "--name", "Shop").returncode == 0
    return root


def test_hostile_text_round_trips_exactly(workspace: Path) -> None:
    every = "|".join(HOSTILE)
    many = [arg for text in HOSTILE for arg in ("-c", text)]
    for args in (
        ["backlog", "add", every, *many, "--tag", every, "--as-a", every],
        ["decision", "add", every, "--context", every, "--decider", every],
        ["escalate", every, "--ask", every, "--details", every],
    ):
        result = run_ritual("--workspace", str(workspace), *args)
        assert result.returncode == 0, result.stderr
    # The shell cannot pass NUL and Linux caps an argument at 128 KiB: such text comes on stdin ("-").
    big = "x[/]\x1b\x00" * (1024 * 1024 // 6)  # 1 MB with markup, escapes and NUL
    for args in (
        ["backlog", "add", "-", "--so-that", "-"],
        ["decision", "add", "-", "--consequences", "-"],
        ["escalate", "-", "--details", "-"],
    ):
        result = run_ritual("--workspace", str(workspace), *args, input=big)
        assert result.returncode == 0, result.stderr
    exported = json.loads(run_ritual("--workspace", str(workspace), "export", "--json").stdout)
    backlog, decisions, escalations = exported["backlog"], exported["decisions"], exported["escalations"]
    assert [i["title"] for i in backlog] == [every, big]
    assert (backlog[0]["acceptance"], backlog[0]["tags"], backlog[0]["as_a"]) == (HOSTILE, [every], every)
    assert backlog[1]["so_that"] == big
    assert [d["title"] for d in decisions] == [every, big]
    assert (decisions[0]["context"], decisions[0]["deciders"], decisions[1]["consequences"]) == (every, [every], big)
    assert [e["title"] for e in escalations] == [every, big]
    assert (escalations[0]["ask"], escalations[0]["details"], escalations[1]["details"]) == (every, every, big)
    assert run_ritual("--workspace", str(workspace), "check").returncode == 0


def test_plain_output_never_sends_a_control_character_to_the_terminal(workspace: Path) -> None:
    for text in HOSTILE:
        run_ritual("--workspace", str(workspace), "backlog", "add", text, "-c", text)
    for args in (["backlog", "list"], ["backlog", "show", "B-3"], ["backlog", "show", "B-10"]):
        out = run_ritual("--workspace", str(workspace), *args).stdout
        assert "\x1b" not in out and "\x9b" not in out and "\x00" not in out and "\u202e" not in out
        assert "\x07" not in out and "\r" not in out
    assert "␛[2J␛]0;owned␇" in run_ritual("--workspace", str(workspace), "backlog", "list").stdout


def test_non_interactive_commands_never_import_textual(workspace: Path) -> None:
    probe = (
        "import sys\n"
        "from ritual_tui.cli import main\n"
        f"root = {str(workspace)!r}\n"
        "for args in (['decision', 'add', 'x'], ['backlog', 'add', 'y'], ['backlog', 'list', '--json'],\n"
        "             ['escalate', 'z'], ['check'], ['export', '--json'], ['sprint', 'list']):\n"
        "    assert main(['--workspace', root, *args]) == 0, args\n"
        "import ritual_tui.domain.rules, ritual_tui.store.check, ritual_tui.store.demo, ritual_tui.reports.export\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')], 'Textual was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_quick_capture_imports_only_what_it_uses(workspace: Path) -> None:
    # `ritual decision add` is typed in a hurry: it must not pay for the other commands, the reports
    # or the sprint rules.
    probe = (
        "import sys\n"
        "from ritual_tui.cli import main\n"
        f"assert main(['--workspace', {str(workspace)!r}, 'decision', 'add', 'quick']) == 0\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('ritual_tui.commands.', 'ritual_tui.reports',"
        " 'ritual_tui.services.sprints', 'ritual_tui.tui', 'textual')))))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    imported = result.stdout.splitlines()[-1].split(",")
    assert imported == ["ritual_tui.commands.decisions", "ritual_tui.commands.output"]


def test_errors_go_to_stderr_with_exit_codes_and_no_traceback(workspace: Path, tmp_path: Path) -> None:
    usage = run_ritual("--workspace", str(workspace), "backlog", "status", "B-1", "nope")
    data = run_ritual("--workspace", str(workspace), "backlog", "show", "B-99")
    missing = run_ritual("--workspace", str(tmp_path / "unmounted"), "backlog", "list")
    assert (usage.returncode, data.returncode, missing.returncode) == (2, 1, 1)
    assert "ritual init --workspace" in missing.stderr
    assert not (tmp_path / "unmounted").exists()
    for result in (usage, data, missing):
        assert result.stdout == "" and "Traceback" not in result.stderr


def test_workspace_comes_from_the_environment(workspace: Path) -> None:
    result = run_ritual("backlog", "add", "from env", env={"RITUAL_WORKSPACE": str(workspace)})
    assert result.returncode == 0
    listed = run_ritual("--workspace", str(workspace), "backlog", "list", "--json").stdout
    assert [i["title"] for i in json.loads(listed)] == ["from env"]


def test_the_demo_copies_checks_and_exports(tmp_path: Path) -> None:
    target = tmp_path / "demo"
    copied = run_ritual("demo", "--copy-to", str(target))
    assert copied.returncode == 0, copied.stderr
    assert run_ritual("--workspace", str(target), "check").returncode == 0
    exported = json.loads(run_ritual("--workspace", str(target), "export", "--json").stdout)
    assert exported["settings"]["product"] == "Bookwise"
    assert len(exported["backlog"]) >= 35 and len(exported["sprints"]) == 5


def test_the_wheel_ships_the_config_folder(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(root),
        ],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("ritual_tui-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "ritual_tui/_config/default.toml" in names
    assert "ritual_tui/_config/demo/workspace.toml" in names
    assert any(n.startswith("ritual_tui/_config/demo/backlog/B-1-") for n in names)
