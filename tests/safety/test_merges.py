"""Two people add records on two git clones, then merge: ids clash, ``ritual check --fix`` renumbers
the newer records and points every reference at the record it meant, the same way on every clone,
and a fix killed at any moment is finished by the next check."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.session import RitualSession
from ritual_tui.services.capture import Capture, capture
from ritual_tui.services.daily import open_daily
from ritual_tui.store import journal
from ritual_tui.store.check import check_workspace
from ritual_tui.store.files import TRAILER
from ritual_tui.store.workspace import Workspace
from tests.conftest import git, run_ritual


def _clone(origin: Path, into: Path) -> Path:
    git(origin.parent, "clone", "-q", str(origin), str(into))
    return into


def _commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """A shared repository holding a workspace with one item."""
    seed = tmp_path / "seed"
    Workspace.create(seed, "Shop").add(BacklogItem(title="Checkout"))
    git(seed, "init", "-q", "-b", "main")
    _commit(seed, "start")
    git(tmp_path, "clone", "-q", "--bare", str(seed), str(tmp_path / "origin.git"))
    return tmp_path / "origin.git"


def _daily(root: Path, monkeypatch: pytest.MonkeyPatch, now: str, captures: list[tuple[str, str]]) -> None:
    """A daily held on one clone at ``now``: each capture (kind, text) is saved as the TUI saves it;
    an escalation escalates the blocker captured before it."""
    monkeypatch.setenv("RITUAL_NOW", now)
    ws = Workspace.open(root)
    session = open_daily(ws).session
    blocker = ""
    for kind, text in captures:
        record = capture(ws, session.id, Capture(kind, text, blocker=blocker if kind == "escalation" else ""))
        blocker = record.id if kind == "blocker" else blocker


def test_two_clones_fix_a_merge_alike_and_every_reference_follows_its_record(
    origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, ben = _clone(origin, tmp_path / "ana"), _clone(origin, tmp_path / "ben")
    # Monday: Ana's daily records a blocker and a decision. Tuesday: Ben's own daily (his clone has
    # not seen hers) records a blocker and escalates it. Both dailies are R-1, both blockers BL-1.
    _daily(ana, monkeypatch, "2026-11-23T09:30:00+01:00", [("blocker", "No test data"), ("decision", "Mock it")])
    _commit(ana, "Monday's daily")
    git(ana, "push", "-q", "origin", "main")
    _daily(
        ben, monkeypatch, "2026-11-24T09:30:00+01:00", [("blocker", "CI is red"), ("escalation", "Need a CI budget")]
    )
    _commit(ben, "Tuesday's daily")
    git(ben, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")  # fails the test on a conflict
    git(ben, "push", "-q", "origin", "main")
    git(ana, "pull", "-q", "--no-rebase", "origin", "main")

    before = check_workspace(Workspace.open(ana))
    assert any(p.startswith("R-1 is used by 2 records") for p in before.problems)
    assert any(p.startswith("BL-1 is used by 2 records") for p in before.problems)
    # Each reads the merge the same way, and each fixes it on their own.
    assert check_workspace(Workspace.open(ben)).problems == before.problems
    for clone in (ana, ben):
        fixed = check_workspace(Workspace.open(clone), fix=True)
        assert fixed.problems == [] and len(fixed.repaired) == 2
        _commit(clone, "check --fix")
    assert git(ana, "rev-parse", "HEAD^{tree}") == git(ben, "rev-parse", "HEAD^{tree}")  # the very same files
    git(ana, "push", "-q", "origin", "main")
    git(ben, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")  # no rename/rename conflict

    ws = Workspace.open(ben)
    assert check_workspace(ws).problems == []
    monday, tuesday = ws.all(RitualSession)
    assert (monday.id, monday.date.isoformat(), tuesday.id, tuesday.date.isoformat()) == (
        "R-1",
        "2026-11-23",
        "R-2",  # Ben's, the newer, renumbered
        "2026-11-24",
    )
    no_data, ci_red = ws.all(Blocker)
    assert (no_data.id, no_data.title, no_data.session) == ("BL-1", "No test data", "R-1")
    assert (ci_red.id, ci_red.title, ci_red.session, ci_red.escalation) == ("BL-2", "CI is red", "R-2", "E-1")
    assert ci_red.extra == {"renumbered_from": "BL-1"}
    (budget,) = ws.all(Escalation)
    assert (budget.blocker, budget.session) == ("BL-2", "R-2")
    (mock,) = ws.all(Decision)
    assert mock.session == "R-1"
    assert (monday.captured, tuesday.captured) == (["BL-1", "D-1"], ["BL-2", "E-1"])


def _same_day_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """Two branches add B-2 on the same day; one links a decision to its own B-2."""
    ws = Workspace.create(tmp_path / "ws", "Shop")
    git(ws.root, "init", "-q", "-b", "main")
    _commit(ws.root, "start")
    git(ws.root, "checkout", "-q", "-b", "ben")
    monkeypatch.setenv("RITUAL_NOW", "2026-11-24T10:00:00+01:00")
    Workspace.open(ws.root).add(BacklogItem(title="Gift cards", created=clock.now()))
    Workspace.open(ws.root).add(Decision(title="Gift cards in Q1", date=date(2026, 11, 24), items=["B-1"]))
    _commit(ws.root, "ben")
    git(ws.root, "checkout", "-q", "main")
    monkeypatch.setenv("RITUAL_NOW", "2026-11-24T09:00:00+01:00")
    Workspace.open(ws.root).add(BacklogItem(title="Refunds", created=clock.now()))
    _commit(ws.root, "ana")
    git(ws.root, "merge", "-q", "--no-edit", "ben")
    return Workspace.open(ws.root)


def test_a_reference_that_cannot_be_told_is_listed_and_nothing_is_renumbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = _same_day_items(tmp_path, monkeypatch)
    titled = {ws.read(BacklogItem, f).title: f for f in ws.files(BacklogItem)}
    refunds, gifts = titled["Refunds"], titled["Gift cards"]
    (decision,) = ws.files(Decision)
    before = {p: p.read_bytes() for p in ws.root.rglob("*.toml")}
    refused = check_workspace(ws, fix=True)
    assert refused.repaired == []
    assert refused.problems == [
        f"B-1 is used by 2 records ({refunds.key}.toml, {gifts.key}.toml); `ritual check --fix` cannot renumber it "
        "until each reference below names one by its file key",
        f"decisions/{decision.name}: 'items[1]' names B-1, used twice; which record it means cannot be told: "
        f"write {refunds.key} or {gifts.key} there",
    ]
    assert {p: p.read_bytes() for p in ws.root.rglob("*.toml")} == before
    # The user says which one: the file key of Ben's item, the newer.
    decision.path.write_text(decision.path.read_text().replace('"B-1"', f'"{gifts.key}"'), encoding="utf-8")
    fixed = check_workspace(Workspace.open(ws.root), fix=True)
    assert fixed.problems == []
    after = Workspace.open(ws.root)
    assert [(i.id, i.title) for i in after.all(BacklogItem)] == [("B-1", "Refunds"), ("B-2", "Gift cards")]
    assert after.get(Decision, "D-1").items == ["B-2"]


class _Killed(BaseException):
    """The process dies here (BaseException: no handler of the store's catches it)."""


class _Dying:
    """Counts the durable steps a fix takes, and dies at step ``at``."""

    def __init__(self, at: int) -> None:
        self.at, self.done = at, 0

    def wrap(self, real: Callable[..., object]) -> Callable[..., object]:
        def step(*args: object, **kwargs: object) -> object:
            self.done += 1
            if self.done == self.at:
                raise _Killed
            return real(*args, **kwargs)

        return step


def _records(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*.toml") if ".git" not in p.parts}


def test_a_fix_killed_at_any_step_is_finished_by_the_next_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    merged = _same_day_items(tmp_path, monkeypatch)
    (decision,) = merged.files(Decision)
    gifts = next(f for f in merged.files(BacklogItem) if merged.read(BacklogItem, f).title == "Gift cards")
    decision.path.write_text(decision.path.read_text().replace('"B-1"', f'"{gifts.key}"'), encoding="utf-8")
    original = _records(merged.root)
    reference = tmp_path / "reference"
    shutil.copytree(merged.root, reference)
    assert check_workspace(Workspace.open(reference), fix=True).problems == []
    fixed = _records(reference)
    # The fix's durable steps: the journal, B-2's new file, the decision's, B-1-gift's removal and the
    # journal's. Killed at each, then `ritual check` is run: never a record twice, never half a fix.
    for at in range(1, 6):
        trial = tmp_path / f"killed-at-{at}"
        shutil.copytree(merged.root, trial)
        dying = _Dying(at)
        with monkeypatch.context() as patch, pytest.raises(_Killed):
            patch.setattr(journal, "write_atomic", dying.wrap(journal.write_atomic))
            patch.setattr(os, "unlink", dying.wrap(os.unlink))
            check_workspace(Workspace.open(trial), fix=True)
        after = check_workspace(Workspace.open(trial))
        assert not (trial / ".ritual" / "journal.json").exists()
        if at == 1:  # killed before the journal was written: nothing changed, the clash is still reported
            assert _records(trial) == original and after.problems[0].startswith("B-1 is used by 2 records")
            continue
        assert after.repaired == ["finished renumbering ids that clashed after a merge, which was interrupted"]
        assert after.problems == [] and _records(trial) == fixed
    dying = _Dying(0)
    with monkeypatch.context() as patch:
        patch.setattr(journal, "write_atomic", dying.wrap(journal.write_atomic))
        patch.setattr(os, "unlink", dying.wrap(os.unlink))
        check_workspace(Workspace.open(tmp_path / "killed-at-1"), fix=True)
    assert dying.done == 5 and _records(tmp_path / "killed-at-1") == fixed


def test_one_record_renumbered_differently_on_two_clones_is_reported(ws: Workspace) -> None:
    # Ana had added D-7 before she fixed the merge, Ben had not: her D-3-k7m2 became D-8, his D-7.
    # Git reported the rename on both sides; keeping both names leaves one decision twice.
    folder = ws.root / "decisions"
    folder.mkdir()
    for number in (7, 8):
        text = f'schema = 1\nid = "D-{number}"\ntitle = "Mock the provider"\nrenumbered_from = "D-3"\n{TRAILER}'
        (folder / f"D-{number}-k7m2.toml").write_text(text, encoding="utf-8")
    assert check_workspace(ws).problems == [
        "D-7-k7m2.toml, D-8-k7m2.toml are one record (D-3) renumbered on two clones: "
        "keep one, and point the references to the other at it"
    ]


#: Real kills of `ritual check --fix`, each at a random moment of its run.
KILL_TRIALS = 20


@pytest.mark.slow
def test_sigkill_during_check_fix_never_leaves_a_record_twice(tmp_path: Path) -> None:
    rng = random.Random(20261126)
    merged = Workspace.create(tmp_path / "merged", "Shop")
    git(merged.root, "init", "-q", "-b", "main")
    _commit(merged.root, "start")
    for branch in ("ana", "ben"):  # 60 decisions each, D-1 to D-60 on both branches
        git(merged.root, "checkout", "-q", "-b", branch, "main")
        for n in range(60):
            Workspace.open(merged.root).add(Decision(title=f"{branch}-{n}", context="c" * 2_000))
        _commit(merged.root, branch)
    git(merged.root, "checkout", "-q", "ana")
    git(merged.root, "merge", "-q", "--no-edit", "ben")
    reference = tmp_path / "reference"
    shutil.copytree(merged.root, reference)
    assert run_ritual("--workspace", str(reference), "check", "--fix").returncode == 0
    fixed = _records(reference)
    landed = 0
    for trial in range(KILL_TRIALS):
        root = tmp_path / f"trial-{trial}"
        shutil.copytree(merged.root, root)
        fixing = subprocess.Popen(
            [sys.executable, "-m", "ritual_tui", "--workspace", str(root), "check", "--fix"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.1, 0.6))  # the moment of the kill is the random variable under test
        fixing.send_signal(signal.SIGKILL)
        fixing.wait()
        landed += (root / ".ritual" / "journal.json").exists()
        after = run_ritual("--workspace", str(root), "check")
        assert after.returncode in (0, 1)
        if after.returncode == 1:  # killed before the journal: nothing was changed, so fix it now
            assert _records(root) == _records(merged.root)
            assert run_ritual("--workspace", str(root), "check", "--fix").returncode == 0
        assert _records(root) == fixed
    # Figures quoted in docs/data-safety.md (run with -s to see them).
    print(f"\n{KILL_TRIALS} kills of check --fix: {landed} landed mid-fix and were finished by check")
