"""A workspace whose every figure is known by hand, built in the test (never a copied output)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker, Note, Topic
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import CommittedItem, ScopeChange, Sprint
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result

SECRET = "PRIVATE-NOTE-MUST-NOT-LEAK"


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.fixture
def known(ws: Workspace) -> Workspace:
    """Three closed sprints and one under way (frozen today is 2026-11-26, day 4 of sprint 4).

    Sprint 1 (Nov 2–15): committed B-1 (3) + B-2 (5) + B-3 (8) = 16 points. B-4 (2) added on Nov 5,
    B-3 removed on Nov 6. B-1 done Nov 4, B-4 done Nov 9: completed 5 points, 2 items. B-2 carried
    over. Sprint 2 (Nov 16–19): empty. Sprint 3 (Nov 20–22): B-5 and B-6, no estimates, both done.
    Sprint 4 (Nov 23–Dec 6): B-2 (5) + B-7 (3); B-7 done Nov 24.
    Velocity over closed sprints: 5, 0, 0 → mean 5/3, min 0, max 5.
    """
    items = [
        ("B-1", 3, "done", date(2026, 11, 4), "O-1"),
        ("B-2", 5, "in-progress", None, "O-1"),
        ("B-3", 8, "ready", None, ""),
        ("B-4", 2, "done", date(2026, 11, 9), "O-1"),
        ("B-5", None, "done", date(2026, 11, 21), ""),
        ("B-6", None, "done", date(2026, 11, 21), ""),
        ("B-7", 3, "done", date(2026, 11, 24), "O-1"),
        ("B-8", 5, "ready", None, "O-1"),
        ("B-9", 13, "ready", None, ""),
        ("B-10", 1, "refining", None, ""),
    ]
    for _, estimate, status, done_on, objective in items:
        ws.add(
            BacklogItem(
                title=f"Story {len(ws.files(BacklogItem)) + 1}",
                estimate=estimate,
                status=status,
                done_on=done_on,
                objective=objective,
                private_notes=SECRET,
            )
        )
    ws.add(
        Sprint(
            number=0,
            start=date(2026, 11, 2),
            end=date(2026, 11, 15),
            status="closed",
            goal="Checkout",
            goal_objective="O-1",
            goal_met=True,
            commitment=[
                CommittedItem(item="B-1", estimate=3),
                CommittedItem(item="B-2", estimate=5),
                CommittedItem(item="B-3", estimate=8),
            ],
            scope_changes=[
                ScopeChange(at=at(date(2026, 11, 5)), item="B-4", change="added", estimate=2),
                ScopeChange(at=at(date(2026, 11, 6)), item="B-3", change="removed", estimate=8),
            ],
            outcomes={"B-1": "accepted", "B-4": "accepted", "B-2": "carried-over"},
        )
    )
    ws.add(Sprint(number=0, start=date(2026, 11, 16), end=date(2026, 11, 19), status="closed", goal_met=False))
    ws.add(
        Sprint(
            number=0,
            start=date(2026, 11, 20),
            end=date(2026, 11, 22),
            status="closed",
            goal_met=True,
            commitment=[CommittedItem(item="B-5"), CommittedItem(item="B-6")],
            outcomes={"B-5": "accepted", "B-6": "accepted"},
        )
    )
    ws.add(
        Sprint(
            number=0,
            start=date(2026, 11, 23),
            end=date(2026, 12, 6),
            goal="Wallets",
            commitment=[CommittedItem(item="B-2", estimate=5), CommittedItem(item="B-7", estimate=3)],
        )
    )
    ws.add(
        Decision(title="Use Stripe", date=date(2026, 11, 3), level="strategic", status="accepted", private_notes=SECRET)
    )
    ws.add(Decision(title="Later", date=date(2026, 11, 20), level="operational"))
    ws.add(Decision(title="Fees?", date=date(2026, 11, 25), level="strategic", status="proposed", private_notes=SECRET))
    ws.add(
        Escalation(
            title="Contract",
            raised=date(2026, 11, 3),
            severity="high",
            status="answered",
            ask="Sign it?",
            pm_answer="Signed",
            answered=date(2026, 11, 10),
            private_notes=SECRET,
        )
    )
    ws.add(
        Escalation(
            title="Budget",
            raised=date(2026, 11, 12),
            severity="critical",
            status="open",
            ask="More?",
            private_notes=SECRET,
        )
    )
    ws.add(
        Escalation(
            title="Old risk", raised=date(2026, 10, 1), severity="low", status="resolved", closed=date(2026, 10, 5)
        )
    )
    ws.add(Escalation(title="Late", raised=date(2026, 11, 24), severity="medium", status="sent"))
    ws.add(
        Blocker(
            title="No keys",
            owner="Ada",
            first_seen=date(2026, 11, 3),
            resolved=date(2026, 11, 7),
            status="resolved",
            seen_on=[date(2026, 11, 3), date(2026, 11, 4)],
            private_notes=SECRET,
        )
    )
    ws.add(
        Blocker(
            title="Legal",
            owner="Bo",
            first_seen=date(2026, 11, 20),
            seen_on=[date(2026, 11, 20), date(2026, 11, 23), date(2026, 11, 24)],
            private_notes=SECRET,
        )
    )
    review = ws.add(RitualSession(ritual="review", date=date(2026, 11, 15), sprint="S-1"))
    ws.add(
        Feedback(
            text="Love it", item="B-1", by="Client", sprint="S-1", session=review.id, became_kind="item", became="B-8"
        )
    )
    ws.add(Topic(title="Retro?"))
    ws.add(Note(text=SECRET, private=True))
    return ws


@pytest.fixture
def run_at(cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run a command at a given local moment (the frozen clock moved there), refusing any failure."""

    def run(moment: str, *args: str) -> Result:
        monkeypatch.setenv("RITUAL_NOW", f"{moment}+01:00")
        result = cli(*args)
        assert result.code == 0, result.err
        return result

    return run
