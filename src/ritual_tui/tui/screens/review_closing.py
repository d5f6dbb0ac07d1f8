"""The review's verdict on the sprint goal, and closing the sprint: asked first before its last
day, then what becomes of each item not accepted, then the sprint closed and its summary written."""

from __future__ import annotations

from typing import Any

from textual.content import Content

from ritual_tui.domain.review import WORDS, CloseOut
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services import review
from ritual_tui.services.review_close import Closed, close_with_summary
from ritual_tui.tui.modals.choose import ChooseRecord
from ritual_tui.tui.modals.close_out import CloseOutScreen
from ritual_tui.tui.modals.prompt import Confirm, TextPrompt
from ritual_tui.tui.screens.review_flows import ReviewFlows
from ritual_tui.tui.text import join, literal, plain
from ritual_tui.tui.widgets.table import Row


class ReviewClosing(ReviewFlows):
    """The verdict and the close: see :class:`~ritual_tui.tui.screens.review.ReviewScreen`."""

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
            (i, sprint.outcomes.get(i.id) or ("accepted" if i.status == "done" else "not done"))
            for i in context.run_sheet
        ]
        unfinished = [(i, outcome) for i, outcome in waiting if outcome != "accepted"]
        if not unfinished:
            self._close([])
            return
        lines = [
            CloseOut(item=i.id, action="return" if outcome == "rejected" else "carry-over") for i, outcome in unfinished
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
            self.notify(plain(result.message()), markup=False, timeout=12)
            self.sprint_saved(result.sprint)
            if self.progress_wanted():
                self.reload_progress()

        def failed(_: Exception) -> None:
            self.closing = False
            self.reload()

        self.write(lambda: close_with_summary(self.ws, verdict, close_out=close_out), closed, failed)
