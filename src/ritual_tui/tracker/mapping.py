"""The settings' tables that turn a tracker's words into ours (statuses, issue types, priorities,
point labels), and the values an export uses that they do not map: reported, never guessed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ritual_tui.domain.backlog import ITEM_KINDS, ITEM_STATUSES
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.rules import format_points
from ritual_tui.domain.settings import Settings
from ritual_tui.tracker.issue import ExportFileError

#: The kind given to issue types whose issues others belong to (epics).
PARENT = "parent"
_NUMBER = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")
#: Only CR and LF end a line: str.splitlines would also cut at characters a user may have typed.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LIST_MARK = re.compile(r"^\s*(?:[-*+#]|[0-9]+[.)])\s+(?:\[[ xX]\]\s+)?")


def _table(table: Mapping[str, str], allowed: Iterable[str], setting: str) -> dict[str, str]:
    """A setting's table keyed ignoring case, each value checked against ours."""
    allowed = tuple(allowed)
    for theirs, ours in table.items():
        if ours not in allowed:
            raise ValidationError(
                f"workspace.toml, [{setting}]: {theirs!r} = {ours!r} should be one of {', '.join(allowed)}."
            )
    return {theirs.strip().casefold(): ours for theirs, ours in table.items()}


def number(text: str) -> float | None:
    """Points as a tracker writes them ("5", "0.5", Excel's "0,5"); None when not a number."""
    text = text.strip()
    if not _NUMBER.match(text):
        return None
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def criteria_lines(text: str) -> list[str]:
    """Acceptance criteria written one per line, list marks ("- ", "* ", "1. ", "- [ ] ") left out."""
    lines = (_LIST_MARK.sub("", line, count=1) for line in LINE_BREAK.split(text))
    return [line for line in lines if line.strip()]


class Vocabulary:
    """The settings' mappings, checked, and every value met that they do not map (with where)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.statuses = _table(settings.tracker_statuses, ITEM_STATUSES, "tracker_statuses")
        self.kinds = _table(settings.tracker_kinds, (*ITEM_KINDS, PARENT), "tracker_kinds")
        self.priorities = {theirs.strip().casefold(): value for theirs, value in settings.tracker_priorities.items()}
        self.point_labels = [(pattern, _label_pattern(pattern)) for pattern in settings.github_point_labels]
        #: (what, value, setting) → where it was met.
        self.unknown: dict[tuple[str, str, str], list[str]] = {}

    def _look_up(self, table: Mapping[str, str], value: str, what: str, setting: str, where: str) -> str | None:
        found = table.get(value.strip().casefold())
        if found is None:
            self.unknown.setdefault((what, value, setting), []).append(where)
        return found

    def status(self, value: str, where: str) -> str:
        """Our status for the tracker's ("new" while an unknown one waits to be reported)."""
        return self._look_up(self.statuses, value, "status", "tracker_statuses", where) or "new"

    def kind(self, value: str, where: str) -> str:
        """Our kind (or "parent") for the tracker's issue type."""
        return self._look_up(self.kinds, value, "issue type", "tracker_kinds", where) or "story"

    def kind_of_label(self, label: str) -> str | None:
        """The kind a GitHub label names, if it names one (other labels are just labels)."""
        return self.kinds.get(label.strip().casefold())

    def priority(self, value: str, where: str) -> int | None:
        """Business value for a Jira priority; None when the settings map no priorities."""
        if not self.priorities or not value.strip():
            return None
        found = self.priorities.get(value.strip().casefold())
        if found is None:
            self.unknown.setdefault(("priority", value, "tracker_priorities"), []).append(where)
        return found

    def points_of_label(self, label: str) -> float | None:
        """The points a GitHub label carries ("points: 5" → 5), or None for another label."""
        squeezed = "".join(label.split()).casefold()
        for _, pattern in self.point_labels:
            found = pattern.match(squeezed)
            if found:
                return number(found.group(1))
        return None

    def points_label(self, points: float, old_label: str = "") -> str:
        """The label to write for ``points``, in the pattern of the label it replaces if any."""
        squeezed = "".join(old_label.split()).casefold()
        chosen = next((text for text, pattern in self.point_labels if pattern.match(squeezed)), None)
        if chosen is None:
            chosen = self.point_labels[0][0] if self.point_labels else "points: {n}"
        return chosen.replace("{n}", format_points(points))

    def tracker_status(self, status: str) -> str | None:
        """The first tracker status the settings read as ours (for writing back), if any."""
        return next((theirs for theirs, ours in self.settings.tracker_statuses.items() if ours == status), None)

    def check(self, path: Path | str) -> None:
        """Raise one error listing every value met that the settings do not map."""
        if not self.unknown:
            return
        parts = [
            f"{what} '{value}' ({_places(places)}) → add it under [{setting}]"
            for (what, value, setting), places in self.unknown.items()
        ]
        raise ExportFileError(
            path, f"uses values workspace.toml does not map: {'; '.join(parts)} (see config/default.toml)."
        )


def _label_pattern(pattern: str) -> re.Pattern[str]:
    squeezed = "".join(pattern.split()).casefold()
    if squeezed.count("{n}") != 1:
        raise ValidationError(f"workspace.toml, github_point_labels: {pattern!r} should hold {{n}} once.")
    before, after = squeezed.split("{n}")
    return re.compile(f"^{re.escape(before)}([0-9]+(?:[.,][0-9]+)?){re.escape(after)}$")


def _places(places: list[str]) -> str:
    shown = ", ".join(places[:3])
    return shown if len(places) <= 3 else f"{shown} and {len(places) - 3} more"
