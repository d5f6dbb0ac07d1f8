"""Home: the current sprint, today's ritual, what waits for the PM, recent decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ritual_tui.domain.rules import format_points, plural
from ritual_tui.reports.charts import spark
from ritual_tui.rituals import RITUALS, ritual_named
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.chrome import bottom, top
from ritual_tui.tui.widgets.table import RecordTable, Row

if TYPE_CHECKING:
    from ritual_tui.services.overview import Overview

RITUAL_NAMES = {
    "daily": "daily stand-up",
    "planning": "sprint planning",
    "refinement": "backlog refinement",
    "review": "sprint review",
    "none": "no ritual (weekend)",
    "ahead": "no ritual until the sprint starts",
}


class HomeScreen(RitualScreen):
    """Where every morning starts."""

    AREA = "home"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                r.key,
                f"app.open_ritual('{r.name}')",
                r.title.split()[-1].capitalize() if r.name != "daily" else "Daily",
                id=f"home.{r.name}",
                tooltip=f"Open the {r.title.lower()}",
            )
            for r in RITUALS
        ),
        Binding(
            "e",
            "app.open('escalations')",
            "Escalations",
            id="home.escalations",
            tooltip="Open the escalations for the PM",
        ),
        Binding("c", "app.open('decisions')", "Decisions", id="home.decisions", tooltip="Open the decision log"),
        Binding("b", "app.open('backlog')", "Backlog", id="home.backlog", tooltip="Open the backlog"),
        Binding("k", "app.open('blockers')", "Blockers", id="home.blockers", tooltip="Open the blockers"),
        Binding("t", "app.open('topics')", "Topics", id="home.topics", tooltip="Open the parking-lot topics"),
        Binding("n", "app.open('notes')", "Notes", id="home.notes", tooltip="Open the notes"),
        Binding("s", "app.open('summary')", "Summary", id="home.summary", tooltip="Show the sprint summary"),
        Binding("p", "app.open('brief')", "PM brief", id="home.brief", tooltip="Show the PM brief"),
        Binding("r", "read_again", "Reload", id="home.reload", tooltip="Read the workspace again"),
        Binding("tab", "app.focus_next", "Panel", id="home.panel", tooltip="Move to the next panel"),
    ]
    FOOTER = (
        *(f"home.{r.name}" for r in RITUALS),
        "home.escalations",
        "home.decisions",
        "home.backlog",
        "home.summary",
        "home.brief",
        "home.blockers",
        "home.topics",
        "home.notes",
        "home.reload",
        "home.panel",
    )

    def compose(self) -> ComposeResult:
        yield from top()
        with Horizontal(id="home-columns"):
            with Vertical(id="sprint-panel", classes="panel"):
                yield Static(id="sprint-goal")
                yield Static(id="sprint-progress")
                yield Static(id="burndown")
                yield Static(id="ritual-due")
                yield RecordTable("ID", "Status", "Item", empty="No item in the sprint.", id="sprint-items")
            with Vertical(id="side"):
                with Vertical(id="pm-panel", classes="panel"):
                    yield RecordTable(
                        "ID", "Severity", "Age", "Status", "Title", empty="Nothing waits for the PM.", id="waiting"
                    )
                with Vertical(id="decisions-panel", classes="panel"):
                    yield RecordTable(
                        "ID",
                        "Level",
                        "Status",
                        "Title",
                        empty="No decision yet: d in a ritual records one.",
                        id="recent",
                    )
        yield from bottom()

    def on_mount(self) -> None:
        self.call_after_refresh(self.ritual_app.first_frame.set)
        self.query_one("#sprint-panel").border_title = "Sprint"
        self.query_one("#pm-panel").border_title = "Waiting for the PM"
        self.query_one("#decisions-panel").border_title = "Recent decisions"

    def on_screen_resume(self) -> None:
        if self.ritual_app.opening_a_ritual:
            return  # `ritual daily` and the like: home is read when the PO first comes to it
        # Paint the frame first, then read: the reading thread would otherwise slow the first paint.
        self.call_after_refresh(self.action_reload)

    def action_reload(self) -> None:
        # Imported here, after the first paint: what home reads costs some 7 ms of imports.
        from ritual_tui.services.overview import load_overview

        self.load(lambda: load_overview(self.ws, self.today()), self.show)

    def action_read_again(self) -> None:
        """Read every file again, as it is now (after fixing a damaged one)."""
        self.ws.read_again()
        self.action_reload()

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
            progress.update(f"Plan one: press {ritual_named('planning').key} (sprint planning).")
            self.query_one("#burndown", Static).update("")
        else:
            day, total = sprint.day_of(overview.today)
            ahead = (sprint.start - overview.today).days
            self.query_one("#sprint-panel").border_title = (
                f"Sprint {sprint.number} · starts {sprint.start} (in {plural(ahead, 'day')})"
                if ahead > 0
                else f"Sprint {sprint.number} · day {day} of {total}"
            )
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
        self.query_one("#ritual-due", Static).update(self._today_line(overview))
        self.query_one("#sprint-items", RecordTable).set_rows(
            [Row(i.id, [i.id, (i.status, "green" if i.status == "done" else ""), i.title]) for i in overview.board]
        )
        self._fill_waiting(overview)
        self.query_one("#recent", RecordTable).set_rows(
            [Row(d.id, [d.id, d.level, d.status, d.title]) for d in overview.recent_decisions]
        )

    def _today_line(self, overview: Overview) -> Content:
        """Today's ritual and the key that opens it; rituals in progress and the key that returns."""
        declared = {r.name: r for r in RITUALS}
        due = RITUAL_NAMES.get(overview.due, overview.due)
        ritual = declared.get(overview.due)
        hint = f" · press {ritual.key}" if ritual else ""
        if ritual and overview.held is not None and overview.held.ended is not None:
            hint = f" · held, ended {overview.held.ended:%H:%M} ({ritual.key} starts another)"
        line = join("Today: ", (due, "bold"), hint)
        for name in self.ritual_app.rituals_open:
            r = declared[name]
            line = join(line, "\n", (f"{r.title} in progress", "bold"), f" · {r.key} returns to it")
        return line

    def _fill_waiting(self, overview: Overview) -> None:
        settings, today = overview.settings, overview.today
        rows = []
        for e in overview.waiting.escalations:
            style = "bold red" if settings.is_urgent(e.severity) else ""
            rows.append(Row(e.id, [e.id, (e.severity, style), f"{e.age_days(today)}d", e.status, e.title]))
        for b in overview.waiting.aging_blockers:
            age = f"{b.lasted_days(today)}d"
            rows.append(Row(b.id, [b.id, ("blocker", "bold yellow"), age, f"{b.dailies_open()} dailies", b.title]))
        self.query_one("#waiting", RecordTable).set_rows(rows)
