"""Dates as a tracker's export writes them, read only when unambiguous.

Jira writes dates in its users' format: "12/Mar/24 10:15 AM" by default, ISO on many sites. Those
two are read; a day-and-month order that could be either way round (03/04/2024) is never guessed:
the date is left out with a note.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ritual_tui.domain import clock

_MONTHS = {
    name: n
    for n, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}
_JIRA = re.compile(r"^(\d{1,2})/([A-Za-z]{3})/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$")


def read_moment(text: str) -> datetime | None:
    """A date-time from ISO or Jira's default format; None when it is neither. A time without a zone
    is taken in this machine's zone (the export does not say which it was)."""
    text = text.strip()
    moment: datetime | None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = _jira_default(text)
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=clock.now().tzinfo)


def _jira_default(text: str) -> datetime | None:
    found = _JIRA.match(text)
    if not found or found[2].lower() not in _MONTHS:
        return None
    day, month, year = int(found[1]), _MONTHS[found[2].lower()], int(found[3])
    hour, minute, second = int(found[4] or 0), int(found[5] or 0), int(found[6] or 0)
    if found[7]:
        hour = hour % 12 + (12 if found[7].lower() == "pm" else 0)
    try:
        return datetime(year + 2000 if year < 100 else year, month, day, hour, minute, second)
    except ValueError:
        return None


class TrackerDates:
    """Reads the dates of an export, remembering those it could not read for one note per column."""

    def __init__(self) -> None:
        self.unread: dict[str, list[str]] = {}

    def moment(self, text: str, column: str, key: str) -> datetime | None:
        """The date-time in ``text`` ("" gives None quietly)."""
        if not text.strip():
            return None
        found = read_moment(text)
        if found is None:
            self.unread.setdefault(column, []).append(f"{key} {text.strip()!r}")
        return found

    def day(self, text: str, column: str, key: str) -> date | None:
        """The day of the date-time in ``text``."""
        found = self.moment(text, column, key)
        return found.date() if found else None

    def notes(self) -> list[str]:
        """One note per column with dates not read."""
        return [
            f"{column}: {len(values)} date(s) in a format not recognised, left out (e.g. {values[0]}); "
            "ISO dates and Jira's 12/Mar/24 10:15 AM are read."
            for column, values in self.unread.items()
        ]
