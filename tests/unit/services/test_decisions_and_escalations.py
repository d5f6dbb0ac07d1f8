"""Decisions and escalations: one rule each, the same from the command line and the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import ValidationError
from ritual_tui.services.decisions import NewDecision, record_decision, settle_decision, supersede
from ritual_tui.services.escalations import NewEscalation, raise_escalation, take_step
from ritual_tui.store.workspace import Workspace
from tests.conftest import set_settings


def test_a_decision_is_decided_by_who_decides_at_its_level(ws: Workspace) -> None:
    operational = record_decision(ws, NewDecision("Ship Monday"))
    strategic = record_decision(ws, NewDecision("Enter Spain", level="strategic"))
    assert (operational.status, operational.deciders) == ("accepted", ["Product Owner"])
    assert (strategic.status, strategic.deciders) == ("proposed", ["Product Manager"])
    settled = settle_decision(ws, strategic.id, "accepted", ["Kim"], "Budget approved")
    assert (settled.status, settled.deciders) == ("accepted", ["Kim"])
    assert settled.consequences == "Accepted on 2026-11-26: Budget approved"
    with pytest.raises(ValidationError, match="only a proposed decision"):
        settle_decision(ws, strategic.id, "rejected")


def test_only_a_standing_decision_supersedes_another(ws: Workspace) -> None:
    old = record_decision(ws, NewDecision("Email only"))
    rejected = record_decision(ws, NewDecision("SMS only", level="strategic"))
    settle_decision(ws, rejected.id, "rejected")
    with pytest.raises(ValidationError, match="D-2 is rejected"):
        supersede(ws, old.id, rejected.id)
    newer = record_decision(ws, NewDecision("Email and SMS", supersedes=old.id))
    assert ws.get(Decision, old.id).superseded_by == newer.id


def test_escalation_defaults_come_from_the_settings(ws: Workspace) -> None:
    set_settings(ws.root, escalation_category="risk", escalation_severity="low")
    ws = Workspace.open(ws.root)
    ws.add(Blocker(title="No data"))
    plain = raise_escalation(ws, NewEscalation("Budget?"))
    blocked = raise_escalation(ws, NewEscalation("No data", blocker="BL-1"))
    assert (plain.category, plain.severity) == ("risk", "low")
    assert (blocked.category, blocked.severity) == ("blocker", "high")
    assert ws.get(Blocker, "BL-1").escalation == blocked.id


def test_a_workspace_without_question_or_medium_still_raises_escalations(tmp_path: Path) -> None:
    root = Workspace.create(tmp_path / "ws", "Shop").root
    set_settings(root, escalation_categories=["impediment"], escalation_severities=["P4", "P3", "P2", "P1"])
    ws = Workspace.open(root)
    e = raise_escalation(ws, NewEscalation("Vendor late"))
    assert (e.category, e.severity) == ("impediment", "P3")


def test_the_lifecycle_asks_for_the_text_each_step_needs(ws: Workspace) -> None:
    raise_escalation(ws, NewEscalation("Budget?"))
    with pytest.raises(ValidationError, match="the PM's answer cannot be empty"):
        take_step(ws, "E-1", "answer", " ")
    assert take_step(ws, "E-1", "answer", "Yes").pm_answer == "Yes"
    resolved = take_step(ws, "E-1", "resolve")  # a resolution is welcome, not required
    assert (resolved.status, resolved.resolution) == ("resolved", "")
    raise_escalation(ws, NewEscalation("Scope?"))
    withdrawn = take_step(ws, "E-2", "withdraw", "Decided in the team")
    assert (withdrawn.status, withdrawn.resolution) == ("withdrawn", "Decided in the team")
