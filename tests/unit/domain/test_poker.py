"""Planning poker's figures, each expected value worked out by hand."""

from __future__ import annotations

import pytest

from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.poker import FIBONACCI, TSHIRT, check_card, make_deck, round_figures


def test_a_split_round_names_its_outliers_and_suggests_the_median_snapped_up() -> None:
    votes = {"Ada": "3", "Bo": "5", "Cy": "8", "Di": "8"}
    figures = round_figures(votes, FIBONACCI)
    # Sorted 3 5 8 8: the median is (5 + 8) / 2 = 6.5, and the first card at or above it is 8.
    assert figures.suggestion == "8"
    assert (figures.lowest, figures.highest) == ("3", "8")
    assert figures.lowest_voters == ["Ada"] and figures.highest_voters == ["Cy", "Di"]
    # The most common card, 8, has 2 of the 4 votes: 50 %.
    assert figures.consensus == 50 and not figures.agreed


def test_question_marks_and_breaks_count_as_votes_cast_but_not_as_estimates() -> None:
    figures = round_figures({"Ada": "5", "Bo": "5", "Cy": "?", "Di": "☕"}, FIBONACCI)
    # 5 holds 2 of the 4 votes cast (50 %); the estimates are 5 and 5: no spread, no outlier.
    assert figures.consensus == 50 and figures.suggestion == "5"
    assert figures.lowest_voters == [] and figures.highest_voters == []


def test_everyone_on_one_card_is_full_consensus() -> None:
    figures = round_figures({"Ada": "13", "Bo": "13"}, FIBONACCI)
    assert figures.agreed and figures.consensus == 100 and figures.suggestion == "13"


def test_an_odd_count_takes_the_middle_card() -> None:
    # 1 2 20: the median is 2 itself.
    assert round_figures({"a": "20", "b": "1", "c": "2"}, FIBONACCI).suggestion == "2"


def test_a_median_between_cards_snaps_up_to_the_next_card() -> None:
    # 13 and 20: the median is 16.5, and the first card at or above it is 20.
    assert round_figures({"a": "13", "b": "20"}, FIBONACCI).suggestion == "20"


def test_t_shirt_sizes_follow_their_order() -> None:
    figures = round_figures({"a": "S", "b": "XL", "c": "M"}, TSHIRT)
    # S M XL: M in the middle; S lowest, XL highest; each card once: 1 of 3 votes = 33 %.
    assert (figures.suggestion, figures.lowest, figures.highest, figures.consensus) == ("M", "S", "XL", 33)


def test_no_estimate_no_figure() -> None:
    figures = round_figures({"a": "?"}, FIBONACCI)
    assert figures.suggestion == "" and figures.consensus == 0  # one vote cast, on no estimate
    assert round_figures({}, FIBONACCI).consensus == 0


def test_a_card_off_the_deck_is_refused_with_the_deck_shown() -> None:
    with pytest.raises(ValidationError, match=r"21 is not on the deck: 0 1 2 3 5 8 13 20 40 100 \? ☕"):
        check_card("21", FIBONACCI)
    assert check_card(" 5.0 ", FIBONACCI) == "5" and check_card("coffee", FIBONACCI) == "☕"
    assert check_card("xl", TSHIRT) == "XL"


def test_decks_from_the_settings() -> None:
    assert make_deck("custom", ["1", " 2 ", "1", ""]) == ("1", "2")
    with pytest.raises(ValidationError, match="poker_custom_deck is empty"):
        make_deck("custom", [])
    with pytest.raises(ValidationError, match="Unknown poker_deck 'planets'"):
        make_deck("planets")
