"""Jira's CSV export ("Export → CSV (all fields)", Cloud or Data Center) read as tracker issues.

Columns are found by their header, ignoring case and spacing, whatever their order; a header Jira
repeats (Labels, Sprint) gives several values. Newer exports say "Work item" where older say "Issue".
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from ritual_tui.domain.settings import Settings
from ritual_tui.tracker.dates import TrackerDates
from ritual_tui.tracker.decoding import csv_delimiter, decode_export
from ritual_tui.tracker.issue import ExportFileError, TrackerExport, TrackerIssue
from ritual_tui.tracker.mapping import PARENT, Vocabulary, criteria_lines, number

KEY = ("issue key", "work item key")
SUMMARY = ("summary",)
ISSUE_ID = ("issue id", "work item id")
TYPE = ("issue type", "work type", "work item type")
POINTS = ("custom field (story points)", "custom field (story point estimate)")
#: Parent (newer exports, a numeric id) first, then the epic link of older ones.
PARENT_COLUMNS = ("parent", "parent id", "epic link", "custom field (epic link)")
_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_]*-[0-9]+$")


class Columns:
    """Where each header is in a row, by its name ignoring case and spacing."""

    def __init__(self, header: Sequence[str]) -> None:
        self.width = len(header)
        self.at: dict[str, list[int]] = {}
        for index, name in enumerate(header):
            self.at.setdefault(" ".join(name.split()).casefold(), []).append(index)

    def has(self, names: Sequence[str]) -> bool:
        """True when the export has one of these columns."""
        return any(name in self.at for name in names)

    def values(self, cells: Sequence[str], names: Sequence[str]) -> list[str]:
        """The non-blank values of every column of these names, in column order."""
        return [cells[i] for name in names for i in self.at.get(name, []) if cells[i].strip()]

    def one(self, cells: Sequence[str], names: Sequence[str]) -> str:
        """The first non-blank value of these columns, or ""."""
        found = self.values(cells, names)
        return found[0] if found else ""


def read_jira(path: Path | str, data: bytes, settings: Settings, encoding: str | None = None) -> TrackerExport:
    """Every issue of a Jira CSV export, checked whole: an error names the file and row."""
    text = decode_export(path, data, encoding)
    vocabulary = Vocabulary(settings)
    dates = TrackerDates()
    rows = _rows(path, text)
    if not rows:
        raise ExportFileError(path, "is empty: export the issues with Export → CSV (all fields).")
    columns = Columns(rows[0][1])
    for wanted, what in ((KEY, "Issue key"), (SUMMARY, "Summary")):
        if not columns.has(wanted):
            raise ExportFileError(path, f"has no {what} column; is it Jira's CSV export (all fields)?", "row 1")
    acceptance = (f"custom field ({' '.join(settings.jira_acceptance_field.split()).casefold()})",)
    known = {"title", "description", "kind", "status", "estimate", "value", "tags", "acceptance", "parent"}
    for field_name, names in (
        ("description", ("description",)),
        ("kind", TYPE),
        ("status", ("status",)),
        ("tags", ("labels",)),  # without Labels columns, an item's labels are not the export's to remove
        ("estimate", POINTS),
        ("value", ("priority",) if settings.tracker_priorities else ()),
        ("acceptance", acceptance),
        ("parent", PARENT_COLUMNS),
    ):
        if not columns.has(names):
            known.discard(field_name)
    issues = []
    for where, cells in rows[1:]:
        if len(cells) != columns.width:
            raise ExportFileError(path, f"has {len(cells)} fields where the header has {columns.width}.", where)
        issue = _issue(path, where, cells, columns, vocabulary, dates, acceptance)
        issue.known = frozenset(known)
        issue.check_text(path)
        issues.append(issue)
    vocabulary.check(path)
    return TrackerExport("jira", path, issues, dates.notes())


def _rows(path: Path | str, text: str) -> list[tuple[str, list[str]]]:
    """The records of the file, each with where it starts ("row 4 (line 9)"), blank ones left out."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text), strict=True)
    rows = []
    line = 1
    try:
        for number, cells in enumerate(reader, start=1):
            # Rows counted as a spreadsheet shows them (the header is row 1); a row may span lines.
            where = f"row {number} (line {line})" if number > 1 else "row 1"
            line = reader.line_num + 1
            if any(cell.strip() for cell in cells):
                rows.append((where, cells))
    except csv.Error as error:
        raise ExportFileError(path, f"is not well-formed CSV ({error}).", f"line {reader.line_num}") from None
    return rows


def _issue(
    path: Path | str,
    where: str,
    cells: list[str],
    columns: Columns,
    vocabulary: Vocabulary,
    dates: TrackerDates,
    acceptance: tuple[str, ...],
) -> TrackerIssue:
    key = columns.one(cells, KEY).strip()
    if not _KEY.match(key):
        raise ExportFileError(path, f"its issue key {key!r} is not a Jira key (like SHOP-12).", where)
    title = columns.one(cells, SUMMARY)
    if not title.strip():
        raise ExportFileError(path, f"{key} has no summary.", where)
    points = [number(value) for value in columns.values(cells, POINTS)]
    if None in points:
        shown = ", ".join(repr(v) for v in columns.values(cells, POINTS))
        raise ExportFileError(path, f"{key}'s story points {shown} are not a number.", where)
    if len(set(points)) > 1:
        raise ExportFileError(path, f"{key} has two different story points ({points[0]:g} and {points[1]:g}).", where)
    issue_type = columns.one(cells, TYPE)
    kind = vocabulary.kind(issue_type, where) if issue_type else "story"
    status = columns.one(cells, ("status",))
    ours = vocabulary.status(status, where) if columns.has(("status",)) else "new"
    return TrackerIssue(
        tracker="jira",
        key=key.upper(),
        where=where,
        title=title,
        kind="story" if kind == PARENT else kind,
        status=ours,
        estimate=points[0] if points else None,
        value=vocabulary.priority(columns.one(cells, ("priority",)), where),
        labels=list(dict.fromkeys(columns.values(cells, ("labels",)))),
        context=[*columns.values(cells, ("sprint",)), *([issue_type] if kind == PARENT else [])],
        description=columns.one(cells, ("description",)),
        acceptance=criteria_lines(columns.one(cells, acceptance)),
        parent_ref=columns.one(cells, PARENT_COLUMNS).strip(),
        tracker_status=status,
        issue_id=columns.one(cells, ISSUE_ID).strip(),
        created=dates.moment(columns.one(cells, ("created",)), "Created", key),
        resolved=dates.day(columns.one(cells, ("resolved",)), "Resolved", key),
    )
