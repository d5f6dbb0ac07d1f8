"""The daily stand-up's own use cases: who spoke, blockers followed up, the board moved."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.errors import ConflictError, ValidationError
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services.sessions import SessionContext, open_session
from ritual_tui.services.sprints import sprint_items
from ritual_tui.store.workspace import Workspace


@dataclass
class DailyContext(SessionContext):
    """The session, plus the blockers to follow up and the sprint board."""

    open_blockers: list[Blocker] = field(default_factory=list)
    board: list[BacklogItem] = field(default_factory=list)


def open_daily(ws: Workspace, today: date | None = None, new: bool = False) -> DailyContext:
    """Today's daily (resumed if under way) with the open blockers and the sprint's items."""
    base = open_session(ws, "daily", today, new)
    return DailyContext(**vars(base), open_blockers=open_blockers(ws), board=sprint_board(ws, base.sprint))


def sprint_board(ws: Workspace, sprint: Sprint | None) -> list[BacklogItem]:
    """The items in the sprint now, in the order they entered it."""
    if sprint is None:
        return []
    return [i for i in sprint_items(ws, sprint).values() if i.id in sprint.current_ids()]


def open_blockers(ws: Workspace) -> list[Blocker]:
    """Blockers still open, oldest first (chosen from the index: only they are read whole)."""
    return ws.all(Blocker, where=lambda b: b.status == "open")


def follow_up_blocker(ws: Workspace, blocker_id: str, resolved: bool, today: date | None = None) -> Blocker:
    """Mark a blocker resolved, or seen still open in today's daily."""
    today = today or clock.today()

    def change(blocker: Blocker) -> None:
        if resolved:
            blocker.status = "resolved"
            blocker.resolved = today
        elif today not in blocker.seen_on:
            blocker.seen_on.append(today)
        blocker.last_seen = today

    return ws.update(Blocker, blocker_id, change)


def reopen_blocker(ws: Workspace, blocker_id: str, today: date | None = None) -> Blocker:
    """A blocker resolved too soon is open again, seen today."""
    today = today or clock.today()

    def reopen(blocker: Blocker) -> None:
        if blocker.status == "open":
            raise ValidationError(f"{blocker.id} is open already.")
        blocker.status, blocker.resolved, blocker.last_seen = "open", None, today

    return ws.update(Blocker, blocker_id, reopen)


def move_on_board(ws: Workspace, item_id: str, status: str, expected: str, today: date | None = None) -> BacklogItem:
    """Move a sprint item from ``expected`` to ``status``; refused when someone moved it meanwhile
    (the screen's copy was stale), so that nobody's change is undone."""

    def move(item: BacklogItem) -> None:
        if item.status != expected:
            raise ConflictError(f"{item.id} is {item.status} now (changed elsewhere), not {expected}; nothing moved.")
        item.move_to(status, today or clock.today())

    return ws.update(BacklogItem, item_id, move)


def record_speakers(
    ws: Workspace,
    session_id: str,
    seconds: dict[str, int],
    absent: list[str],
    elapsed: float | None = None,
    order: list[str] | None = None,
    current: str = "",
) -> RitualSession:
    """Keep who spoke for how long, who was absent, the speaking order and who has the floor, and how
    long the daily has run, on the session."""

    def change(session: RitualSession) -> None:
        if order is not None:
            session.speaker_order = list(order)
        session.current_speaker = current
        invited = dict.fromkeys([*session.attendees, *session.absent])  # a late arrival is present again
        session.speaker_seconds = dict(seconds)
        session.absent = list(absent)
        session.attendees = [name for name in invited if name not in absent]
        if elapsed is not None:
            session.elapsed_seconds = round(elapsed)

    return ws.update(RitualSession, session_id, change)
