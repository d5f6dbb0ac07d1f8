"""``ritual backlog export --jira|--github``: what refinement changed, in the files the trackers take."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result
from tests.unit.tracker.exports import GH_ISSUES, JIRA_CLOUD, edited_export

Cli = Callable[..., Result]


@pytest.fixture
def refined(cli: Cli) -> Cli:
    """The Jira fixture imported (SHOP-1 → B-1 … SHOP-17 → B-7), then refined here."""
    cli("import", "jira", str(JIRA_CLOUD))
    cli("backlog", "edit", "B-2", "--estimate", "8", "--tag", "card payments")  # SHOP-12
    cli("backlog", "edit", "B-3", "--title", 'Receipt shows "€0,00"')  # SHOP-13
    cli("backlog", "status", "B-4", "ready")  # SHOP-14
    cli("backlog", "edit", "B-6", "--note", "private: never leaves")  # SHOP-16: not a field written back
    return cli


def test_the_jira_csv_holds_the_changed_items_only(refined: Cli, tmp_path: Path) -> None:
    out = tmp_path / "changes.csv"
    result = refined("backlog", "export", "--jira", str(out))
    assert result.out == f"Wrote 3 items changed since their import to {out}\n"
    assert result.err == (
        "note: B-2: the tag 'card payments' cannot be a Jira label (labels hold no spaces); left out.\n"
    )
    # Status: unchanged items keep Jira's own word; B-4's "ready" is the first status mapped to it.
    assert out.read_bytes().decode("utf-8") == (
        "Issue key,Summary,Status,Story Points,Labels,Labels\r\n"
        "SHOP-12,Pay by card,In Progress,8,payments,checkout\r\n"
        'SHOP-13,"Receipt shows ""€0,00""",Done,2,email,\r\n'
        "SHOP-14,Upgrade the payment SDK,Selected for Development,,tech-debt,\r\n"
    )


def test_all_writes_every_imported_item_and_never_sprints_or_types_as_labels(refined: Cli, tmp_path: Path) -> None:
    refined("backlog", "add", "Made here, never imported")
    out = tmp_path / "all.csv"
    assert refined("backlog", "export", "--jira", str(out), "--all").out.startswith("Wrote 7 items imported to")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert [row[:4] for row in rows[1:]] == [
        ["SHOP-1", "Checkout without calling us", "To Do", ""],
        ["SHOP-12", "Pay by card", "In Progress", "8"],
        ["SHOP-13", 'Receipt shows "€0,00"', "Done", "2"],
        ["SHOP-14", "Upgrade the payment SDK", "Selected for Development", ""],
        ["SHOP-15", "Spike: wallets, Apple Pay & Google Pay", "Selected for Development", "3"],
        ["SHOP-16", "Write the card-token migration", "In Review", ""],
        ["SHOP-17", "Refunds from the order page", "Backlog", "4"],
    ]
    assert [row[4:] for row in rows] == [
        ["Labels", "Labels"],
        ["", ""],  # the epic's "Epic" tag is its type, not a label
        ["payments", "checkout"],  # its sprints are tags here, never labels
        ["email", ""],
        ["tech-debt", ""],
        ["payments", "wallets"],
        ["", ""],
        ["payments", ""],
    ]


def test_a_status_no_tracker_status_reads_as_stays_as_jira_has_it(cli: Cli, tmp_path: Path) -> None:
    cli("import", "jira", str(JIRA_CLOUD))
    cli("backlog", "status", "B-5", "refining")  # nothing in [tracker_statuses] maps to refining
    result = cli("backlog", "export", "--jira", str(tmp_path / "out.csv"))
    assert result.err == (
        "note: B-5: no status in [tracker_statuses] reads as 'refining'; "
        "its Jira status stays 'Selected for Development'.\n"
    )
    assert (
        'SHOP-15,"Spike: wallets, Apple Pay & Google Pay",Selected for Development,3'
        in (tmp_path / "out.csv").read_text()
    )


def test_once_jira_has_the_changes_they_are_not_written_again(refined: Cli, tmp_path: Path) -> None:
    def jira_took_them(rows: dict[str, list[str]]) -> None:
        rows["SHOP-12"][20] = "8"
        rows["SHOP-13"][0] = 'Receipt shows "€0,00"'

    imported = refined("import", "jira", str(edited_export(tmp_path, jira_took_them)))
    assert "  B-2     SHOP-12      no field changed here; Jira's values noted\n" in imported.out
    out = tmp_path / "again.csv"
    assert (
        refined("backlog", "export", "--jira", str(out)).out == f"Wrote 2 items changed since their import to {out}\n"
    )
    assert [row[0] for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8")))] == [
        "Issue key",
        "SHOP-12",
        "SHOP-14",
    ]
    # SHOP-12 is still there: the tag added here is not a label Jira has (it cannot be one).


@pytest.fixture
def gh_refined(cli: Cli, ws: Workspace) -> Cli:
    """The gh fixture imported (#41 → B-1, #42 → B-2, #43 → B-3), then refined here."""
    cli("import", "github", str(GH_ISSUES))
    cli("backlog", "edit", "B-1", "--estimate", "8")  # was "points: 5"
    cli("backlog", "status", "B-2", "in-progress")  # was closed
    cli("backlog", "edit", "B-3", "--tag", "later")
    cli("backlog", "status", "B-3", "dropped")
    cli("backlog", "add", "Made here")  # B-4: never imported, never written back
    return cli


def test_the_gh_script_applies_the_changes(gh_refined: Cli) -> None:
    result = gh_refined("backlog", "export", "--github")
    assert result.err == "3 items changed since their import.\n"
    assert result.out == (
        "#!/usr/bin/env bash\n"
        "# Changes made in ritual-tui, to write back to GitHub. Review them, then run: bash THIS-FILE\n"
        "# Every argument is quoted: titles and labels reach gh exactly as typed, never as shell.\n"
        "set -euo pipefail\n"
        "\n"
        "# B-1 (acme/shop#41)\n"
        "gh issue edit 41 --repo=acme/shop '--add-label=points: 8' '--remove-label=points: 5'\n"
        "\n"
        "# B-2 (acme/shop#42)\n"
        "gh issue reopen 42 --repo=acme/shop\n"
        "\n"
        "# B-3 (acme/shop#43)\n"
        "gh issue edit 43 --repo=acme/shop --add-label=later\n"
        "gh issue close 43 --repo=acme/shop '--reason=not planned'\n"
    )


def test_the_gh_changes_as_json(gh_refined: Cli) -> None:
    document = json.loads(gh_refined("backlog", "export", "--github", "--json").out)
    assert document == {
        "kind": "github-changes",
        "generated_on": "2026-11-26T09:30:00+01:00",
        "issues": [
            {
                "item": "B-1",
                "issue": "acme/shop#41",
                "repo": "acme/shop",
                "number": 41,
                "points": {"from": 5, "to": 8},
                "labels": {"add": ["points: 8"], "remove": ["points: 5"]},
            },
            {
                "item": "B-2",
                "issue": "acme/shop#42",
                "repo": "acme/shop",
                "number": 42,
                "state": {"to": "open", "status": "in-progress"},
            },
            {
                "item": "B-3",
                "issue": "acme/shop#43",
                "repo": "acme/shop",
                "number": 43,
                "labels": {"add": ["later"], "remove": []},
                "state": {"to": "closed", "status": "dropped"},
            },
        ],
    }


def test_the_gh_script_with_all_sets_every_title_and_label(gh_refined: Cli, tmp_path: Path) -> None:
    out = tmp_path / "all.sh"
    assert gh_refined("backlog", "export", "--github", str(out), "--all").out == f"Wrote 3 items imported to {out}\n"
    script = out.read_text(encoding="utf-8")
    # An unchanged point label is set as GitHub spells it; a label with a comma is quoted for gh.
    edit_42 = "gh issue edit 42 --repo=acme/shop '--title=Checkout crashes on an empty cart' --add-label=bug"
    assert f"{edit_42} '--add-label=Story Points: 2'\n" in script
    assert """'--add-label="ux, mobile"' --add-label=later --add-label=estimate/3\n""" in script


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jira", "-"], "Give the CSV a file name: ritual backlog export --jira changes.csv"),
        (["--jira", "x.csv", "--json"], "--json goes with --github; Jira takes a CSV file."),
    ],
)
def test_export_refuses_what_it_cannot_write(cli: Cli, args: list[str], message: str) -> None:
    assert cli("backlog", "export", *args).err == f"error: {message}\n"


def test_nothing_changed_writes_an_empty_change_list(cli: Cli, ws: Workspace, tmp_path: Path) -> None:
    cli("import", "jira", str(JIRA_CLOUD))
    out = tmp_path / "none.csv"
    assert cli("backlog", "export", "--jira", str(out)).out == f"Wrote 0 items changed since their import to {out}\n"
    assert out.read_text() == "Issue key,Summary,Status,Story Points,Labels\n"
    assert ws.get(BacklogItem, "B-1").tracker is not None


def test_a_status_github_cannot_hold_is_no_command(cli: Cli) -> None:
    cli("import", "github", str(GH_ISSUES))
    cli("backlog", "status", "B-1", "in-progress")  # open on GitHub either way
    result = cli("backlog", "export", "--github")
    assert result.err == "0 items changed since their import.\n"
    assert "gh issue" not in result.out
