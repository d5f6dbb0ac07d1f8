"""What a daily stand-up writes: the session record and everything captured in it.

Each function is one locked read-modify-write, so a capture is on disk when it returns and two
windows capturing at once lose nothing. The TUI calls these from worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker, Note, Topic
from ritual_tui.domain.decision import DECISION_LEVELS, Decision
from ritual_tui.domain.errors import NotFoundError
from ritual_tui.domain.escalation import Escalation, StatusChange
from ritual_tui.domain.fields import Record
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.settings import Settings
from ritual_tui.domain.sprint import Sprint
from ritual_tui.domain.text import one_of, required_text, storable_text
from ritual_tui.store.escalations import raise_escalation
from ritual_tui.store.sprints import active_sprint, sprint_items
from ritual_tui.store.workspace import Workspace

#: Kinds of capture, by the record each one creates.
CAPTURE_KINDS: dict[str, type[Record]] = {
    "blocker": Blocker,
    "topic": Topic,
    "decision": Decision,
    "escalation": Escalation,
    "note": Note,
}


@dataclass
class DailyContext:
    """What the daily screen needs, read in one go."""

    settings: Settings
    sprint: Sprint | None
    session: RitualSession
    open_blockers: list[Blocker]
    board: list[BacklogItem]
    captured: list[Record] = field(default_factory=list)


def open_daily(ws: Workspace, today: date | None = None) -> DailyContext:
    """Today's daily: resumed if one was started and not ended (after a crash), else a new one."""
    today = today or clock.today()
    settings = ws.settings
    sprint = active_sprint(ws)
    with ws.lock:
        session = next(
            (s for s in todays_sessions(ws, today) if s.ritual == "daily" and s.date == today and s.ended is None),
            None,
        )
        if session is None:
            session = ws.add(
                RitualSession(
                    ritual="daily",
                    date=today,
                    sprint=sprint.id if sprint else "",
                    started=clock.now(),
                    attendees=settings.member_names(),
                )
            )
    captured = [record for record in (_find(ws, ref) for ref in session.captured) if record is not None]
    board = [item for item in sprint_items(ws, sprint).values() if item.id in sprint.current_ids()] if sprint else []
    return DailyContext(settings, sprint, session, open_blockers(ws), board, captured)


def todays_sessions(ws: Workspace, today: date) -> list[RitualSession]:
    """Today's sessions (sessions are filed by month, so nothing older is read)."""
    return ws.sessions_between(today, today)


def open_blockers(ws: Workspace) -> list[Blocker]:
    """Blockers still open, oldest first."""
    return ws.all(Blocker, where=lambda b: b.status == "open")


_BY_PREFIX = {record_type.PREFIX: record_type for record_type in CAPTURE_KINDS.values()}


def _find(ws: Workspace, ref: str) -> Record | None:
    """A captured record by id (its prefix names its kind); None if it is gone."""
    record_type = _BY_PREFIX.get(ref.rsplit("-", 1)[0])
    try:
        return ws.get(record_type, ref) if record_type else None
    except NotFoundError:
        return None


def capture(
    ws: Workspace,
    session_id: str,
    kind: str,
    text: str,
    speaker: str = "",
    choices: dict[str, str] | None = None,
    ask: str = "",
    blocker: str = "",
) -> Record:
    """Save one capture of a daily and list it on the session; returns the new record."""
    choices = choices or {}
    settings = ws.settings
    now = clock.now()
    record: Record
    with ws.lock:
        session = ws.get(RitualSession, session_id)
        if kind == "blocker":
            item = choices.get("item", "")
            record = Blocker(
                title=required_text(text, "blocker"),
                owner=speaker,
                item=item,
                first_seen=now.date(),
                last_seen=now.date(),
                seen_on=[now.date()],
                session=session.id,
            )
        elif kind == "topic":
            record = Topic(title=required_text(text, "topic"), raised_by=speaker, raised=now.date(), session=session.id)
        elif kind == "decision":
            level = one_of(choices.get("level", "operational"), DECISION_LEVELS, "level")
            record = Decision(
                title=required_text(text, "decision"),
                date=now.date(),
                level=level,
                status="accepted" if level == "operational" else "proposed",
                source=session.ritual,
                deciders=[speaker] if speaker else [],
                session=session.id,
            )
        elif kind == "escalation":
            record = Escalation(
                title=required_text(text, "escalation"),
                raised=now.date(),
                category=one_of(choices.get("category", "question"), settings.escalation_categories, "category"),
                severity=one_of(choices.get("severity", "medium"), settings.escalation_severities, "severity"),
                ask=storable_text(ask, "ask"),
                source=session.ritual,
                raised_by=speaker,
                blocker=blocker,
                item=choices.get("item", ""),
                history=[StatusChange(at=now, status="open")],
                session=session.id,
            )
        elif kind == "note":
            record = Note(text=required_text(text, "note"), at=now, by=speaker, session=session.id)
        else:
            raise ValueError(f"unknown capture kind {kind!r}")
        if isinstance(record, Escalation):
            raise_escalation(ws, record)
        else:
            ws.add(record)
        ws.update(RitualSession, session.id, lambda s: s.captured.append(record.id))
    return record


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


def move_on_board(ws: Workspace, item_id: str, status: str, today: date | None = None) -> BacklogItem:
    """Quick status change of a sprint item from the board."""
    return ws.update(BacklogItem, item_id, lambda item: item.move_to(status, today or clock.today()))


def record_speakers(ws: Workspace, session_id: str, seconds: dict[str, int], absent: list[str]) -> RitualSession:
    """Keep who spoke for how long, and who was absent, on the session."""

    def change(session: RitualSession) -> None:
        session.speaker_seconds = dict(seconds)
        session.absent = list(absent)
        session.attendees = [a for a in session.attendees if a not in absent]

    return ws.update(RitualSession, session_id, change)


def end_daily(ws: Workspace, session_id: str, seconds: dict[str, int], absent: list[str]) -> RitualSession:
    """Close the daily: times, absences and the end time saved."""
    record_speakers(ws, session_id, seconds, absent)
    return ws.update(RitualSession, session_id, lambda s: setattr(s, "ended", clock.now()))
