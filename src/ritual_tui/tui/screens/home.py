"""Home: the current sprint, today's ritual, what waits for the PM, recent decisions."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Static

from ritual_tui.domain.rules import format_points
from ritual_tui.reports.charts import spark
from ritual_tui.reports.overview import Overview, load_overview
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import cell, join, literal
from ritual_tui.tui.widgets.table import FitTable

RITUAL_NAMES = {
    "daily": "daily stand-up",
    "planning": "sprint planning",
    "refinement": "backlog refinement",
    "review": "sprint review",
    "none": "no ritual (weekend)",
}


class HomeScreen(RitualScreen):
    """Where every morning starts."""

    AREA = "home"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "app.open('daily')", "Daily", id="home.daily", tooltip="Start the daily stand-up"),
        Binding(
            "e",
            "app.open('escalations')",
            "Escalations",
            id="home.escalations",
            tooltip="Open the escalations for the PM",
        ),
        Binding("c", "app.open('decisions')", "Decisions", id="home.decisions", tooltip="Open the decision log"),
        Binding("b", "app.open('backlog')", "Backlog", id="home.backlog", tooltip="Open the backlog"),
        Binding("s", "app.open('summary')", "Summary", id="home.summary", tooltip="Show the sprint summary"),
        Binding("p", "app.open('brief')", "PM brief", id="home.brief", tooltip="Show the PM brief"),
        Binding("r", "reload", "Reload", id="home.reload", tooltip="Read the workspace again"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-columns"):
            with Vertical(id="sprint-panel", classes="panel"):
                yield Static(id="sprint-goal")
                yield Static(id="sprint-progress")
                yield Static(id="burndown")
                yield Static(id="ritual-due")
            with Vertical(id="side"):
                with Vertical(id="pm-panel", classes="panel"):
                    yield FitTable(id="waiting", cursor_type="row")
                with Vertical(id="decisions-panel", classes="panel"):
                    yield FitTable(id="recent-decisions", cursor_type="none")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.ritual_app.first_frame.set)
        self.query_one("#sprint-panel").border_title = "Sprint"
        self.query_one("#pm-panel").border_title = "Waiting for the PM"
        self.query_one("#decisions-panel").border_title = "Recent decisions"
        self.query_one("#waiting", FitTable).add_columns("ID", "Severity", "Age", "Status", "Title")
        self.query_one("#recent-decisions", FitTable).add_columns("ID", "Level", "Status", "Title")

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        # Paint the frame first, then read: the reading thread would otherwise slow the first paint.
        self.call_after_refresh(self.action_reload)

    def action_reload(self) -> None:
        self.in_background(lambda: load_overview(self.ws, self.today()), self.show)

    def show(self, overview: Overview) -> None:
        """Fill the panels from a freshly read overview."""
        self.ritual_app.set_product(overview.settings.product)
        self.sub_title = "Home"
        sprint, figures = overview.sprint, overview.figures
        goal = self.query_one("#sprint-goal", Static)
        progress = self.query_one("#sprint-progress", Static)
        if sprint is None or figures is None:
            self.query_one("#sprint-panel").border_title = "Sprint"
            goal.update("No sprint is under way.")
            progress.update("Plan one with `ritual sprint start` from the shell.")
            self.query_one("#burndown", Static).update("")
        else:
            day, total = sprint.day_of(overview.today)
            self.query_one("#sprint-panel").border_title = f"Sprint {sprint.number} · day {day} of {total}"
            goal.update(join("Goal: ", literal(sprint.goal or "(none set)", "bold")))
            scope_change = (
                f", scope +{len(figures.added)} −{len(figures.removed)}" if figures.added or figures.removed else ""
            )
            progress.update(
                f"Done: {format_points(figures.completed_points)} points, {len(figures.completed)} of "
                f"{len(sprint.current_ids())} items\nCommitted: {format_points(figures.committed_points)} points"
                + scope_change
            )
            actual = [d.remaining for d in overview.burndown]
            top = max([d.ideal for d in overview.burndown] + [v for v in actual if v is not None], default=0)
            left = next((v for v in reversed(actual) if v is not None), None)
            self.query_one("#burndown", Static).update(
                f"Burndown, {format_points(left)} points left\n"
                f"actual {spark(actual, top)}\nideal  {spark([d.ideal for d in overview.burndown], top)}"
            )
        due = RITUAL_NAMES.get(overview.due, overview.due)
        hint = " · press d" if overview.due == "daily" else ""
        self.query_one("#ritual-due", Static).update(join("Today: ", (due, "bold"), hint))
        self._fill_waiting(overview)
        decisions = self.query_one("#recent-decisions", FitTable)
        decisions.clear()
        for d in overview.recent_decisions:
            decisions.add_row(d.id, d.level, d.status, cell(d.title))

    def _fill_waiting(self, overview: Overview) -> None:
        table = self.query_one("#waiting", FitTable)
        table.clear()
        for e in overview.waiting.escalations:
            style = "bold red" if e.severity in ("critical", "high") else ""
            table.add_row(e.id, cell(e.severity, style), f"{e.age_days(overview.today)}d", e.status, cell(e.title))
        for b in overview.waiting.aging_blockers:
            age = f"{b.lasted_days(overview.today)}d"
            table.add_row(b.id, cell("blocker", "bold yellow"), age, f"{b.dailies_open()} dailies", cell(b.title))
        if table.row_count == 0:
            table.add_row("", "", "", "", cell("Nothing waits for the PM."))
