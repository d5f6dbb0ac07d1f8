"""The shipped demo workspace: whole, realistic, and dated so that its sprint is under way today."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from ritual_tui.domain.backlog import ITEM_STATUSES, BacklogItem
from ritual_tui.domain.daily_records import Blocker, Note, Topic
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.escalation import ESCALATION_STATUSES, Escalation
from ritual_tui.domain.rules import aging_blockers
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.store.check import check_workspace
from ritual_tui.store.demo import copy_demo
from ritual_tui.store.workspace import Workspace

OPENED_ON = date(2027, 3, 10)  # a Wednesday months after the demo was written


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return copy_demo(tmp_path_factory.mktemp("demo") / "ws", OPENED_ON)


def test_the_copy_is_whole(demo: Workspace) -> None:
    assert check_workspace(demo).problems == []


def test_the_active_sprint_is_half_way_through_on_the_day_it_is_opened(demo: Workspace) -> None:
    sprints = demo.all(Sprint)
    active = [s for s in sprints if s.status == "active"]
    assert len(active) == 1
    day, total = active[0].day_of(OPENED_ON)
    assert 4 <= day <= 11 and total == 14
    assert len([s for s in sprints if s.status == "closed"]) == 4
    dailies = [s for s in demo.all(RitualSession) if s.ritual == "daily" and s.sprint == active[0].id]
    assert dailies and all(s.date < OPENED_ON for s in dailies)
    assert all(f.path.parent.name == f"{demo.get(RitualSession, f.key).date:%Y-%m}" for f in demo.files(RitualSession))


def test_the_demo_has_what_a_po_would_recognise(demo: Workspace) -> None:
    settings = demo.settings
    assert 5 <= len(settings.team) <= 7 and all(m.role for m in settings.team)
    assert settings.product_goal and 3 <= len(settings.objectives) <= 4
    items = demo.all(BacklogItem)
    assert 35 <= len(items) <= 45
    assert set(Counter(i.status for i in items)) == set(ITEM_STATUSES)
    assert any(i.acceptance and i.acceptance[0].startswith("Given") for i in items)
    assert set(Counter(e.status for e in demo.all(Escalation))) == set(ESCALATION_STATUSES)
    assert any(e.pm_answer for e in demo.all(Escalation))
    decisions = demo.all(Decision)
    assert {d.level for d in decisions} == {"operational", "strategic"}
    assert any(d.status == "superseded" and d.superseded_by for d in decisions)
    assert [b.dailies_open() for b in aging_blockers(demo.all(Blocker), settings)] == [3]
    assert any(t.status == "open" for t in demo.all(Topic))
    assert any(n.private for n in demo.all(Note))


def test_copying_into_a_folder_with_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(ValidationError, match="not empty"):
        copy_demo(tmp_path, OPENED_ON)
    assert (tmp_path / "keep.txt").read_text() == "mine"
