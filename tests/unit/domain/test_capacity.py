"""Capacity in person-days, the checks on a sprint's dates and availability, and what the PO types."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ritual_tui.domain.capacity import MemberCapacity, check_dates, check_members, default_dates, team_capacity
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.plan_input import member_named, parse_days, parse_share, parse_vote
from ritual_tui.domain.planning import Confidence, is_low
from ritual_tui.domain.settings import Settings, TeamMember
from ritual_tui.domain.sprint import Sprint

START, END = date(2026, 11, 16), date(2026, 11, 29)  # Monday to Sunday two weeks later: 10 working days
TODAY = date(2026, 11, 16)


def test_capacity_counts_shares_of_working_days_less_days_off() -> None:
    ada = MemberCapacity(name="Ada", availability=1.0, days_off=[date(2026, 11, 18), date(2026, 11, 21)])
    bo = MemberCapacity(name="Bo", availability=0.5, days_off=[date(2026, 11, 27)])
    # Ada: Wednesday off, Saturday costs nothing: 1 × (10 − 1) = 9. Bo, half time, a Friday off:
    # 0.5 × (10 − 1) = 4.5. Together 13.5 person-days.
    assert team_capacity([ada, bo], START, END) == 13.5
    assert team_capacity([], START, END) == 0


def test_a_new_sprint_starts_today_or_after_the_one_still_running() -> None:
    settings = Settings(sprint_days=14)
    assert default_dates(settings, None, TODAY) == (TODAY, date(2026, 11, 29))
    running = Sprint(number=3, start=date(2026, 11, 9), end=date(2026, 11, 22))
    assert default_dates(settings, running, TODAY) == (date(2026, 11, 23), date(2026, 12, 6))


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (date(226, 11, 26), date(2026, 12, 9), "The start date 0226-11-26 is more than a year from today"),
        (START, date(2026, 11, 10), "The sprint ends (2026-11-10) before it starts (2026-11-16)."),
        (
            START,
            date(2026, 12, 31),
            "A sprint of 46 days is longer than the settings allow (longest_sprint_days = 28).",
        ),
        (date(2026, 11, 12), date(2026, 11, 25), "while S-3 runs until 2026-11-15: sprints must not overlap."),
    ],
)
def test_dates_that_cannot_be_meant_are_refused(start: date, end: date, message: str) -> None:
    previous = Sprint(number=3, start=date(2026, 11, 2), end=date(2026, 11, 15), status="closed", id="S-3")
    with pytest.raises(ValidationError) as refused:
        check_dates(start, end, Settings(), TODAY, previous)
    assert message in str(refused.value)


def test_a_sprint_closed_early_frees_the_day_it_was_closed() -> None:
    closed = datetime(2026, 11, 16, 11, tzinfo=UTC)
    previous = Sprint(number=3, start=date(2026, 11, 9), end=date(2026, 11, 22), status="closed", closed=closed)
    check_dates(TODAY, date(2026, 11, 29), Settings(), TODAY, previous)  # starts the day sprint 3 was closed
    with pytest.raises(ValidationError, match="must not overlap"):
        check_dates(date(2026, 11, 15), date(2026, 11, 28), Settings(), TODAY, previous)


@pytest.mark.parametrize(
    ("member", "message"),
    [
        (MemberCapacity(name="Bo", availability=1.2), "Bo's availability is 120%: it must be between 0 and 100%."),
        (MemberCapacity(name="Bo", availability=-0.1), "Bo's availability is -10%"),
        (
            MemberCapacity(name="Bo", days_off=[date(2026, 12, 1)]),
            "Bo's day off 2026-12-01 is outside the sprint (2026-11-16 to 2026-11-29).",
        ),
    ],
)
def test_availability_and_days_off_are_checked(member: MemberCapacity, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_members([member], START, END)
    assert message in str(refused.value)


def test_days_shares_and_names_as_typed() -> None:
    assert parse_days("2026-12-01, 2026-12-03..2026-12-04 2026-12-01") == [
        date(2026, 12, 1),
        date(2026, 12, 3),
        date(2026, 12, 4),
    ]
    assert parse_days("  ") == []
    with pytest.raises(ValidationError, match=r"'12/01' is not a date: write it as YYYY-MM-DD\."):
        parse_days("12/01")
    assert (parse_share("50"), parse_share("80%"), parse_share("0.5"), parse_share("1")) == (0.5, 0.8, 0.5, 1.0)
    with pytest.raises(ValidationError, match="outside 0–100%"):
        parse_share("150")
    names = ["Lena Fischer", "Lena Berg", "Tomás Ruiz"]
    assert member_named("tomás", names) == "Tomás Ruiz"
    with pytest.raises(ValidationError, match="'Lena' names several members"):
        member_named("Lena", names)


def test_a_vote_per_hand_or_per_member_and_when_it_is_low() -> None:
    settings = Settings(team=[TeamMember(name="Lena"), TeamMember(name="Tomás")], confidence_low_below=3)
    # Hands of 4, 4, 5, 3: no hand of 0, 1 or 2.
    assert parse_vote("4 4 5 3", settings.member_names()).counts == [0, 0, 0, 1, 2, 1]
    per_member = parse_vote("Lena=2, tom=5", settings.member_names())
    assert (per_member.by_member, per_member.counts) == ({"Lena": 2, "Tomás": 5}, [0, 0, 1, 0, 0, 1])
    assert not is_low(Confidence(counts=[0, 0, 0, 1, 2, 1]), settings)
    assert is_low(per_member, settings)  # one hand of 2
    with pytest.raises(ValidationError, match="'6' is not a fist-of-five vote"):
        parse_vote("4 6", [])
