"""Which dates are plausible: one rule for the command line's options, the records read from files
and the reports.

A date is plausible when it lies within :data:`PLAUSIBLE_YEARS` years of today. Anything further
is a typo or an attack: a sprint ending on 9999-12-31 overflows the calendar on its last day, one
starting in year 1 makes every burndown walk 740,000 days.
"""

from __future__ import annotations

from datetime import date, datetime

from ritual_tui.domain import clock

#: How far from today, in years, a date may lie. No Scrum team has records older than this.
PLAUSIBLE_YEARS = 100


def plausible_years(today: date | None = None) -> range:
    """The years a plausible date may fall in, as of ``today``."""
    year = (today or clock.today()).year
    return range(year - PLAUSIBLE_YEARS, year + PLAUSIBLE_YEARS + 1)


def implausible(value: date | datetime, years: range | None = None) -> str:
    """Why ``value`` is not a plausible date ("" when it is), to follow "<the value> is"."""
    if value.year in (years or plausible_years()):
        return ""
    return f"not a plausible date (ritual-tui takes dates within {PLAUSIBLE_YEARS} years of today)"
