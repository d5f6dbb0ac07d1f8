"""Where records name other records, and what each record tells of when it was made.

``ritual check --fix`` renumbers a record whose id another record took on another git branch; every
field listed in :data:`LINKS` that names the old id must then be read, judged and perhaps rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker, Note, Topic
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.fields import Record
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint

_REF = re.compile(r"^(?P<id>(?P<prefix>[A-Z]+)-[0-9]{1,9})(?:-(?P<nonce>[a-z0-9]{4}))?$", re.IGNORECASE)


def made(record: Record) -> date | datetime | None:
    """When a record was made, as closely as it tells (sprints do not: their start may be set ahead)."""
    if isinstance(record, Escalation) and record.history:
        return record.history[0].at
    for name in ("created", "started", "at", "date", "raised", "first_seen", "heard"):
        value = getattr(record, name, None)
        if isinstance(value, (date, datetime)):
            return value
    return None


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def _made_day(record: Record, entry: Any) -> date | None:
    return _day(made(record))


@dataclass(frozen=True)
class Link:
    """A field of one kind of record that names records of the ``targets`` kinds."""

    holder: type[Record]
    #: ``item`` (text), ``items[]`` (a list of ids), ``outcomes{}`` (a table keyed by id),
    #: ``commitment[].item`` (a field of each table in a list).
    field: str
    targets: tuple[type[Record], ...]
    #: The target's field that names the holder back, when there is one.
    back: str = ""
    #: The day the holder set this field, at the latest (None when unknown).
    when: Callable[[Any, Any], date | None] | None = _made_day

    @property
    def name(self) -> str:
        """The holder's field: ``commitment`` for ``commitment[].item``."""
        return re.split(r"[\[{]", self.field)[0]


_CAPTURED = (Blocker, Topic, Decision, Escalation, Note)

#: Every field that names another record.
LINKS = (
    Link(BacklogItem, "parent", (BacklogItem,), when=lambda item, _: _day(item.updated or item.created)),
    Link(Sprint, "commitment[].item", (BacklogItem,), when=None),
    Link(Sprint, "scope_changes[].item", (BacklogItem,), when=lambda _, change: change.at.date()),
    Link(Sprint, "outcomes{}", (BacklogItem,), when=lambda sprint, _: _day(sprint.closed)),
    Link(Sprint, "reviews[].item", (BacklogItem,), when=lambda _, review: _day(review.decided)),
    Link(Sprint, "close_out[].item", (BacklogItem,), when=lambda sprint, _: _day(sprint.closed)),
    Link(RitualSession, "sprint", (Sprint,)),
    Link(RitualSession, "captured[]", _CAPTURED, back="session"),
    Link(RitualSession, "votes{}", (BacklogItem,)),
    Link(RitualSession, "run_sheet[]", (BacklogItem,)),
    Link(Decision, "session", (RitualSession,), back="captured"),
    Link(Decision, "items[]", (BacklogItem,)),
    Link(Decision, "supersedes", (Decision,), back="superseded_by", when=None),
    Link(Decision, "superseded_by", (Decision,), back="supersedes", when=None),
    Link(Escalation, "session", (RitualSession,), back="captured"),
    Link(Escalation, "item", (BacklogItem,)),
    Link(Escalation, "blocker", (Blocker,), back="escalation"),
    Link(Blocker, "session", (RitualSession,), back="captured"),
    Link(Blocker, "item", (BacklogItem,)),
    Link(Blocker, "escalation", (Escalation,), back="blocker", when=None),
    Link(Topic, "session", (RitualSession,), back="captured"),
    Link(Note, "session", (RitualSession,), back="captured"),
    Link(Note, "about", (BacklogItem,)),
    Link(Feedback, "item", (BacklogItem,)),
    Link(Feedback, "sprint", (Sprint,)),
    Link(Feedback, "session", (RitualSession,)),
    Link(Feedback, "became", (BacklogItem, Escalation, Decision)),
    Link(BacklogItem, "came_from", (BacklogItem,), when=lambda item, _: _day(item.created)),
    Link(BacklogItem, "from_feedback", (Feedback,), when=lambda item, _: _day(item.created)),
)


def parse_ref(value: str) -> tuple[str, str, str] | None:
    """(id, prefix, nonce) of a reference written as an id (``B-12``) or a file key (``B-12-k7m2``)."""
    match = _REF.match(value.strip())
    if match is None:
        return None
    return match["id"].upper(), match["prefix"].upper(), (match["nonce"] or "").lower()


@dataclass
class Spot:
    """One place where a record names another: ``where`` says which field, ``entry`` is the table
    it sits in (for ``commitment[].item``), ``replace`` writes a new value there."""

    holder: Record
    link: Link
    where: str
    value: str
    entry: Any
    replace: Callable[[str], None]


def spots(holder: Record) -> Iterator[Spot]:
    """Every place where ``holder`` names another record."""
    for link in LINKS:
        if isinstance(holder, link.holder):
            yield from _spots_of(holder, link)


def _spots_of(holder: Record, link: Link) -> Iterator[Spot]:
    name, _, inner = link.field.partition("[].")
    if link.field.endswith("{}"):
        table: dict[str, Any] = getattr(holder, name[:-2])
        for key in list(table):
            yield Spot(holder, link, f"{name[:-2]}.{key}", key, None, _rename_key(table, key))
    elif name.endswith("[]"):
        values: list[str] = getattr(holder, name[:-2])
        for i, value in enumerate(values):
            yield Spot(holder, link, f"{name[:-2]}[{i + 1}]", value, None, _set_item(values, i))
    elif inner:
        for i, entry in enumerate(getattr(holder, name)):
            yield Spot(holder, link, f"{name}[{i + 1}].{inner}", getattr(entry, inner), entry, _set_field(entry, inner))
    elif getattr(holder, name):
        yield Spot(holder, link, name, getattr(holder, name), None, _set_field(holder, name))


def _set_field(owner: object, name: str) -> Callable[[str], None]:
    return lambda new: setattr(owner, name, new)


def _set_item(values: list[str], index: int) -> Callable[[str], None]:
    return lambda new: values.__setitem__(index, new)


def _rename_key(table: dict[str, Any], old: str) -> Callable[[str], None]:
    def rename(new: str) -> None:
        items = [(new if key == old else key, value) for key, value in table.items()]
        table.clear()
        table.update(items)

    return rename
