"""``ritual sprint review``, ``ritual feedback`` and ``ritual sprint close`` with a verdict: what each
prints, its exit code, and what lands on disk, by the same rules as the review screen."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.sprint import Sprint
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result
from tests.hostile import HOSTILE
from tests.unit.services.review_scenario import REFUND, sprint_under_review

Cli = Callable[..., Result]


@pytest.fixture
def under_review(ws: Workspace) -> Workspace:
    sprint_under_review(ws)
    return ws


def test_an_item_is_reviewed_from_the_shell_by_the_screens_rules(cli: Cli, under_review: Workspace) -> None:
    outside = cli("sprint", "review", "B-4", "--accept", "--done", "all")
    assert (outside.code, outside.err) == (
        1,
        "error: B-4 is not in sprint 1: the review walks the sprint's items only.\n",
    )
    not_done = cli("sprint", "review", "B-2", "--accept", "--done", "all")
    assert not_done.code == 1 and "B-2 is in-progress, not done: accept it anyway? Say so with --yes." in not_done.err
    missing = cli("sprint", "review", "B-1", "--accept", "--done", "1", "--done", "2")
    assert missing.code == 1 and "1. Acceptance criteria verified; 2. Code reviewed;" in missing.err
    assert "(Automated tests pass; Deployed to staging; User-facing documentation updated)" in missing.err
    assert "--override REASON" in missing.err
    accepted = cli("sprint", "review", "B-1", "--accept", "--done", "all")
    assert (accepted.code, accepted.out) == (0, "B-1 accepted at the review of sprint 1: Pay by card\n")
    forced = cli("sprint", "review", "B-2", "--accept", "--yes", "--override", "Demoed; docs next week")
    assert forced.code == 0 and under_review.get(BacklogItem, "B-2").status == "done"
    assert cli("sprint", "review", "B-3", "--reject").code == 1
    assert cli("sprint", "review", "B-3", "--reject", "--reason", "No VAT line").code == 0
    assert cli("sprint", "review", "B-2", "--reject", "--unmet", "1").code == 0  # the PO changed their mind
    assert cli("sprint", "review", "B-2", "--carry-over", "--done", "x").err == (
        "error: --done takes the number of a Definition of Done entry, or all.\n"
    )
    usage = cli("sprint", "review", "B-2")
    assert usage.code == 2 and "one of the arguments --accept --reject --carry-over is required" in usage.err
    sprint = under_review.get(Sprint, "S-1")
    assert sprint.outcomes == {"B-1": "accepted", "B-2": "rejected", "B-3": "rejected"}
    assert sprint.review_of("B-2").criteria_unmet == REFUND  # type: ignore[union-attr]


def test_feedback_from_the_shell(cli: Cli, under_review: Workspace) -> None:
    assert cli("feedback", "add", "").err == "error: The feedback cannot be empty.\n"
    made = cli("feedback", "add", "Refund by SEPA", "--item", "B-2", "--by", "Kim", "--becomes", "item")
    assert made.out == "Heard F-1: Refund by SEPA (became B-5 (a backlog item))\n"
    hostile = cli("feedback", "add", HOSTILE, "--by", HOSTILE)
    assert hostile.code == 0 and "\x1b" not in hostile.out and "␛[2J" in hostile.out
    listed = cli("feedback", "list", "--open").out.splitlines()
    assert listed[0].split() == ["ID", "HEARD", "SPRINT", "BY", "ITEM", "BECAME", "FEEDBACK"] and len(listed) == 2
    assert listed[1].startswith("F-2  2026-11-26  S-1")
    assert cli("feedback", "becomes", "F-2", "decision").out.startswith("Turned F-2: ")
    again = cli("feedback", "becomes", "F-2", "noted")
    assert (again.code, again.err) == (1, "error: F-2 became D-1 (a decision) already.\n")
    assert cli("feedback", "list", "--open").out == "No open feedback.\n"
    as_json = json.loads(cli("feedback", "list", "--json").out)
    assert [(f["id"], f["became_kind"], f["became"]) for f in as_json] == [
        ("F-1", "item", "B-5"),
        ("F-2", "decision", "D-1"),
    ]
    assert [f.item for f in under_review.all(Feedback)] == ["B-2", ""]


def test_the_close_says_the_verdict_and_where_the_summary_is(cli: Cli, under_review: Workspace) -> None:
    cli("sprint", "review", "B-1", "--accept", "--done", "all")
    cli("sprint", "review", "B-2", "--reject", "--unmet", "1")
    # The frozen day, 26 Nov, is day 4 of 14: closing now takes --early.
    early = cli("sprint", "close", "--goal-met", "partly", "--reason", "Refunds wait", "--drop", "B-3")
    assert early.code == 1 and "add --early to close it before its last day" in early.err
    closed = cli("sprint", "close", "--goal-met", "partly", "--reason", "Refunds wait", "--drop", "B-3", "--early")
    # Completed: B-1 (3 points). B-2 was rejected: back to the backlog; B-3 dropped as asked.
    assert closed.out.splitlines() == [
        "Closed S-1: goal partly met; 1 item (3 points) completed, 1 back to the backlog, 1 dropped",
        f"Wrote sprint-1-summary.md, sprint-1-summary.json, sprint-1-summary.html in {under_review.root / 'summaries'}",
    ]
    summary = json.loads((under_review.root / "summaries" / "sprint-1-summary.json").read_text(encoding="utf-8"))
    assert (summary["review"]["goal_verdict"], summary["review"]["goal_reason"]) == ("partly", "Refunds wait")
    twice = cli("sprint", "close", "--goal-met", "yes", "--early")
    assert (twice.code, twice.err) == (
        1,
        "error: S-1 was closed already on 2026-11-26; no sprint is under way to close.\n",
    )
    shown = cli("sprint", "show", "S-1").out
    assert "\nGoal verdict  partly met\nWhy           Refunds wait\n" in shown and "B-3: dropped" in shown
