"""Planning poker's rules: the deck, which cards a vote may take, and what a revealed round says.

A round's figures are defined here once: the spread (lowest to highest card), the consensus (the
share of the votes cast on the most common estimate), who voted lowest and highest (so that they
explain), and the suggestion (the median, snapped up to a card of the deck).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ritual_tui.domain.errors import ValidationError

#: Cards that are not estimates: "I cannot tell" and "I need a break". They never count in a figure.
UNSURE, BREAK = "?", "☕"
NOT_ESTIMATES = (UNSURE, BREAK)
#: The default deck: a Fibonacci-like sequence whose gaps grow with the uncertainty.
FIBONACCI = ("0", "1", "2", "3", "5", "8", "13", "20", "40", "100", UNSURE, BREAK)
#: T-shirt sizes, and the points each stands for when it becomes an estimate.
TSHIRT = ("XS", "S", "M", "L", "XL", "XXL", UNSURE, BREAK)
TSHIRT_POINTS = {"XS": 1.0, "S": 2.0, "M": 3.0, "L": 5.0, "XL": 8.0, "XXL": 13.0}
DECKS = ("fibonacci", "t-shirt", "custom")
#: What a voter may type for the break card.
_BREAK_WORDS = {"c", "coffee", "break", "☕"}


def make_deck(kind: str, custom: Sequence[str] = ()) -> tuple[str, ...]:
    """The cards of a deck named in the settings ("fibonacci", "t-shirt", or "custom")."""
    if kind == "fibonacci":
        return FIBONACCI
    if kind == "t-shirt":
        return TSHIRT
    if kind == "custom":
        cards = tuple(dict.fromkeys(str(c).strip() for c in custom if str(c).strip()))
        if not cards:
            raise ValidationError("poker_deck is custom but poker_custom_deck is empty.")
        return cards
    raise ValidationError(f"Unknown poker_deck {kind!r}: use one of {', '.join(DECKS)}.")


def card_points(card: str) -> float | None:
    """The points a card stands for (None for ? and ☕, or a card that is no number)."""
    if card in TSHIRT_POINTS:
        return TSHIRT_POINTS[card]
    try:
        value = float(card)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def check_card(typed: str, deck: Sequence[str]) -> str:
    """The deck's card for what a voter typed (case and spaces ignored; "c" or "coffee" for ☕);
    a card not on the deck is refused with the deck shown."""
    text = typed.strip()
    if text.casefold() in _BREAK_WORDS and BREAK in deck:
        return BREAK
    for card in deck:
        if card.casefold() == text.casefold():
            return card
    number = card_points(text)
    if number is not None:  # "5.0" is the card 5
        for card in deck:
            if card not in TSHIRT_POINTS and card_points(card) == number:
                return card
    raise ValidationError(f"{text or 'Nothing'} is not on the deck: {' '.join(deck)}")


@dataclass(frozen=True)
class RoundFigures:
    """What a revealed round says."""

    #: Votes that are estimates (not ? or ☕), by voter.
    estimates: dict[str, str]
    #: The lowest and highest card voted ("" without estimates).
    lowest: str
    highest: str
    #: Who voted the lowest and the highest card (empty when everyone agrees).
    lowest_voters: list[str]
    highest_voters: list[str]
    #: Percent of the votes cast (? and ☕ included) on the most common estimate (0 without one).
    consensus: int
    #: The median of the estimates, snapped up to a card ("" without estimates).
    suggestion: str

    @property
    def agreed(self) -> bool:
        """True when every vote cast is the same estimate."""
        return self.consensus == 100 and bool(self.estimates)


def _order(card: str, deck: Sequence[str]) -> float:
    """Where a card stands among estimates: its points, or its place in a deck without numbers."""
    value = card_points(card)
    return value if value is not None else float(deck.index(card))


def round_figures(votes: Mapping[str, str], deck: Sequence[str]) -> RoundFigures:
    """The spread, the consensus, the outliers and the suggestion of a round's votes."""
    estimates = {name: card for name, card in votes.items() if card not in NOT_ESTIMATES and card in deck}
    if not estimates:
        return RoundFigures({}, "", "", [], [], 0, "")
    ordered = sorted(estimates.values(), key=lambda c: _order(c, deck))
    lowest, highest = ordered[0], ordered[-1]
    spread = lowest != highest
    most_common = Counter(estimates.values()).most_common(1)[0][1]
    # Median of the positions: the mean of the two middle ones for an even count.
    values = [_order(c, deck) for c in ordered]
    middle = len(values) // 2
    median = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    candidates = sorted((c for c in deck if c not in NOT_ESTIMATES), key=lambda c: _order(c, deck))
    suggestion = next((c for c in candidates if _order(c, deck) >= median), highest)
    return RoundFigures(
        estimates=estimates,
        lowest=lowest,
        highest=highest,
        lowest_voters=[n for n, c in estimates.items() if c == lowest] if spread else [],
        highest_voters=[n for n, c in estimates.items() if c == highest] if spread else [],
        consensus=round(100 * most_common / len(votes)),
        suggestion=suggestion,
    )
