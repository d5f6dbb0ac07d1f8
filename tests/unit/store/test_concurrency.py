"""Two or more processes writing at once lose nothing; a killed lock holder blocks nobody."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from ritual_tui.domain.decision import Decision
from ritual_tui.store.check import check_workspace
from ritual_tui.store.workspace import Workspace

WRITER = textwrap.dedent(
    """
    import sys
    from ritual_tui.domain.decision import Decision
    from ritual_tui.store.workspace import Workspace
    ws = Workspace.open(sys.argv[1])
    for n in range(int(sys.argv[3])):
        ws.add(Decision(title=f"{sys.argv[2]}-{n}"))
    """
)


def test_four_processes_writing_fifty_records_each_lose_none(ws: Workspace) -> None:
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(ws.root), f"w{w}", "50"]) for w in range(4)]
    assert [p.wait(timeout=120) for p in writers] == [0, 0, 0, 0]
    decisions = ws.all(Decision)
    assert len(decisions) == 200
    assert {d.title for d in decisions} == {f"w{w}-{n}" for w in range(4) for n in range(50)}
    assert sorted(int(d.id[2:]) for d in decisions) == list(range(1, 201))
    assert check_workspace(ws).problems == []


HOLDER = textwrap.dedent(
    """
    import sys, time
    from ritual_tui.store.workspace import Workspace
    ws = Workspace.open(sys.argv[1])
    with ws.lock:
        print("holding", flush=True)
        time.sleep(60)
    """
)


def test_a_killed_lock_holder_does_not_block_the_next_writer(ws: Workspace, tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(ws.root)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    started = time.monotonic()
    ws.add(Decision(title="after the kill"))
    assert time.monotonic() - started < 5
    assert [d.title for d in ws.all(Decision)] == ["after the kill"]
