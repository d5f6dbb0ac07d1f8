"""Files that git or a hand can produce and no ritual-tui writes: a FIFO or a device where a record
should be, nan and inf, dates in year 1 or 9999. Each is reported with its file, never hangs or
crashes a command, and a command that only reads carries on with the other records."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.sprint import CommittedItem, Sprint
from ritual_tui.store.files import TRAILER
from ritual_tui.store.workspace import Workspace
from tests.conftest import run_ritual


@pytest.fixture
def three_items(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    ws = Workspace.create(root, "Shop")
    for title in ("First", "Second", "Third"):
        ws.add(BacklogItem(title=title, estimate=2))
    return root


def _second(root: Path) -> Path:
    (path,) = (root / "backlog").glob("B-2-*.toml")
    return path


def _replace_second(root: Path, how: str) -> Path:
    path = _second(root)
    path.unlink()
    if how == "FIFO":
        os.mkfifo(path)
    elif how == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    return path


@pytest.mark.parametrize(
    ("how", "kind"),
    [("FIFO", "a FIFO (named pipe)"), ("link to /dev/zero", "a character device"), ("folder", "a folder")],
)
def test_a_record_path_that_is_not_a_regular_file_is_left_out_and_reported(
    three_items: Path, how: str, kind: str
) -> None:
    path = _replace_second(three_items, how)
    problem = f"{path}: is {kind}, not a regular file; ritual-tui reads only regular files"
    # A hang or a read until MemoryError would fail here on the timeout.
    listed = run_ritual("--workspace", str(three_items), "backlog", "list", timeout=30)
    assert listed.returncode == 1 and "Traceback" not in listed.stderr
    assert [line.split()[-1] for line in listed.stdout.splitlines()[1:]] == ["First", "Third"]
    assert listed.stderr == f"left out: {problem}\n"
    checked = run_ritual("--workspace", str(three_items), "check", timeout=30)
    assert checked.returncode == 1 and f"problem: {problem}\n" in checked.stdout


def _with_line(path: Path, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(TRAILER, line + "\n" + TRAILER), encoding="utf-8")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "+nan"])
def test_nan_and_inf_are_refused_when_read_and_never_reach_json(three_items: Path, value: str) -> None:
    path = _second(three_items)
    text = path.read_text(encoding="utf-8").replace("estimate = 2", f"estimate = {value}")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"estimate = {value}") + 1
    problem = f"{path}, line {line}: 'estimate' is {value}, not a finite number"
    checked = run_ritual("--workspace", str(three_items), "check")
    assert checked.returncode == 1 and f"problem: {problem}\n" in checked.stdout
    exported = run_ritual("--workspace", str(three_items), "export", "--json")
    assert exported.returncode == 1 and exported.stderr == f"left out: {problem}\n"

    def no_constants(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    document = json.loads(exported.stdout, parse_constant=no_constants)
    assert [i["title"] for i in document["backlog"]] == ["First", "Third"]
    assert document["left_out"] == [
        {"file": f"backlog/{path.name}", "problem": f"line {line}: 'estimate' is {value}, not a finite number"}
    ]


def test_a_non_finite_number_is_never_written(three_items: Path) -> None:
    before = _second(three_items).read_bytes()
    result = run_ritual("--workspace", str(three_items), "backlog", "edit", "B-2", "--rank", "inf")
    assert (result.returncode, result.stderr) == (1, "error: 'rank' is not a finite number; nothing was saved.\n")
    assert _second(three_items).read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [["--end", "9999-12-30"], ["--end", "9999-12-31"], ["--start", "0001-01-01"], ["--start", "2127-01-01"]],
)
def test_a_sprint_with_an_implausible_date_is_refused(three_items: Path, args: list[str]) -> None:
    result = run_ritual("--workspace", str(three_items), "sprint", "start", "B-1", "--goal", "Pay", *args)
    day = args[1]
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{day} is not a plausible date (ritual-tui takes dates within 100 years of today)" in result.stderr
    assert not (three_items / "sprints").exists()


def test_a_sprint_ending_far_from_today_is_refused_as_a_typo(three_items: Path) -> None:
    # Frozen today is 2026-11-26. A file may hold any date within a century (the store's rule), but a
    # sprint being planned ends within a year: 2126 is a typo, refused with a message, nothing saved.
    result = run_ritual(
        "--workspace", str(three_items), "sprint", "start", "B-1", "--goal", "Pay", "--end", "2126-12-31"
    )
    assert result.returncode == 1 and "more than a year from today (2026-11-26): a typo?" in result.stderr
    assert not (three_items / "sprints").exists()


@pytest.mark.parametrize(("key", "value"), [("end", "9999-12-30"), ("start", "0001-01-01")])
def test_an_implausible_date_in_a_file_is_reported_and_no_summary_crashes(
    three_items: Path, key: str, value: str
) -> None:
    ws = Workspace.open(three_items)
    ws.add(Sprint(number=0, start=date(2026, 11, 2), end=date(2026, 11, 13), status="closed"))
    sprint = ws.add(
        Sprint(number=0, start=date(2026, 11, 16), end=date(2026, 11, 27), commitment=[CommittedItem(item="B-1")])
    )
    assert sprint.stored_as is not None
    text = sprint.stored_as.read_text(encoding="utf-8")
    original = f"{key} = {getattr(sprint, key).isoformat()}"
    sprint.stored_as.write_text(text.replace(original, f"{key} = {value}"), encoding="utf-8")
    line = text.splitlines().index(original) + 1
    problem = f"{sprint.stored_as}, line {line}: '{key}' is {value}, not a plausible date"
    checked = run_ritual("--workspace", str(three_items), "check")
    assert checked.returncode == 1 and f"problem: {problem} (ritual-tui takes dates" in checked.stdout
    # The summary of the sprint under way cannot be told without its file: an error names it.
    current = run_ritual("--workspace", str(three_items), "summary", "--stdout", timeout=30)
    assert current.returncode == 1 and current.stderr.startswith(f"error: {problem}")
    # Another sprint's summary carries on, and says which file it left out of its figures.
    first = run_ritual("--workspace", str(three_items), "summary", "--sprint", "1", "--stdout", timeout=30)
    assert first.returncode == 1 and first.stderr.startswith(f"left out: {problem}")
    assert "## Left out" in first.stdout and f"sprints/{sprint.stored_as.name}" in first.stdout.replace("\\", "")
