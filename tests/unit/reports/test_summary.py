"""Every figure of the summary and the brief, against a workspace computed by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import DamagedFileError, NotFoundError
from ritual_tui.reports.brief import pm_brief
from ritual_tui.reports.files import render
from ritual_tui.reports.layout import summary_blocks
from ritual_tui.reports.summary import sprint_summary
from ritual_tui.store.workspace import Workspace

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def test_delivery_with_scope_added_and_removed_and_a_carry_over(known: Workspace) -> None:
    doc = sprint_summary(known, "1", TODAY)
    d = doc["delivery"]
    assert (d["committed_items"], d["committed_points"]) == (3, 16)
    assert (d["completed_items"], d["completed_points"]) == (2, 5)
    assert (d["added_items"], d["added_points"]) == (1, 2)
    assert (d["removed_items"], d["removed_points"]) == (1, 8)
    assert (d["carried_over_items"], d["carried_over_points"]) == (1, 5)
    assert (d["rejected_items"], d["still_to_do_items"]) == (0, 0)
    assert [(c["day"], c["change"], c["item"], c["points"]) for c in d["scope_changes"]] == [
        (date(2026, 11, 5), "added", "B-4", 2),
        (date(2026, 11, 6), "removed", "B-3", 8),
    ]
    assert [(i["id"], i["committed"], i["in_scope"], i["completed"], i["outcome"]) for i in d["items"]] == [
        ("B-1", True, True, True, "accepted"),
        ("B-2", True, True, False, "carried-over"),
        ("B-3", True, False, False, ""),
        ("B-4", False, True, True, "accepted"),
    ]
    # 5 completed of 16 committed = 31%; scope (2 − 8) / 16 = −37.5%, rounded to −38%.
    assert (d["completed_percent"], d["scope_change_percent"]) == (31, -38)
    assert doc["sprint"]["goal_met"] is True and doc["as_of"] == date(2026, 11, 15)


def test_burndown_follows_scope_changes_and_done_days(known: Workspace) -> None:
    days = sprint_summary(known, "1", TODAY)["burndown"]
    remaining = [d["remaining"] for d in days]
    # 16 committed; B-1 (3) done Nov 4 → 13; B-4 (2) added Nov 5 → 15; B-3 (8) removed Nov 6 → 7;
    # B-4 done Nov 9 → 5, which stays: B-2 is carried over.
    assert remaining == [16, 16, 13, 15, 7, 7, 7, 5, 5, 5, 5, 5, 5, 5]
    # Monday 2 to Sunday 15 November: 10 working days, so the 16 points fall by 1.6 a working day
    # and stay flat over the weekend.
    ideal = [14.4, 12.8, 11.2, 9.6, 8, 8, 8, 6.4, 4.8, 3.2, 1.6, 0, 0, 0]
    assert [d["ideal"] for d in days] == pytest.approx(ideal)
    assert [d["working_day"] for d in days[4:7]] == [True, False, False]
    assert [(d["added"], d["removed"]) for d in days[3:5]] == [(2, 0), (0, 8)]


def test_velocity_counts_every_closed_sprint(known: Workspace) -> None:
    v = sprint_summary(known, "4", TODAY)["velocity"]
    assert v["by_sprint"] == [
        {"sprint": 1, "committed": 16, "completed": 5},
        {"sprint": 2, "committed": 0, "completed": 0},
        {"sprint": 3, "committed": 0, "completed": 0},
    ]
    assert (v["sprints"], v["mean"], v["min"], v["max"], v["last_3_mean"]) == (3, 1.67, 0, 5, 1.67)
    # As sprint 1 ended, only sprint 1 had closed.
    first = sprint_summary(known, "1", TODAY)["velocity"]["by_sprint"]
    assert first == [{"sprint": 1, "committed": 16, "completed": 5}]


def test_an_empty_sprint_and_a_sprint_without_estimates(known: Workspace) -> None:
    empty = sprint_summary(known, "2", TODAY)["delivery"]
    assert (empty["committed_items"], empty["committed_points"], empty["completed_points"]) == (0, 0, 0)
    unestimated = sprint_summary(known, "S-3", TODAY)
    assert unestimated["delivery"]["completed_items"] == 2
    assert unestimated["delivery"]["completed_points"] == 0
    assert [(i["points"], i["unestimated"]) for i in unestimated["delivery"]["items"]] == [(0, True), (0, True)]


def test_a_first_sprint_has_no_velocity_and_no_readiness_ratio(ws: Workspace) -> None:
    from ritual_tui.domain.sprint import Sprint

    ws.add(Sprint(number=0, start=date(2026, 11, 23), end=date(2026, 12, 6)))
    doc = sprint_summary(ws, None, TODAY)
    assert doc["velocity"]["by_sprint"] == [] and doc["velocity"]["mean"] is None
    assert doc["readiness"]["sprints_of_ready_work"] is None


def test_decisions_escalations_and_blockers_of_the_sprint(known: Workspace) -> None:
    doc = sprint_summary(known, "1", TODAY)
    assert [d["title"] for d in doc["decisions"]] == ["Use Stripe"]
    esc = doc["escalations"]
    assert [e["title"] for e in esc["raised"]] == ["Contract", "Budget"]
    # On the sprint's last day (15 Nov): Budget waits for the PM since the 12th (3 days); Contract
    # was answered on the 10th after 7 days of waiting and is not resolved yet.
    assert [(e["title"], e["age_days"]) for e in esc["waiting_for_pm"]] == [("Budget", 3)]
    assert [(e["title"], e["status"], e["age_days"]) for e in esc["answered_not_resolved"]] == [
        ("Contract", "answered", 7)
    ]
    assert [(e["title"], e["pm_answer"]) for e in esc["answered_in_sprint"]] == [("Contract", "Signed")]
    assert [(b["title"], b["status"], b["days_open"], b["dailies"]) for b in doc["blockers"]] == [
        ("No keys", "resolved", 4, 2)
    ]
    assert doc["feedback"] == [
        {"id": "F-1", "item": "B-1", "by": "Client", "text": "Love it", "turned_into": "item", "became": "B-8"}
    ]


def test_readiness_and_delivery_per_objective(known: Workspace) -> None:
    doc = sprint_summary(known, "4", TODAY)
    # Ready and not in the active sprint: B-3 (8), B-8 (5), B-9 (13) = 26 points; mean velocity 5/3.
    r = doc["readiness"]
    assert (r["ready_items"], r["ready_points"], r["sprints_of_ready_work"]) == (3, 26, 15.6)
    rows = {o["id"]: o for o in doc["objectives"]["rows"]}
    assert list(rows) == ["O-1", ""]  # items serving no objective are left in the backlog: 8 + 13 + 1
    o1 = rows["O-1"]
    assert (o1["committed_points"], o1["completed_items"], o1["completed_points"]) == (8, 1, 3)
    # B-1 (3) and B-4 (2) in sprint 1, B-7 (3) in this one; left: B-2 (5) and B-8 (5).
    assert (o1["done_to_date_points"], o1["left_points"]) == (3 + 2 + 3, 5 + 5)
    assert rows[""]["left_points"] == 8 + 13 + 1
    assert doc["objectives"]["totals"] == {
        "committed_points": 8,
        "completed_items": 1,
        "completed_points": 3,
        "done_to_date_points": 8,
        "left_points": 32,
    }
    assert doc["as_of"] == TODAY


def test_unknown_sprint_is_an_error(known: Workspace) -> None:
    with pytest.raises(NotFoundError, match="No sprint '9'"):
        sprint_summary(known, "9", TODAY)


def test_the_brief_lists_what_the_pm_must_act_on(known: Workspace) -> None:
    doc = pm_brief(known, since=None, now=NOW)
    # Severity first, then age; "Contract" is answered: it waits for the PO now, not for the PM.
    assert [(e["title"], e["age_days"]) for e in doc["open_escalations"]] == [("Budget", 14), ("Late", 2)]
    assert [d["title"] for d in doc["strategic_decisions_waiting"]] == ["Fees?"]
    assert [e["title"] for e in doc["answers_received"]] == ["Contract"]
    assert [(b["title"], b["dailies"], b["days_open"]) for b in doc["aging_blockers"]] == [("Legal", 3, 6)]
    later = pm_brief(known, since=datetime(2026, 11, 11, tzinfo=NOW.tzinfo), now=NOW)
    assert later["answers_received"] == []


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize("workspace", ["known", "demo"])
def test_the_summary_from_the_index_equals_the_summary_from_every_file(
    workspace: str, request: pytest.FixtureRequest
) -> None:
    # The summary counts items from the store's index: this fails if it reads a field the index
    # does not keep (cold, every record is read whole; warm, items come from the index).
    ws: Workspace = request.getfixturevalue(workspace)
    cold = sprint_summary(ws, None, TODAY)
    assert (ws.root / ".ritual" / "cache" / "backlog.index.json").exists()
    warm = sprint_summary(Workspace.open(ws.root), None, TODAY)
    assert warm == cold and cold["delivery"]["items"]


@pytest.mark.parametrize("workspace", ["known", "demo"])
def test_the_brief_and_the_home_from_the_index_equal_those_from_every_file(
    workspace: str, request: pytest.FixtureRequest
) -> None:
    from ritual_tui.services.overview import load_overview

    ws: Workspace = request.getfixturevalue(workspace)
    since = datetime(2026, 11, 1, tzinfo=NOW.tzinfo)
    cold = (pm_brief(ws, since, NOW), load_overview(ws, TODAY))
    warm = (pm_brief(Workspace.open(ws.root), since, NOW), load_overview(Workspace.open(ws.root), TODAY))
    assert warm == cold
    assert cold[0]["open_escalations"] and cold[1].waiting.escalations


def test_a_damaged_item_is_left_out_and_the_summary_says_so(known: Workspace) -> None:
    (b7,) = [f for f in known.files(BacklogItem) if f.id == "B-7"]
    b7.path.write_text("title = [\n", encoding="utf-8")
    with pytest.raises(DamagedFileError):  # a command that writes stops at it
        sprint_summary(Workspace.open(known.root), "4", TODAY)
    reading = Workspace.open(known.root)
    reading.skip_damaged = True
    doc = sprint_summary(reading, "4", TODAY)
    problem = "line 1: is not valid TOML (Invalid value)"
    assert doc["left_out"] == [{"file": f"backlog/{b7.name}", "problem": problem}]
    # B-7 (3 points, done Nov 24) cannot be read: the summary does not count it as completed, and says why.
    assert [(i["id"], i["title"], i["completed"]) for i in doc["delivery"]["items"]] == [
        ("B-2", "Story 2", False),
        ("B-7", "(left out: its file could not be read)", False),
    ]
    markdown = render(doc, summary_blocks, "md", "t")
    assert "## Left out" in markdown and f"| backlog/{b7.name} | {problem} |" in markdown
