"""Ritual sessions: one record per daily, planning, refinement or review that took place."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ritual_tui.domain.fields import Part, Record, vocabulary
from ritual_tui.domain.planning import SprintPlan
from ritual_tui.domain.refinement import Refinement

RITUALS = ("daily", "planning", "refinement", "review")
#: Where a decision or an escalation came from: a ritual, or the command line.
SOURCES = (*RITUALS, "cli")


@dataclass(kw_only=True)
class Stakeholder(Part):
    """Someone from outside the team in the room at a review."""

    name: str
    role: str = ""


@dataclass(kw_only=True)
class RitualSession(Record):
    """One ritual as it happened."""

    KIND = "ritual session"
    PREFIX = "R"
    FOLDER = "sessions"
    #: Enough to choose the reviews among years of dailies.
    INDEXED = ("ritual", "date")

    ritual: str = vocabulary(RITUALS)
    date: date
    sprint: str = ""
    started: datetime | None = None
    ended: datetime | None = None
    #: Seconds the ritual's clock has run, pauses excluded: saved as it runs, so that a ritual left
    #: (or a crashed app) resumes with the time the screen showed.
    elapsed_seconds: int | None = None
    attendees: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    #: Seconds each speaker talked (dailies).
    speaker_seconds: dict[str, int] = field(default_factory=dict)
    #: The daily's speaking order as it stands (after a shuffle or a late arrival), and who has the
    #: floor: a daily resumed after a crash carries on with them, their time kept.
    speaker_order: list[str] = field(default_factory=list)
    current_speaker: str = ""
    #: Ids of the records captured in this session.
    captured: list[str] = field(default_factory=list)
    #: Planning-poker votes: item id → member → vote.
    votes: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Reviews: the stakeholders in the room, and the run-sheet's order (item ids) as the PO set it.
    stakeholders: list[Stakeholder] = field(default_factory=list)
    run_sheet: list[str] = field(default_factory=list)
    #: A sprint planning's plan: capacity, forecast, goal, selection, confidence, commitment.
    plan: SprintPlan | None = None
    #: A refinement's agenda, poker rounds and items refined (None for other rituals).
    refinement: Refinement | None = None

    def duration_seconds(self) -> int | None:
        """How long it lasted: its clock, pauses excluded (else from start to end, once ended)."""
        if self.elapsed_seconds is not None:
            return self.elapsed_seconds
        if self.started and self.ended:
            return int((self.ended - self.started).total_seconds())
        return None
