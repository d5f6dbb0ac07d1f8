"""The backlog refinement's own use cases: its agenda (open parking-lot topics, then the items not
ready in rank order), who is present to vote, and the entry under discussion with its time.

The agenda is built when the session opens and kept in the session's record, so the PO's order,
skips and the time per entry survive leaving the ritual, or a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from ritual_tui.domain.backlog import NOT_READY, BacklogItem
from ritual_tui.domain.daily_records import Topic
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.fields import Record
from ritual_tui.domain.refinement import Refinement
from ritual_tui.domain.session import RitualSession
from ritual_tui.services.poker import deck_of, voters_among
from ritual_tui.services.refinement_log import note_item
from ritual_tui.services.sessions import SessionContext, open_session
from ritual_tui.store.workspace import Workspace

R = TypeVar("R", bound=Record)

#: How many items not ready the agenda starts with (the top of the backlog); more are added by hand.
AGENDA_ITEMS = 30


@dataclass
class RefinementContext(SessionContext):
    """The session, plus the items and topics of its agenda and the poker deck."""

    items: dict[str, BacklogItem] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    deck: tuple[str, ...] = ()

    @property
    def refinement(self) -> Refinement:
        """The refinement's part of the session record."""
        assert self.session.refinement is not None
        return self.session.refinement


def initial_agenda(ws: Workspace) -> list[str]:
    """Open parking-lot topics (oldest first), then the first items not ready, by rank. Chosen from
    the index, so a backlog of thousands costs no more than its ids."""
    topics = [t.id for t in ws.all(Topic) if t.status == "open"]
    waiting = sorted((i for i in ws.index(BacklogItem) if i.status in NOT_READY), key=lambda i: (i.rank, i.id))
    return topics + [i.id for i in waiting[:AGENDA_ITEMS]]


def open_refinement(ws: Workspace, today: date | None = None, new: bool = False) -> RefinementContext:
    """Today's refinement (resumed if under way), its agenda built on first opening."""
    base = open_session(ws, "refinement", today, new)
    session = base.session
    if session.refinement is None:
        agenda = initial_agenda(ws)
        voters = voters_among(base.settings, session.attendees)

        def start(s: RitualSession) -> None:
            s.refinement = s.refinement or Refinement(agenda=agenda, voters=voters)

        session = ws.update(RitualSession, session.id, start)
    context = RefinementContext(**{**vars(base), "session": session}, deck=deck_of(base.settings))
    read_agenda(ws, context)
    return context


def read_agenda(ws: Workspace, context: RefinementContext) -> None:
    """Read the agenda's items and topics whole (an entry removed since is left out)."""
    wanted = set(context.refinement.agenda)
    context.items = {i.id: i for i in _by_id(ws, BacklogItem, wanted)}
    context.topics = {t.id: t for t in _by_id(ws, Topic, wanted)}


def _by_id(ws: Workspace, record_type: type[R], wanted: set[str]) -> list[R]:
    """The records of these ids, each file read on its own: the few an agenda holds cost less than
    the index of a backlog of thousands. A file that cannot be read is left out as every view leaves
    it out when the workspace says so (the app names it), else it is an error."""
    files = [f for f in ws.files(record_type) if f.id in wanted]
    return [record for record in ws.read_each(record_type, files) if record is not None]


def _change(ws: Workspace, session_id: str, change: Callable[[Refinement], None]) -> RitualSession:
    def apply(session: RitualSession) -> None:
        if session.refinement is None:
            raise ValidationError(f"{session.id} is not a refinement.")
        change(session.refinement)

    return ws.update(RitualSession, session_id, apply)


def discuss(ws: Workspace, session_id: str, entry: str, seconds: dict[str, int]) -> RitualSession:
    """Take up an agenda entry (the time spent so far kept); an item is noted with its values now."""

    def take(refinement: Refinement) -> None:
        refinement.current = entry
        refinement.seconds = dict(seconds)
        if entry in refinement.skipped:
            refinement.skipped.remove(entry)

    session = _change(ws, session_id, take)
    if entry.startswith(f"{BacklogItem.PREFIX}-") and ws.exists(BacklogItem, entry):
        session = note_item(ws, session_id, ws.get(BacklogItem, entry))
    return session


def move_on_agenda(ws: Workspace, session_id: str, entry: str, step: int) -> RitualSession:
    """Move an agenda entry up (-1) or down (+1) in the session's order."""

    def move(refinement: Refinement) -> None:
        agenda = refinement.agenda
        here = agenda.index(entry)
        there = max(0, min(len(agenda) - 1, here + step))
        agenda.insert(there, agenda.pop(here))

    return _change(ws, session_id, move)


def skip(ws: Workspace, session_id: str, entry: str) -> RitualSession:
    """Skip an agenda entry, or take it back when it was skipped."""

    def toggle(refinement: Refinement) -> None:
        if entry in refinement.skipped:
            refinement.skipped.remove(entry)
        else:
            refinement.skipped.append(entry)

    return _change(ws, session_id, toggle)


def add_to_agenda(ws: Workspace, session_id: str, item_ref: str) -> RitualSession:
    """Put an item the PO flags on the agenda (after the entry under discussion)."""
    item = ws.get(BacklogItem, item_ref)

    def add(refinement: Refinement) -> None:
        if item.id in refinement.agenda:
            raise ValidationError(f"{item.id} is on the agenda already.")
        at = refinement.agenda.index(refinement.current) + 1 if refinement.current in refinement.agenda else 0
        refinement.agenda.insert(at, item.id)

    return _change(ws, session_id, add)


def set_present(ws: Workspace, session_id: str, member: str, present: bool) -> RitualSession:
    """Someone arrives or leaves: present members vote (the PO only when the settings say so)."""
    settings = ws.settings

    def change(session: RitualSession) -> None:
        invited = list(dict.fromkeys([*session.attendees, *session.absent]))
        if member not in invited:
            raise ValidationError(f"{member} is not in the team.")
        absent = [n for n in session.absent if n != member] + ([] if present else [member])
        session.absent = [n for n in invited if n in absent]
        session.attendees = [n for n in invited if n not in absent]
        if session.refinement is not None:
            session.refinement.voters = voters_among(settings, session.attendees)

    return ws.update(RitualSession, session_id, change)


def save_times(ws: Workspace, session_id: str, elapsed: float, seconds: dict[str, int]) -> RitualSession:
    """Keep how long the refinement and each agenda entry have run."""

    def change(session: RitualSession) -> None:
        session.elapsed_seconds = round(elapsed)
        if session.refinement is not None:
            session.refinement.seconds = dict(seconds)

    return ws.update(RitualSession, session_id, change)
