"""SIGKILL at random moments while records are written: every file stays whole, every
acknowledged write is on disk, and what a killed write leaves behind is cleaned up."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.decision import Decision
from ritual_tui.store.check import check_workspace
from ritual_tui.store.workspace import Workspace

#: Trials of each kind: the real `ritual` command, and a process writing records back to back.
CLI_TRIALS = 50
LOOP_TRIALS = 50

LOOP_WRITER = textwrap.dedent(
    """
    import sys
    from ritual_tui.domain.decision import Decision
    from ritual_tui.store.workspace import Workspace
    ws = Workspace.open(sys.argv[1])
    print("ready", flush=True)
    n = 0
    while True:
        record = ws.add(Decision(title=f"{sys.argv[2]}-{n}", context="c" * 20_000))
        ws.update(Decision, record.id, lambda d: setattr(d, "status", "rejected"))
        print("ack", record.title, flush=True)  # acknowledged: both writes returned
        n += 1
    """
)


@pytest.mark.slow
def test_sigkill_during_writes_never_loses_an_acknowledged_record(ws: Workspace) -> None:
    rng = random.Random(20261126)
    env = {**os.environ, "RITUAL_WORKSPACE": str(ws.root)}
    acknowledged: list[str] = []
    for trial in range(CLI_TRIALS):
        title = f"cli-{trial}"
        writer = subprocess.Popen(
            [sys.executable, "-m", "ritual_tui", "backlog", "add", title, "--note", "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert writer.stdin is not None
        writer.stdin.write(b"n" * 100_000)
        writer.stdin.close()
        time.sleep(rng.uniform(0.1, 0.3))  # the moment of the kill is the random variable under test
        writer.send_signal(signal.SIGKILL)
        if writer.wait() == 0:
            acknowledged.append(title)
    for trial in range(LOOP_TRIALS):
        writer = subprocess.Popen(
            [sys.executable, "-c", LOOP_WRITER, str(ws.root), f"loop-{trial}"],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        acknowledged += [line.split()[1] for line in writer.stdout.read().splitlines() if line.startswith("ack ")]

    report = check_workspace(Workspace.open(ws.root))
    assert report.problems == []
    mid_write = len([r for r in report.repaired if "interrupted write" in r])
    after = Workspace.open(ws.root)
    items = {i.title: i for i in after.all(BacklogItem)}
    decisions = {d.title: d for d in after.all(Decision)}
    for title in acknowledged:
        if title.startswith("cli-"):
            assert items[title].private_notes == "n" * 100_000
        else:
            assert decisions[title].status == "rejected" and len(decisions[title].context) == 20_000
    assert not list(ws.root.rglob("*.tmp"))
    # Figures quoted in docs/data-safety.md (run with -s to see them).
    print(
        f"\n{CLI_TRIALS + LOOP_TRIALS} kills: {len(acknowledged)} writes acknowledged, all present; "
        f"{len(items) + len(decisions)} records whole; {mid_write} temp files left mid-write, removed by check"
    )
