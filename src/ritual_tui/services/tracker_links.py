"""Which backlog item each tracker key names, during one import: items imported before (by their
external reference), and the ids and ranks the new ones will take, so that a parent can be named
before it is written."""

from __future__ import annotations

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.ranking import rank_of_new
from ritual_tui.store.workspace import Workspace
from ritual_tui.tracker.issue import ExportFileError, TrackerExport, TrackerIssue


class TrackerLinks:
    """The backlog as an import sees it, read once under the lock."""

    def __init__(self, ws: Workspace, export: TrackerExport) -> None:
        in_file: dict[str, str] = {}
        for issue in export.issues:
            where = in_file.setdefault(issue.key.casefold(), issue.where)
            if where != issue.where:
                raise ExportFileError(export.path, f"{issue.key} appears twice ({where} and {issue.where}).")
        backlog = ws.all(BacklogItem)
        #: The items the export's keys name, by key ignoring case.
        self.items: dict[str, BacklogItem] = {}
        for item in backlog:
            ref = item.external_ref.strip().casefold()
            if ref in in_file:
                if ref in self.items:
                    raise ValidationError(
                        f"{item.external_ref} is the external reference of both {self.items[ref].id} and {item.id}: "
                        f"keep it on one (ritual backlog edit {item.id} --ref '') and import again. "
                        "Nothing was imported."
                    )
                self.items[ref] = item
        number = ws.next_number(BacklogItem)
        new = [issue for issue in export.issues if issue.key.casefold() not in self.items]
        #: The id each new item will take, in the tracker's order.
        self.new_ids = {issue.key: f"{BacklogItem.PREFIX}-{number + n}" for n, issue in enumerate(new)}
        #: New items are ranked after every existing one, like an item added by hand.
        self.first_rank = rank_of_new((item.rank for item in backlog), number)
        self._ids = {item.external_ref.strip().casefold(): item.id for item in backlog if item.external_ref.strip()}
        self._ids.update({key.casefold(): new_id for key, new_id in self.new_ids.items()})
        # Jira names a parent by its numeric issue id: the ids of this file and of earlier imports.
        self._keys_by_issue_id = {
            item.tracker.issue_id: item.external_ref for item in backlog if item.tracker and item.tracker.issue_id
        }
        self._keys_by_issue_id.update({issue.issue_id: issue.key for issue in export.issues if issue.issue_id})

    def parent_of(self, issue: TrackerIssue, own_id: str, notes: list[str]) -> str | None:
        """The id here of the issue's parent; "" for none; None when the export does not say, or names
        a parent that is neither in the file nor in the backlog (then a note says so)."""
        if "parent" not in issue.known:
            return None
        if not issue.parent_ref:
            return ""
        key = self._keys_by_issue_id.get(issue.parent_ref, issue.parent_ref)
        found = self._ids.get(key.strip().casefold())
        if found is None or found == own_id:
            notes.append(
                f"{issue.key}: its parent {issue.parent_ref!r} is not in this file nor in the backlog; left as it is."
            )
            return None
        return found
