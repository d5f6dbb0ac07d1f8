"""The five lines a PM reads first, for a running sprint: every figure computed by hand here."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.sprint import CommittedItem, ScopeChange, Sprint
from ritual_tui.reports.files import render
from ritual_tui.reports.layout import summary_blocks
from ritual_tui.reports.summary import sprint_summary
from ritual_tui.store.workspace import Workspace
from tests.unit.reports.invariant import assert_balanced

TODAY = date(2026, 11, 26)  # a Thursday, day 4 of the sprint


@pytest.fixture
def running(ws: Workspace) -> Workspace:
    """Mon 23 Nov to Fri 4 Dec (12 days, 10 working days), forecast 10 points. Committed B-1 (5),
    B-2 (3), B-3 (5) = 13 points; B-4 (2) added on the 24th, B-3 removed on the 25th; B-1 done on
    the 24th. A blocker on B-2 seen in 2 dailies; E-1 (high, needed by the 27th) about B-4."""
    for estimate, status, done_on in ((5, "done", date(2026, 11, 24)), (3, "in-progress", None), (5, "ready", None)):
        ws.add(BacklogItem(title="x", estimate=estimate, status=status, done_on=done_on, objective="O-1"))
    ws.add(BacklogItem(title="y", estimate=2, status="in-progress", objective="O-1"))
    ws.add(
        Sprint(
            number=0,
            start=date(2026, 11, 23),
            end=date(2026, 12, 4),
            goal="Pay",
            forecast=10,
            commitment=[CommittedItem(item=f"B-{n}", estimate=e) for n, e in ((1, 5), (2, 3), (3, 5))],
            scope_changes=[
                ScopeChange(at=datetime(2026, 11, 24, 10, tzinfo=UTC), item="B-4", change="added", estimate=2),
                ScopeChange(at=datetime(2026, 11, 25, 10, tzinfo=UTC), item="B-3", change="removed", estimate=5),
            ],
        )
    )
    days = [date(2026, 11, 24), date(2026, 11, 25)]
    ws.add(Blocker(title="No keys", item="B-2", first_seen=days[0], seen_on=days))
    ws.add(Escalation(title="Sender ID", severity="high", item="B-4", raised=days[0], needed_by=date(2026, 11, 27)))
    return ws


def test_the_headline_of_a_running_sprint_at_risk(running: Workspace) -> None:
    doc = sprint_summary(running, None, TODAY)
    assert doc["headline"] == [
        "Goal at risk: blocker BL-1 on B-2 (2 dailies); E-1 (high) on B-4 waits for the PM.",
        # B-1's 5 of the 13 committed = 38%; B-2 and B-4 still to do; 23 Nov is day 1 of 12.
        "Done so far: 5 points against 13 committed (38%), 1 item; 2 items still to do on day 4 of 12.",
        # (2 − 5) ÷ 13 = −23%.
        (
            "Scope changed after the start: +2 points added (1 item) and −5 points removed (1 item), net −23% of"
            " the commitment."
        ),
        # 13 ÷ 10 = 130%, above the 110% of the default settings.
        "Committed 13 points against a forecast of 10 (130%): over-committed, above 110% of the forecast.",
        "Top risks: E-1 (high, needed by 2026-11-27) Sender ID.",
    ]
    assert_balanced(doc)  # 13 + 2 − 5 = 5 completed + 5 still to do; 3 + 1 − 1 = 1 + 2 items
    # Ideal: 13 × 9/10, × 8/10, × 7/10, × 6/10 at the end of each of the first four working days.
    assert [d["ideal"] for d in doc["burndown"][:4]] == [11.7, 10.4, 9.1, 7.8]
    assert [d["remaining"] for d in doc["burndown"][:5]] == [13, 10, 5, 5, None]  # +2 − 5 done, − 5 removed
    md = render(doc, summary_blocks, "md", "t")
    assert "| Rejected, carried over | at the close | at the close |" in md
    assert "Whether it is met is decided at the review." in md
    assert (
        "**Planning:** capacity not recorded · forecast 10 points · committed 13 points (130% of the forecast)"
        " **· over-committed**" in md
    )
    assert "| B-4 | y | added 2026-11-24 | 2 | in-progress | – |" in md
    assert "| B-3 | x | committed, removed 2026-11-25 | 5 | ready | – |" in md


def test_on_track_and_behind_the_ideal_line(running: Workspace) -> None:
    running.update(Blocker, "BL-1", lambda b: setattr(b, "status", "resolved") or setattr(b, "resolved", TODAY))
    running.update(Escalation, "E-1", lambda e: setattr(e, "item", ""))
    assert sprint_summary(running, None, TODAY)["headline"][0] == (
        "Goal on track: 5 points left on day 4 of 12, the ideal line is at 7.8; whether it is met is decided at"
        " the review."
    )
    # With B-1 not done, 13 + 2 − 5 = 10 points are left against an ideal of 7.8: 2.2 behind.
    running.update(BacklogItem, "B-1", lambda i: i.move_to("in-progress", TODAY))
    assert sprint_summary(running, None, TODAY)["headline"][0] == (
        "Goal at risk: 2.2 points behind the ideal line on day 4."
    )
