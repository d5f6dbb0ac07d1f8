"""One-key captures, the same in every ritual: blocker, parking-lot topic, decision, escalation,
private note. Each kind is declared once here; the forms, the lists and the recap read this table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker, Note, Topic
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import NotFoundError
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.fields import Record
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.text import required_text
from ritual_tui.services.decisions import NewDecision, record_decision
from ritual_tui.services.escalations import NewEscalation, raise_escalation
from ritual_tui.store.workspace import Workspace


@dataclass
class Capture:
    """What the PO typed, and what the ritual knows: who has the floor, which item is in view."""

    kind: str
    text: str
    #: Who it is attributed to: the current speaker (daily) or nobody.
    by: str = ""
    #: The backlog item it concerns (chosen in the form, or the item in view).
    item: str = ""
    #: Decision: operational or strategic.
    level: str = "operational"
    #: Escalation: category, severity ("" = the settings' default) and the ask for the PM.
    category: str = ""
    severity: str = ""
    ask: str = ""
    #: The blocker an escalation escalates.
    blocker: str = ""


def _blocker(ws: Workspace, session: RitualSession, c: Capture) -> Record:
    today = clock.today()
    item = ws.get(BacklogItem, c.item).id if c.item else ""
    return ws.add(
        Blocker(
            title=required_text(c.text, "blocker"),
            owner=c.by,
            item=item,
            first_seen=today,
            last_seen=today,
            seen_on=[today],
            session=session.id,
        )
    )


def _topic(ws: Workspace, session: RitualSession, c: Capture) -> Record:
    return ws.add(Topic(title=required_text(c.text, "topic"), raised_by=c.by, raised=clock.today(), session=session.id))


def _decision(ws: Workspace, session: RitualSession, c: Capture) -> Record:
    new = NewDecision(
        c.text, level=c.level, source=session.ritual, session=session.id, items=[c.item] if c.item else []
    )
    return record_decision(ws, new)


def _escalation(ws: Workspace, session: RitualSession, c: Capture) -> Record:
    new = NewEscalation(
        c.text,
        category=c.category or None,
        severity=c.severity or None,
        ask=c.ask,
        source=session.ritual,
        session=session.id,
        raised_by=c.by,
        item=c.item,
        blocker=c.blocker,
    )
    return raise_escalation(ws, new)


def _note(ws: Workspace, session: RitualSession, c: Capture) -> Record:
    text = required_text(c.text, "note")
    return ws.add(Note(text=text, at=clock.now(), by=c.by, session=session.id, about=c.item))


@dataclass(frozen=True)
class CaptureKind:
    """One kind of capture: its key, how it is named, what it asks for and what it stores."""

    name: str
    #: The key that opens it in every ritual.
    key: str
    #: The form's title, and the heading of a list of them.
    title: str
    heading: str
    record: type[Record]
    #: What the form asks besides the line of text: "item", "level", "ask", "category", "severity".
    asks: tuple[str, ...]
    store: Callable[[Workspace, RitualSession, Capture], Record]
    #: Typed text that never shows on a shared screen (masked while typed in presenter mode).
    private: bool = False


CAPTURE_KINDS: tuple[CaptureKind, ...] = (
    CaptureKind("blocker", "b", "Blocker", "Blockers", Blocker, ("item",), _blocker),
    CaptureKind("topic", "p", "Parking-lot topic", "Parking-lot topics", Topic, (), _topic),
    CaptureKind("decision", "d", "Decision", "Decisions", Decision, ("level", "item"), _decision),
    CaptureKind(
        "escalation",
        "e",
        "Escalation for the PM",
        "Escalations",
        Escalation,
        ("ask", "category", "severity", "item"),
        _escalation,
    ),
    CaptureKind("note", "o", "Private note", "Notes", Note, (), _note, private=True),
)
BY_NAME = {kind.name: kind for kind in CAPTURE_KINDS}
_BY_TYPE = {kind.record: kind for kind in CAPTURE_KINDS}


def capture(ws: Workspace, session_id: str, entry: Capture) -> Record:
    """Save one capture and list it on the session, under one lock; returns the new record."""
    kind = BY_NAME[entry.kind]
    with ws.lock:
        session = ws.get(RitualSession, session_id)
        record = kind.store(ws, session, entry)
        ws.update(RitualSession, session.id, lambda s: s.captured.append(record.id))
    return record


def captured_records(ws: Workspace, session: RitualSession) -> list[Record]:
    """The records a session captured, in order; one removed since is left out."""
    by_prefix = {kind.record.PREFIX: kind.record for kind in CAPTURE_KINDS}
    found = []
    for ref in session.captured:
        record_type = by_prefix.get(ref.rsplit("-", 1)[0])
        try:
            if record_type is not None:
                found.append(ws.get(record_type, ref))
        except NotFoundError:
            continue
    return found


def kind_of(record: Record) -> CaptureKind | None:
    """The capture kind a record was made by."""
    return _BY_TYPE.get(type(record))


def is_private(record: Record) -> bool:
    """True for what must never show on a shared screen."""
    return isinstance(record, Note) and record.private


def label(record: Record) -> str:
    """How a captured record is named in a list: "blocker", "private note", ..."""
    if isinstance(record, Note):
        return "private note" if record.private else "note"
    kind = kind_of(record)
    return kind.name if kind else record.KIND


def headline(record: Record) -> str:
    """The line of text a record was captured with."""
    return str(getattr(record, "title", None) or getattr(record, "text", ""))
