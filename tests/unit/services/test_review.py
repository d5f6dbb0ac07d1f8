"""The review's use cases: each item checked and decided by the same rules for the screen and the
shell, the goal verdict, the close with what becomes of each unfinished item, the stakeholders."""

from __future__ import annotations

from datetime import date

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.review import CloseOut
from ritual_tui.domain.settings import DEFINITION_OF_DONE
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services import review, sessions
from ritual_tui.services.planning import unfinished_items
from ritual_tui.services.review_items import MissesDoneError, NotDoneError, Verdict, mark_check, review_item
from ritual_tui.services.sprints import close_sprint
from ritual_tui.store.workspace import Workspace
from tests.unit.services.review_scenario import CARD, REFUND, sprint_under_review

ALL_DONE = [1, 2, 3, 4, 5]


@pytest.fixture
def under_review(ws: Workspace) -> Workspace:
    sprint_under_review(ws)
    return ws


def test_an_item_outside_the_sprint_is_refused(under_review: Workspace) -> None:
    with pytest.raises(ValidationError, match="B-4 is not in sprint 1"):
        review_item(under_review, "B-4", Verdict("accepted", done=ALL_DONE))
    with pytest.raises(ValidationError, match="B-4 is not in sprint 1"):
        mark_check(under_review, "B-4", "done", DEFINITION_OF_DONE[0], "met")
    assert under_review.get(Sprint, "S-1").outcomes == {}


def test_accepting_asks_when_not_done_and_takes_an_override_for_what_it_misses(under_review: Workspace) -> None:
    ws = under_review
    with pytest.raises(NotDoneError, match="B-2 is in-progress, not done"):
        review_item(ws, "B-2", Verdict("accepted", done=ALL_DONE))
    with pytest.raises(MissesDoneError) as missed:
        review_item(ws, "B-1", Verdict("accepted"))  # nothing checked: every DoD entry is missing
    assert missed.value.gaps == DEFINITION_OF_DONE
    with pytest.raises(MissesDoneError) as unmet:
        review_item(ws, "B-1", Verdict("accepted", unmet=[2], done=ALL_DONE))
    assert unmet.value.gaps == [f"criterion not met: {CARD[1]}"]
    with pytest.raises(MissesDoneError):
        review_item(ws, "B-1", Verdict("accepted", done=[1, 2], override="   "))  # blank is no reason

    sprint, _ = review_item(ws, "B-1", Verdict("accepted", met=[1, 2], done=ALL_DONE))
    clean = sprint.review_of("B-1")
    assert clean is not None and (clean.missed, clean.override) == ([], "")
    sprint, item = review_item(
        ws, "B-2", Verdict("accepted", done=[1, 2], override="Demoed live; docs next week", not_done_ok=True)
    )
    forced = sprint.review_of("B-2")
    assert forced is not None and forced.missed == DEFINITION_OF_DONE[2:]
    assert forced.override == "Demoed live; docs next week" and forced.decided is not None
    assert (item.status, item.done_on) == ("done", date(2026, 11, 26))
    assert ws.get(Sprint, "S-1").outcomes == {"B-1": "accepted", "B-2": "accepted"}


def test_a_rejection_names_its_unmet_criteria_or_a_reason(under_review: Workspace) -> None:
    ws = under_review
    with pytest.raises(ValidationError, match="Say why B-3 is rejected"):
        review_item(ws, "B-3", Verdict("rejected"))
    with pytest.raises(ValidationError, match="no acceptance criterion 2: the numbers go from 1 to 1"):
        review_item(ws, "B-2", Verdict("rejected", unmet=[2]))
    sprint, _ = review_item(ws, "B-2", Verdict("rejected", unmet=[1]))
    sprint, _ = review_item(ws, "B-3", Verdict("rejected", reason="The PDF has no VAT line"))
    rejected_2, rejected_3 = sprint.review_of("B-2"), sprint.review_of("B-3")
    assert rejected_2 is not None and rejected_2.criteria_unmet == REFUND
    assert rejected_3 is not None and rejected_3.reason == "The PDF has no VAT line"
    assert ws.get(BacklogItem, "B-2").status == "in-progress"  # it goes back when the sprint closes


def test_each_check_is_kept_as_met_not_met_or_not_checked(under_review: Workspace) -> None:
    ws = under_review
    mark_check(ws, "B-1", "criterion", CARD[0], "met")
    mark_check(ws, "B-1", "criterion", CARD[1], "not-met")
    mark_check(ws, "B-1", "done", DEFINITION_OF_DONE[1], "met")
    found = ws.get(Sprint, "S-1").review_of("B-1")
    assert found is not None
    assert (found.criteria_met, found.criteria_unmet, found.done_met) == ([CARD[0]], [CARD[1]], [DEFINITION_OF_DONE[1]])
    mark_check(ws, "B-1", "criterion", CARD[1], "")  # not checked after all
    assert ws.get(Sprint, "S-1").review_of("B-1").state("criterion", CARD[1]) == ""  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="B-1 has no such criterion"):
        mark_check(ws, "B-1", "criterion", "Given nothing", "met")


def test_the_close_takes_a_verdict_and_what_becomes_of_each_unfinished_item(under_review: Workspace) -> None:
    ws = under_review
    review_item(ws, "B-1", Verdict("accepted", done=ALL_DONE))
    review_item(ws, "B-2", Verdict("rejected", unmet=[1]))
    sprint, figures = close_sprint(
        ws, "partly", reason="Refunds wait for the bank", close_out=[CloseOut(item="b-3", action="drop", reason="No")]
    )
    assert (sprint.goal_verdict, sprint.goal_met, sprint.goal_reason) == ("partly", False, "Refunds wait for the bank")
    # B-2 was rejected: back to the backlog by default; B-3 (not decided: carried over) is dropped.
    assert sprint.outcomes == {"B-1": "accepted", "B-2": "rejected", "B-3": "carried-over"}
    assert [(c.item, c.action, c.reason) for c in sprint.close_out] == [("B-2", "return", ""), ("B-3", "drop", "No")]
    statuses = [ws.get(BacklogItem, f"B-{n}").status for n in (1, 2, 3)]
    assert statuses == ["done", "ready", "dropped"]
    assert (figures.completed, figures.completed_points) == (["B-1"], 3)
    assert unfinished_items(sprint) == []  # the next planning has nothing left to decide: B-3 was dropped
    with pytest.raises(ValidationError, match=r"S-1 was closed already on 2026-11-26; no sprint is under way"):
        close_sprint(ws, "met")


def test_the_close_still_takes_yes_or_no_and_keeps_the_reason_given_at_the_review(under_review: Workspace) -> None:
    ws = under_review
    with pytest.raises(ValidationError, match="reason for the verdict cannot be empty"):
        review.set_goal_verdict(ws, "met", " ")
    with pytest.raises(ValidationError, match="Unknown goal verdict 'maybe'"):
        review.set_goal_verdict(ws, "maybe", "why not")
    review.set_goal_verdict(ws, "met", "Customers paid on the first day")
    sprint, _ = close_sprint(ws, True)
    assert (sprint.verdict(), sprint.goal_met, sprint.goal_reason) == ("met", True, "Customers paid on the first day")
    # Unfinished and not reviewed: B-2 (in progress) and B-3 (in review) are carried over, ready again.
    assert [(c.item, c.action) for c in sprint.close_out] == [("B-2", "carry-over"), ("B-3", "carry-over")]
    assert [ws.get(BacklogItem, i).status for i in ("B-2", "B-3")] == ["ready", "ready"]
    assert unfinished_items(sprint) == ["B-2", "B-3"]  # the next planning takes them in, or not


def test_stakeholders_join_once_and_are_offered_at_the_next_review(under_review: Workspace) -> None:
    ws = under_review
    first = sessions.open_session(ws, "review", date(2026, 11, 12)).session
    review.add_stakeholder(ws, first.id, "Kim Ito", "Client, finance")
    review.add_stakeholder(ws, first.id, "Ola", "")
    later = sessions.open_session(ws, "review", date(2026, 11, 19)).session
    review.add_stakeholder(ws, later.id, "Ola", "Support lead")
    with pytest.raises(ValidationError, match="Ola is in the room already"):
        review.add_stakeholder(ws, later.id, " ola ", "")
    with pytest.raises(ValidationError, match="name cannot be empty"):
        review.add_stakeholder(ws, later.id, "  ", "CFO")
    today = sessions.open_session(ws, "review").session
    # Newest review first, each name once: Ola as she was at the latest review, then Kim.
    known = review.known_stakeholders(ws, today.id)
    assert [(p.name, p.role) for p in known] == [("Ola", "Support lead"), ("Kim Ito", "Client, finance")]


def test_the_run_sheet_follows_the_order_the_po_set(under_review: Workspace) -> None:
    ws = under_review
    context = review.open_review(ws)
    assert [i.id for i in context.run_sheet] == ["B-1", "B-2", "B-3"]
    review.set_run_sheet(ws, context.session.id, ["B-3", "B-1"])
    assert [i.id for i in review.open_review(ws).run_sheet] == ["B-3", "B-1", "B-2"]  # the rest in sprint order
