"""Escalations and blockers as they stood on a past day, rebuilt from what their records keep."""

from __future__ import annotations

from datetime import UTC, date, datetime

from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.escalation import Escalation, StatusChange


def step(day: int, status: str, month: int = 11) -> StatusChange:
    return StatusChange(at=datetime(2026, month, day, 12, tzinfo=UTC), status=status)


def test_an_escalation_status_on_each_day_follows_its_history() -> None:
    e = Escalation(
        id="E-1",
        title="x",
        raised=date(2026, 11, 4),
        status="resolved",
        answered=date(2026, 11, 20),
        closed=date(2026, 11, 24),
        history=[step(4, "open"), step(6, "sent"), step(20, "answered"), step(24, "resolved")],
    )
    assert e.status_on(date(2026, 11, 3)) is None
    assert [e.status_on(date(2026, 11, d)) for d in (4, 6, 13, 20, 24)] == [
        "open",
        "sent",
        "sent",
        "answered",
        "resolved",
    ]
    assert e.open_on(date(2026, 11, 13)) and e.open_on(date(2026, 11, 23)) and not e.open_on(date(2026, 11, 24))


def test_the_age_is_the_wait_for_the_pm_and_stops_at_the_answer_or_the_closing() -> None:
    answered = Escalation(
        id="E-1",
        title="x",
        raised=date(2026, 11, 4),
        status="answered",
        answered=date(2026, 11, 10),
        history=[step(4, "open"), step(10, "answered")],
    )
    assert answered.age_days(date(2026, 11, 8)) == 4  # still waiting on the 8th: 8 − 4
    assert answered.age_days(date(2026, 11, 30)) == 6  # waited from the 4th to the answer on the 10th
    withdrawn = Escalation(
        id="E-2",
        title="y",
        raised=date(2026, 11, 4),
        status="withdrawn",
        closed=date(2026, 11, 7),
        history=[step(4, "open"), step(7, "withdrawn")],
    )
    assert withdrawn.age_days(date(2026, 11, 30)) == 3
    # Answered, then sent back to the PM on the 12th: it waits again, counted from the 4th.
    sent_back = Escalation(
        id="E-3",
        title="z",
        raised=date(2026, 11, 4),
        status="sent",
        history=[step(4, "open"), step(10, "answered"), step(12, "sent")],
    )
    assert sent_back.age_days(date(2026, 11, 11)) == 6 and sent_back.age_days(date(2026, 11, 20)) == 16


def test_an_escalation_without_history_is_rebuilt_from_its_dates() -> None:
    e = Escalation(
        id="E-1",
        title="x",
        raised=date(2026, 10, 1),
        status="resolved",
        answered=date(2026, 10, 3),
        closed=date(2026, 10, 5),
    )
    assert [e.status_on(date(2026, 10, d)) for d in (1, 3, 5)] == ["open", "answered", "resolved"]
    assert e.age_days(date(2026, 10, 30)) == 2
    # Resolved with no day at all (an old or hand-written file): closed on the day of its answer.
    undated = Escalation(id="E-2", title="y", raised=date(2026, 10, 1), status="resolved", answered=date(2026, 10, 3))
    assert undated.closing_day() == date(2026, 10, 3) and not undated.open_on(date(2026, 10, 4))


def test_a_blocker_on_a_past_day_counts_only_the_dailies_that_had_seen_it() -> None:
    from ritual_tui.domain.rules import blocker_on

    b = Blocker(
        id="BL-1",
        title="x",
        first_seen=date(2026, 11, 13),
        seen_on=[date(2026, 11, 13), date(2026, 11, 16), date(2026, 11, 17)],
        status="resolved",
        resolved=date(2026, 11, 18),
    )
    on_13 = blocker_on(b, date(2026, 11, 13))
    assert (on_13.open, on_13.dailies, on_13.days_open) == (True, 1, 0)
    on_17 = blocker_on(b, date(2026, 11, 17))
    assert (on_17.open, on_17.dailies, on_17.days_open) == (True, 3, 4)
    later = blocker_on(b, date(2026, 11, 30))
    assert (later.open, later.dailies, later.days_open) == (False, 3, 5)  # 13th to the 18th


def test_a_history_mixing_times_with_and_without_offset_still_reads() -> None:
    # A step typed by hand as a local time (no offset) beside steps the tool wrote with one.
    e = Escalation(
        id="E-1",
        title="x",
        raised=date(2026, 11, 4),
        status="answered",
        answered=date(2026, 11, 6),
        history=[step(4, "open"), StatusChange(at=datetime(2026, 11, 6, 9), status="answered")],
    )
    assert [e.status_on(date(2026, 11, d)) for d in (4, 6)] == ["open", "answered"]
    assert e.age_days(date(2026, 11, 30)) == 2
