"""Import and write-back with the real ``ritual`` in a subprocess: hostile text from a tracker round-trips
exactly, the gh script run by bash hands gh every title as typed, and a new user's first hour."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w

from ritual_tui.domain.text import visible
from tests.conftest import FROZEN_NOW, run_ritual
from tests.e2e.test_cli_subprocess import HOSTILE
from tests.e2e.tmux import Terminal, ritual_command, wait_for_file
from tests.unit.tracker.exports import JIRA_CLOUD, csv_bytes

EVERY = "|".join(HOSTILE)
#: Criteria are one per line: the hostile texts without a line break in them.
ONE_LINE = [text for text in HOSTILE if "\n" not in text and "\r" not in text]
#: A stand-in for gh that records its arguments, one JSON list per call.
FAKE_GH = """#!{python}
import json, os, sys
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    assert run_ritual("--workspace", str(root), "init", "--name", "Shop").returncode == 0
    return root


def ritual(workspace: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command that must succeed; what it prints for a terminal holds no raw control."""
    result = run_ritual("--workspace", str(workspace), *args, input=input, env={"RITUAL_NOW": FROZEN_NOW})
    assert result.returncode == 0, result.stderr
    if args[0] != "export":  # JSON for programs: JSON's own escaping applies
        for stream in (result.stdout, result.stderr):
            assert "\x1b" not in stream and "\x9b" not in stream and "\u202e" not in stream
    return result


def test_hostile_text_from_jira_round_trips_exactly(workspace: Path, tmp_path: Path) -> None:
    header = ["Summary", "Issue key", "Description", *["Labels"] * len(HOSTILE), "Sprint", "Sprint"]
    header.append("Custom field (Acceptance Criteria)")
    row = [EVERY, "SHOP-1", EVERY + "\x00 NUL", *HOSTILE, "Sprint " + HOSTILE[0], "Sprint " + HOSTILE[2]]
    row.append("\n".join(ONE_LINE))
    export = tmp_path / "hostile.csv"
    export.write_bytes(csv_bytes([row], header))
    imported = ritual(workspace, "import", "jira", str(export))
    assert f"'{visible(EVERY)}'" in imported.stdout
    (item,) = json.loads(ritual(workspace, "export", "--json").stdout)["backlog"]
    assert (item["title"], item["description"]) == (EVERY, EVERY + "\x00 NUL")
    assert item["tags"] == [*HOSTILE, "Sprint " + HOSTILE[0], "Sprint " + HOSTILE[2]]
    assert item["acceptance"] == ONE_LINE
    assert "␛[2J" in ritual(workspace, "backlog", "show", "B-1").stdout
    assert ritual(workspace, "import", "jira", str(export)).stdout.endswith("0 added, 0 updated, 1 unchanged.\n")

    ritual(workspace, "backlog", "edit", "B-1", "--estimate", "3")
    out = tmp_path / "back.csv"
    ritual(workspace, "backlog", "export", "--jira", str(out))
    _, row_back = csv.reader(io.StringIO(out.read_bytes().decode("utf-8"), newline=""))
    assert row_back[:4] == ["SHOP-1", EVERY, "", "3"]


def test_a_hostile_status_is_shown_as_text_and_written_back_as_jira_had_it(workspace: Path, tmp_path: Path) -> None:
    status = HOSTILE[2] + HOSTILE[7]  # escape sequences and a bidi override
    export = tmp_path / "status.csv"
    export.write_bytes(csv_bytes([["Pay", "SHOP-1", status]], ["Summary", "Issue key", "Status"]))
    refused = run_ritual("--workspace", str(workspace), "import", "jira", str(export))
    assert refused.returncode == 1 and f"status '{visible(status)}' (row 2 (line 2))" in refused.stderr
    assert "\x1b" not in refused.stderr
    settings = workspace / "workspace.toml"
    mapped = tomli_w.dumps({status: "in-progress"})
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("[tracker_statuses]\n", f"[tracker_statuses]\n{mapped}"),
        encoding="utf-8",
    )
    ritual(workspace, "import", "jira", str(export))
    ritual(workspace, "backlog", "edit", "B-1", "--estimate", "2")
    out = tmp_path / "back.csv"
    ritual(workspace, "backlog", "export", "--jira", str(out))
    _, row = csv.reader(io.StringIO(out.read_bytes().decode("utf-8"), newline=""))
    assert row[:4] == ["SHOP-1", "Pay", status, "2"]


def test_a_gh_script_hands_gh_every_title_exactly_and_runs_none(workspace: Path, tmp_path: Path) -> None:
    titles = [
        "$(touch pwned)",
        "`touch pwned`",
        "'; touch pwned; echo '",
        "x\ntouch pwned",
        "-rf --help",
        EVERY,
    ]
    labels = ["a,b", 'say "hi"', "$(touch pwned)", "\x1b[2J", "# not a comment"]
    issues = [
        {"number": n, "title": title, "labels": [{"name": label} for label in labels], "state": "OPEN",
         "milestone": {"title": HOSTILE[1]}, "body": EVERY, "url": f"https://github.com/acme/shop/issues/{n}"}
        for n, title in enumerate(titles, start=1)
    ]  # fmt: skip
    ritual(workspace, "import", "github", "-", input=json.dumps(issues))
    backlog = json.loads(ritual(workspace, "export", "--json").stdout)["backlog"]
    assert [(i["title"], i["description"], i["tags"]) for i in backlog] == [
        (title, EVERY, [*labels, HOSTILE[1]]) for title in titles
    ]
    script = tmp_path / "changes.sh"
    ritual(workspace, "backlog", "export", "--github", str(script), "--all")
    text = script.read_text(encoding="utf-8")
    assert visible(text, keep_newlines=True) == text  # printable: safe to read in a terminal

    bin_dir, log, run_dir = tmp_path / "bin", tmp_path / "gh.log", tmp_path / "run"
    bin_dir.mkdir()
    run_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH.format(python=sys.executable), encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "GH_LOG": str(log), "HOME": str(run_dir)}
    result = subprocess.run(["bash", str(script)], cwd=run_dir, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert list(run_dir.iterdir()) == [] and not (tmp_path / "pwned").exists()
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [call[:4] for call in calls] == [["issue", "edit", str(n), "--repo=acme/shop"] for n in range(1, 7)]
    assert [call[4] for call in calls] == [f"--title={title}" for title in titles]
    for call in calls:  # gh reads each --add-label as a comma-separated (CSV) list, as pflag does
        added = [next(csv.reader([arg.removeprefix("--add-label=")])) for arg in call[5:]]
        assert [name for names in added for name in names] == labels


pytestmark_tmux = pytest.mark.skipif(
    subprocess.run(["which", "tmux"], capture_output=True).returncode != 0,
    reason="tmux is not installed (.ci/run installs it)",
)


@pytestmark_tmux
def test_a_new_user_imports_sees_refines_and_writes_back(workspace: Path, tmp_path: Path) -> None:
    added = ritual(workspace, "import", "jira", str(JIRA_CLOUD))
    assert added.stdout.endswith("7 added, 0 updated, 0 unchanged.\n")
    assert ritual(workspace, "check").stdout == "8 files read: whole\n"
    listed = ritual(workspace, "backlog", "list").stdout.splitlines()
    assert listed[2].split() == ["B-2", "story", "in-progress", "5", "Pay", "by", "card"]

    terminal = Terminal()
    done = tmp_path / "exit-code"
    env = {"RITUAL_NOW": FROZEN_NOW, "TERM": "xterm-256color"}
    try:
        terminal.start(ritual_command("--workspace", str(workspace)), env, done)
        terminal.wait_for("Waiting for the PM")
        terminal.press("b")
        screen = terminal.wait_for("Pay by card")
        assert "Spike: wallets, Apple Pay & Google Pay" in screen and "of 7 items" in screen
        terminal.press("C-q")
        assert wait_for_file(done) == "0"
    finally:
        terminal.close()

    ritual(workspace, "backlog", "edit", "B-7", "--estimate", "5")  # the refinement estimate (was 4)
    out = tmp_path / "for-jira.csv"
    assert ritual(workspace, "backlog", "export", "--jira", str(out)).stdout == (
        f"Wrote 1 item changed since their import to {out}\n"
    )
    assert out.read_text(encoding="utf-8") == (
        "Issue key,Summary,Status,Story Points,Labels\nSHOP-17,Refunds from the order page,Backlog,5,payments\n"
    )
