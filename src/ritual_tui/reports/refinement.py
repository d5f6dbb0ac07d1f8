"""The sprint summary's refinement section: what the sprint's refinement sessions refined, and the
committed items re-estimated since planning (their frozen commitment is untouched)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.rules import plural
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.reports.blocks import Block, Heading, Paragraph, Table
from ritual_tui.reports.sprint_on_day import SprintOnDay
from ritual_tui.store.workspace import Workspace


def _points(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def refinement_part(ws: Workspace, on: SprintOnDay) -> dict[str, Any]:
    """The section for a sprint as of its day: the refinement sessions held in it up to that day."""
    sprint = on.sprint
    sessions = [s for s in ws.sessions_between(sprint.start, on.as_of) if s.sprint == sprint.id]
    return refinement_section(sprint, sessions, on.items)


def refinement_section(
    sprint: Sprint, sessions: Sequence[RitualSession], items: Mapping[str, BacklogItem]
) -> dict[str, Any]:
    """Counts over the sprint's refinement sessions, and the re-estimates of committed items."""
    records = [s.refinement for s in sessions if s.ritual == "refinement" and s.refinement is not None]
    refined = {r.item: r for record in records for r in record.refined if r.changed}
    return {
        "sessions": len([s for s in sessions if s.ritual == "refinement"]),
        "items_refined": len(refined),
        "made_ready": len([r for r in refined.values() if r.status_after == "ready" and r.status_before != "ready"]),
        "estimated": len([r for r in refined.values() if r.estimate_after != r.estimate_before]),
        "split": len([r for r in refined.values() if r.split_into]),
        "vote_rounds": len([v for record in records for v in record.rounds if v.revealed is not None]),
        "re_estimated": [
            {
                "id": line.item,
                "title": line.title,
                "committed_points": _points(line.estimate),
                "points_now": _points(items[line.item].estimate),
            }
            for line in sprint.commitment
            if line.item in items and items[line.item].estimate != line.estimate
        ],
    }


def refinement_blocks(doc: dict[str, Any]) -> list[Block]:
    """The section as the summary's Markdown and HTML show it: a paragraph of counts, and the
    committed items re-estimated since planning (a table only when there are some)."""
    r = doc["refinement"]
    counts = (
        f"{plural(r['sessions'], 'refinement session')}: {plural(r['items_refined'], 'item')} refined, "
        f"{r['made_ready']} made ready, {r['estimated']} estimated, {r['split']} split, "
        f"{plural(r['vote_rounds'], 'planning-poker round')}."
    )
    if not r["re_estimated"]:
        return [Heading(2, "Refinement"), Paragraph([(counts + " No committed item was re-estimated.", "")])]
    return [
        Heading(2, "Refinement"),
        Paragraph([(counts, "")]),
        Table(
            ["Item", "Title", "Committed points", "Points now"],
            [[e["id"], e["title"], e["committed_points"], e["points_now"]] for e in r["re_estimated"]],
            "",
            (2, 3),
        ),
    ]
