"""Refinement's use cases on a small workspace (team Ada and Bo, objective O-1): the agenda, votes,
estimates of sprint items, splits, readiness, topics, and what the summary counts."""

from __future__ import annotations

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Topic
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.sprint import Sprint
from ritual_tui.reports.summary import sprint_summary
from ritual_tui.services import poker, readiness, refinement, topics
from ritual_tui.services.backlog import ItemChanges, add_item
from ritual_tui.services.splitting import SplitPlan, split_item
from ritual_tui.services.sprints import start_sprint
from ritual_tui.store.workspace import Workspace
from tests.conftest import set_settings


def items(ws: Workspace, *titles: str, **fields: object) -> list[str]:
    return [add_item(ws, t, ItemChanges(**fields)).id for t in titles]  # type: ignore[arg-type]


def test_the_agenda_is_open_topics_then_items_not_ready_by_rank(ws: Workspace) -> None:
    a, b, c = items(ws, "A", "B", "C")
    ws.update(BacklogItem, b, lambda i: i.move_to("ready", i.created.date()))  # type: ignore[union-attr]
    ws.update(BacklogItem, c, lambda i: setattr(i, "rank", 0.5))  # C ranked first
    ws.add(Topic(title="Open question"))
    ws.add(Topic(title="Settled", status="closed"))
    context = refinement.open_refinement(ws)
    assert context.refinement.agenda == ["P-1", c, a]
    assert context.refinement.voters == ["Ada", "Bo"]
    assert sorted(context.items) == [a, c] and list(context.topics) == ["P-1"]
    # Opened again the same day: the same session and agenda, not a new one.
    assert refinement.open_refinement(ws).session.id == context.session.id


def test_the_product_owner_votes_only_when_the_settings_say_so(ws: Workspace) -> None:
    set_settings(ws.root, product_owner="Bo")
    assert refinement.open_refinement(Workspace.open(ws.root)).refinement.voters == ["Ada"]


def test_a_vote_is_refused_off_the_deck_from_someone_absent_and_after_the_reveal(ws: Workspace) -> None:
    (a,) = items(ws, "A")
    sid = refinement.open_refinement(ws).session.id
    with pytest.raises(ValidationError, match="21 is not on the deck"):
        poker.cast_vote(ws, sid, a, "Ada", "21")
    refinement.set_present(ws, sid, "Bo", present=False)
    with pytest.raises(ValidationError, match="Bo is not present in this refinement"):
        poker.cast_vote(ws, sid, a, "Bo", "3")
    with pytest.raises(ValidationError, match="No vote to reveal yet"):
        poker.reveal(ws, sid, a)
    poker.cast_vote(ws, sid, a, "Ada", "3")
    poker.reveal(ws, sid, a)
    with pytest.raises(ValidationError, match="This round is revealed"):
        poker.cast_vote(ws, sid, a, "Ada", "5")
    second = poker.revote(ws, sid, a)
    assert (second.number, second.voters) == (2, ["Ada"])
    with pytest.raises(ValidationError, match="Reveal this round before voting again"):
        poker.revote(ws, sid, a)


def test_an_item_of_the_running_sprint_is_re_estimated_and_the_summary_notes_it(ws: Workspace) -> None:
    a, b = items(ws, "A", "B", estimate=3)
    start_sprint(ws, [a, b], "Goal")
    sid = refinement.open_refinement(ws).session.id
    poker.cast_vote(ws, sid, a, "Ada", "5")
    poker.cast_vote(ws, sid, a, "Bo", "8")
    poker.reveal(ws, sid, a)
    poker.set_estimate(ws, sid, a, 8)
    (sprint,) = ws.all(Sprint)
    assert [line.estimate for line in sprint.commitment] == [3, 3]  # the frozen snapshot is untouched
    section = sprint_summary(ws)["refinement"]
    # One session; A refined (3 → 8, estimated); one revealed round; A re-estimated against its commitment.
    assert section == {
        "sessions": 1,
        "items_refined": 1,
        "made_ready": 0,
        "estimated": 1,
        "split": 0,
        "vote_rounds": 1,
        "re_estimated": [{"id": a, "title": "A", "committed_points": 3, "points_now": 8}],
    }
    with pytest.raises(ValidationError, match=r"Estimate 4 is not on the scale \(0, 1, 2, 3, 5, 8, 13, 20, 40, 100\)"):
        poker.set_estimate(ws, sid, a, 4)


def test_splitting_an_item_of_the_running_sprint_is_a_scope_change(ws: Workspace) -> None:
    (a,) = items(ws, "Reports", estimate=8, add_criteria=["Given x when y then z"])
    (b,) = items(ws, "Next")
    start_sprint(ws, [a], "Goal")
    done = split_item(ws, a, SplitPlan(["Weekly", "Monthly"], "Variations in data", criteria="move", parent="drop"))
    weekly, monthly = done.children
    assert (weekly.acceptance, monthly.acceptance) == (["Given x when y then z"], [])
    assert done.parent.status == "dropped" and done.parent.acceptance == [] and done.scope_changed
    (sprint,) = ws.all(Sprint)
    assert [(c.item, c.change, c.reason) for c in sprint.scope_changes] == [
        (weekly.id, "added", f"split from {a}"),
        (monthly.id, "added", f"split from {a}"),
        (a, "removed", f"split into {weekly.id}, {monthly.id}"),
    ]
    # The children come right after the parent (rank 1), before B (rank 2): the first in the first
    # third of the gap, rounded to a half where one fits (1.5); the second between 1.5 and 2 (1.75).
    assert (weekly.rank, monthly.rank) == (1.5, 1.75)
    with pytest.raises(ValidationError, match="at least two new items"):
        split_item(ws, b, SplitPlan(["Only one"]))


def test_ready_by_the_checklist_or_by_an_override_recorded_as_a_decision(ws: Workspace) -> None:
    a, b = items(ws, "A", "B")
    lines = ws.settings.definition_of_ready
    for line in lines:
        item = readiness.tick(ws, a, line)
    assert item.status == "ready" and readiness.make_ready(ws, a).override is None
    assert readiness.tick(ws, a, lines[0]).status == "refining"  # a line unticked: back to refining
    with pytest.raises(ValidationError, match="reason for the override"):
        readiness.make_ready(ws, b)
    made = readiness.make_ready(ws, b, "The team knows this one")
    assert made.item.status == "ready" and made.override is not None
    decision = ws.get(Decision, made.override.id)
    assert (decision.level, decision.status, decision.context, decision.items) == (
        "operational",
        "accepted",
        "The team knows this one",
        [b],
    )
    assert decision.title == f"{b} is ready without: " + "; ".join(lines)


@pytest.mark.parametrize("outcome", ["item", "decision", "escalation", "dropped"])
def test_a_topic_closes_with_each_outcome(ws: Workspace, outcome: str) -> None:
    topic = ws.add(Topic(title="Sundays?"))
    closed = topics.close_topic(ws, topic.id, outcome, "Not on Sundays" if outcome == "dropped" else "")
    became = closed.became
    kinds = {"item": BacklogItem, "decision": Decision, "escalation": Escalation}
    assert closed.topic.status == "closed" and closed.topic.closed is not None
    if outcome == "dropped":
        assert became is None and closed.topic.outcome == "Dropped: Not on Sundays"
    else:
        assert isinstance(became, kinds[outcome]) and closed.topic.became == became.id
        assert became.title == "Sundays?"  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="closed already"):
        topics.close_topic(ws, topic.id, "dropped")
