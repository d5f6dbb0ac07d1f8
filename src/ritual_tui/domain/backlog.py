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
class TrackerCopy:
    """An item as its tracker (Jira, GitHub) had it at the last import, in ritual-tui's words.

    A re-import compares the item with it to tell a change made here from one made in the tracker
    (and both from a conflict); ``ritual backlog export`` writes back only what differs from it.
    """

    #: The tracker: "jira" or "github".
    name: str
    #: When these values were last taken from the tracker.
    imported: datetime | None = None
    title: str = ""
    kind: str = "story"
    status: str = "new"
    estimate: float | None = None
    value: int | None = None
    tags: list[str] = field(default_factory=list)
    description: str = ""
    acceptance: list[str] = field(default_factory=list)
    #: The parent's id here (B-N), resolved from the tracker's parent or epic link.
    parent: str = ""
    #: The tracker's own word for the status ("In Progress", "OPEN"): written back while ours is unchanged.
    tracker_status: str = ""
    #: The tracker's labels; the rest of ``tags`` (sprints, milestone, issue type) are never written back as labels.
    labels: list[str] = field(default_factory=list)
    #: The GitHub label that carried the points ("points: 3"): replaced when the estimate changes.
    points_label: str = ""
    #: The issue's address in the tracker, and Jira's numeric issue id (which other rows' Parent names).
    url: str = ""
    issue_id: str = ""


@dataclass(kw_only=True)
class BacklogItem(Record):
    """One backlog item: a story, bug, chore or spike."""

    KIND = "backlog item"
    PREFIX = "B"
    FOLDER = "backlog"
    #: What the sprint summary and the home figures read of every item (and planning its order).
    INDEXED = ("title", "status", "estimate", "objective", "done_on", "rank")

    title: str
    kind: str = vocabulary(ITEM_KINDS, "story")
    status: str = vocabulary(ITEM_STATUSES, "new")
    #: The story, in three parts: "As a …, I want …, so that …".
    as_a: str = ""
    i_want: str = ""
    so_that: str = ""
    #: Free text about the item, as the tracker's description holds it.
    description: str = ""
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
    #: Brought up at a review: the item under review it came from, and the feedback (F-3) it answers.
    came_from: str = ""
    from_feedback: str = ""
    #: A key in another tool, e.g. a Jira key (``SHOP-12``) or a GitHub issue (``owner/repo#12``).
    external_ref: str = ""
    #: The tracker's values at the last import (None for an item never imported).
    tracker: TrackerCopy | None = None
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
