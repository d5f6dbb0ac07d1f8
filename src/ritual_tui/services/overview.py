"""What the home screen shows, read from the workspace in one go (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import WAITING_FOR_PM, Escalation
from ritual_tui.domain.progress import BurndownDay, WaitingForPM, burndown, ritual_due, waiting_for_pm
from ritual_tui.domain.rules import SprintFigures, sprint_figures
from ritual_tui.domain.session import RITUALS, RitualSession
from ritual_tui.domain.settings import Settings
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services.sessions import ended_today
from ritual_tui.services.sprints import active_sprint, sprint_items
from ritual_tui.store.layout import id_number
from ritual_tui.store.workspace import Workspace

#: How many decisions the home screen lists.
RECENT_DECISIONS = 5


@dataclass(frozen=True)
class Overview:
    """The home screen's content."""

    settings: Settings
    today: date
    sprint: Sprint | None
    figures: SprintFigures | None
    burndown: list[BurndownDay]
    due: str
    #: Today's session of the ritual due, when it has already ended (none is under way).
    held: RitualSession | None
    waiting: WaitingForPM
    recent_decisions: list[Decision]
    #: The sprint's items now, in the order they entered it.
    board: list[BacklogItem]


def load_overview(ws: Workspace, today: date) -> Overview:
    """Everything the home screen shows."""
    settings = ws.settings
    sprint = active_sprint(ws)
    due = ritual_due(sprint, today)
    items = sprint_items(ws, sprint) if sprint else {}
    return Overview(
        settings=settings,
        today=today,
        sprint=sprint,
        figures=sprint_figures(sprint, items) if sprint else None,
        burndown=burndown(sprint, items, today) if sprint else [],
        due=due,
        held=ended_today(ws, due, today) if due in RITUALS else None,
        waiting=waiting_for_pm(
            ws.all(Escalation, where=lambda e: e.status in WAITING_FOR_PM),
            ws.all(Blocker, where=lambda b: b.status == "open"),
            settings,
        ),
        # By the day decided: a decision recorded late (at a review, from the CLI) sits in its place.
        recent_decisions=ws.newest(Decision, RECENT_DECISIONS, lambda d: (d.date or date.min, id_number(d.id))),
        board=[items[i] for i in sprint.current_ids() if i in items] if sprint else [],
    )
