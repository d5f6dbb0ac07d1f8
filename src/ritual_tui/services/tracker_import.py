"""``ritual import jira|github``: a tracker's export merged into the backlog as one operation.

Everything is read, checked and merged in memory first, under the workspace lock; only then are files
written, and only those of items that changed (a re-import of the same file writes nothing). New items
take the next ids in the tracker's order, ranked after the existing backlog. If the disk refuses a
write half-way, the error says what was written; running the same import again completes it, since
items already written match their tracker keys and are left as they are.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem, TrackerCopy
from ritual_tui.domain.errors import RitualError, StorageError, ValidationError
from ritual_tui.domain.fields import to_doc
from ritual_tui.domain.rules import format_points
from ritual_tui.services.tracker_links import TrackerLinks
from ritual_tui.store.workspace import Workspace
from ritual_tui.tracker.github import read_github
from ritual_tui.tracker.issue import SYNCED, TrackerExport, TrackerIssue
from ritual_tui.tracker.jira import read_jira
from ritual_tui.tracker.merge import Merge, merge_item


@dataclass
class PlannedItem:
    """One issue of the export and what the import does with its item."""

    issue: TrackerIssue
    #: The item as it will be (or was) written.
    item: BacklogItem
    #: "add", "update" or "unchanged".
    action: str
    merge: Merge


@dataclass
class ImportPlan:
    """Everything one import does, decided before anything is written."""

    export: TrackerExport
    items: list[PlannedItem]
    notes: list[str] = field(default_factory=list)

    def having(self, action: str) -> list[PlannedItem]:
        """The planned items of one action, in the file's order."""
        return [planned for planned in self.items if planned.action == action]


def read_export(
    tracker: str, path: Path | str, data: bytes, ws: Workspace, encoding: str | None = None
) -> TrackerExport:
    """Parse and check an export file's bytes (nothing is written)."""
    if tracker == "jira":
        return read_jira(path, data, ws.settings, encoding)
    return read_github(path, data, ws.settings)


def import_export(ws: Workspace, export: TrackerExport, prefer: str | None = None, dry_run: bool = False) -> ImportPlan:
    """Merge an export into the backlog under the lock; with ``dry_run`` only say what would change."""
    with ws.lock:
        plan = plan_import(ws, export, prefer)
        if not dry_run:
            _write(ws, plan)
    return plan


def plan_import(ws: Workspace, export: TrackerExport, prefer: str | None) -> ImportPlan:
    """Decide what the import does to every item, without writing."""
    links = TrackerLinks(ws, export)
    now = clock.now()
    plan = ImportPlan(export, [], list(export.notes))
    rank = links.first_rank
    for issue in export.issues:
        existing = links.items.get(issue.key.casefold())
        if existing is None:
            item = BacklogItem(title="", id=links.new_ids[issue.key], rank=rank, external_ref=issue.key)
            item.created, item.updated = issue.created or now, now
            rank += 1
        else:
            if existing.stored_digest.startswith("newer:"):
                raise ValidationError(f"{existing.stored_as} was written by a newer ritual-tui; nothing was imported.")
            item = copy.deepcopy(existing)
        incoming = {name: getattr(issue, name) for name in SYNCED if name in issue.known and name != "parent"}
        parent = links.parent_of(issue, item.id, plan.notes)
        if parent is not None:
            incoming["parent"] = parent
        before = item.tracker
        if before is None or before.name != export.tracker:
            before = TrackerCopy(name=export.tracker)
        merge, kept = merge_item(item, incoming, before, prefer, issue.resolved or now.date())
        item.tracker = _tracker_copy(kept, before, issue, merge)
        if to_doc(item.tracker) != to_doc(before):
            item.tracker.imported = now
        action = "add" if existing is None else ("unchanged" if to_doc(item) == to_doc(existing) else "update")
        if action == "update":
            item.updated = now
        if "estimate" in [c.field for c in merge.changes] and item.estimate not in ws.settings.estimation_scale:
            points = format_points(item.estimate)
            plan.notes.append(f"{issue.key}: {points} points is not on the estimation scale; kept as it is.")
        plan.items.append(PlannedItem(issue, item, action, merge))
    return plan


def _tracker_copy(kept: TrackerCopy, before: TrackerCopy, issue: TrackerIssue, merge: Merge) -> TrackerCopy:
    """The merge's copy completed with what only the tracker has (its status word, labels, address)."""
    status_open = any(c.field == "status" and not c.settled_for for c in merge.conflicts)
    # While a status conflict is open, the copy keeps the old status: and the word that went with it.
    kept.tracker_status = before.tracker_status if status_open else issue.tracker_status
    kept.labels, kept.points_label = list(issue.labels), issue.points_label
    kept.url, kept.issue_id = issue.url or before.url, issue.issue_id or before.issue_id
    return kept


def _write(ws: Workspace, plan: ImportPlan) -> None:
    """Write the items that changed, then the new ones in the file's order; on a refused write, say
    what was written."""
    updated: list[PlannedItem] = []
    added = plan.having("add")
    try:
        for planned in plan.having("update"):
            ws.save(planned.item)
            updated.append(planned)
        # The ids were chosen before (a child may name its parent first): no one else can have
        # taken one since, as the lock has been held throughout.
        ws.add_all([planned.item for planned in added])
    except RitualError as error:
        written = updated + [planned for planned in added if planned.item.stored_digest]
        raise StorageError(
            f"The import stopped after writing {len(written)} of {len(added) + len(plan.having('update'))} items "
            f"({_ids(written) or 'none'}): {error} "
            "Run the same import again once this is fixed: it writes only what is still missing."
        ) from None


def _ids(written: list[PlannedItem]) -> str:
    """ "added B-41 to B-52, updated B-3, B-7" — short even for thousands of items."""
    parts = []
    added = [p.item.id for p in written if p.action == "add"]
    if added:
        parts.append(f"added {added[0]}" + (f" to {added[-1]}" if len(added) > 1 else ""))
    updated = [p.item.id for p in written if p.action == "update"]
    if updated:
        more = f" and {len(updated) - 5} more" if len(updated) > 5 else ""
        parts.append(f"updated {', '.join(updated[:5])}{more}")
    return ", ".join(parts)
