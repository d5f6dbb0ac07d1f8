"""Freezing, when a sprint closes, what its summary will need and no history can rebuild."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.closing import snapshot_at_close
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.sprint import Sprint
from ritual_tui.store.workspace import Workspace


def freeze_at_close(ws: Workspace, sprint: Sprint, statuses_before: Mapping[str, str], on: date) -> None:
    """Set ``sprint.at_close`` from the workspace as it stands (call it under the workspace lock,
    once the unfinished items went back to ready, before saving the sprint)."""
    items = {i.id: i for i in ws.index(BacklogItem)}
    decisions = ws.all(Decision, where=lambda d: d.date is not None and sprint.start <= d.date <= sprint.end)
    sprint.at_close = snapshot_at_close(sprint, items, statuses_before, decisions, on)
