"""The runtime every ritual shares: open or resume today's session, keep its clock, end it.

One session per ritual per day: opening a ritual resumes today's session when one is under way (after
a crash, or after the PO went home for a moment); a second one the same day is started only when the
PO asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ritual_tui.domain import clock
from ritual_tui.domain.fields import Record
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.settings import Settings
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services.capture import captured_records
from ritual_tui.services.sprints import active_sprint
from ritual_tui.store.workspace import Workspace


@dataclass
class SessionContext:
    """What every ritual screen starts from, read in one go."""

    settings: Settings
    sprint: Sprint | None
    session: RitualSession
    captured: list[Record] = field(default_factory=list)


def todays_sessions(ws: Workspace, ritual: str, today: date) -> list[RitualSession]:
    """Today's sessions of a ritual, oldest first (sessions are filed by month: nothing older is read)."""
    return [s for s in ws.sessions_between(today, today) if s.ritual == ritual]


def ended_today(ws: Workspace, ritual: str, today: date | None = None) -> RitualSession | None:
    """Today's last session of the ritual when it has ended and none is under way: opening the
    ritual again then asks before starting a second one."""
    sessions = todays_sessions(ws, ritual, today or clock.today())
    if not sessions or any(s.ended is None for s in sessions):
        return None
    return sessions[-1]


def open_session(ws: Workspace, ritual: str, today: date | None = None, new: bool = False) -> SessionContext:
    """Today's session of the ritual: the one under way, else a new one (also with ``new``)."""
    today = today or clock.today()
    settings = ws.settings
    sprint = active_sprint(ws)
    with ws.lock:
        session = None if new else next((s for s in todays_sessions(ws, ritual, today) if s.ended is None), None)
        if session is None:
            session = ws.add(
                RitualSession(
                    ritual=ritual,
                    date=today,
                    sprint=sprint.id if sprint else "",
                    started=clock.now(),
                    attendees=settings.member_names(),
                    elapsed_seconds=0,
                )
            )
    return SessionContext(settings, sprint, session, captured_records(ws, session))


def save_clock(ws: Workspace, session_id: str, elapsed: float) -> RitualSession:
    """Keep how long the ritual has run, so that it resumes with the same time."""
    return ws.update(RitualSession, session_id, lambda s: setattr(s, "elapsed_seconds", round(elapsed)))


def end_session(ws: Workspace, session_id: str, elapsed: float) -> RitualSession:
    """Close a session: its clock and its end time saved."""

    def end(session: RitualSession) -> None:
        session.elapsed_seconds = round(elapsed)
        session.ended = clock.now()

    return ws.update(RitualSession, session_id, end)
