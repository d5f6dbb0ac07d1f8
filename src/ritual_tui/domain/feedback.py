"""Stakeholder feedback heard at a sprint review: a record of its own, because it lives on after the
review until the PO turns it into work (a backlog item, an escalation, a decision) or notes it.

One file per piece of feedback, like every record: pieces heard by two people on two branches never
conflict in a merge, each has an id to be turned into work later (``ritual feedback becomes F-3 item``),
and a piece can be heard from the shell when no review is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ritual_tui.domain.fields import Record, vocabulary

#: What a piece of feedback became: "" while it waits (open), a record's kind, or noted only.
BECOMES = ("", "item", "escalation", "decision", "noted")
#: How each is said.
BECOMES_WORDS = {
    "": "open",
    "item": "a backlog item",
    "escalation": "an escalation for the PM",
    "decision": "a decision",
    "noted": "noted only",
}


@dataclass(kw_only=True)
class Feedback(Record):
    """What a stakeholder said at a review, who said it, what it was about and what it became."""

    KIND = "feedback"
    PREFIX = "F"
    FOLDER = "feedback"
    #: Enough to choose a sprint's feedback, and the feedback still open, without reading it all.
    INDEXED = ("sprint", "became_kind")

    text: str
    #: Who said it ("" for the room as a whole).
    by: str = ""
    #: The backlog item it is about ("" for the increment in general).
    item: str = ""
    sprint: str = ""
    #: The review session it was heard in ("" when captured from the shell).
    session: str = ""
    heard: date | None = None
    #: What it became, and the id of the record it became.
    became_kind: str = vocabulary(BECOMES, "")
    became: str = ""

    @property
    def is_open(self) -> bool:
        """True while the PO has not yet decided what it becomes."""
        return not self.became_kind

    def became_text(self) -> str:
        """What it became, as a line: "B-41 (a backlog item)", "noted only", "open"."""
        words = BECOMES_WORDS[self.became_kind]
        return f"{self.became} ({words})" if self.became else words
