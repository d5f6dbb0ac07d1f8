"""What a daily stand-up captures besides decisions and escalations: blockers, topics, notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ritual_tui.domain.fields import PRIVATE, Record, vocabulary

BLOCKER_STATUSES = ("open", "resolved")
TOPIC_STATUSES = ("open", "closed")


@dataclass(kw_only=True)
class Blocker(Record):
    """Something stopping a team member, followed up daily until resolved."""

    KIND = "blocker"
    PREFIX = "BL"
    FOLDER = "blockers"
    #: Enough to choose the blockers open in a period.
    INDEXED = ("status", "first_seen", "resolved")

    title: str
    owner: str = ""
    item: str = ""
    status: str = vocabulary(BLOCKER_STATUSES, "open")
    first_seen: date | None = None
    last_seen: date | None = None
    #: The days of the dailies in which it was raised or confirmed still open.
    seen_on: list[date] = field(default_factory=list)
    resolved: date | None = None
    session: str = ""
    #: The escalation raised for it, once escalated.
    escalation: str = ""
    private_notes: str = field(default="", metadata=PRIVATE)

    def dailies_open(self) -> int:
        """In how many dailies it has been seen open."""
        return len(set(self.seen_on)) or (1 if self.first_seen else 0)

    def lasted_days(self, on: date) -> int:
        """Days from first seen to resolution (or to ``on`` while still open)."""
        if self.first_seen is None:
            return 0
        end = self.resolved or on
        return max(0, (end - self.first_seen).days)


@dataclass(kw_only=True)
class Topic(Record):
    """A parking-lot topic: raised in a daily, discussed in the next refinement."""

    KIND = "parking-lot topic"
    PREFIX = "P"
    FOLDER = "topics"

    title: str
    raised_by: str = ""
    raised: date | None = None
    session: str = ""
    status: str = vocabulary(TOPIC_STATUSES, "open")
    closed: date | None = None
    outcome: str = ""


@dataclass(kw_only=True)
class Note(Record):
    """A note captured in a ritual; private unless marked otherwise."""

    KIND = "note"
    PREFIX = "N"
    FOLDER = "notes"

    text: str
    at: datetime | None = None
    by: str = ""
    session: str = ""
    #: The item it is about, if any.
    about: str = ""
    private: bool = True
