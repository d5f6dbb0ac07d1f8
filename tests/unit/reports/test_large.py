"""Every summary of three years of history keeps its balance (the benchmark's large workspace)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ritual_tui.domain.sprint import Sprint
from ritual_tui.reports.brief import pm_brief
from ritual_tui.reports.summary import sprint_summary
from tests.unit.reports.invariant import assert_balanced


@pytest.mark.slow
def test_every_summary_of_the_large_workspace_keeps_its_balance(tmp_path: Path) -> None:
    from benchmarks.generate import generate

    ws = generate("large", tmp_path / "large")  # 78 sprints, 5,000 items: about 20 s
    sprints = ws.all(Sprint)
    assert len(sprints) == 78
    for sprint in sprints:
        assert_balanced(sprint_summary(ws, str(sprint.number)))
    for sprint in sprints[-3:]:
        assert_balanced(sprint_summary(ws, str(sprint.number), audience="client"))
    assert pm_brief(ws, None)["open_escalations"]
