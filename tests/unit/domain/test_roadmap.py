"""Progress toward the product goal: done and left per objective, the ready work in sprints at the
velocity range of the last closed sprints, and the next objective's sprints, all counted by hand."""

from __future__ import annotations

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.roadmap import product_progress, sprints_for, velocity_range, whole_sprints
from ritual_tui.domain.settings import Objective, Settings

SETTINGS = Settings(objectives=[Objective(id=f"O-{n}", title=f"Objective {n}") for n in (1, 2, 3)])


def item(n: int, objective: str, status: str, estimate: float | None) -> BacklogItem:
    return BacklogItem(id=f"B-{n}", title=f"Item {n}", objective=objective, status=status, estimate=estimate)


ITEMS = [
    item(1, "O-1", "done", 5),
    item(2, "O-1", "done", 3),
    item(3, "O-1", "done", None),
    item(4, "O-1", "ready", 5),  # in the running sprint
    item(5, "O-1", "in-progress", 8),
    item(6, "O-1", "new", None),
    item(7, "O-1", "dropped", 2),
    item(8, "O-2", "done", 13),
    item(9, "O-3", "ready", 13),
    item(10, "O-3", "ready", 3),
    item(11, "", "ready", 1),
]


def test_progress_per_objective_ready_work_and_the_next_objective() -> None:
    # Velocities 10, 4, 8, 12: the last three give the range 4 to 12 points a sprint.
    progress = product_progress(SETTINGS, ITEMS, [10, 4, 8, 12], in_flight=["B-4", "B-5"])
    o1, o2, o3 = progress.objectives
    # O-1: done B-1 (5) + B-2 (3) + B-3 (unestimated) = 8 points, 3 items; left B-4 (5) + B-5 (8) +
    # B-6 (unestimated) = 13 points, 3 items, 1 of them unestimated; B-7 is dropped: neither.
    assert (o1.done_points, o1.done_items, o1.left_points, o1.left_items, o1.unestimated_left) == (8, 3, 13, 3, 1)
    assert (o2.done_points, o2.left_items) == (13, 0)
    assert (o3.done_points, o3.left_points, o3.left_items) == (0, 16, 2)
    assert (progress.speed.low, progress.speed.high, progress.speed.sprints) == (4, 12, 3)  # type: ignore[union-attr]
    # Ready and not in the running sprint: B-9 (13), B-10 (3), B-11 (1) = 17 points, 3 items;
    # 17 / 12 = 1.42 sprints at the highest velocity, 17 / 4 = 4.25 at the lowest.
    assert (progress.ready_items, progress.ready_points) == (3, 17)
    assert progress.ready_sprints == (pytest.approx(17 / 12), pytest.approx(17 / 4))
    # The next objective with work left, in roadmap order, is O-1: 13 / 12 = 1.08 → 2 sprints,
    # 13 / 4 = 3.25 → 4 sprints (a sprint started is a sprint spent).
    assert progress.next_objective is o1 and progress.next_sprints == (2, 4)


def test_the_next_objective_skips_finished_ones_and_a_velocity_of_zero_gives_no_upper_bound() -> None:
    finished = [i for i in ITEMS if i.objective != "O-1"]
    progress = product_progress(SETTINGS, finished, [0, 6])
    assert progress.next_objective is not None and progress.next_objective.id == "O-3"
    # O-3 has 16 points left: 16 / 6 = 2.67 → 3 sprints at best; at 0 points a sprint, never.
    assert progress.next_sprints == (3, None)


def test_without_a_closed_sprint_there_is_no_forecast() -> None:
    assert velocity_range([], 3) is None and sprints_for(10, None) == (None, None)
    assert product_progress(SETTINGS, ITEMS, []).next_sprints == (None, None)
    assert whole_sprints((3.0000000001, 2.0)) == (3, 2)  # 12 points at 4 a sprint are 3 sprints, not 4
