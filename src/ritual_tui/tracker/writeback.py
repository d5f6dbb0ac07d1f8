"""What changed here since an item's import, and those changes as a CSV Jira's importer can apply.

Only what refinement changes goes back: the title, the estimate, the status and the labels. An item's
labels are its tags less those the import added that are not labels (sprints, milestone, issue type).
"""

from __future__ import annotations

import csv
import io

from ritual_tui.domain.backlog import BacklogItem, TrackerCopy
from ritual_tui.domain.rules import format_points
from ritual_tui.tracker.mapping import Vocabulary

#: The fields written back to a tracker.
WRITTEN_BACK = ("title", "estimate", "status", "labels")
JIRA_HEADER = ("Issue key", "Summary", "Status", "Story Points")


def imported_copy(item: BacklogItem) -> TrackerCopy:
    """The tracker copy of an item known to have been imported."""
    if item.tracker is None:
        raise ValueError(f"{item.id} was never imported from a tracker")
    return item.tracker


def labels_of(item: BacklogItem) -> list[str]:
    """The item's tags that are the tracker's labels (all but the sprints, milestone and issue type)."""
    copy = imported_copy(item)
    not_labels = {tag for tag in copy.tags if tag not in copy.labels}
    return [tag for tag in item.tags if tag not in not_labels]


def changed_fields(item: BacklogItem) -> list[str]:
    """Which of :data:`WRITTEN_BACK` differ from what the tracker had at the last import."""
    copy = imported_copy(item)
    now = {"title": item.title, "estimate": item.estimate, "status": item.status, "labels": set(labels_of(item))}
    then = {"title": copy.title, "estimate": copy.estimate, "status": copy.status, "labels": set(copy.labels)}
    return [name for name in WRITTEN_BACK if now[name] != then[name]]


def jira_status(item: BacklogItem, vocabulary: Vocabulary, notes: list[str]) -> str:
    """The Jira status to write: the one imported while ours is unchanged, else the first the
    settings read as ours (or, when none does, the imported one, with a note)."""
    copy = imported_copy(item)
    if item.status == copy.status:
        return copy.tracker_status
    found = vocabulary.tracker_status(item.status)
    if found is None:
        notes.append(
            f"{item.id}: no status in [tracker_statuses] reads as {item.status!r}; its Jira status stays "
            f"{copy.tracker_status!r}."
        )
        return copy.tracker_status
    return found


def jira_csv(items: list[BacklogItem], vocabulary: Vocabulary, notes: list[str]) -> str:
    """A CSV of ``Issue key`` and the written-back fields, one row per item, one Labels column per
    label (as Jira's own export has them). Jira labels hold no spaces: such a tag is left out, noted."""
    rows = []
    for item in items:
        labels = labels_of(item)
        for label in labels:
            if not label or any(char.isspace() for char in label):
                notes.append(f"{item.id}: the tag {label!r} cannot be a Jira label (labels hold no spaces); left out.")
        labels = [label for label in labels if label and not any(char.isspace() for char in label)]
        estimate = "" if item.estimate is None else format_points(item.estimate)
        rows.append([item.external_ref, item.title, jira_status(item, vocabulary, notes), estimate, *labels])
    width = max([1, *(len(row) - len(JIRA_HEADER) for row in rows)])
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*JIRA_HEADER, *["Labels"] * width])
    for row in rows:
        writer.writerow(row + [""] * (len(JIRA_HEADER) + width - len(row)))
    return out.getvalue()
