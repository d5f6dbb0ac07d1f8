"""Planning poker's keys on the refinement screen: votes entered for the room (masked), the reveal,
a re-vote, and the estimate set from the suggestion or typed."""

from __future__ import annotations

from textual.content import Content

from ritual_tui.domain.poker import card_points, round_figures
from ritual_tui.domain.rules import format_points
from ritual_tui.domain.session import RitualSession
from ritual_tui.services import poker
from ritual_tui.tui.modals.prompt import TextPrompt
from ritual_tui.tui.modals.votepad import VotePad
from ritual_tui.tui.screens.refinement_keys import RefinementKeys


class PokerActions(RefinementKeys):
    """The poker keys, mixed into the refinement screen."""

    def _poker_allows(self, action: str) -> bool:
        """Reveal only a hidden round with votes, re-vote only after a reveal, set the suggestion only
        once there is one: a key pressed twice never acts on a round that has moved on."""
        assert self.context is not None
        record, item = self.context.refinement, self._taken_item()
        hidden, last = record.open_round(item), record.last_round(item)
        if action == "reveal":
            return hidden is not None and bool(hidden.votes)
        if action == "revote":
            return last is not None and last.revealed is not None
        if action == "estimate":
            return bool(self._suggestion())
        if action == "vote":
            return last is None or last.revealed is None
        return True

    # -- planning poker --------------------------------------------------------------------------

    def action_vote(self) -> None:
        if self.context is None or not self._taken_item():
            return
        item_id, record = self._taken_item(), self.context.refinement
        open_round = record.open_round(item_id)
        last = record.last_round(item_id)
        if last is not None and last.revealed is not None:
            self.notify("This round is revealed: a starts a re-vote.", markup=False)
            return
        session_id = self.context.session.id

        def cast(voter: str, card: str) -> None:
            self.write(
                lambda: poker.cast_vote(self.ws, session_id, item_id, voter, card), lambda _: self._reread_session()
            )

        voted = set(open_round.votes) if open_round else set()
        self.app.push_screen(VotePad(f"Votes for {item_id}", record.voters, voted, self.context.deck, cast))

    def _reread_session(self) -> None:
        assert self.context is not None
        session_id = self.context.session.id
        self.load(lambda: self.ws.get(RitualSession, session_id), self.session_saved)

    def action_reveal(self) -> None:
        item_id = self._taken_item()
        if item_id:
            self._session_write(
                "reveal", lambda sid: (poker.reveal(self.ws, sid, item_id), self.ws.get(RitualSession, sid))[1]
            )

    def action_revote(self) -> None:
        item_id = self._taken_item()
        if item_id:
            self._session_write(
                "revote", lambda sid: (poker.revote(self.ws, sid, item_id), self.ws.get(RitualSession, sid))[1]
            )

    def _suggestion(self) -> str:
        assert self.context is not None
        last = self.context.refinement.last_round(self._taken_item())
        if last is None or last.revealed is None:
            return ""
        return round_figures(last.votes, self.context.deck).suggestion

    def action_estimate(self) -> None:
        suggestion = self._suggestion()
        points = card_points(suggestion) if suggestion else None
        if points is None:
            self.notify("No suggestion yet: reveal a round (r), or S sets another estimate.", markup=False)
            return
        self._set_estimate(points)

    def _set_estimate(self, points: float) -> None:
        self._item_write("estimate", lambda item_id, sid: poker.set_estimate(self.ws, sid, item_id, points))

    def action_estimate_other(self) -> None:
        if self.context is None or not self._taken_item():
            return
        scale = " ".join(format_points(p) for p in self.context.settings.estimation_scale)

        def answered(text: object) -> None:
            if not isinstance(text, str):
                return
            try:
                self._set_estimate(float(text.strip()))
            except ValueError:
                self.notify(f"{text.strip()} is not a number: one of {scale}", severity="warning", markup=False)

        suggested = card_points(self._suggestion() or "?")
        start = format_points(suggested) if suggested in self.context.settings.estimation_scale else ""
        question = Content(f"Estimate for {self._taken_item()} (one of {scale})")
        self.app.push_screen(TextPrompt(question, "points", True, start), answered)
