"""Backlog items: what the team may build, in the PO's words."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.fields import PRIVATE, Record, vocabulary

#: What an item is.
ITEM_KINDS = ("story", "bug", "chore", "spike")
#: The life of an item, from first idea to done (or dropped).
ITEM_STATUSES = ("new", "refining", "ready", "in-progress", "review", "done", "dropped")
#: Statuses of items still waiting for refinement.
NOT_READY = ("new", "refining")
#: Statuses shown on the sprint board, in column order.
BOARD_STATUSES = ("ready", "in-progress", "review", "done")


@dataclass(kw_only=True)
class BacklogItem(Record):
    """One backlog item: a story, bug, chore or spike."""

    KIND = "backlog item"
    PREFIX = "B"
    FOLDER = "backlog"
    #: What the sprint summary and the home figures read of every item.
    INDEXED = ("title", "status", "estimate", "objective", "done_on")

    title: str
    kind: str = vocabulary(ITEM_KINDS, "story")
    status: str = vocabulary(ITEM_STATUSES, "new")
    #: The story, in three parts: "As a …, I want …, so that …".
    as_a: str = ""
    i_want: str = ""
    so_that: str = ""
    #: Acceptance criteria, one Given/When/Then line each.
    acceptance: list[str] = field(default_factory=list)
    #: Story points, on the workspace's estimation scale; None while unestimated.
    estimate: float | None = None
    #: Business value, as the PO scores it (higher is more valuable).
    value: int | None = None
    #: Position in the backlog: lower ranks come first.
    rank: float = 0
    #: Roadmap objective id this item serves (e.g. "O-2").
    objective: str = ""
    tags: list[str] = field(default_factory=list)
    #: The item this one was split from.
    parent: str = ""
    #: A key in another tool, e.g. a Jira key.
    external_ref: str = ""
    #: Definition of Ready entries already checked for this item.
    ready_checks: list[str] = field(default_factory=list)
    #: The day it was last marked done (cleared when it leaves done): the burndown reads it.
    done_on: date | None = None
    created: datetime | None = None
    updated: datetime | None = None
    #: The PO's own notes: never shown in presenter mode, never in a shared file.
    private_notes: str = field(default="", metadata=PRIVATE)

    def move_to(self, status: str, on: date) -> None:
        """Change status, keeping ``done_on`` true to it."""
        if status not in ITEM_STATUSES:
            raise ValidationError(f"Unknown status {status!r}: use one of {', '.join(ITEM_STATUSES)}.")
        if status == "done" and self.status != "done":
            self.done_on = on
        elif status != "done":
            self.done_on = None
        self.status = status

    def story_line(self) -> str:
        """The story as one sentence, or "" when no part is written."""
        if not (self.as_a or self.i_want or self.so_that):
            return ""
        return f"As a {self.as_a}, I want {self.i_want}, so that {self.so_that}."
