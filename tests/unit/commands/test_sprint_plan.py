"""``ritual sprint forecast``, ``capacity`` and the warnings and refusals of ``start`` on a history
of three sprints whose figures are worked out by hand below."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from ritual_tui.domain.sprint import Sprint
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result

Cli = Callable[..., Result]


def history(cli: Cli) -> None:
    """Three closed sprints of Ada (full time) and Bo (half time); today is Thursday 26 Nov 2026.

    S-1, 5–18 Oct, 10 working days: Ada 10 + Bo 5 = 15 person-days; B-1 (5) and B-2 (3) committed and done: 8.
    S-2, 19 Oct–1 Nov: Ada away 20 and 21 Oct, 8 + 5 = 13; B-3 (5) and B-4 (5) committed, B-3 done: 5.
    S-3, 2–15 Nov: Bo full time, 10 + 10 = 20; B-5 (8), B-6 (3), B-7 (2) committed, B-5 and B-6 done: 11.
    """
    for points in (5, 3, 5, 5, 8, 3, 2, 5, 3):
        cli("backlog", "add", f"Item of {points}", "--estimate", str(points))
    sprints = [
        (["B-1", "B-2"], "2026-10-05", [], ["B-1", "B-2"]),
        (["B-3", "B-4"], "2026-10-19", ["--off", "Ada=2026-10-20,2026-10-21"], ["B-3"]),
        (["B-5", "B-6", "B-7"], "2026-11-02", ["--share", "Bo=100"], ["B-5", "B-6"]),
    ]
    for items, start, options, done in sprints:
        assert cli("sprint", "start", *items, "--goal", "g", "--start", start, *options).code == 0
        for item in done:
            cli("backlog", "status", item, "done")
        assert cli("sprint", "close", "--goal-met", "yes").code == 0


def test_the_forecast_from_the_history(cli: Cli, ws: Workspace) -> None:
    history(cli)
    assert [s.capacity_days for s in ws.all(Sprint)] == [15, 13, 20]
    out = json.loads(cli("sprint", "forecast", "B-8", "B-9", "--json").out)
    # The next sprint, 26 Nov–9 Dec, has 10 working days: 15 person-days. Scaled velocities:
    # 8 × 15/15 = 8, 5 × 15/13 = 5.77, 11 × 15/20 = 8.25. A third of the outcomes each: P85 needs
    # all three (5.77, so 5 whole points), P50 two of three (8). B-8 and B-9 are 5 + 3 = 8 points,
    # reached by 8 and 8.25: two thirds of the outcomes, 67%.
    assert (out["start"], out["end"], out["capacity_days"]) == ("2026-11-26", "2026-12-09", 15)
    assert [(h["sprint"], h["committed"], h["completed"], h["capacity_days"]) for h in out["history"]] == [
        (1, 8, 8, 15),
        (2, 10, 5, 13),
        (3, 13, 11, 20),
    ]
    assert [h["scaled"] for h in out["history"]] == pytest.approx([8, 5.8, 8.2], abs=0.051)
    assert (out["p50"], out["p85"], out["points"], out["caveat"]) == (8, 5, 8, "")
    assert out["chance_percent"] == 67
    text = cli("sprint", "forecast", "B-8").out
    assert "Sprint 2026-11-26 to 2026-12-09: 15 person-days" in text
    assert "Forecast: P50 8 points, P85 5 points" in text
    assert "1 item, 5 points: chance of finishing 100%" in text  # every outcome reaches 5


def test_capacity_with_days_off_and_a_part_timer(cli: Cli) -> None:
    out = json.loads(cli("sprint", "capacity", "--off", "ada=2026-11-30..2026-12-01", "--share", "Bo=40", "--json").out)
    # Ada: 10 − 2 days = 8; Bo at 40%: 0.4 × 10 = 4.
    assert out["capacity_days"] == 12
    assert [(m["name"], m["availability_percent"], m["person_days"]) for m in out["members"]] == [
        ("Ada", 100, 8),
        ("Bo", 40, 4),
    ]
    assert out["members"][0]["days_off"] == ["2026-11-30", "2026-12-01"]


def test_a_forecast_with_no_history_says_so(cli: Cli) -> None:
    result = cli("sprint", "forecast", "--json")
    out = json.loads(result.out)
    assert (result.code, out["p50"], out["p85"], out["chance_percent"]) == (0, None, None, None)
    assert out["caveat"].startswith("No closed sprint yet")


def test_start_warns_above_p85_and_of_items_not_ready_but_starts(cli: Cli, ws: Workspace) -> None:
    history(cli)
    started = cli("sprint", "start", "B-8", "B-9", "--goal", "More")
    assert started.code == 0 and started.out == "Started S-4: 2 items committed\n"
    # 8 points against a P85 of 5; 8 is reached in two thirds of the outcomes.
    assert "warning: The commitment (8 points) is above P85 (5 points)" in started.err
    assert "warning: B-8 does not meet the Definition of Ready" in started.err
    sprint = ws.get(Sprint, "S-4")
    assert (sprint.capacity_days, sprint.forecast) == (15, 8)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--off", "Ada=2026-12-20"], "Ada's day off 2026-12-20 is outside the sprint (2026-11-26 to 2026-12-09)."),
        (["--share", "Bo=150"], "An availability of 150 is outside 0–100%."),
        (["--share", "Bo=-5"], "An availability of -5 is outside 0–100%."),
        (["--off", "Zoe=2026-12-01"], "'Zoe' is not in the team: the team is Ada, Bo."),
        (["--start", "2028-11-26"], "The start date 2028-11-26 is more than a year from today (2026-11-26): a typo?"),
        (["--start", "2026-11-10"], "while S-3 runs until 2026-11-15: sprints must not overlap."),
        (["--start", "2026-11-30", "--end", "2026-11-27"], "The sprint ends (2026-11-27) before it starts"),
        (["--end", "2027-01-10"], "A sprint of 46 days is longer than the settings allow"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    cli: Cli, ws: Workspace, options: list[str], message: str
) -> None:
    history(cli)
    result = cli("sprint", "start", "B-8", "--goal", "g", *options)
    assert result.code == 1 and message in result.err
    assert len(ws.all(Sprint)) == 3


def test_a_date_centuries_away_is_refused_before_anything_is_read(cli: Cli) -> None:
    # A typo like 0226-11-26 is not even a plausible date: a usage error, exit 2, as for any bad option.
    result = cli("sprint", "start", "B-8", "--goal", "g", "--start", "0226-11-26")
    assert result.code == 2 and "0226-11-26 is not a plausible date" in result.err
