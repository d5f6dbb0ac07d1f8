"""The Definition of Ready as a checklist per item, and the INVEST hints that suggest more work.

An item becomes ``ready`` when every line of the settings' checklist is ticked, or when the PO
overrides the checklist (the services record that override as a decision).
"""

from __future__ import annotations

from dataclasses import dataclass

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.rules import format_points
from ritual_tui.domain.settings import Settings


@dataclass(frozen=True)
class ChecklistLine:
    """One line of the Definition of Ready, and whether it is ticked for an item."""

    text: str
    ticked: bool


def checklist(item: BacklogItem, settings: Settings) -> list[ChecklistLine]:
    """The settings' Definition of Ready, each line ticked or not for this item."""
    return [ChecklistLine(line, line in item.ready_checks) for line in settings.definition_of_ready]


def all_ticked(item: BacklogItem, settings: Settings) -> bool:
    """True when every line of the Definition of Ready is ticked for the item."""
    return all(line.ticked for line in checklist(item, settings))


def toggle(item: BacklogItem, line: str, settings: Settings) -> bool:
    """Tick a line, or untick it when it was ticked; returns True when it is now ticked. Lines
    are kept in the checklist's order."""
    if line in item.ready_checks:
        item.ready_checks = [c for c in item.ready_checks if c != line]
        return False
    ticked = {*item.ready_checks, line}
    known = [c for c in settings.definition_of_ready if c in ticked]
    item.ready_checks = known + [c for c in item.ready_checks if c not in known]
    return True


def invest_hints(item: BacklogItem, split_threshold: float) -> list[str]:
    """What INVEST says is missing: a reason ("so that"), criteria to test, or a size small enough."""
    hints = []
    if item.kind == "story" and not item.so_that.strip():
        hints.append('No "so that": say why it is valuable')
    if not item.acceptance:
        hints.append("No acceptance criteria: how will we test it?")
    if item.estimate is not None and item.estimate > split_threshold:
        hints.append(f"Estimate {format_points(item.estimate)} is above {format_points(split_threshold)}: split it")
    return hints
