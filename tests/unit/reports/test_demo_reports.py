"""The demo rings true to a practitioner, and every report drawn from it keeps its balance."""

from __future__ import annotations

from datetime import date

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.reports.brief import pm_brief
from ritual_tui.reports.summary import sprint_summary
from ritual_tui.store.workspace import Workspace
from tests.unit.reports.invariant import assert_balanced

TODAY = date(2026, 11, 26)


def test_work_is_done_on_working_days(demo: Workspace) -> None:
    done = [i.done_on for i in demo.all(BacklogItem) if i.done_on]
    assert len(done) >= 14 and all(day.weekday() < 5 for day in done)


def test_every_decision_from_a_ritual_was_captured_in_that_ritual_that_day(demo: Workspace) -> None:
    sessions = {s.id: s for s in demo.all(RitualSession)}
    for decision in demo.all(Decision):
        if decision.source == "cli":
            continue
        session = sessions[decision.session]
        assert (session.ritual, session.date) == (decision.source, decision.date), decision.id
        assert decision.id in session.captured


def test_goal_verdicts_agree_with_the_review(demo: Workspace) -> None:
    sprints = {s.number: s for s in demo.all(Sprint)}
    # Sprint 1's goal ("find a free slot") was met: its search story was accepted.
    assert sprints[1].goal_met is True and sprints[1].outcomes["B-1"] == "accepted"
    # Sprint 4's was not: the CSV export the clinics' week needs was rejected.
    assert sprints[4].goal_met is False and sprints[4].outcomes["B-20"] == "rejected"
    assert all(s.goal_reason for s in sprints.values() if s.status == "closed")
    assert all(s.at_close is not None for s in sprints.values() if s.status == "closed")


def test_the_accepted_accessibility_decision_is_in_the_definition_of_done(demo: Workspace) -> None:
    d4 = demo.get(Decision, "D-4")
    assert (d4.status, d4.title) == ("accepted", "Definition of Done includes an accessibility check")
    assert "Checked with a screen reader (user-facing stories)" in demo.settings.definition_of_done


def test_the_over_commitment_and_the_linked_question_are_flagged(demo: Workspace) -> None:
    doc = sprint_summary(demo, "5", TODAY)
    # Forecast at sprint 5's planning (P50): velocities 10, 17, 13, 13 of sprints 1–4 (capacities 53, 52,
    # 49, 50.5 person-days) scaled to sprint 5's 51.4: 9.70, 16.80, 13.64, 13.23. 13 points are reached
    # in 3 of 4 outcomes, 14 in only 1: P50 = 13. Committed 15 ÷ 13 = 115%.
    assert (doc["sprint"]["forecast_points"], doc["sprint"]["committed_of_forecast_percent"]) == (13, 115)
    assert doc["headline"][3] == (
        "Committed 15 points against a forecast of 13 (115%): over-committed, above 110% of the forecast."
    )
    assert demo.get(Escalation, "E-3").related == ["D-5"]
    d5 = next(d for d in pm_brief(demo, None)["strategic_decisions_waiting"] if d["id"] == "D-5")
    assert [r["id"] for r in d5["related"]] == ["E-3"]


@pytest.mark.parametrize("audience", ["pm", "client"])
def test_every_summary_of_the_demo_keeps_its_balance(demo: Workspace, audience: str) -> None:
    for sprint in demo.all(Sprint):
        assert_balanced(sprint_summary(demo, str(sprint.number), TODAY, audience))
