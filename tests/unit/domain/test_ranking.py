"""Fractional ranks: a move takes a rank between its new neighbours."""

from __future__ import annotations

from ritual_tui.domain.ranking import rank_between, spread, target_position


def test_a_rank_between_two_neighbours_is_short_when_it_can_be() -> None:
    assert rank_between(1, 4) == 2.0  # the midpoint 2.5 rounds to the whole 2, still between
    assert rank_between(1, 2) == 1.5
    assert rank_between(1, 1.5) == 1.25
    assert rank_between(None, 3) == 2.0 and rank_between(7, None) == 8.0 and rank_between(None, None) == 1.0


def test_a_gap_with_no_room_left_says_so() -> None:
    low = 1.0
    high = low + 2**-52  # the next float after 1.0
    assert rank_between(low, high) is None
    assert rank_between(2.0, 2.0) is None  # two items with the same rank


def test_target_positions_of_each_move() -> None:
    order = ["A", "B", "C", "D"]
    # Positions in the list without the moved item (C): A B D.
    assert target_position(order, "C", "up") == 1  # A C B D
    assert target_position(order, "C", "down") == 3  # A B D C
    assert target_position(order, "C", "top") == 0 and target_position(order, "C", "bottom") == 3
    assert target_position(order, "C", "before", "A") == 0 and target_position(order, "C", "after", "A") == 1


def test_spreading_a_full_gap_keeps_within_the_ranks_around_it() -> None:
    ranks = [1.0, 2.0, 2.0, 2.0, 5.0]
    first, end, values = spread(ranks, 2)
    # The run ranks[1:3] (2, 2) and the moved item between them, spread evenly between 1 and 2.0
    # (ranks[3]): 1.25, 1.5, 1.75.
    assert (first, end, values) == (1, 3, [1.25, 1.5, 1.75])
