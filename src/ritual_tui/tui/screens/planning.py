"""Sprint planning on one screen for the room: the product and sprint goals, the team's capacity, the
forecast as a range, and the ranked backlog with a running total, cut lines and the chance of
finishing; the steps are asked one key at a time (``planning_steps``)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ritual_tui.domain.forecast import Forecast, forecast
from ritual_tui.domain.rules import format_points
from ritual_tui.domain.session import RitualSession
from ritual_tui.services import planning
from ritual_tui.services.planning import PlanningContext
from ritual_tui.services.sessions import SessionContext
from ritual_tui.tui.modals.capture import Option
from ritual_tui.tui.modals.recap import Section
from ritual_tui.tui.screens.planning_steps import PlanningSteps
from ritual_tui.tui.screens.planning_view import (
    CUT,
    View,
    backlog_rows,
    forecast_text,
    goal_lines,
    next_step,
    percent,
    selection_line,
    sprint_title,
    team_rows,
    view_of,
)
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.captured import CapturedList
from ritual_tui.tui.widgets.chrome import bottom, top
from ritual_tui.tui.widgets.speaker import clock_face
from ritual_tui.tui.widgets.table import RecordTable

#: Actions that need the plan open (not yet committed).
_PLANNING = ("dates", "share", "days_off", "copy_last", "goal", "select", "close_out", "left_out", "vote", "commit")


def _binding(key: str, action: str, description: str, tooltip: str, priority: bool = False) -> Binding:
    return Binding(key, action, description, id=f"planning.{action}", tooltip=tooltip, priority=priority)


class PlanningScreen(PlanningSteps):
    """Plan the next sprint with the room; every answer is saved as it is given."""

    RITUAL = "planning"
    AREA = "planning"
    BINDINGS: ClassVar[list[BindingType]] = [
        _binding("s", "select", "Select", "Take the selected item into the sprint, or put it back"),
        _binding("c", "commit", "Commit", "Commit: start the sprint and write the plan for stakeholders"),
        # Over the tables' own g (first row; Home does the same): g for the goal is what a PO expects.
        _binding("g", "goal", "Goal", "Set the sprint goal and the objective it serves", priority=True),
        _binding("v", "vote", "Vote", "Enter the room's fist-of-five confidence vote"),
        _binding("f", "forecast", "Forecast", "How the forecast was computed"),
        _binding("u", "close_out", "Close out", "Carry over, return or drop an unfinished item, with a reason"),
        _binding("r", "previous", "Last sprint", "Review or close the sprint still open"),
        _binding("w", "left_out", "Left out", "Record why the selected item is left out"),
        _binding("t", "dates", "Dates", "Change the sprint's first and last day"),
        _binding("h", "days_off", "Days off", "Set the selected member's days off"),
        _binding("a", "share", "Share", "Set the selected member's share of a working day"),
        _binding("L", "copy_last", "Copy shares", "Copy each member's share of the day from the last sprint"),
        Binding("tab", "app.focus_next", "Panel", id="planning.panel", tooltip="Move to the next panel"),
    ]
    FOOTER = (
        "planning.select",
        "planning.previous",
        "planning.close_out",
        "planning.goal",
        "planning.commit",
        "planning.vote",
        "planning.forecast",
        "ritual.end",
        "planning.days_off",
        "planning.share",
        "planning.left_out",
        "planning.dates",
        "planning.panel",
        "ritual.capture.decision",
        "ritual.capture.escalation",
        "ritual.home",
        "ritual.capture.blocker",
        "ritual.capture.topic",
        "ritual.capture.note",
        "planning.copy_last",
        "ritual.pause",
    )

    def __init__(self, new: bool = False) -> None:
        super().__init__(new)
        self.view: View | None = None
        self._forecast: Forecast | None = None
        self._away = False

    def compose(self) -> ComposeResult:
        yield from top()
        yield Static(id="goals")
        with Horizontal(id="step-line"):
            yield Static(id="next-step")
            yield Static(id="plan-clock")
        with Horizontal(id="plan-top"):
            with Vertical(id="team-box", classes="panel"):
                yield RecordTable("Member", "Share", "Days", "Off", empty="No team in workspace.toml.", id="team")
            with Vertical(id="forecast-box", classes="panel"):
                yield Static(id="forecast")
        with Horizontal(id="plan-bottom"):
            with Vertical(id="backlog-box", classes="panel"):
                yield Static(id="selection")
                yield RecordTable(
                    "", "ID", "Pts", "Total", "Flags", "Title", empty="No open item to plan.", id="backlog"
                )
            with Vertical(id="captured-box", classes="panel"):
                yield CapturedList(id="captured")
        yield from bottom()

    def on_mount(self) -> None:
        self.query_one("#team-box").border_title = "Team"
        self.query_one("#forecast-box").border_title = "Forecast from the team's history"
        self.query_one("#backlog-box").border_title = "Backlog: s select · u close out · w left out"
        self.query_one("#captured-box").border_title = "Captured"
        self.query_one("#backlog", RecordTable).focus()

    # -- loading and drawing ---------------------------------------------------------------------

    def open_context(self, today: date, new: bool) -> SessionContext:
        return planning.open_planning(self.ws, today, new)

    def loaded(self, context: SessionContext) -> None:
        self.redraw()

    def on_screen_suspend(self) -> None:
        # Suspended for another mode (home, the review), not for a modal of its own: Textual has
        # switched the app's mode by the time this runs.
        self._away = self.app.current_mode != self.RITUAL

    def on_screen_resume(self) -> None:
        # Back from the review, which may have closed the sprint this planning waits for.
        previous = self.context.previous if isinstance(self.context, PlanningContext) else None
        if self._away and previous is not None and previous.status != "closed":
            self.reload()
        self._away = False

    def reload(self) -> None:
        today = self.today()

        def reloaded(context: PlanningContext) -> None:
            if self.context is not None:
                context.captured = self.context.captured
            self.context = context
            self.redraw()
            undecided = [i for i in context.unfinished if context.plan.close_out_of(i) is None]
            if undecided:  # the last sprint was just closed: its unfinished items come first
                self.query_one("#backlog", RecordTable).select_key(undecided[0])

        self.load(lambda: planning.open_planning(self.ws, today), reloaded)

    def forecast_now(self) -> Forecast:
        """The forecast for the plan's capacity (computed again only when the capacity changes)."""
        assert self.context is not None
        capacity = self.context.plan.capacity_days or 0.0
        if self._forecast is None or self._forecast.capacity_days != capacity:
            self._forecast = forecast(self.context.past, capacity)
        return self._forecast

    def redraw(self) -> None:
        context = self.context
        if context is None:
            return
        self.view = view = view_of(context, self.forecast_now())
        self.query_one("#goals", Static).update(goal_lines(context))
        self.query_one("#next-step", Static).update(Content.styled(next_step(context, self.today()), "bold"))
        self.query_one("#team-box").border_title = sprint_title(context)
        self.query_one("#team", RecordTable).set_rows(team_rows(context))
        self.query_one("#forecast", Static).update(forecast_text(context, view))
        self.query_one("#selection", Static).update(selection_line(context, view))
        self.query_one("#backlog", RecordTable).set_rows(backlog_rows(context, view, context.settings))
        self.refresh_bindings()

    def tick(self) -> None:
        if self.clock is not None:
            state = "Paused" if self.clock.paused else "Timebox"
            face = f"{state} {clock_face(self.clock.elapsed())} / {clock_face(self.clock.timebox_seconds)}"
            self.query_one("#plan-clock", Static).update(face)

    # -- what the keys act on --------------------------------------------------------------------

    def focused_key(self, table_id: str) -> str | None:
        table = self.query_one(table_id, RecordTable)
        key = table.selected_key if table.has_focus and self.context is not None else None
        return None if key is None or key.startswith(CUT) else key

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        context = self.context
        if action == "forecast":
            return context is not None
        if action == "previous":
            return context is not None and context.previous is not None and context.previous.status == "active"
        if action in _PLANNING:
            if context is None or self.ending or context.plan.sprint:
                return False
            if action in ("select", "left_out"):
                return True if self.focused_key("#backlog") else None
            if action == "close_out":
                return True if self.focused_key("#backlog") in context.unfinished else None
            if action in ("share", "days_off"):
                return True if self.focused_key("#team") else None
            if action == "copy_last":
                return bool(context.last_members)
            return True
        return super().check_action(action, parameters)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_record_table_moved(self, event: RecordTable.Moved) -> None:
        self.refresh_bindings()

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        event.stop()
        if self.context is None or self.context.plan.sprint or event.key.startswith(CUT):
            return
        if event.table.id == "backlog":
            self.toggle(event.key)
        elif event.table.id == "team":
            self.action_days_off()

    def current_item(self) -> str:
        return self.focused_key("#backlog") or ""

    def items_in_view(self) -> list[Option]:
        if self.context is None:
            return []
        chosen = set(self.context.plan.selected) | {self.current_item()}
        return [(literal(f"{i.id} {i.title}"), i.id) for i in self.context.candidates if i.id in chosen]

    # -- forecast, commitment, recap ---------------------------------------------------------------

    def action_forecast(self) -> None:
        if self.context is None or self.view is None:
            return
        from ritual_tui.tui.modals.forecast import ForecastScreen

        self.app.push_screen(ForecastScreen(self.context.past, self.view.forecast, self.view.chance))

    def commit_question(self) -> tuple[Content, str]:
        assert self.context is not None and self.view is not None
        view, plan = self.view, self.context.plan
        f = view.forecast
        question = join(
            f"Commit {format_points(view.chosen.points)} points in {view.chosen.items} items? ",
            literal(plan.goal or "(no goal yet)", "italic"),
        )
        parts = [f"P50 {f.p50} · P85 {f.p85} · chance {percent(view.chance)}" if f.p50 is not None else "No forecast."]
        if f.p85 is not None and view.chosen.points > f.p85 and view.chance is not None:
            short = percent(1 - view.chance)
            parts.append(f"Above P85: the team finishes less than this in {short} of outcomes (P85 allows 15%).")
        if plan.confidence is None:
            parts.append("No confidence vote yet.")
        parts.append("The sprint starts, its snapshot is frozen, and the plan is written to plans/.")
        return question, "\n".join(parts)

    def recap_sections(self, session: RitualSession) -> list[Section]:
        plan = session.plan
        if plan is None:
            return []
        if not plan.sprint:
            return [("Plan", ["Not committed: the plan is kept, and `ritual plan` resumes it."])]
        lines: list[Content | str] = [f"{plan.sprint} started, {len(plan.selected)} items committed"]
        if plan.forecast is not None:
            note = plan.forecast
            lines.append(f"P50 {note.p50} · P85 {note.p85} · chance {percent(note.chance)}")
        lines.append(f"Capacity {plan.capacity_days or 0:g} person-days")
        return [("Plan", lines)]
