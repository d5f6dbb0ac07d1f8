"""``gh issue list --json …`` read as tracker issues: points and kinds from labels, criteria from the
body, the milestone as a tag."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ritual_tui.domain.settings import Settings
from ritual_tui.tracker.github import body_criteria, read_github
from ritual_tui.tracker.issue import ExportFileError, TrackerExport
from tests.unit.tracker.exports import GH_ISSUES


def read(entries: Any, settings: Settings | None = None) -> TrackerExport:
    data = entries if isinstance(entries, bytes) else json.dumps(entries).encode("utf-8")
    return read_github("issues.json", data, settings or Settings())


def test_a_gh_export_gives_every_field_in_our_words() -> None:
    saved, crash, wallets = read(GH_ISSUES.read_bytes()).issues
    assert (saved.key, saved.title, saved.status, saved.tracker_status) == (
        "acme/shop#41",
        "Save a card for next time",
        "new",
        "OPEN",
    )
    assert (saved.estimate, saved.points_label, saved.labels, saved.context) == (
        5,
        "points: 5",
        ["payments"],
        ["v1.2"],
    )
    # The section's checklist, not the "Notes" one after it.
    assert saved.acceptance == [
        "Given a saved card, when I pay, then I skip the form",
        "Given two cards, when I pay, then I pick one",
    ]
    assert saved.description.startswith("As a shopper I want to save my card.\r\n\r\n## Acceptance criteria\r\n")
    assert saved.url == "https://github.com/acme/shop/issues/41"
    # "bug" names a kind (and stays a label); "Story Points: 2" matches "story points: {n}".
    assert (crash.kind, crash.status, crash.estimate, crash.labels) == ("bug", "done", 2, ["bug"])
    assert crash.acceptance == ["Given an empty cart, when I open checkout, then I see a hint"]
    assert (wallets.estimate, wallets.points_label, wallets.labels) == (3, "estimate/3", ["ux, mobile"])
    assert (wallets.description, wallets.acceptance, wallets.context) == ("", [], [])
    assert saved.known == {"title", "kind", "estimate", "tags", "status", "description", "acceptance"}


def test_a_field_left_out_of_the_json_is_not_known() -> None:
    (issue,) = read([{"number": 7, "title": "Only a title"}]).issues
    assert (issue.key, issue.known) == ("#7", {"title"})


@pytest.mark.parametrize(
    ("body", "criteria"),
    [
        ("**Acceptance criteria:**\n1. One\n2. Two\n**Out of scope**\n- Three", ["One", "Two"]),
        (
            "Intro\n\nAcceptance Criteria\n* Given a, when b, then c\n\n# Next\n- [ ] not this",
            ["Given a, when b, then c"],
        ),
        ("Tasks:\n- [ ] first\n- [X] second\n* [ ] third\n- plain item", ["first", "second", "third"]),
        ("No criteria here.", []),
    ],
)
def test_criteria_come_from_the_section_else_from_checklists(body: str, criteria: list[str]) -> None:
    assert body_criteria(body) == criteria


def test_point_label_patterns_are_a_setting() -> None:
    settings = Settings(github_point_labels=["SP {n}", "{n} pts"])
    issues = read(
        [{"number": 1, "title": "a", "labels": [{"name": "sp 8"}]}, {"number": 2, "title": "b", "labels": ["0.5 PTS"]}],
        settings,
    ).issues
    assert [(i.estimate, i.labels) for i in issues] == [(8, []), (0.5, [])]
    with pytest.raises(Exception, match=r"github_point_labels: 'points' should hold \{n\} once"):
        read([], Settings(github_point_labels=["points"]))


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (b"[{", "issues.json, line 1, column 3: is not JSON"),
        ({"number": 1}, "issues.json: should hold a list of issues"),
        ([{"title": "a"}], "issues.json, issue 1: has no issue number."),
        ([{"number": 1, "title": "a"}, {"number": 2, "title": " "}], "issues.json, issue 2 (#2): has no title."),
        (
            [{"number": 3, "title": "a", "url": "https://evil.example/$(x)"}],
            "its url 'https://evil.example/$(x)' is not",
        ),
        ([{"number": 3, "title": "a", "labels": "bug"}], "issue 1 (#3): its labels should be a list"),
        (
            [{"number": 4, "title": "a", "labels": [{"name": "points: 3"}, {"name": "estimate/5"}]}],
            "issue 1 (#4): has labels with different points: points: 3, estimate/5.",
        ),
        (
            [{"number": 5, "title": "a", "labels": [{"name": "bug"}, {"name": "spike"}]}],
            "has labels naming different kinds (bug, spike).",
        ),
        (
            [{"number": 6, "title": "a", "state": "MERGED"}],
            "status 'MERGED' (issue 1 (#6)) → add it under [tracker_statuses]",
        ),
        (b'[{"number": 7, "title": "a\\ud800"}]', "issue 1 (#7): holds text that is not valid Unicode"),
    ],
)
def test_a_broken_export_names_the_file_and_issue(entries: Any, message: str) -> None:
    with pytest.raises(ExportFileError) as raised:
        read(entries)
    assert message in str(raised.value)
    assert str(raised.value).endswith("Nothing was imported.")
