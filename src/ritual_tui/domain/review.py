"""The sprint review's rules: each item inspected against its acceptance criteria and the
Definition of Done, the gate that keeps an item missing the DoD from being accepted without an
override, and the verdict on the sprint goal."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.fields import Part, vocabulary

#: What a check (an acceptance criterion, a Definition of Done entry) was found to be; "" = not checked.
CHECK_STATES = ("met", "not-met", "")
#: The verdict on the sprint goal, as said at the review ("" while not given).
GOAL_VERDICTS = ("met", "partly", "not-met")
#: What becomes of an item a sprint did not finish: carried over, returned to the backlog, or dropped.
CLOSE_OUT_ACTIONS = ("carry-over", "return", "drop")
#: Verdicts and close-out decisions in the PO's words.
WORDS = {
    "met": "met",
    "partly": "partly met",
    "not-met": "not met",
    "carry-over": "carried over to the next sprint",
    "return": "back to the backlog",
    "drop": "dropped",
}


@dataclass(kw_only=True)
class ItemReview(Part):
    """One item as it was inspected at the review: what was found met, and why it was decided so."""

    item: str
    #: Acceptance criteria found met and not met, by their text (one in neither was not checked).
    criteria_met: list[str] = field(default_factory=list)
    criteria_unmet: list[str] = field(default_factory=list)
    #: Definition of Done entries found met, by their text.
    done_met: list[str] = field(default_factory=list)
    #: What the item missed when it was accepted anyway (DoD entries, unmet criteria), and why.
    missed: list[str] = field(default_factory=list)
    override: str = ""
    #: Why it was rejected, besides its unmet criteria.
    reason: str = ""
    #: When its outcome was decided.
    decided: datetime | None = None

    def state(self, kind: str, text: str) -> str:
        """ "met", "not-met" or "" for a criterion (``kind`` "criterion") or a DoD entry ("done")."""
        if kind == "done":
            return "met" if text in self.done_met else ""
        if text in self.criteria_met:
            return "met"
        return "not-met" if text in self.criteria_unmet else ""

    def mark(self, kind: str, text: str, state: str) -> None:
        """Record what a check was found to be ("" forgets it). A DoD entry is met or not checked."""
        for found in [self.done_met] if kind == "done" else [self.criteria_met, self.criteria_unmet]:
            while text in found:
                found.remove(text)
        if state == "met":
            (self.done_met if kind == "done" else self.criteria_met).append(text)
        elif state == "not-met" and kind == "criterion":
            self.criteria_unmet.append(text)


@dataclass(kw_only=True)
class CloseOut(Part):
    """An unfinished item of a sprint: carried over, returned to the backlog, or dropped, and why.
    Decided when the sprint closes at its review (kept on the sprint), or at the next planning."""

    item: str
    action: str = vocabulary(CLOSE_OUT_ACTIONS)
    reason: str = ""


def unmet_criteria(review: ItemReview | None, item: BacklogItem) -> list[str]:
    """The item's acceptance criteria found not met, in the item's order."""
    return [c for c in item.acceptance if review is not None and review.state("criterion", c) == "not-met"]


def done_gaps(review: ItemReview | None, item: BacklogItem, definition_of_done: list[str]) -> list[str]:
    """What keeps an item from being accepted: each Definition of Done entry not found met, and each
    acceptance criterion found not met. Accepting it anyway takes an override, which is recorded."""
    missing = [entry for entry in definition_of_done if review is None or review.state("done", entry) != "met"]
    return missing + [f"criterion not met: {c}" for c in unmet_criteria(review, item)]


#: An item not finished that the close returned to the backlog or dropped, as the tables say it.
CLOSED_AS = {"return": "returned", "drop": "dropped"}


def closed_as(outcome: str, close_out: str) -> str:
    """An outcome as a table says it: a rejected item keeps its word, wherever the close sent it; one
    not finished says where the close sent it (``close_out``: carry-over, return, drop or "")."""
    return CLOSED_AS[close_out] if outcome == "carried-over" and close_out in CLOSED_AS else outcome
