"""What ``ritual import`` prints: the items added, updated, kept and in conflict, with the notes."""

from __future__ import annotations

from typing import Any

from ritual_tui.domain.rules import format_points, plural
from ritual_tui.domain.text import visible
from ritual_tui.services.tracker_import import ImportPlan, PlannedItem
from ritual_tui.tracker.merge import Conflict

TRACKER_NAMES = {"jira": "Jira", "github": "GitHub"}
#: Long text is named when it changes, never printed whole.
_NAMED_ONLY = ("description", "acceptance")


def _value(field: str, value: Any) -> str:
    if field == "estimate":
        return format_points(value)
    if field == "tags":
        return "[" + ", ".join(visible(tag) for tag in value) + "]"
    if field == "title":
        return f"'{visible(value)}'"
    return visible(str(value)) if value not in (None, "") else "none"


def _line(planned: PlannedItem, text: str) -> str:
    return f"  {planned.item.id:<7} {visible(planned.issue.key):<12} {text}"


def _conflict(conflict: Conflict, tracker: str) -> str:
    field = conflict.field
    if field in _NAMED_ONLY:
        text = f"{field} changed here and in {tracker}"
    else:
        here, theirs, then = (_value(field, v) for v in (conflict.here, conflict.tracker, conflict.at_last_import))
        text = f"{field}: here {here}, in {tracker} {theirs}, at the last import {then}"
    settled = {"tracker": f" → took {tracker}'s", "local": " → kept ours"}.get(conflict.settled_for, "")
    return text + settled


def print_plan(plan: ImportPlan, dry_run: bool) -> None:
    """Print every item the import adds or changes, what it leaves alone, and a count of each."""
    tracker = TRACKER_NAMES[plan.export.tracker]
    print(f"{tracker}: {visible(str(plan.export.path))}")
    added, updated = plan.having("add"), plan.having("update")
    open_conflicts = [(p, c) for p in plan.items for c in p.merge.conflicts if not c.settled_for]
    settled = [(p, c) for p in plan.items for c in p.merge.conflicts if c.settled_for]
    kept = [p for p in plan.items if p.merge.kept]
    sections: list[tuple[str, list[str]]] = [
        (("To add" if dry_run else "Added") + " ({n}):", [_line(p, f"'{visible(p.item.title)}'") for p in added]),
        (
            f"{'To update' if dry_run else 'Updated'} from {tracker} ({{n}}):",
            [
                _line(
                    p,
                    "; ".join(_change(c.field, c.before, c.after) for c in p.merge.changes)
                    or f"no field changed here; {tracker}'s values noted",
                )
                for p in updated
            ],
        ),
        ("Changed here since the last import, kept ({n}):", [_line(p, ", ".join(p.merge.kept)) for p in kept]),
        (
            ("Conflicts to settle" if dry_run else "Conflicts settled") + " ({n}):",
            [_line(p, _conflict(c, tracker)) for p, c in settled],
        ),
        (
            "Conflicts left as they are ({n}); settle them with --prefer tracker or --prefer local:",
            [_line(p, _conflict(c, tracker)) for p, c in open_conflicts],
        ),
        ("Notes:", [f"  {visible(note)}" for note in plan.notes]),
    ]
    for title, lines in sections:
        if lines:
            print(title.format(n=len(lines)))
            print("\n".join(lines))
    unchanged = len(plan.items) - len(added) - len(updated)
    counts = f"{len(added)} added, {len(updated)} updated, {unchanged} unchanged"
    if open_conflicts:
        counts += f"; {plural(len(open_conflicts), 'conflict')} left as they are"
    print(f"Would be: {counts}. Nothing was written (--dry-run)." if dry_run else f"{counts}.")


def _change(field: str, before: Any, after: Any) -> str:
    if field in _NAMED_ONLY:
        return f"{field} changed"
    return f"{field} {_value(field, before)} → {_value(field, after)}"
