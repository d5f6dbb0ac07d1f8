"""A sprint under review whose every figure is known by hand (today is frozen at 2026-11-26)."""

from __future__ import annotations

from datetime import date

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.sprint import CommittedItem, Sprint
from ritual_tui.store.workspace import Workspace

CARD = ["Given a card, When I pay, Then I get a receipt", "Given a declined card, When I pay, Then I am told why"]
REFUND = ["Given a payment, When it is refunded, Then the money is back within 5 days"]


def sprint_under_review(ws: Workspace) -> Sprint:
    """Sprint 1 (Nov 23 – Dec 6) commits B-1 "Pay by card" (3 points, done, two criteria), B-2
    "Refund" (5, in progress, one criterion) and B-3 "Invoice PDF" (2, in review, a chore without
    criteria); B-4 "Outside" (8, ready) is not in it. All serve O-1."""
    for title, status, estimate, criteria in (
        ("Pay by card", "done", 3, CARD),
        ("Refund", "in-progress", 5, REFUND),
        ("Invoice PDF", "review", 2, []),
        ("Outside", "ready", 8, []),
    ):
        ws.add(BacklogItem(title=title, status=status, estimate=estimate, acceptance=criteria, objective="O-1"))
    return ws.add(
        Sprint(
            number=0,
            start=date(2026, 11, 23),
            end=date(2026, 12, 6),
            goal="Customers pay online",
            goal_objective="O-1",
            commitment=[CommittedItem(item=f"B-{n}", estimate=e) for n, e in ((1, 3), (2, 5), (3, 2))],
        )
    )
