"""Reading what the PO types while planning (days off, a share, a vote), the same on the screen and
on the command line; each mistake is a message that says what was expected."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.planning import Confidence, vote_counts

_SEPARATORS = re.compile(r"[\s,;]+")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{text!r} is not a date: write it as YYYY-MM-DD.") from None


def parse_days(text: str) -> list[date]:
    """Dates separated by spaces or commas; ``A..B`` is every day from A to B. "" is none."""
    days: list[date] = []
    for word in _SEPARATORS.split(text.strip()):
        if not word:
            continue
        if ".." in word:
            first, last = (_day(part) for part in word.split("..", 1))
            if last < first:
                raise ValidationError(f"{word!r} ends before it starts.")
            days += [first + timedelta(days=n) for n in range((last - first).days + 1)]
        else:
            days.append(_day(word))
    return sorted(set(days))


def parse_share(text: str) -> float:
    """An availability as a percentage ("50", "50%") or a share ("0.5"), as a share of 0–1."""
    raw = text.strip().removesuffix("%").strip()
    try:
        value = float(raw)
    except ValueError:
        raise ValidationError(f"{text!r} is not a share: write a percentage such as 50 or 80%.") from None
    share = value / 100 if "%" in text or value > 1 else value
    if not 0 <= share <= 1:
        raise ValidationError(f"An availability of {text.strip()} is outside 0–100%.")
    return share


def member_named(text: str, names: Sequence[str]) -> str:
    """The team member a name (or the start of a first name, ignoring case) points to."""
    wanted = text.strip().casefold()
    exact = [n for n in names if n.casefold() == wanted]
    found = exact or [n for n in names if n.casefold().startswith(wanted)]
    if len(found) != 1:
        known = ", ".join(names) or "nobody (no team in workspace.toml)"
        what = "names several members" if found else "is not in the team"
        raise ValidationError(f"{text.strip()!r} {what}: the team is {known}.")
    return found[0]


def parse_vote(text: str, names: Sequence[str]) -> Confidence:
    """A fist-of-five vote: fingers per hand ("4 4 5 3 2") or per member ("Lena=4, Tomás=3")."""
    words = [w for w in _SEPARATORS.split(text.strip()) if w] if "=" not in text else []
    by_member: dict[str, int] = {}
    if "=" in text:
        for pair in text.split(","):
            if pair.strip():
                name, _, value = pair.partition("=")
                by_member[member_named(name, names)] = _fingers(value)
        votes = list(by_member.values())
    else:
        votes = [_fingers(w) for w in words]
    if not votes:
        raise ValidationError("No vote: type the fingers each person showed, such as 4 4 5 3.")
    return Confidence(counts=vote_counts(votes), by_member=by_member)


def _fingers(text: str) -> int:
    if text.strip() not in {"0", "1", "2", "3", "4", "5"}:
        raise ValidationError(f"{text.strip()!r} is not a fist-of-five vote: each hand shows 0 to 5 fingers.")
    return int(text)
