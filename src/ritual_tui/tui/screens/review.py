"""The sprint review: the goal and who is in the room, a run-sheet of the sprint's items each
inspected against its acceptance criteria and the Definition of Done then accepted, rejected or
carried over, the feedback heard, progress toward the product goal, and the sprint closed.

Its keys act through :mod:`.review_decisions` (checks and outcomes), :mod:`.review_closing` (the
verdict and the close) and :mod:`.review_flows` (feedback, stakeholders, progress).
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.review import closed_as
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services import review
from ritual_tui.services.review import ReviewContext
from ritual_tui.services.sessions import SessionContext
from ritual_tui.tui.modals.capture import Option
from ritual_tui.tui.modals.recap import Section
from ritual_tui.tui.screens.review_decisions import ReviewDecisions
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.captured import CapturedList
from ritual_tui.tui.widgets.chrome import bottom, top
from ritual_tui.tui.widgets.review_view import (
    check_rows,
    feedback_rows,
    item_line,
    progress_lines,
    room_line,
    sheet_rows,
    verdict_line,
)
from ritual_tui.tui.widgets.speaker import clock_face
from ritual_tui.tui.widgets.table import RecordTable

#: From this width on, progress toward the product goal stands beside the feedback.
WIDE = 140


class ReviewScreen(ReviewDecisions):
    """Run the review: every check and every outcome is on disk the moment its key is pressed."""

    RITUAL = "review"
    AREA = "review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide('accepted')", "Accept", id="review.accept", tooltip="Accept the item in view"),
        Binding("r", "decide('rejected')", "Reject", id="review.reject", tooltip="Reject the item in view"),
        Binding("c", "decide('carried-over')", "Carry over", id="review.carry", tooltip="Carry the item over"),
        Binding("y", "check('met')", "Met", id="review.met", tooltip="Mark the selected check met"),
        Binding("n", "check('not-met')", "Not met", id="review.unmet", tooltip="Mark the selected criterion not met"),
        Binding("u", "check('')", "Unchecked", id="review.unchecked", tooltip="Mark the selected check not checked"),
        Binding("Y", "all_met", "All met", id="review.all_met", tooltip="Mark every check of the item met"),
        Binding("m", "move(1)", "Later", id="review.later", tooltip="Move the item later in the run-sheet"),
        Binding("M", "move(-1)", "Earlier", id="review.earlier", tooltip="Move the item earlier in the run-sheet"),
        Binding("f", "feedback", "Feedback", id="review.feedback", tooltip="Capture stakeholder feedback"),
        Binding(
            "F", "open_feedback", "Open feedback", id="review.open_feedback", tooltip="Turn open feedback into work"
        ),
        Binding("s", "stakeholder", "Stakeholder", id="review.stakeholder", tooltip="Add a stakeholder in the room"),
        Binding("v", "verdict", "Goal verdict", id="review.verdict", tooltip="Give the verdict on the sprint goal"),
        Binding("P", "progress", "Progress", id="review.progress", tooltip="Progress toward the product goal"),
        Binding("C", "close_sprint", "Close sprint", id="review.close", tooltip="Close the sprint, write the summary"),
        Binding("tab", "app.focus_next", "Panel", id="review.panel", tooltip="Move to the next panel"),
    ]
    FOOTER = (
        "review.accept",
        "review.reject",
        "review.carry",
        "review.met",
        "review.unmet",
        "review.feedback",
        "review.verdict",
        "review.close",
        "ritual.end",
        "review.panel",
        "review.stakeholder",
        "review.open_feedback",
        "review.progress",
        "ritual.home",
        "ritual.capture.decision",
        "ritual.capture.escalation",
        "review.later",
        "review.earlier",
        "review.unchecked",
        "review.all_met",
        "ritual.capture.topic",
        "ritual.capture.note",
        "ritual.capture.blocker",
        "ritual.pause",
    )

    def compose(self) -> ComposeResult:
        yield from top()
        yield Static(id="review-head")
        yield Static(id="review-room")
        with Horizontal(id="review-main"):
            with Vertical(id="sheet-box", classes="panel"):
                yield RecordTable(
                    "ID", "Pts", "Outcome", "Title", empty="The sprint's items show here once read.", id="run-sheet"
                )
            with Vertical(id="checks-box", classes="panel"):
                yield Static(id="item-line")
                yield RecordTable("State", "Check", empty="No item in view.", id="checks")
        with Horizontal(id="review-lower"):
            with Vertical(id="feedback-box", classes="panel"):
                yield RecordTable(
                    "ID", "From", "About", "Became", "Feedback", empty="No feedback yet: f captures it.", id="feedback"
                )
            with Vertical(id="captured-box", classes="panel"):
                yield CapturedList(id="captured")
            with Vertical(id="progress-box", classes="panel"):
                yield Static(id="progress")
        yield from bottom()

    def on_mount(self) -> None:
        self.query_one("#sheet-box").border_title = "Run-sheet: a accept · r reject · c carry over"
        self.query_one("#checks-box").border_title = "Criteria and Definition of Done: y met · n not met"
        self.query_one("#feedback-box").border_title = "Feedback: f hear · F turn into work"
        self.query_one("#captured-box").border_title = "Captured"
        self.query_one("#progress-box").border_title = "Toward the product goal"
        self.query_one("#run-sheet", RecordTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")
        self.set_class(event.size.height >= 40, "-tall")
        if self.has_class("-wide") and self.context is not None and self.context.progress is None:
            self.reload_progress()  # it has room now

    # -- loading and drawing ---------------------------------------------------------------------

    def open_context(self, today: date, new: bool) -> SessionContext:
        return review.open_review(self.ws, today, new, with_progress=self.app.size.width >= WIDE)

    def loaded(self, context: SessionContext) -> None:
        self.query_one("#run-sheet", RecordTable).empty = "No item in this sprint."
        self._draw_all()

    def _draw_all(self) -> None:
        self.draw_head()
        self.draw_sheet()
        self.draw_feedback()
        assert self.context is not None
        self.query_one("#progress", Static).update(
            progress_lines(self.context.progress, self.context.settings.product_goal)
        )
        self.refresh_bindings()

    def draw_head(self) -> None:
        context, sprint = self.context, self.sprint
        if context is None:
            return
        ran = clock_face(self.clock.elapsed()) if self.clock else "0:00"
        timebox = context.settings.timebox_minutes("review")
        if sprint is None:
            head = join(f"Review {ran} of {timebox}:00 · ", ("No sprint to review: captures still work.", "bold"))
        else:
            day, days = sprint.day_of(self.today())
            state = (
                f"closed {sprint.closed:%Y-%m-%d}, summary in summaries/" if sprint.closed else f"day {day} of {days}"
            )
            head = join(
                (f"Sprint {sprint.number}", "bold"),
                f" · {state} · review {ran} of {timebox}:00 · ",
                verdict_line(sprint),
                "\nGoal: ",
                literal(sprint.goal or "(none set)", "bold"),
            )
        self.query_one("#review-head", Static).update(head)
        self.query_one("#review-room", Static).update(room_line(context.session, len(context.session.attendees)))

    def draw_sheet(self) -> None:
        if self.context is None or self.sprint is None:
            return
        self.query_one("#run-sheet", RecordTable).set_rows(sheet_rows(self.sprint, self.context.run_sheet))
        self.draw_checks()

    def draw_checks(self) -> None:
        assert self.context is not None
        item, sprint = self.item_in_view(), self.sprint
        dod = self.context.settings.definition_of_done
        rows = check_rows(sprint, item, dod) if item is not None and sprint is not None else []
        self.query_one("#checks", RecordTable).set_rows(rows)
        self.query_one("#item-line", Static).update(item_line(sprint, item, dod) if sprint else "")

    def draw_feedback(self) -> None:
        assert self.context is not None
        self.query_one("#feedback", RecordTable).set_rows(feedback_rows(self.context.feedback))

    def tick(self) -> None:
        self.draw_head()

    def on_record_table_moved(self, event: RecordTable.Moved) -> None:
        if event.table.id == "run-sheet" and self.context is not None:
            self.draw_checks()
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    # -- the item in view ------------------------------------------------------------------------

    def item_in_view(self) -> BacklogItem | None:
        key = self.query_one("#run-sheet", RecordTable).selected_key
        return next((i for i in self.context.run_sheet if i.id == key), None) if self.context else None

    def current_item(self) -> str:
        item = self.item_in_view()
        return item.id if item else ""

    def items_in_view(self) -> list[Option]:
        return [(literal(f"{i.id} {i.title}"), i.id) for i in self.context.run_sheet] if self.context else []

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        checks = self.query_one("#checks", RecordTable)
        if action in ("decide", "all_met"):
            return self.is_open and self.item_in_view() is not None and not self.ending
        if action == "check":
            return self.is_open and checks.has_focus and checks.selected_key is not None
        if action == "move":
            return self.context is not None and self.query_one("#run-sheet", RecordTable).has_focus
        if action in ("verdict", "close_sprint"):
            return self.is_open and not self.ending
        if action in ("feedback", "open_feedback", "stakeholder", "progress"):
            return self.context is not None and not self.ending
        return super().check_action(action, parameters)

    # -- checks and outcomes ---------------------------------------------------------------------

    def sprint_saved(self, sprint: Sprint) -> None:
        assert self.context is not None
        self.context.sprint = sprint
        self.draw_head()
        self.draw_sheet()
        self.refresh_bindings()

    def reload(self, _: Exception | None = None) -> None:
        # After a refused write too: show what is on disk.
        today = self.today()

        def loaded(context: ReviewContext) -> None:
            self.context = context
            self._draw_all()

        wanted = self.progress_wanted()
        self.load(lambda: review.open_review(self.ws, today, with_progress=wanted), loaded)

    # -- the end ---------------------------------------------------------------------------------

    def recap_sections(self, session: RitualSession) -> list[Section]:
        assert self.context is not None
        sprint = self.sprint
        if sprint is None:
            return []
        outcomes = [
            join(
                (f"{i.id} ", "bold"),
                closed_as(sprint.outcomes.get(i.id, "not decided"), sprint.sent_to(i.id)),
                " ",
                literal(i.title),
            )
            for i in self.context.run_sheet
        ]
        changes = [
            join((f"{item} ", "bold"), literal(what))
            for item, what in review.backlog_changes(sprint, self.context.feedback, session)
        ]
        heard = [
            join((f"{f.id} ", "bold"), literal(f.by or "the room"), ": ", literal(f.text), f" → {f.became_text()}")
            for f in self.context.feedback
            if f.session == session.id
        ]
        room = [join(literal(p.name, "bold"), literal(f" ({p.role})" if p.role else "")) for p in session.stakeholders]
        return [
            ("Goal", [verdict_line(sprint)]),
            ("Stakeholders", room or ["none recorded"]),
            ("Outcomes", outcomes),
            (f"Feedback ({len(heard)})", heard),
            ("Backlog changes", changes or ["none"]),
        ]
