"""The review's flows that open forms over the screen: feedback heard and turned into work, a
stakeholder joining, the goal verdict, progress toward the product goal, and closing the sprint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.content import Content
from textual.widgets import Static

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.fields import Record
from ritual_tui.domain.review import WORDS, CloseOut
from ritual_tui.domain.roadmap import ProductProgress
from ritual_tui.domain.session import RitualSession, Stakeholder
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services import review
from ritual_tui.services.capture import captured_records
from ritual_tui.services.feedback import NewFeedback, hear_feedback, turn_feedback
from ritual_tui.services.review import ReviewContext
from ritual_tui.services.review_close import Closed, close_with_summary
from ritual_tui.tui.modals.choose import ChooseRecord
from ritual_tui.tui.modals.close_out import CloseOutScreen
from ritual_tui.tui.modals.feedback import FeedbackForm, FeedbackScreen, becomes_options, parse_becomes
from ritual_tui.tui.modals.progress import ProgressScreen
from ritual_tui.tui.modals.prompt import Confirm, TextPrompt
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

    def action_verdict(self, then: Any = None) -> None:
        sprint = self.sprint
        if sprint is None:
            return
        rows = [Row(v, [WORDS[v]]) for v in ("met", "partly", "not-met")]

        def chosen(verdict: object) -> None:
            if not isinstance(verdict, str):
                return
            title = join("The sprint goal is ", (WORDS[verdict], "bold"), ".")
            goal = join("Goal: ", literal(sprint.goal or "(none set)", "italic"))

            def reasoned(reason: object) -> None:
                if isinstance(reason, str):
                    self.write(
                        lambda: review.set_goal_verdict(self.ws, verdict, reason),
                        lambda s: self._verdict_saved(s, then),
                    )

            prompt = TextPrompt(title, "why, in one line", required=True, text=sprint.goal_reason, detail=goal)
            self.app.push_screen(prompt, reasoned)

        self.app.push_screen(ChooseRecord(Content("Was the sprint goal met?"), ["Verdict"], rows), chosen)

    def _verdict_saved(self, sprint: Sprint, then: Any) -> None:
        self.sprint_saved(sprint)
        if then is not None:
            then()

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

    # -- closing ---------------------------------------------------------------------------------

    def action_close_sprint(self) -> None:
        sprint = self.sprint
        if sprint is None or sprint.status != "active" or self.closing:
            return
        if not sprint.verdict():
            self.notify("First the verdict on the goal.", markup=False, timeout=3)
            self.action_verdict(then=self.action_close_sprint)
            return
        today = self.today()
        if today < sprint.end:
            left = (sprint.end - today).days
            question = Content(f"Close sprint {sprint.number} today?")
            detail = f"It ends on {sprint.end}, in {left} days. Closing writes the summary; it cannot be undone."

            def answered(yes: object) -> None:
                if yes:
                    self._close_out()

            self.app.push_screen(Confirm(question, detail), answered)
            return
        self._close_out()

    def _close_out(self) -> None:
        sprint, context = self.sprint, self.context
        assert sprint is not None and context is not None
        waiting = [
            (i, sprint.outcomes.get(i.id) or ("accepted" if i.status == "done" else "carried-over"))
            for i in context.run_sheet
        ]
        unfinished = [(i, outcome) for i, outcome in waiting if outcome != "accepted"]
        if not unfinished:
            self._close([])
            return
        lines = [
            CloseOut(item=i.id, decision="return" if outcome == "rejected" else "carry-over")
            for i, outcome in unfinished
        ]

        def decided(close_out: object) -> None:
            if isinstance(close_out, list):
                self._close(close_out)

        self.app.push_screen(CloseOutScreen(sprint.number, unfinished, lines), decided)

    def _close(self, close_out: list[CloseOut]) -> None:
        sprint = self.sprint
        if sprint is None or self.closing:
            return
        self.closing = True
        self.refresh_bindings()
        verdict = sprint.verdict()

        def closed(result: Closed) -> None:
            self.closing = False
            names = ", ".join(p.name for p in result.summary)
            folder = result.summary[0].parent if result.summary else self.ws.root
            self.notify(
                plain(f"Sprint {result.sprint.number} closed. Wrote {names} in {folder}"), markup=False, timeout=12
            )
            self.sprint_saved(result.sprint)
            if self.progress_wanted():
                self.reload_progress()

        def failed(_: Exception) -> None:
            self.closing = False
            self.reload()

        self.write(lambda: close_with_summary(self.ws, verdict, close_out=close_out), closed, failed)
