"""Feedback heard at the review and turned into work: a backlog item with its objective and where it
came from, an escalation for the PM, a decision, or noted only; now or later, once."""

from __future__ import annotations

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import NotFoundError, ValidationError
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.session import RitualSession
from ritual_tui.services import sessions
from ritual_tui.services.feedback import NewFeedback, hear_feedback, open_feedback, turn_feedback
from ritual_tui.services.review import backlog_changes
from ritual_tui.services.sprints import close_sprint
from ritual_tui.store.workspace import Workspace
from tests.unit.services.review_scenario import sprint_under_review


@pytest.fixture
def under_review(ws: Workspace) -> Workspace:
    sprint_under_review(ws)
    return ws


def test_feedback_becomes_a_backlog_item_with_its_objective_and_where_it_came_from(under_review: Workspace) -> None:
    ws = under_review
    session = sessions.open_session(ws, "review").session
    heard = hear_feedback(
        ws, NewFeedback("Refunds by bank transfer too", by="Kim Ito", item="b-2", session=session.id, becomes="item")
    )
    assert (heard.id, heard.sprint, heard.became_kind, heard.became) == ("F-1", "S-1", "item", "B-5")
    item = ws.get(BacklogItem, "B-5")
    # B-2 serves O-1, so the new item does too; it links back to B-2 and to the feedback.
    assert (item.title, item.status, item.objective) == ("Refunds by bank transfer too", "new", "O-1")
    assert (item.came_from, item.from_feedback) == ("B-2", "F-1")
    general = hear_feedback(ws, NewFeedback("Dark mode?", becomes="item", objective=""))
    assert ws.get(BacklogItem, general.became).objective == ""  # said so: no objective


def test_feedback_becomes_an_escalation_a_decision_or_a_note(under_review: Workspace) -> None:
    ws = under_review
    escalated = hear_feedback(
        ws, NewFeedback("Can we charge for refunds?", by="Kim Ito", item="B-2", becomes="escalation")
    )
    escalation = ws.get(Escalation, escalated.became)
    assert (escalation.category, escalation.source, escalation.item) == ("feedback", "review", "B-2")
    assert escalation.raised_by == "Kim Ito" and escalation.details.startswith("Feedback F-1 from Kim Ito")
    decided = hear_feedback(ws, NewFeedback("Receipts by email only", item="B-1", becomes="decision"))
    decision = ws.get(Decision, decided.became)
    assert (decision.level, decision.status, decision.source, decision.items) == (
        "operational",
        "accepted",
        "review",
        ["B-1"],
    )
    session = sessions.open_session(ws, "review").session
    heard_there = hear_feedback(ws, NewFeedback("Ship receipts?", session=session.id, becomes="decision"))
    # Made in the review: listed with its captures, as a decision taken there by d would be.
    assert ws.get(RitualSession, session.id).captured == [heard_there.became]
    noted = hear_feedback(ws, NewFeedback("Nice colours", becomes="noted"))
    assert (noted.became_kind, noted.became, noted.became_text()) == ("noted", "", "noted only")


def test_open_feedback_is_turned_into_work_later_and_only_once(under_review: Workspace) -> None:
    ws = under_review
    with pytest.raises(ValidationError, match="The feedback cannot be empty"):
        hear_feedback(ws, NewFeedback("   "))
    with pytest.raises(NotFoundError, match="No backlog item 'B-99'"):
        hear_feedback(ws, NewFeedback("About nothing", item="B-99"))
    later = hear_feedback(ws, NewFeedback("Show the VAT", item="B-3"))
    hear_feedback(ws, NewFeedback("Great demo", becomes="noted"))
    assert [f.id for f in open_feedback(ws)] == [later.id]
    turned = turn_feedback(ws, later.id, "escalation")
    assert turned.became_text() == "E-1 (an escalation for the PM)" and open_feedback(ws) == []
    with pytest.raises(ValidationError, match=r"F-1 became E-1 \(an escalation for the PM\) already"):
        turn_feedback(ws, later.id, "item")
    assert len(ws.files(BacklogItem)) == 4  # nothing was made the second time


def test_feedback_heard_after_the_close_belongs_to_the_last_sprint(under_review: Workspace) -> None:
    close_sprint(under_review, "met")
    assert hear_feedback(under_review, NewFeedback("Thanks!")).sprint == "S-1"


def test_the_backlog_changes_of_a_review_are_listed_at_its_end(under_review: Workspace) -> None:
    from ritual_tui.services.review_items import Verdict, review_item

    ws = under_review
    session = sessions.open_session(ws, "review").session
    review_item(ws, "B-1", Verdict("accepted", done=[1, 2, 3, 4, 5]))
    hear_feedback(ws, NewFeedback("Refund by SEPA", item="B-2", session=session.id, becomes="item"))
    hear_feedback(ws, NewFeedback("From the shell", becomes="item"))  # not heard in this session
    sprint, _ = close_sprint(ws, "partly", reason="Refunds late")
    changes = backlog_changes(sprint, ws.all(Feedback), session)
    assert changes == [
        ("B-1", "accepted: done"),
        ("B-5", "new, from feedback F-1: Refund by SEPA"),
        ("B-2", "carried over to the next sprint"),
        ("B-3", "carried over to the next sprint"),
    ]
