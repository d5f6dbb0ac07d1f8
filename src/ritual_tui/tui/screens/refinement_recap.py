"""The refinement's part of the recap: each item refined with its before and after, every vote
round, and the time per agenda entry."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from ritual_tui.domain.daily_records import Topic
from ritual_tui.domain.rules import format_points
from ritual_tui.domain.session import RitualSession
from ritual_tui.tui.modals.recap import Section
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.poker import round_line
from ritual_tui.tui.widgets.speaker import clock_face


def recap_sections(session: RitualSession, deck: Sequence[str], topics: Sequence[Topic] = ()) -> list[Section]:
    """Items refined (before → after, rounds, time), the topics closed, the time per agenda entry."""
    record = session.refinement
    if record is None:
        return []
    items: list[Content | str] = []
    for entry in record.refined:
        if not entry.changed:
            continue
        status = (
            entry.status_after
            if entry.status_before == entry.status_after
            else f"{entry.status_before} → {entry.status_after}"
        )
        points = format_points(entry.estimate_after)
        if entry.estimate_before != entry.estimate_after:
            points = f"{format_points(entry.estimate_before)} → {points}"
        split = f" · split into {', '.join(entry.split_into)}" if entry.split_into else ""
        spent = clock_face(record.seconds.get(entry.item, 0))
        items.append(join(f"{entry.item} ", literal(entry.title), f" · {status} · {points} pts{split} · {spent}"))
        items += [f"    {round_line(r, deck)}" for r in record.rounds_of(entry.item) if r.revealed is not None]
    closed = [join(f"{t.id} → ", literal(t.outcome)) for t in topics if t.status == "closed" and t.id in record.agenda]
    times = [f"{entry} {clock_face(seconds)}" for entry, seconds in record.seconds.items() if seconds]
    return [
        (f"Items refined ({len([r for r in record.refined if r.changed])})", items),
        (f"Topics closed ({len(closed)})", closed),
        ("Time per entry", [" · ".join(times)] if times else []),
    ]
