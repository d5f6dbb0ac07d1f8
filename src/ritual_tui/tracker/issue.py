"""What one issue of a tracker's export says, in ritual-tui's words, and the errors reading one gives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ritual_tui.domain.errors import ValidationError

#: The item fields an import may take from the tracker, compared three ways on a re-import.
SYNCED = ("title", "kind", "status", "estimate", "value", "tags", "description", "acceptance", "parent")


@dataclass(kw_only=True)
class TrackerIssue:
    """One issue of an export, mapped to our vocabulary but not yet to an item of the workspace."""

    #: "jira" or "github".
    tracker: str
    #: The tracker's key: ``SHOP-12``, ``owner/repo#12``; the item's external reference.
    key: str
    #: Where it is in the file, for messages: "row 7", "issue 3".
    where: str
    title: str
    kind: str = "story"
    status: str = "new"
    estimate: float | None = None
    value: int | None = None
    #: The tracker's labels (GitHub's point labels left out).
    labels: list[str] = field(default_factory=list)
    #: Tags that are not labels: Jira's sprints, GitHub's milestone, a parent's issue type.
    context: list[str] = field(default_factory=list)
    description: str = ""
    acceptance: list[str] = field(default_factory=list)
    #: The parent as the tracker names it (a key, or Jira's numeric issue id), resolved on import.
    parent_ref: str = ""
    tracker_status: str = ""
    points_label: str = ""
    url: str = ""
    issue_id: str = ""
    created: datetime | None = None
    resolved: date | None = None
    #: The fields the export carries: a column left out of the export changes nothing here.
    known: frozenset[str] = frozenset(SYNCED)

    def check_text(self, path: Path | str) -> None:
        """Refuse text that cannot be saved (a lone surrogate escaped in JSON)."""
        texts = [self.key, self.title, self.description, self.parent_ref, self.tracker_status, self.url]
        for text in [*texts, *self.labels, *self.context, *self.acceptance, self.points_label, self.issue_id]:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                problem = "holds text that is not valid Unicode (a lone surrogate)."
                raise ExportFileError(path, problem, self.where) from None

    @property
    def tags(self) -> list[str]:
        """Labels, then the other tags, each once."""
        return list(dict.fromkeys([*self.labels, *self.context]))


@dataclass
class TrackerExport:
    """A whole export, read and checked: its issues in the tracker's order, and what is worth a note."""

    tracker: str
    path: Path | str
    issues: list[TrackerIssue]
    #: Things read that are not errors but not taken either (a date in a format not recognised).
    notes: list[str] = field(default_factory=list)


class ExportFileError(ValidationError):
    """An export that cannot be imported: the message names the file and, where it can, the row."""

    def __init__(self, path: Path | str, problem: str, where: str = "") -> None:
        self.path, self.problem, self.where = path, problem, where
        super().__init__(f"{path}{', ' + where if where else ''}: {problem} Nothing was imported.")
