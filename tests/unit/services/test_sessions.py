"""The ritual runtime: one session per ritual per day, resumed, captured into, ended."""

from __future__ import annotations

import pytest

from ritual_tui.domain.daily_records import Blocker, Note, Topic
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.session import RITUALS, RitualSession
from ritual_tui.services import sessions
from ritual_tui.services.capture import CAPTURE_KINDS, Capture, capture, captured_records, label
from ritual_tui.store.workspace import Workspace


@pytest.mark.parametrize("ritual", RITUALS)
def test_a_session_is_resumed_the_same_day_and_a_new_one_only_when_asked(ws: Workspace, ritual: str) -> None:
    first = sessions.open_session(ws, ritual).session
    assert sessions.open_session(ws, ritual).session.id == first.id
    sessions.save_clock(ws, first.id, 61.4)
    assert sessions.open_session(ws, ritual).session.elapsed_seconds == 61
    assert sessions.ended_today(ws, ritual) is None  # under way, not ended
    ended = sessions.end_session(ws, first.id, 75)
    assert (ended.duration_seconds(), sessions.ended_today(ws, ritual).id) == (75, first.id)
    second = sessions.open_session(ws, ritual, new=True).session
    assert second.id != first.id and second.elapsed_seconds == 0
    assert [s.ritual for s in ws.all(RitualSession)] == [ritual, ritual]


def test_every_kind_of_capture_lands_on_disk_and_on_its_session(ws: Workspace) -> None:
    session = sessions.open_session(ws, "refinement").session
    typed = {
        "blocker": Capture("blocker", "No API key", by="Ada"),
        "topic": Capture("topic", "Sundays?", by="Bo"),
        "decision": Capture("decision", "Ship Monday", level="strategic"),
        "escalation": Capture("escalation", "Scope cut?", ask="Drop B-3?"),
        "note": Capture("note", "Tired team"),
    }
    assert set(typed) == {kind.name for kind in CAPTURE_KINDS}
    records = [capture(ws, session.id, typed[kind.name]) for kind in CAPTURE_KINDS]
    assert [type(r) for r in records] == [Blocker, Topic, Decision, Escalation, Note]
    stored = ws.get(RitualSession, session.id)
    assert stored.captured == [r.id for r in records]
    assert [label(r) for r in captured_records(ws, stored)] == [
        "blocker",
        "topic",
        "decision",
        "escalation",
        "private note",
    ]
    decision, escalation = ws.get(Decision, records[2].id), ws.get(Escalation, records[3].id)
    assert (decision.source, decision.session, decision.status) == ("refinement", session.id, "proposed")
    assert (escalation.source, escalation.ask, escalation.category) == ("refinement", "Drop B-3?", "question")
    assert ws.get(Blocker, records[0].id).owner == "Ada"


def test_an_empty_capture_is_refused_and_nothing_is_listed(ws: Workspace) -> None:
    session = sessions.open_session(ws, "daily").session
    with pytest.raises(ValidationError, match="The topic cannot be empty"):
        capture(ws, session.id, Capture("topic", "   "))
    assert ws.get(RitualSession, session.id).captured == [] and ws.all(Topic) == []
