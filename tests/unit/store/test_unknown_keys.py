"""Keys ritual-tui does not know (a newer version's, a tracker's, a human's) survive every rewrite:
at the top of a record, inside the tables it holds, and even when named like the store's own
attributes."""

from __future__ import annotations

import tomllib
from datetime import date, datetime

import pytest

from ritual_tui.domain.escalation import Escalation, StatusChange
from ritual_tui.domain.session import RitualSession, Stakeholder
from ritual_tui.domain.sprint import CommittedItem, ScopeChange, Sprint
from ritual_tui.reports.export import export_workspace
from ritual_tui.store.files import TRAILER
from ritual_tui.store.workspace import Workspace

AT = datetime(2026, 11, 20, 9, 0)


def _plant(ws: Workspace, record_id: str, record_type: type, old: str, new: str) -> None:
    (path,) = (f.path for f in ws.files(record_type) if f.id == record_id)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _document(ws: Workspace, record_type: type, record_id: str) -> dict:
    (path,) = (f.path for f in ws.files(record_type) if f.id == record_id)
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.mark.usefixtures("settled")  # the record passes through the read cache too
def test_unknown_keys_inside_an_escalations_history_survive_a_step(ws: Workspace) -> None:
    ws.add(Escalation(title="Budget", raised=date(2026, 11, 20), history=[StatusChange(at=AT, status="open")]))
    _plant(ws, "E-1", Escalation, 'note = "" }', 'note = "", pm_ticket = "JIRA-7", seen = 2026-11-21 }')
    Workspace.open(ws.root).all(Escalation)  # read once, as any list would, and again: the second
    (escalation,) = Workspace.open(ws.root).all(Escalation)  # read is where a cached copy would serve
    escalation.take_step("sent", AT)
    ws.save(escalation)
    history = _document(ws, Escalation, "E-1")["history"]
    assert history[0]["pm_ticket"] == "JIRA-7"
    assert history[0]["seen"] == date(2026, 11, 21)  # still a date, not text
    assert [h["status"] for h in history] == ["open", "sent"]


def test_unknown_keys_in_commitments_scope_changes_and_feedback_survive(ws: Workspace) -> None:
    ws.add(
        Sprint(
            number=0,
            start=date(2026, 11, 16),
            end=date(2026, 11, 27),
            commitment=[CommittedItem(item="B-1", estimate=3)],
            scope_changes=[ScopeChange(at=AT, item="B-2", change="added")],
        )
    )
    ws.add(RitualSession(ritual="review", date=date(2026, 11, 27), stakeholders=[Stakeholder(name="Kim")]))
    _plant(ws, "S-1", Sprint, 'item = "B-1",', 'item = "B-1", jira_key = "SHOP-1",')
    _plant(ws, "S-1", Sprint, 'change = "added",', 'change = "added", approved_by = "PM",')
    _plant(ws, "R-1", RitualSession, 'name = "Kim",', 'name = "Kim", mood = 4,')
    ws.update(Sprint, "S-1", lambda s: setattr(s, "goal", "Pay"))
    ws.update(RitualSession, "R-1", lambda s: s.attendees.append("Ada"))
    sprint = _document(ws, Sprint, "S-1")
    assert (sprint["goal"], sprint["commitment"][0]["jira_key"]) == ("Pay", "SHOP-1")
    assert sprint["scope_changes"][0]["approved_by"] == "PM"
    assert _document(ws, RitualSession, "R-1")["stakeholders"][0]["mood"] == 4


def test_top_level_keys_named_like_the_stores_attributes_are_kept(ws: Workspace) -> None:
    ws.add(Escalation(title="Budget"))
    planted = 'extra = "a"\nstored_as = "b"\nstored_digest = "c"\n'
    _plant(ws, "E-1", Escalation, TRAILER, planted + TRAILER)
    escalation = ws.get(Escalation, "E-1")
    assert escalation.extra == {"extra": "a", "stored_as": "b", "stored_digest": "c"}
    assert escalation.stored_as is not None and escalation.stored_as.name.startswith("E-1-")
    ws.update(Escalation, "E-1", lambda e: setattr(e, "title", "Budget 2027"))
    document = _document(ws, Escalation, "E-1")
    assert (document["extra"], document["stored_as"], document["stored_digest"]) == ("a", "b", "c")


def test_unknown_keys_of_team_members_and_objectives_reach_the_full_export(ws: Workspace) -> None:
    settings = ws.root / "workspace.toml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace('role = "Developer"\n', 'role = "Developer"\nslack = "@ada"\n')
    settings.write_text(text.replace('horizon = "Q1 2027"\n', 'horizon = "Q1 2027"\nokr = "KR-3"\n'), encoding="utf-8")
    exported = export_workspace(Workspace.open(ws.root))["settings"]
    assert (exported["team"][0]["slack"], exported["objectives"][0]["okr"]) == ("@ada", "KR-3")
