"""GitHub issues as ``gh issue list --json number,title,body,labels,state,milestone,url`` prints them.

Points come from labels (the ``github_point_labels`` patterns), the kind from a label naming an issue
type, acceptance criteria from the body's "Acceptance criteria" section or else its ``- [ ]`` lines,
and the milestone is kept as a tag. A key left out of ``--json`` changes nothing here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ritual_tui.domain.settings import Settings
from ritual_tui.tracker.decoding import decode_export
from ritual_tui.tracker.issue import ExportFileError, TrackerExport, TrackerIssue
from ritual_tui.tracker.mapping import LINE_BREAK, PARENT, Vocabulary, criteria_lines

_URL = re.compile(r"^https?://[^/\s]+/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)/issues/([0-9]+)/?$")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)[^*_]+(\*\*|__)\s*:?\s*$")
_CHECKLIST = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+\S")
#: The ``--json`` fields each of our fields comes from.
_SOURCES = {
    "kind": "labels",
    "estimate": "labels",
    "tags": "labels",
    "status": "state",
    "description": "body",
    "acceptance": "body",
}


def read_github(path: Path | str, data: bytes, settings: Settings) -> TrackerExport:
    """Every issue of the JSON, checked whole: an error names the file and the issue."""
    try:
        entries = json.loads(decode_export(path, data))
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise ExportFileError(path, f"is not JSON ({error.msg}).", where) from None
    if not isinstance(entries, list):
        raise ExportFileError(path, "should hold a list of issues, as `gh issue list --json …` prints.")
    vocabulary = Vocabulary(settings)
    issues = [_issue(path, n, entry, vocabulary) for n, entry in enumerate(entries, start=1)]
    for issue in issues:
        issue.check_text(path)
    vocabulary.check(path)
    return TrackerExport("github", path, issues)


def _text(path: Path | str, entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ExportFileError(path, f"its {key} should be text.", where)
    return value


def _issue(path: Path | str, n: int, entry: Any, vocabulary: Vocabulary) -> TrackerIssue:
    where = f"issue {n}"
    if not isinstance(entry, dict):
        raise ExportFileError(path, "should be an object with number and title.", where)
    number = entry.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise ExportFileError(path, "has no issue number.", where)
    where = f"issue {n} (#{number})"
    title = _text(path, entry, "title", where)
    if not title.strip():
        raise ExportFileError(path, "has no title.", where)
    url = _text(path, entry, "url", where)
    key = f"#{number}"
    if url:
        found = _URL.match(url)
        if not found or int(found[3]) != number:
            raise ExportFileError(path, f"its url {url!r} is not the address of GitHub issue #{number}.", where)
        key = f"{found[1]}/{found[2]}#{number}"
    labels = _labels(path, entry.get("labels") or [], where)
    points = {label: vocabulary.points_of_label(label) for label in labels}
    points = {label: value for label, value in points.items() if value is not None}
    if len(set(points.values())) > 1:
        raise ExportFileError(path, f"has labels with different points: {', '.join(points)}.", where)
    kinds = {kind for label in labels if (kind := vocabulary.kind_of_label(label))}
    if len(kinds) > 1:
        raise ExportFileError(path, f"has labels naming different kinds ({', '.join(sorted(kinds))}).", where)
    kind = kinds.pop() if kinds else "story"
    milestone = entry.get("milestone")
    milestone_title = milestone.get("title") if isinstance(milestone, dict) else None
    body = _text(path, entry, "body", where)
    state = _text(path, entry, "state", where)
    return TrackerIssue(
        tracker="github",
        key=key,
        where=where,
        title=title,
        kind="story" if kind == PARENT else kind,
        status=vocabulary.status(state, where) if "state" in entry else "new",
        estimate=next(iter(points.values()), None),
        labels=[label for label in labels if label not in points],
        context=[milestone_title] if isinstance(milestone_title, str) and milestone_title.strip() else [],
        description=body,
        acceptance=body_criteria(body),
        tracker_status=state,
        points_label=next(iter(points), ""),
        url=url,
        known=frozenset({"title", *(ours for ours, theirs in _SOURCES.items() if theirs in entry)}),
    )


def _labels(path: Path | str, labels: Any, where: str) -> list[str]:
    if not isinstance(labels, list):
        labels = [None]
    names = [label.get("name") if isinstance(label, dict) else label for label in labels]
    texts = [name for name in names if isinstance(name, str)]
    if len(texts) != len(names):
        raise ExportFileError(path, "its labels should be a list of objects with a name.", where)
    return list(dict.fromkeys(name for name in texts if name.strip()))


def body_criteria(body: str) -> list[str]:
    """The criteria under an "Acceptance criteria" heading (or bold line) up to the next one; with no
    such section, every checklist line (``- [ ] …``) of the body."""
    lines = LINE_BREAK.split(body)
    for start, line in enumerate(lines):
        if line.strip().strip("#*_: ").casefold() == "acceptance criteria":
            section = []
            for following in lines[start + 1 :]:
                if _HEADING.match(following) or _BOLD_LINE.match(following):
                    break
                section.append(following)
            return criteria_lines("\n".join(section))
    return criteria_lines("\n".join(line for line in lines if _CHECKLIST.match(line)))
