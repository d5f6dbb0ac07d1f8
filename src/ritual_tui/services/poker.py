"""Planning poker in a refinement: votes entered for the room (hidden until the reveal), the reveal,
a re-vote that keeps every round, and the final estimate.

Every vote is on disk when it is entered, inside the session's record, so a refinement killed
half-way resumes with the votes already cast; the screen never shows a card before the reveal.
"""

from __future__ import annotations

from collections.abc import Callable

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.poker import check_card, make_deck
from ritual_tui.domain.refinement import Refinement, VoteRound
from ritual_tui.domain.rules import check_estimate
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.settings import Settings
from ritual_tui.services.refinement_log import change_item
from ritual_tui.store.workspace import Workspace


def deck_of(settings: Settings) -> tuple[str, ...]:
    """The deck the settings choose."""
    return make_deck(settings.poker_deck, settings.poker_custom_deck)


def voters_among(settings: Settings, present: list[str]) -> list[str]:
    """Who votes: the members present, less the Product Owner unless the settings say the PO votes."""
    po = settings.product_owner.strip()
    return [name for name in present if settings.poker_po_votes or name != po]


def _change(ws: Workspace, session_id: str, change: Callable[[Refinement], VoteRound]) -> VoteRound:
    found: list[VoteRound] = []

    def apply(session: RitualSession) -> None:
        if session.refinement is None:
            raise ValidationError(f"{session.id} is not a refinement.")
        found.append(change(session.refinement))

    ws.update(RitualSession, session_id, apply)
    return found[0]


def cast_vote(ws: Workspace, session_id: str, item_id: str, voter: str, typed: str) -> VoteRound:
    """Record a voter's card for the item's hidden round (opened by the first vote). A card off the
    deck, a voter not present, or a round already revealed is refused."""
    card = check_card(typed, deck_of(ws.settings))

    def vote(refinement: Refinement) -> VoteRound:
        if voter not in refinement.voters:
            present = ", ".join(refinement.voters) or "nobody"
            raise ValidationError(f"{voter} is not present in this refinement (voting: {present}).")
        round_ = refinement.open_round(item_id)
        if round_ is None:
            last = refinement.last_round(item_id)
            if last is not None and last.revealed is not None:
                raise ValidationError("This round is revealed: start a re-vote to vote again.")
            round_ = VoteRound(item=item_id, number=1, voters=list(refinement.voters))
            refinement.rounds.append(round_)
        if voter not in round_.voters:
            round_.voters.append(voter)  # arrived after the round began
        round_.votes[voter] = card
        return round_

    return _change(ws, session_id, vote)


def reveal(ws: Workspace, session_id: str, item_id: str) -> VoteRound:
    """Turn every card of the item's hidden round at once."""

    def turn(refinement: Refinement) -> VoteRound:
        round_ = refinement.open_round(item_id)
        if round_ is None or not round_.votes:
            raise ValidationError("No vote to reveal yet: v enters the votes.")
        round_.revealed = clock.now()
        return round_

    return _change(ws, session_id, turn)


def revote(ws: Workspace, session_id: str, item_id: str) -> VoteRound:
    """Start a new round on the item after a reveal; the rounds before are kept."""

    def again(refinement: Refinement) -> VoteRound:
        last = refinement.last_round(item_id)
        if last is None or last.revealed is None:
            raise ValidationError("Reveal this round before voting again.")
        round_ = VoteRound(item=item_id, number=last.number + 1, voters=list(refinement.voters))
        refinement.rounds.append(round_)
        return round_

    return _change(ws, session_id, again)


def set_estimate(ws: Workspace, session_id: str, item_id: str, points: float) -> BacklogItem:
    """Give the item its estimate (on the estimation scale) and note it among the items refined.
    An item of the running sprint may be re-estimated: its sprint's frozen commitment is untouched."""
    value = check_estimate(points, ws.settings)
    return change_item(ws, session_id, item_id, lambda i: setattr(i, "estimate", value))
