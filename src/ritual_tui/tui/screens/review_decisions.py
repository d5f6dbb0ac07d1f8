"""Deciding the review's items: each check of an item marked met, not met or not checked, and the
item accepted (asking first when it is not done, and for the override when it misses the Definition
of Done), rejected (with its unmet criteria or a reason) or carried over; the run-sheet reordered.

Each is shown at once, so that a second key sees what the first one did, and written in the order
the keys were pressed; a refused write reads the review again.
"""

from __future__ import annotations

from textual.content import Content

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.review import ItemReview, done_gaps, unmet_criteria
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services import review
from ritual_tui.services.review_items import Verdict, mark_check, review_item
from ritual_tui.tui.modals.prompt import Confirm, TextPrompt
from ritual_tui.tui.screens.review_closing import ReviewClosing
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.review_view import check_keys
from ritual_tui.tui.widgets.table import RecordTable


class ReviewDecisions(ReviewClosing):
    """The keys that decide: see :class:`~ritual_tui.tui.screens.review.ReviewScreen` for the panels."""

    def action_check(self, state: str) -> None:
        item, sprint = self.item_in_view(), self.sprint
        key = self.query_one("#checks", RecordTable).selected_key
        if item is None or sprint is None or key is None or self.context is None:
            return
        _, kind, text = next(k for k in check_keys(item, self.context.settings.definition_of_done) if k[0] == key)
        if kind == "done" and state == "not-met":
            state = ""  # a Definition of Done entry is met or not (yet): "not met" is its unchecked state
        current = sprint.review_of(item.id)
        if (current.state(kind, text) if current else "") == state:
            return  # pressed twice: nothing more to do
        self._mark_locally(sprint, item.id, [(kind, text)], state)
        item_id = item.id
        self.write(lambda: mark_check(self.ws, item_id, kind, text, state), self.sprint_saved, self.reload)
        if self._acceptance_unfounded(item, sprint):
            self.notify(
                f"{item.id} was accepted, and now misses the Definition of Done: accept it again (a) to record "
                "why, or reject it (r).",
                severity="warning",
                markup=False,
            )

    def _acceptance_unfounded(self, item: BacklogItem, sprint: Sprint) -> bool:
        """True for an item accepted while it met everything, whose checks were taken back since."""
        assert self.context is not None
        review = sprint.review_of(item.id)
        gaps = done_gaps(review, item, self.context.settings.definition_of_done)
        return sprint.outcomes.get(item.id) == "accepted" and bool(gaps) and not (review and review.override)

    def action_all_met(self) -> None:
        item, sprint = self.item_in_view(), self.sprint
        if item is None or sprint is None or self.context is None:
            return
        checks = [(kind, text) for _, kind, text in check_keys(item, self.context.settings.definition_of_done)]
        review_now = sprint.review_of(item.id)
        todo = [(k, t) for k, t in checks if (review_now.state(k, t) if review_now else "") != "met"]
        if not todo:
            return
        self._mark_locally(sprint, item.id, todo, "met")
        item_id = item.id

        def mark_all() -> Sprint:
            saved = sprint
            for kind, text in todo:
                saved = mark_check(self.ws, item_id, kind, text, "met")
            return saved

        self.write(mark_all, self.sprint_saved, self.reload)

    def _mark_locally(self, sprint: Sprint, item_id: str, checks: list[tuple[str, str]], state: str) -> None:
        # Shown at once, so that a second key sees what the first one did; the write follows.
        found = sprint.review_of(item_id)
        if found is None:
            found = ItemReview(item=item_id)
            sprint.reviews.append(found)
        for kind, text in checks:
            found.mark(kind, text, state)
        self.draw_checks()

    def action_decide(self, outcome: str) -> None:
        item, sprint = self.item_in_view(), self.sprint
        if item is None or sprint is None or self.context is None:
            return
        if sprint.outcomes.get(item.id) == outcome and not (
            outcome == "accepted" and self._acceptance_unfounded(item, sprint)
        ):
            self.notify(f"{item.id} is {outcome} already.", markup=False, timeout=3)
            return
        if outcome == "accepted":
            self._accept(item, sprint)
        elif outcome == "rejected":
            self._reject(item, sprint)
        else:
            self._decided(item, Verdict(outcome))

    def _accept(self, item: BacklogItem, sprint: Sprint, not_done_ok: bool = False) -> None:
        assert self.context is not None
        if item.status != "done" and not not_done_ok:
            question = join("Accept ", (item.id, "bold"), f"? Its status is {item.status}, not done.")

            def answered(yes: object) -> None:
                if yes:
                    self._accept(item, sprint, not_done_ok=True)

            self.app.push_screen(Confirm(question, "Accepted, it is done."), answered)
            return
        gaps = done_gaps(sprint.review_of(item.id), item, self.context.settings.definition_of_done)
        if not gaps:
            self._decided(item, Verdict("accepted", not_done_ok=not_done_ok))
            return

        def overridden(reason: object) -> None:
            if isinstance(reason, str):
                self._decided(item, Verdict("accepted", override=reason, not_done_ok=not_done_ok))

        title = join("Accept ", (item.id, "bold"), "? It misses the Definition of Done:")
        missed = Content("\n").join(literal(f" · {gap}") for gap in gaps)
        prompt = TextPrompt(title, "why it is accepted anyway (recorded)", required=True, detail=missed)
        self.app.push_screen(prompt, overridden)

    def _reject(self, item: BacklogItem, sprint: Sprint) -> None:
        unmet = unmet_criteria(sprint.review_of(item.id), item)

        def answered(reason: object) -> None:
            if isinstance(reason, str):
                self._decided(item, Verdict("rejected", reason=reason))

        title = join("Reject ", (item.id, "bold"), "?")
        back = "It goes back to the backlog when the sprint closes."
        if unmet:
            missed = join(back, "\nNot met:\n", Content("\n").join(literal(f" · {c}") for c in unmet))
            self.app.push_screen(TextPrompt(title, "anything to add", required=False, detail=missed), answered)
        else:
            detail = f"{back}\nNo acceptance criterion is marked not met (n on a criterion)."
            self.app.push_screen(TextPrompt(title, "why it is rejected", required=True, detail=detail), answered)

    def _decided(self, item: BacklogItem, verdict: Verdict) -> None:
        assert self.sprint is not None
        self.sprint.outcomes[item.id] = verdict.outcome  # shown at once; the write says if it stands
        self.draw_sheet()
        item_id = item.id

        def saved(result: tuple[Sprint, BacklogItem]) -> None:
            sprint, changed = result
            assert self.context is not None
            self.context.run_sheet = [changed if i.id == changed.id else i for i in self.context.run_sheet]
            self.sprint_saved(sprint)

        self.write(lambda: review_item(self.ws, item_id, verdict), saved, self.reload)

    def action_move(self, step: int) -> None:
        item = self.item_in_view()
        if item is None or self.context is None:
            return
        order = [i.id for i in self.context.run_sheet]
        at = order.index(item.id)
        to = max(0, min(len(order) - 1, at + step))
        if to == at:
            return
        order.insert(to, order.pop(at))
        by_id = {i.id: i for i in self.context.run_sheet}
        self.context.run_sheet = [by_id[i] for i in order]
        self.draw_sheet()
        session_id = self.context.session.id
        self.write(lambda: review.set_run_sheet(self.ws, session_id, order), failed=self.reload)
