"""What a sprint's close freezes: the part of the sprint's last day that no record's history can
rebuild later (item statuses and estimates, the ready backlog, decision statuses)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.sprint import ItemAtClose, Sprint, SprintClose


def snapshot_at_close(
    sprint: Sprint,
    items: Mapping[str, BacklogItem],
    statuses_before: Mapping[str, str],
    decisions: Iterable[Decision],
    on: date,
) -> SprintClose:
    """The sprint's close, frozen: ``items`` is every backlog item once unfinished ones went back to
    ready, ``statuses_before`` the statuses of the sprint's items just before that."""
    lines = []
    for item_id in sprint.current_ids():
        item = items.get(item_id)
        lines.append(
            ItemAtClose(
                item=item_id,
                status=statuses_before.get(item_id, item.status if item else ""),
                estimate=item.estimate if item else None,
                objective=item.objective if item else "",
            )
        )
    ready = [i for i in items.values() if i.status == "ready"]
    left: dict[str, float] = {}
    for item in items.values():
        if item.status not in ("done", "dropped"):
            left[item.objective] = left.get(item.objective, 0.0) + (item.estimate or 0.0)
    return SprintClose(
        on=on,
        items=lines,
        ready_items=len(ready),
        ready_points=float(sum(i.estimate or 0.0 for i in ready)),
        left_by_objective=left,
        decisions={d.id: d.status for d in decisions if d.date and sprint.start <= d.date <= sprint.end},
    )
