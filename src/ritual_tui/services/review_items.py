"""Each item of the review's run-sheet: its acceptance criteria and the Definition of Done checked
one by one, then accepted, rejected or carried over. One use case for the screen and the command
line, so both keep the same rules: an item outside the sprint is refused, accepting one that is not
done needs a yes, and accepting one that misses the Definition of Done needs a recorded override."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.review import CHECK_STATES, ItemReview, done_gaps, unmet_criteria
from ritual_tui.domain.sprint import OUTCOMES, Sprint
from ritual_tui.domain.text import one_of, storable_text
from ritual_tui.services.sprints import require_active
from ritual_tui.store.workspace import Workspace


class NotDoneError(ValidationError):
    """Accepting an item whose status is not done: the PO must say yes first."""


class MissesDoneError(ValidationError):
    """Accepting an item that misses the Definition of Done: an override reason is needed."""

    def __init__(self, item_id: str, gaps: list[str]) -> None:
        self.gaps = gaps
        super().__init__(
            f"{item_id} misses the Definition of Done ({'; '.join(gaps)}): accepting it needs the reason "
            "for the override, which is recorded."
        )


@dataclass
class Verdict:
    """What the PO decided about one item, and what was found on the way."""

    outcome: str
    #: Acceptance criteria (numbered from 1) found not met; the others given are found met.
    unmet: Sequence[int] = ()
    met: Sequence[int] = ()
    #: Definition of Done entries (numbered from 1) found met; None leaves the checks as they are.
    done: Sequence[int] | None = None
    #: Why it is rejected (needed when no criterion is found not met).
    reason: str = ""
    #: Why it is accepted although it misses the Definition of Done.
    override: str = ""
    #: Yes, accept it although its status is not done.
    not_done_ok: bool = False


def _in_sprint(ws: Workspace, sprint: Sprint, item_ref: str) -> BacklogItem:
    item = ws.get(BacklogItem, item_ref)
    if item.id not in sprint.current_ids():
        raise ValidationError(f"{item.id} is not in sprint {sprint.number}: the review walks the sprint's items only.")
    return item


def _review(sprint: Sprint, item_id: str) -> ItemReview:
    found = sprint.review_of(item_id)
    if found is None:
        found = ItemReview(item=item_id)
        sprint.reviews.append(found)
    return found


def _numbered(numbers: Sequence[int], entries: list[str], what: str) -> list[str]:
    for n in numbers:
        if not 1 <= n <= len(entries):
            raise ValidationError(f"There is no {what} {n}: the numbers go from 1 to {len(entries)}.")
    return [entries[n - 1] for n in numbers]


def mark_check(ws: Workspace, item_ref: str, kind: str, text: str, state: str) -> Sprint:
    """Record one check of an item: an acceptance criterion ("criterion") met, not met or not checked,
    or a Definition of Done entry ("done") met or not checked."""
    one_of(kind, ("criterion", "done"), "kind of check")
    one_of(state, CHECK_STATES, "state")
    with ws.lock:
        sprint = require_active(ws)
        item = _in_sprint(ws, sprint, item_ref)
        known = item.acceptance if kind == "criterion" else ws.settings.definition_of_done
        if text not in known:
            raise ValidationError(f"{item.id} has no such {'criterion' if kind == 'criterion' else 'DoD entry'}.")
        return ws.update(Sprint, sprint.id, lambda s: _review(s, item.id).mark(kind, text, state))


def review_item(ws: Workspace, item_ref: str, verdict: Verdict) -> tuple[Sprint, BacklogItem]:
    """Decide one item's outcome at the review; an accepted item is done from now on."""
    outcome = one_of(verdict.outcome, OUTCOMES, "outcome")
    definition_of_done = ws.settings.definition_of_done
    with ws.lock:
        sprint = require_active(ws)
        item = _in_sprint(ws, sprint, item_ref)
        review = _review(sprint, item.id)
        for text in _numbered(verdict.met, item.acceptance, "acceptance criterion"):
            review.mark("criterion", text, "met")
        for text in _numbered(verdict.unmet, item.acceptance, "acceptance criterion"):
            review.mark("criterion", text, "not-met")
        if verdict.done is not None:
            met = set(_numbered(verdict.done, definition_of_done, "Definition of Done entry"))
            for entry in definition_of_done:
                review.mark("done", entry, "met" if entry in met else "")
        review.override, review.reason, review.missed = "", "", []
        if outcome == "accepted":
            if item.status != "done" and not verdict.not_done_ok:
                raise NotDoneError(f"{item.id} is {item.status}, not done: accept it anyway?")
            gaps = done_gaps(review, item, definition_of_done)
            if gaps and not verdict.override.strip():
                raise MissesDoneError(item.id, gaps)
            review.missed, review.override = gaps, storable_text(verdict.override, "override").strip() if gaps else ""
        elif outcome == "rejected":
            review.reason = storable_text(verdict.reason, "reason").strip()
            if not (unmet_criteria(review, item) or review.reason):
                raise ValidationError(f"Say why {item.id} is rejected: a criterion not met, or a reason.")
        sprint.outcomes[item.id] = outcome
        review.decided = clock.now()
        ws.save(sprint)
        if outcome == "accepted" and item.status != "done":
            item = ws.update(BacklogItem, item.id, lambda i: i.move_to("done", clock.today()))
    return sprint, item
