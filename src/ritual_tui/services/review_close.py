"""Closing the sprint at its review: the sprint closed (outcomes, the goal verdict, what becomes of
each item not accepted) and its end-of-sprint summary written as Markdown, JSON and HTML."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ritual_tui.domain import clock
from ritual_tui.domain.review import CloseOut
from ritual_tui.domain.rules import SprintFigures
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services.sprints import close_sprint
from ritual_tui.store import layout
from ritual_tui.store.workspace import Workspace


@dataclass(frozen=True)
class Closed:
    """A sprint just closed, its figures, and the summary files written."""

    sprint: Sprint
    figures: SprintFigures
    summary: list[Path]

    def message(self) -> str:
        """What the PO is told: the sprint closed, and the summary files written, with where."""
        names = ", ".join(p.name for p in self.summary)
        where = f" in {self.summary[0].parent}" if self.summary else ""
        return f"Sprint {self.sprint.number} closed. Wrote {names}{where}"


def write_summary(ws: Workspace, sprint: Sprint) -> list[Path]:
    """Write the sprint's summary into the workspace's summaries folder; returns the files."""
    from ritual_tui.reports.files import FORMATS, write_report  # the reports load only when closing
    from ritual_tui.reports.layout import summary_blocks
    from ritual_tui.reports.summary import sprint_summary

    doc = sprint_summary(ws, str(sprint.number), clock.today())
    title = f"{doc['product']}: sprint {sprint.number} summary"
    folder = ws.root / layout.SUMMARIES_FOLDER
    return write_report(doc, summary_blocks, FORMATS, folder, f"sprint-{sprint.number}-summary", title)


def close_with_summary(
    ws: Workspace,
    goal_met: bool | str,
    rejected_refs: Iterable[str] = (),
    reason: str | None = None,
    close_out: Iterable[CloseOut] = (),
) -> Closed:
    """Close the sprint under way (see :func:`close_sprint`) and write its summary."""
    sprint, figures = close_sprint(ws, goal_met, rejected_refs, reason, close_out)
    return Closed(sprint, figures, write_summary(ws, sprint))
