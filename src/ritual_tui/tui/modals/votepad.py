"""Entering the room's votes on one screen: the PO picks a voter (their number, or Enter for the
next one who has not voted) and types their card, masked; or the keyboard goes round and each voter
types their own. Every vote is saved as Enter is pressed; no card is ever drawn before the reveal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, Static

from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.poker import check_card
from ritual_tui.tui.modals.prompt import Once
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.inputs import SafeInput
from ritual_tui.tui.widgets.table import RecordTable, Row
from ritual_tui.tui.widgets.textbox import MaskedCard

#: The keys that pick a voter, in the order of the list.
VOTER_KEYS = "123456789"


class VotePad(Once):
    """Votes for one item: ``cast(voter, card)`` saves one (already checked against the deck)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Stop entering votes (those entered are saved)"),
        Binding("up", "other_voter(-1)", "Voter above", show=False),
        Binding("down", "other_voter(1)", "Voter below", show=False),
    ]

    def __init__(
        self, title: str, voters: Sequence[str], voted: set[str], deck: Sequence[str], cast: Callable[[str, str], None]
    ) -> None:
        super().__init__()
        self.heading, self.voters, self.voted = title, list(voters), set(voted)
        self.deck, self.cast = tuple(deck), cast
        self.voter = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="votepad-box", classes="form"):
            yield Label(literal(self.heading), id="votepad-title")
            yield RecordTable("Key", "Voter", "", empty="Nobody votes: h says who is here.", id="votepad-voters")
            yield Label("", id="votepad-who")
            yield MaskedCard(placeholder="card (masked)", id="votepad-card")
            yield Static(f"Deck: {' '.join(self.deck)}", classes="caption")
            yield Static(
                "Type the card, Enter saves and asks the next voter · ↑↓ another voter · Escape closes",
                classes="caption form-hint",
            )

    def on_mount(self) -> None:
        self._fill()
        self._choose(self._next_voter())

    def _fill(self) -> None:
        rows = [
            Row(
                name,
                [
                    VOTER_KEYS[n] if n < len(VOTER_KEYS) else "",
                    name,
                    ("✓ voted", "green") if name in self.voted else "",
                ],
            )
            for n, name in enumerate(self.voters)
        ]
        self.query_one(RecordTable).set_rows(rows)

    def _next_voter(self) -> str:
        start = self.voters.index(self.voter) + 1 if self.voter in self.voters else 0
        order = self.voters[start:] + self.voters[:start]
        return next((n for n in order if n not in self.voted), "")

    def _choose(self, voter: str) -> None:
        """Ask for this voter's card (nobody left: the table keeps the focus)."""
        self.voter = voter
        card = self.query_one("#votepad-card", SafeInput)
        if not voter:
            self.query_one("#votepad-who", Label).update("Everyone has voted: Escape, then r reveals.")
            self.query_one(RecordTable).focus()
            return
        self.query_one(RecordTable).select_key(voter)
        self.query_one("#votepad-who", Label).update(join("Card for ", literal(voter, "bold"), ":"))
        card.focus()

    def on_key(self, event: events.Key) -> None:
        # A voter's number picks them while the list has the focus (in the card field a digit is a card).
        table = self.query_one(RecordTable)
        if table.has_focus and event.character and event.character in VOTER_KEYS:
            index = VOTER_KEYS.index(event.character)
            if index < len(self.voters):
                event.stop()
                event.prevent_default()
                self._choose(self.voters[index])

    def action_other_voter(self, step: int) -> None:
        if self.voters and self.query_one("#votepad-card", SafeInput).has_focus:
            here = self.voters.index(self.voter) if self.voter in self.voters else -step
            self.query_one("#votepad-card", SafeInput).value = ""  # half a card is not the next voter's
            self._choose(self.voters[(here + step) % len(self.voters)])

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        event.stop()
        self._choose(event.key)

    def on_input_submitted(self, event: SafeInput.Submitted) -> None:
        event.stop()
        if not self.voter:
            return
        try:
            card = check_card(event.value, self.deck)
        except ValidationError:
            # The message names no card: the room must not learn what was typed before the reveal.
            self.notify(
                f"That card is not on the deck: {' '.join(self.deck)}",
                severity="warning",
                markup=False,
            )
            return
        self.cast(self.voter, card)
        self.voted.add(self.voter)
        self._fill()
        self._choose(self._next_voter())

    def action_close(self) -> None:
        self.answer(None)
