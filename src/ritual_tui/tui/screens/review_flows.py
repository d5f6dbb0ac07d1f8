"""The review screen's ground: the sprint under review, what the screen draws, and the flows that
open forms over it: feedback heard and turned into work, a stakeholder joining, progress toward the
product goal. The verdict and the close are in :mod:`.review_closing`, the items' decisions in
:mod:`.review_decisions`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.content import Content
from textual.widgets import Static

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.fields import Record
from ritual_tui.domain.roadmap import ProductProgress
from ritual_tui.domain.session import RitualSession, Stakeholder
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services import review
from ritual_tui.services.capture import captured_records
from ritual_tui.services.feedback import NewFeedback, hear_feedback, turn_feedback
from ritual_tui.services.review import ReviewContext
from ritual_tui.tui.modals.choose import ChooseRecord
from ritual_tui.tui.modals.feedback import FeedbackForm, FeedbackScreen, becomes_options, parse_becomes
from ritual_tui.tui.modals.progress import ProgressScreen
from ritual_tui.tui.modals.stakeholder import StakeholderScreen
from ritual_tui.tui.screens.session import RitualSessionScreen
from ritual_tui.tui.text import join, literal, plain
from ritual_tui.tui.widgets.captured import CapturedList
from ritual_tui.tui.widgets.review_view import progress_lines
from ritual_tui.tui.widgets.table import Row

T = TypeVar("T")


class ReviewFlows(RitualSessionScreen):
    """The part of the review screen that asks: :class:`~ritual_tui.tui.screens.review.ReviewScreen`
    draws the panels and decides the items."""

    context: ReviewContext | None

    def __init__(self, new: bool = False) -> None:
        super().__init__(new)
        #: Set from the moment the close is asked for until it is written: a second key waits.
        self.closing = False
        #: Questions waiting for a read (past stakeholders, progress): asked once however often pressed.
        self.reading_for: set[str] = set()

    @property
    def sprint(self) -> Sprint | None:
        """The sprint under review (None when there is none)."""
        return self.context.sprint if self.context else None

    @property
    def is_open(self) -> bool:
        """True while the sprint under review is still under way (outcomes can be decided)."""
        return self.sprint is not None and self.sprint.status == "active"

    # What the screen draws, and the item it shows (see ReviewScreen).
    def item_in_view(self) -> BacklogItem | None:
        """The run-sheet's item under the cursor."""
        raise NotImplementedError

    def draw_head(self) -> None:
        """Redraw the sprint, the clock, the verdict and the room."""
        raise NotImplementedError

    def draw_sheet(self) -> None:
        """Redraw the run-sheet and the checks of the item in view."""
        raise NotImplementedError

    def draw_checks(self) -> None:
        """Redraw the checks of the item in view."""
        raise NotImplementedError

    def draw_feedback(self) -> None:
        """Redraw the feedback heard."""
        raise NotImplementedError

    def sprint_saved(self, sprint: Sprint) -> None:
        """A write came back with the sprint as it is on disk now."""
        raise NotImplementedError

    def reload(self, _: Exception | None = None) -> None:
        """Read the review again."""
        raise NotImplementedError

    # -- feedback --------------------------------------------------------------------------------

    def action_feedback(self) -> None:
        context = self.context
        if context is None:
            return
        people = [*(p.name for p in context.session.stakeholders), *context.session.attendees]
        item = self.item_in_view()
        objective = item.objective if item else (self.sprint.goal_objective if self.sprint else "")
        form = FeedbackForm(
            people=[(literal(name), name) for name in dict.fromkeys(people)],
            items=self.items_in_view(),
            item=item.id if item else "",
            becomes=becomes_options(context.settings, objective),
        )
        session_id = context.session.id

        def heard(new: Any) -> None:
            if isinstance(new, NewFeedback):
                new.session = session_id
                self.write(lambda: hear_feedback(self.ws, new), self._feedback_saved)

        self.app.push_screen(FeedbackScreen(form), heard)

    def _feedback_saved(self, feedback: Feedback) -> None:
        assert self.context is not None
        known = [f for f in self.context.feedback if f.id != feedback.id]
        self.context.feedback = (
            [*known, feedback]
            if len(known) == len(self.context.feedback)
            else [feedback if f.id == feedback.id else f for f in self.context.feedback]
        )
        self.draw_feedback()
        self.notify(plain(f"Saved {feedback.id}: {feedback.became_text()}"), markup=False, timeout=3)
        if feedback.became_kind == "item" and self.progress_wanted():
            self.reload_progress()
        if feedback.became_kind in ("escalation", "decision") and feedback.session == self.context.session.id:
            self._reload_captured()

    def _reload_captured(self) -> None:
        """The session's captures read again: a decision or an escalation made of feedback joins them."""
        session_id = self.context.session.id if self.context else ""

        def loaded(records: list[Record]) -> None:
            assert self.context is not None
            self.context.captured = records
            self.query_one(CapturedList).show(records, self.presenter)

        self.load(lambda: captured_records(self.ws, self.ws.get(RitualSession, session_id)), loaded)

    def action_open_feedback(self) -> None:
        context = self.context
        if context is None:
            return
        waiting = [f for f in context.feedback if f.is_open]
        if not waiting:
            self.notify("No open feedback in this review: f captures some.", markup=False, timeout=3)
            return
        rows = [Row(f.id, [f.id, f.by or "the room", f.item or "general", f.text]) for f in waiting]

        def chosen(key: object) -> None:
            feedback = next((f for f in waiting if f.id == key), None)
            if feedback is not None:
                self._turn(feedback)

        self.app.push_screen(
            ChooseRecord(Content("Which feedback?"), ["ID", "From", "About", "Feedback"], rows), chosen
        )

    def _turn(self, feedback: Feedback) -> None:
        assert self.context is not None
        about = next((i for i in self.context.run_sheet if i.id == feedback.item), None)
        objective = about.objective if about else (self.sprint.goal_objective if self.sprint else "")
        options = becomes_options(self.context.settings, objective)[1:]
        rows = [Row(value, [shown]) for shown, value in options]  # type: ignore[list-item]

        def chosen(value: object) -> None:
            if isinstance(value, str):
                becomes, goal = parse_becomes(value)
                self.write(lambda: turn_feedback(self.ws, feedback.id, becomes, goal), self._feedback_saved)

        question = join(f"{feedback.id} becomes… ", literal(feedback.text, "italic"))
        self.app.push_screen(ChooseRecord(question, ["What it becomes"], rows), chosen)

    # -- the room and the goal -------------------------------------------------------------------

    def action_stakeholder(self) -> None:
        context = self.context
        if context is None:
            return
        session_id = context.session.id
        # Past reviews are read when asked for: opening the review needs only its own session.
        self.read_then("stakeholder", lambda: review.known_stakeholders(self.ws, session_id), self._offer_stakeholders)

    def _offer_stakeholders(self, known_before: list[Stakeholder]) -> None:
        context = self.context
        if context is None:
            return
        present = {p.name.casefold() for p in context.session.stakeholders}
        known = [p for p in known_before if p.name.casefold() not in present]
        session_id = context.session.id

        def add(name: str, role: str) -> None:
            self.write(lambda: review.add_stakeholder(self.ws, session_id, name, role), self._room_saved)

        def typed(answer: object) -> None:
            if isinstance(answer, tuple):
                add(*answer)

        if not known:
            self.app.push_screen(StakeholderScreen(), typed)
            return
        rows = [Row(str(n), [p.name, p.role]) for n, p in enumerate(known)] + [Row("new", ["Someone new…", ""])]

        def chosen(key: object) -> None:
            if key == "new":
                self.app.push_screen(StakeholderScreen(), typed)
            elif isinstance(key, str):
                add(known[int(key)].name, known[int(key)].role)

        self.app.push_screen(ChooseRecord(Content("Who joins the review?"), ["Name", "Role"], rows), chosen)

    def _room_saved(self, session: RitualSession) -> None:
        assert self.context is not None
        self.context.session = session
        self.draw_head()

    def action_progress(self) -> None:
        if self.context is None:
            return
        if self.context.progress is None:
            sprint = self.sprint
            self.read_then("progress", lambda: review.progress(self.ws, sprint), self._progress_read)
            return
        content = progress_lines(self.context.progress, self.context.settings.product_goal)
        self.app.push_screen(ProgressScreen(content))

    def _progress_read(self, progress: ProductProgress) -> None:
        assert self.context is not None
        self.context.progress = progress
        self.query_one("#progress", Static).update(progress_lines(progress, self.context.settings.product_goal))
        self.action_progress()

    def read_then(self, name: str, job: Callable[[], T], then: Callable[[T], None]) -> None:
        """Read (on a thread), then ask: the same key pressed again meanwhile does not ask twice.

        Read in the queue of writes, so that it sees what the keys before it wrote, and so that its
        end is known even when it fails (a read that a newer one replaces never reports back)."""
        if name in self.reading_for:
            return
        self.reading_for.add(name)

        def done(result: T) -> None:
            self.reading_for.discard(name)
            then(result)

        self.write(job, done, lambda _: self.reading_for.discard(name))

    def progress_wanted(self) -> bool:
        """True when progress toward the product goal is on screen (it is read only then)."""
        return self.has_class("-wide") or (self.context is not None and self.context.progress is not None)

    def reload_progress(self) -> None:
        """Read progress toward the product goal again (every item's index: only when it is shown)."""
        sprint = self.sprint

        def loaded(progress: ProductProgress) -> None:
            assert self.context is not None
            self.context.progress = progress
            self.query_one("#progress", Static).update(progress_lines(progress, self.context.settings.product_goal))

        self.load(lambda: review.progress(self.ws, sprint), loaded)
