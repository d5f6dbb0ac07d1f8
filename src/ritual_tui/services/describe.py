"""A record as labelled lines, written once for ``ritual … show`` and the app's detail view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker, Note, Topic
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.fields import Record
from ritual_tui.domain.review import WORDS
from ritual_tui.domain.rules import format_points, plural
from ritual_tui.domain.sprint import Sprint


@dataclass(frozen=True)
class Line:
    """One labelled value of a record: text, or a list of texts shown one per line."""

    label: str
    value: object
    #: Never shown in presenter mode, never in a shared file.
    private: bool = False

    @property
    def empty(self) -> bool:
        """True when there is nothing to show."""
        return self.value in (None, "", [])


def _joined(values: list[str]) -> str:
    return ", ".join(values)


def _item(i: BacklogItem, today: date) -> list[Line]:
    return [
        Line("Kind", i.kind),
        Line("Status", i.status),
        Line("Estimate", format_points(i.estimate)),
        Line("Value", i.value),
        Line("Rank", i.rank),
        Line("Objective", i.objective),
        Line("Story", i.story_line()),
        Line("Description", i.description),
        Line("Acceptance criteria", i.acceptance),
        Line("Definition of Ready ticked", i.ready_checks),
        Line("Tags", _joined(i.tags)),
        Line("Parent", i.parent),
        Line("Came from", f"{i.came_from} (review feedback {i.from_feedback})".lstrip() if i.from_feedback else ""),
        Line("External reference", i.external_ref),
        Line("Done on", i.done_on),
        Line("Private notes", i.private_notes, private=True),
    ]


def _decision(d: Decision, today: date) -> list[Line]:
    return [
        Line("Date", d.date),
        Line("Level", d.level),
        Line("Status", d.status),
        Line("Source", f"{d.source} {d.session}".strip()),
        Line("Context", d.context),
        Line("Decision", d.decision),
        Line("Consequences", d.consequences),
        Line("Deciders", _joined(d.deciders)),
        Line("Items", _joined(d.items)),
        Line("Supersedes", d.supersedes),
        Line("Superseded by", d.superseded_by),
        Line("Private notes", d.private_notes, private=True),
    ]


def _escalation(e: Escalation, today: date) -> list[Line]:
    age = plural(e.age_days(today), "day")
    open_for = f"was open {age}, closed {e.closed}" if e.closed else f"open for {age}"
    return [
        Line("Status", e.status),
        Line("Severity", e.severity),
        Line("Category", e.category),
        Line("Raised", f"{e.raised} · {open_for}" if e.raised else None),
        Line("Raised by", e.raised_by),
        Line("Source", f"{e.source} {e.session}".strip()),
        Line("Item", e.item),
        Line("Blocker", e.blocker),
        Line("Ask", e.ask),
        Line("Needed by", e.needed_by),
        Line("Impact", e.impact),
        Line("Options", e.options),
        Line("Recommended", e.recommendation),
        Line("Related", _joined(e.related)),
        Line("Internal", "yes, kept out of reports for the client" if e.internal else ""),
        Line("Details", e.details),
        Line("PM answer", e.pm_answer),
        Line("Answered", e.answered),
        Line("Resolution", e.resolution),
        Line("History", [f"{h.at:%Y-%m-%d %H:%M} {h.status} {h.note}".rstrip() for h in e.history]),
        Line("Private notes", e.private_notes, private=True),
    ]


def _blocker(b: Blocker, today: date) -> list[Line]:
    return [
        Line("Status", b.status),
        Line("Owner", b.owner),
        Line("Item", b.item),
        Line("First seen", b.first_seen),
        Line("Last seen", b.last_seen),
        Line("Dailies seen open", b.dailies_open()),
        Line("Lasted", plural(b.lasted_days(today), "day") if b.first_seen else None),
        Line("Resolved", b.resolved),
        Line("Escalation", b.escalation),
        Line("Session", b.session),
        Line("Private notes", b.private_notes, private=True),
    ]


def _topic(t: Topic, today: date) -> list[Line]:
    return [
        Line("Status", t.status),
        Line("Raised", t.raised),
        Line("Raised by", t.raised_by),
        Line("Session", t.session),
        Line("Closed", t.closed),
        Line("Outcome", t.outcome),
    ]


def _note(n: Note, today: date) -> list[Line]:
    return [
        Line("Note", n.text, private=n.private),
        Line("Private", "yes" if n.private else "no"),
        Line("At", f"{n.at:%Y-%m-%d %H:%M}" if n.at else None),
        Line("By", n.by),
        Line("About", n.about),
        Line("Session", n.session),
    ]


def _sprint(s: Sprint, today: date) -> list[Line]:
    return [
        Line("Dates", f"{s.start} to {s.end}"),
        Line("Status", s.status),
        Line("Goal", s.goal),
        Line("Objective", s.goal_objective),
        Line("Goal verdict", WORDS.get(s.verdict(), "")),
        Line("Why", s.goal_reason),
        Line("Capacity (person-days)", s.capacity_days),
        Line("Committed", [f"{c.item} ({format_points(c.estimate)} pts) {c.title}" for c in s.commitment]),
        Line(
            "Scope changes", [f"{c.at:%Y-%m-%d %H:%M} {c.change} {c.item} {c.reason}".rstrip() for c in s.scope_changes]
        ),
        Line("Outcomes", [f"{item}: {outcome}" for item, outcome in s.outcomes.items()]),
        Line("Close-out", [f"{c.item}: {WORDS[c.action]} {c.reason}".rstrip() for c in s.close_out]),
    ]


def _feedback(f: Feedback, today: date) -> list[Line]:
    return [
        Line("From", f.by),
        Line("About", f.item),
        Line("Sprint", f.sprint),
        Line("Heard", f"{f.heard} {f.session}".strip() if f.heard else f.session),
        Line("Became", f.became_text()),
    ]


_DESCRIBERS: dict[type, Callable[[Any, date], list[Line]]] = {
    BacklogItem: _item,
    Decision: _decision,
    Escalation: _escalation,
    Blocker: _blocker,
    Topic: _topic,
    Note: _note,
    Sprint: _sprint,
    Feedback: _feedback,
}


def title_of(record: Record) -> str:
    """The heading of a record's detail: its id and its title (or text)."""
    text = getattr(record, "title", None) or getattr(record, "goal", None) or getattr(record, "text", "")
    return f"{record.id} {text}".strip()


def describe(record: Record, today: date) -> list[Line]:
    """The record's labelled lines, empty ones left out."""
    return [line for line in _DESCRIBERS[type(record)](record, today) if not line.empty]
