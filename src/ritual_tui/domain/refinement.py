"""What a refinement session keeps: its agenda, the votes of every planning-poker round, and each
item discussed with its status and estimate before and after, and the time it took.

Stored inside the session's record (``RitualSession.refinement``), so that a refinement left or
killed half-way resumes where it was, votes not yet revealed included.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from ritual_tui.domain.fields import Part
from ritual_tui.domain.meeting import MeetingClock


@dataclass(kw_only=True)
class VoteRound(Part):
    """One round of planning poker on one item; re-voting starts a new round and keeps this one."""

    item: str
    #: 1 for the first round on the item, 2 for its re-vote, ...
    number: int = 1
    #: The members asked to vote (those present when the round started).
    voters: list[str] = field(default_factory=list)
    #: Member → card. Hidden on screen until the round is revealed.
    votes: dict[str, str] = field(default_factory=dict)
    revealed: datetime | None = None


@dataclass(kw_only=True)
class RefinedItem(Part):
    """An item discussed in the session: its status and estimate when it came up and now."""

    item: str
    title: str = ""
    status_before: str = ""
    status_after: str = ""
    estimate_before: float | None = None
    estimate_after: float | None = None
    #: Ids of the items it was split into.
    split_into: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when its status or estimate moved in the session, or it was split."""
        return (
            self.status_before != self.status_after
            or self.estimate_before != self.estimate_after
            or bool(self.split_into)
        )


@dataclass(kw_only=True)
class Refinement(Part):
    """A refinement's own part of its session record."""

    #: Item and topic ids in the order the PO wants to take them.
    agenda: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: The agenda entry under discussion.
    current: str = ""
    #: Who votes (members present; the PO only when the settings say so).
    voters: list[str] = field(default_factory=list)
    rounds: list[VoteRound] = field(default_factory=list)
    refined: list[RefinedItem] = field(default_factory=list)
    #: Seconds spent on each agenda entry (items and topics).
    seconds: dict[str, int] = field(default_factory=dict)

    def rounds_of(self, item: str) -> list[VoteRound]:
        """Every round on an item, oldest first."""
        return [r for r in self.rounds if r.item == item]

    def open_round(self, item: str) -> VoteRound | None:
        """The item's round still hidden (votes being entered), if any."""
        return next((r for r in reversed(self.rounds_of(item)) if r.revealed is None), None)

    def last_round(self, item: str) -> VoteRound | None:
        """The item's latest round, revealed or not."""
        rounds = self.rounds_of(item)
        return rounds[-1] if rounds else None

    def refined_entry(self, item: str) -> RefinedItem | None:
        """The record of an item discussed in the session."""
        return next((r for r in self.refined if r.item == item), None)


@dataclass
class AgendaClock(MeetingClock):
    """The refinement's clock: the meeting against its timebox, and the item under discussion
    against the per-item timebox."""

    item_seconds: int = 600
    current: str = ""
    spent: dict[str, float] = field(default_factory=dict)

    def credit(self, seconds: float) -> None:
        if self.current:
            self.spent[self.current] = self.spent.get(self.current, 0.0) + seconds

    def discuss(self, entry: str) -> None:
        """Start (or go back to) discussing an agenda entry; the time so far goes to the one before."""
        self._settle()
        self.current = entry

    def item_elapsed(self) -> float:
        """Seconds spent on the entry under discussion."""
        self._settle()
        return self.spent.get(self.current, 0.0) if self.current else 0.0

    def item_remaining(self) -> float:
        """Seconds left of the per-item timebox; negative once over."""
        return self.item_seconds - self.item_elapsed()


def make_agenda_clock(
    timebox_seconds: int,
    item_seconds: int,
    clock: Callable[[], float],
    elapsed: float,
    spent: dict[str, int],
    current: str,
) -> AgendaClock:
    """A refinement's clock carrying on from what its session has recorded."""
    return AgendaClock(
        timebox_seconds,
        clock=clock,
        elapsed_before=elapsed,
        item_seconds=item_seconds,
        current=current,
        spent={k: float(v) for k, v in spent.items()},
    )
