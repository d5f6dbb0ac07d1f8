"""The one source of "now" and "today", so tests and replays can freeze time.

``RITUAL_NOW`` (an ISO date-time such as ``2026-11-26T09:30:00+01:00``) freezes the clock; it
exists for tests and for re-entering a ritual after the fact.
"""

from __future__ import annotations

import os
from datetime import date, datetime


def now() -> datetime:
    """The current local time, to the second, with its UTC offset."""
    frozen = os.environ.get("RITUAL_NOW")
    if frozen:
        moment = datetime.fromisoformat(frozen)
        return moment if moment.tzinfo else moment.astimezone()
    return datetime.now().astimezone().replace(microsecond=0)


def today() -> date:
    """The current local date."""
    return now().date()
