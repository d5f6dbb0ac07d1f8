"""Decisions, recorded like architecture decision records, each with the level that decides it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ritual_tui.domain.fields import PRIVATE, Record, vocabulary
from ritual_tui.domain.session import SOURCES

#: Operational decisions are the PO's; strategic ones are the PM's.
DECISION_LEVELS = ("operational", "strategic")
DECISION_STATUSES = ("proposed", "accepted", "superseded", "rejected")


def initial_status(level: str) -> str:
    """A decision the PO takes is accepted as it is recorded; a strategic one waits for the PM."""
    return "proposed" if level == "strategic" else "accepted"


@dataclass(kw_only=True)
class Decision(Record):
    """A decision taken (or proposed) in a ritual or from the shell."""

    KIND = "decision"
    PREFIX = "D"
    FOLDER = "decisions"
    #: Enough to choose the decisions of a period.
    INDEXED = ("date", "status")

    title: str
    date: date | None = None
    level: str = vocabulary(DECISION_LEVELS, "operational")
    status: str = vocabulary(DECISION_STATUSES, "accepted")
    #: The ritual it came from: daily, planning, refinement, review, or "cli".
    source: str = vocabulary(SOURCES, "cli")
    #: The ritual session id, when it came from one.
    session: str = ""
    context: str = ""
    decision: str = ""
    consequences: str = ""
    #: The decision this one replaces, and the one that replaced this one.
    supersedes: str = ""
    superseded_by: str = ""
    deciders: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    private_notes: str = field(default="", metadata=PRIVATE)
