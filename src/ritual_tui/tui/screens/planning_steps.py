"""The questions the planning screen asks, one step each: the previous sprint's close-out, dates and
availability, the goal, what is taken or left out and why, the vote, and the commitment. Every answer
goes through a planning use case and is on disk when Enter is pressed; a refused one changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.content import Content

from ritual_tui.domain.errors import RitualError
from ritual_tui.domain.plan_input import parse_days, parse_share, parse_vote
from ritual_tui.domain.planning import SprintPlan, is_low
from ritual_tui.domain.rules import readiness_gaps
from ritual_tui.rituals import ritual_named
from ritual_tui.services import plan_choices, planning
from ritual_tui.services.plan_commit import Committed, commit_plan, ready_to_commit
from ritual_tui.services.planning import PlanningContext
from ritual_tui.services.review_close import Closed
from ritual_tui.tui.modals.choose import ChooseRecord
from ritual_tui.tui.modals.prompt import Confirm, TextPrompt
from ritual_tui.tui.screens.session import RitualSessionScreen
from ritual_tui.tui.text import join, literal, plain
from ritual_tui.tui.widgets.table import RecordTable, Row

CLOSE_OUT_CHOICES = [
    Row("carry-over", ["carry over", "take it into this sprint"]),
    Row("return", ["return", "back to the backlog, at its rank"]),
    Row("drop", ["drop", "it will not be built (dropped when the sprint is committed)"]),
]


class PlanningSteps(RitualSessionScreen):
    """The planning screen's steps; the screen itself lays them out and draws the plan."""

    context: PlanningContext | None

    def redraw(self) -> None:
        """Draw the plan as it now stands."""
        raise NotImplementedError

    def focused_key(self, table_id: str) -> str | None:
        """The record under the cursor of a table holding the focus."""
        raise NotImplementedError

    def reload(self) -> None:
        """Read the planning again (after the previous sprint was closed)."""
        raise NotImplementedError

    # -- helpers ---------------------------------------------------------------------------------

    @property
    def session_id(self) -> str:
        assert self.context is not None
        return self.context.session.id

    def ask(
        self, title: Content | str, asks_for: str, then: Callable[[str], None], text: str = "", required: bool = True
    ) -> None:
        """One line of text; ``then`` gets it (its parsing errors are shown, nothing saved)."""

        def answered(value: object) -> None:
            if isinstance(value, str):
                try:
                    then(value)
                except RitualError as error:
                    self.ritual_app.show_error(error)

        heading = title if isinstance(title, Content) else Content(title)
        self.app.push_screen(TextPrompt(heading, asks_for, required, text), answered)

    def choose(
        self,
        question: str | Content,
        rows: list[Row],
        then: Callable[[str], None],
        columns: tuple[str, ...] = ("", ""),
        selected: str | None = None,
    ) -> None:
        """One of a few rows, the cursor on ``selected`` if given; Escape chooses nothing."""
        heading = question if isinstance(question, Content) else Content(question)
        self.app.push_screen(
            ChooseRecord(heading, columns, rows, selected), lambda key: then(key) if isinstance(key, str) else None
        )

    def save(self, job: Callable[[], SprintPlan]) -> None:
        """Write a change of the plan and show the plan as saved."""
        self.write(job, self.saved)

    def saved(self, plan: SprintPlan) -> None:
        if self.context is not None:
            self.context.plan = plan
            self.redraw()

    def stale(self, error: Exception) -> None:
        """A change was refused or failed: show the plan as it is on disk."""
        self.reload()

    def item_title(self, item_id: str) -> Content:
        assert self.context is not None
        item = next((i for i in self.context.candidates if i.id == item_id), None)
        return join((item_id, "bold"), " ", literal(item.title if item else "", "italic"))

    # -- the previous sprint ---------------------------------------------------------------------

    def action_previous(self) -> None:
        if self.context is None or self.context.previous is None:
            return
        try:
            ritual_named("review")
        except KeyError:
            self.close_previous()
            return
        rows = [Row("review", ["review", "open the sprint review"]), Row("close", ["close", "close it now, early"])]
        self.choose(
            f"Sprint {self.context.previous.number} is still open.",
            rows,
            lambda key: self.ritual_app.open_ritual("review") if key == "review" else self.close_previous(),
        )

    def close_previous(self) -> None:
        assert self.context is not None and self.context.previous is not None
        sprint = self.context.previous
        day, total = sprint.day_of(self.today())
        question = Content(f"Close sprint {sprint.number} now, on day {day} of {total}?")
        detail = "Done items are accepted; the rest come back here as unfinished, to carry over, return or drop."
        verdicts = [
            Row("met", ["met", "the sprint goal was met"]),
            Row("partly", ["partly met", "part of it was"]),
            Row("not-met", ["not met", "it was not"]),
        ]
        today = self.today()

        def closed(result: Closed) -> None:
            self.notify(plain(result.message()), markup=False, timeout=12)
            self.reload()

        def verdict(key: str) -> None:
            self.write(lambda: planning.close_previous(self.ws, self.session_id, key, today), closed)

        self.app.push_screen(
            Confirm(question, detail),
            lambda yes: self.choose("Was the sprint goal met?", verdicts, verdict) if yes else None,
        )

    # -- dates and capacity ----------------------------------------------------------------------

    def action_dates(self) -> None:
        assert self.context is not None
        plan, today = self.context.plan, self.today()

        def dates(text: str) -> None:
            days = text.split()
            if len(days) != 2:
                raise RitualError("Type the first and the last day, such as 2026-11-26 2026-12-09.")
            start, end = (parse_days(d)[0] for d in days)
            self.save(lambda: planning.set_dates(self.ws, self.session_id, start, end, today))

        self.ask(
            "Sprint dates", "the first and the last day (YYYY-MM-DD YYYY-MM-DD)", dates, f"{plan.start} {plan.end}"
        )

    def _member(self) -> str | None:
        return self.focused_key("#team")

    def action_share(self) -> None:
        name = self._member()
        if name is None or self.context is None:
            return
        member = next(m for m in self.context.plan.members if m.name == name)

        def share(text: str) -> None:
            value = parse_share(text)
            self.save(lambda: planning.set_member(self.ws, self.session_id, name, availability=value))

        title = join(literal(name, "bold"), ": share of a working day in this sprint")
        self.ask(title, "a percentage (100 = full time)", share, f"{round(member.availability * 100)}")

    def action_days_off(self) -> None:
        name = self._member()
        if name is None or self.context is None:
            return
        plan = self.context.plan
        member = next(m for m in plan.members if m.name == name)

        def days_off(text: str) -> None:
            days = parse_days(text)
            self.save(lambda: planning.set_member(self.ws, self.session_id, name, days_off=days))

        title = join(literal(name, "bold"), f": days off from {plan.start} to {plan.end}")
        current = " ".join(str(d) for d in member.days_off)
        self.ask(title, "dates such as 2026-12-01 or 2026-12-01..2026-12-03; empty for none", days_off, current, False)

    def action_copy_last(self) -> None:
        if self.context is not None:
            last = self.context.last_members
            self.save(lambda: planning.copy_shares(self.ws, self.session_id, last))
            self.notify("Shares of the day copied from the last sprint (days off are not).", markup=False)

    # -- goal, selection, close-out --------------------------------------------------------------

    def action_goal(self) -> None:
        assert self.context is not None
        settings = self.context.settings

        def goal(text: str) -> None:
            if not settings.objectives:
                self.save(lambda: plan_choices.set_goal(self.ws, self.session_id, text, ""))
                return
            rows = [Row(o.id, [o.id, o.title]) for o in settings.objectives] + [Row("", ["–", "no objective"])]

            def objective(key: str) -> None:
                self.save(lambda: plan_choices.set_goal(self.ws, self.session_id, text, key))

            self.choose(join("Which roadmap objective does it serve? ", literal(text, "italic")), rows, objective)

        self.ask("Sprint goal", "one sentence: what the sprint achieves", goal, self.context.plan.goal)

    def toggle(self, item_id: str) -> None:
        """Take an item or put it back; an unfinished one asks what becomes of it; one failing the
        Definition of Ready asks first. Shown at once, so that a second key acts on what the first left."""
        assert self.context is not None
        context, session_id = self.context, self.session_id
        if item_id in context.unfinished:
            self.action_close_out()
            return
        if item_id in context.plan.selected:
            context.plan.selected.remove(item_id)
            self.redraw()
            self.write(lambda: plan_choices.select(self.ws, session_id, item_id, False), failed=self.stale)
            return
        item = next(i for i in context.candidates if i.id == item_id)
        gaps = readiness_gaps(item, context.settings)

        def take(confirmed: bool) -> None:
            context.plan.selected.append(item_id)
            self.redraw()
            self.write(
                lambda: plan_choices.select(self.ws, session_id, item_id, True, confirmed),
                failed=lambda _: self.reload(),
            )

        if not gaps:
            take(False)
            return
        question = join("Fails the Definition of Ready: take it anyway? ", self.item_title(item_id))
        self.app.push_screen(
            Confirm(question, plain("; ".join(gaps)) + ". Your yes is recorded."),
            lambda yes: take(True) if yes else None,
        )

    def action_select(self) -> None:
        key = self.focused_key("#backlog")
        if key is not None:
            self.toggle(key)

    def action_close_out(self) -> None:
        item_id = self.focused_key("#backlog")
        if item_id is None or self.context is None or item_id not in self.context.unfinished:
            return

        # What was decided before (here, or when the review closed the sprint) is offered first.
        previous = self.context.previous
        before = self.context.plan.close_out_of(item_id) or (previous.close_out_of(item_id) if previous else None)

        def action(key: str) -> None:
            word = next(r.cells[0] for r in CLOSE_OUT_CHOICES if r.key == key)

            def reason(text: str) -> None:
                self.save(lambda: plan_choices.close_out(self.ws, self.session_id, item_id, key, text))
                self.next_unfinished(item_id)

            said = before.reason if before is not None and before.action == key else ""
            self.ask(join(f"Why {word}? ", self.item_title(item_id)), "the reason", reason, said)

        question = join("Unfinished: what becomes of it? ", self.item_title(item_id))
        self.choose(question, CLOSE_OUT_CHOICES, action, selected=before.action if before else None)

    def next_unfinished(self, after: str) -> None:
        """Put the cursor on the next unfinished item still undecided, so that u goes down the list."""
        assert self.context is not None
        plan, unfinished = self.context.plan, self.context.unfinished
        waiting = [i for i in unfinished if i != after and plan.close_out_of(i) is None]
        later = [i for i in waiting if unfinished.index(i) > unfinished.index(after)]
        if later or waiting:
            self.query_one("#backlog", RecordTable).select_key((later or waiting)[0])

    def action_left_out(self) -> None:
        item_id = self.focused_key("#backlog")
        if item_id is None:
            return

        def reason(text: str) -> None:
            self.save(lambda: plan_choices.leave_out(self.ws, self.session_id, item_id, text))

        self.ask(join("Why is it left out? ", self.item_title(item_id)), "the reason", reason)

    # -- confidence and commitment ---------------------------------------------------------------

    def action_vote(self) -> None:
        assert self.context is not None
        settings = self.context.settings

        def vote(text: str) -> None:
            confidence = parse_vote(text, settings.member_names())
            if not is_low(confidence, settings):
                self.save(lambda: plan_choices.record_confidence(self.ws, self.session_id, confidence))
                return

            def said(words: str) -> None:
                confidence.said = words
                self.save(lambda: plan_choices.record_confidence(self.ws, self.session_id, confidence))

            self.ask("A low vote: what did the room say?", "what the room said", said)

        self.ask(
            "Fist of five: how confident is the room in this plan?",
            "fingers per person (4 4 5 3) or per member (Lena=4, Tomás=3)",
            vote,
        )

    def commit_question(self) -> tuple[Content, str]:
        """The question before the commitment, and what the room should know."""
        raise NotImplementedError

    def action_commit(self) -> None:
        # Imported here: the commit writes the plan files, and the report renderers are not needed
        # to open the planning (they cost its first frame some 60 ms).

        if self.context is None:
            return
        try:  # what is missing is said before the question, not after the yes
            ready_to_commit(self.context.plan, self.context.previous)
        except RitualError as error:
            self.ritual_app.show_error(error)
            return
        question, detail = self.commit_question()

        def committed(result: Committed) -> None:
            self.saved(result.plan)
            said = f"{result.sprint.id} started · plan written to plans/{result.files[0].name}"
            if result.summary:  # its close-out decided here: returned and dropped items count as such
                said += f" · {result.summary[0].name} written again with the close-out"
            self.notify(said, markup=False)

        def yes(answer: Any) -> None:
            if answer:
                self.write(lambda: commit_plan(self.ws, self.session_id), committed)

        self.app.push_screen(Confirm(question, detail), yes)
