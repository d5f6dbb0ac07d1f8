"""The command line, run in-process: what each command prints, its exit code, what lands on disk."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ritual_tui.cli import build_parser
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.sprint import Sprint
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result, set_settings

Cli = Callable[..., Result]


def test_backlog_add_show_edit_and_status(cli: Cli, ws: Workspace) -> None:
    added = cli(
        "backlog",
        "add",
        "Pay by card",
        "--as-a",
        "shopper",
        "--i-want",
        "to pay by card",
        "--so-that",
        "I can check out",
        "-c",
        "Given a cart, When I pay, Then I get a receipt",
        "--estimate",
        "3",
        "--objective",
        "O-1",
        "--tag",
        "pay",
        "--ref",
        "SHOP-12",
        "--note",
        "secret",
    )
    assert (added.code, added.out) == (0, "Added B-1\n")
    shown = cli("backlog", "show", "B-1")
    assert "As a shopper, I want to pay by card, so that I can check out." in shown.out
    assert "  - Given a cart, When I pay, Then I get a receipt" in shown.out
    assert cli("backlog", "edit", "b-1", "--title", "Pay by card or wallet", "--estimate", "5").code == 0
    assert cli("backlog", "status", "B-1", "ready").out == "B-1 is now ready\n"
    item = ws.get(BacklogItem, "B-1")
    assert (item.title, item.estimate, item.status, item.external_ref, item.private_notes) == (
        "Pay by card or wallet",
        5,
        "ready",
        "SHOP-12",
        "secret",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["backlog", "add", "   "], "The title cannot be empty."),
        (
            ["backlog", "add", "x", "--estimate", "4"],
            "Estimate 4 is not on the scale (0, 1, 2, 3, 5, 8, 13, 20, 40, 100).",
        ),
        (["backlog", "add", "x", "--objective", "O-9"], "Unknown roadmap objective 'O-9': known objectives are O-1."),
        (["backlog", "show", "B-404"], "No backlog item 'B-404' in this workspace."),
        (
            ["escalate", "x", "--severity", "urgent"],
            "Unknown severity 'urgent': use one of low, medium, high, critical.",
        ),
        (["decision", "add", "x", "--item", "B-9"], "No backlog item 'B-9' in this workspace."),
        (["sprint", "add", "B-1"], "No sprint is under way; start one with `ritual sprint start --goal GOAL ITEM…`."),
    ],
)
def test_bad_data_exits_1_with_a_message_and_writes_nothing(
    cli: Cli, ws: Workspace, args: list[str], message: str
) -> None:
    result = cli(*args)
    assert (result.code, result.out) == (1, "")
    assert result.err == f"error: {message}\n"
    assert ws.files(BacklogItem) == [] and ws.files(Escalation) == []


@pytest.mark.parametrize("args", [["backlog", "status", "B-1", "finished"], ["frobnicate"], ["sprint", "start"]])
def test_usage_errors_exit_2(cli: Cli, args: list[str]) -> None:
    result = cli(*args)
    assert result.code == 2
    assert "usage:" in result.err


def test_lists_print_tables_and_json(cli: Cli) -> None:
    cli("backlog", "add", "First", "--estimate", "2")
    cli("backlog", "add", "Second", "--kind", "bug")
    table = cli("backlog", "list").out.splitlines()
    assert table[0].split() == ["ID", "KIND", "STATUS", "PTS", "OBJ", "TITLE"]
    assert table[1].split() == ["B-1", "story", "new", "2", "First"]
    assert table[2].split() == ["B-2", "bug", "new", "?", "Second"]
    listed = json.loads(cli("backlog", "list", "--json", "--kind", "bug").out)
    assert [i["id"] for i in listed] == ["B-2"]
    assert cli("backlog", "list", "--status", "done").out == "No backlog items match.\n"


def test_a_sprint_from_start_to_close(cli: Cli, ws: Workspace) -> None:
    for title, points in (("A", "3"), ("B", "5"), ("C", "2")):
        cli("backlog", "add", title, "--estimate", points)
    started = cli(
        "sprint", "start", "B-1", "B-2", "--goal", "Checkout works", "--objective", "O-1", "--start", "2026-11-16"
    )
    assert started.out == "Started S-1: 2 items committed\n"
    assert "does not meet the Definition of Ready" in started.err
    assert cli("sprint", "start", "B-3", "--goal", "again").err.startswith("error: A sprint is already under way")
    assert cli("sprint", "add", "B-3", "--reason", "urgent").out == "Added B-3 (to S-1)\n"
    assert cli("sprint", "remove", "B-2").out == "Removed B-2 (from S-1)\n"
    cli("backlog", "status", "B-1", "done")
    cli("backlog", "status", "B-3", "in-progress")
    # The frozen day, 26 Nov, is day 11 of 14: closing now takes --early.
    refused = cli("sprint", "close", "--goal-met", "yes")
    assert (refused.code, refused.out) == (1, "")
    assert "S-1 runs until 2026-11-29 (today is day 11 of 14): add --early" in refused.err
    closed = cli("sprint", "close", "--goal-met", "yes", "--early")
    assert closed.out.splitlines() == [
        "Closed S-1: goal met; 1 item (3 points) completed, 1 carried over",
        f"Wrote sprint-1-summary.md, sprint-1-summary.json, sprint-1-summary.html in {ws.root / 'summaries'}",
    ]
    sprint = ws.get(Sprint, "S-1")
    assert sprint.end.isoformat() == "2026-11-29"
    assert [c.estimate for c in sprint.commitment] == [3, 5]
    assert [(c.change, c.item, c.reason) for c in sprint.scope_changes] == [
        ("added", "B-3", "urgent"),
        ("removed", "B-2", ""),
    ]
    assert sprint.outcomes == {"B-1": "accepted", "B-3": "carried-over"}
    assert ws.get(BacklogItem, "B-3").status == "ready"
    assert sprint.capacity_days == 10 + 5


def test_decisions_are_logged_and_superseded(cli: Cli, ws: Workspace) -> None:
    added = cli("decision", "add", "Use Stripe", "--level", "strategic", "--context", "PSP")
    assert added.out == "Added D-1 (strategic, proposed)\n"
    assert ws.get(Decision, "D-1").status == "proposed"
    assert cli("decision", "add", "Use Adyen", "--supersedes", "D-1").out == "Added D-2 (operational, accepted)\n"
    old, new = ws.get(Decision, "D-1"), ws.get(Decision, "D-2")
    assert (old.status, old.superseded_by, new.supersedes, new.status) == ("superseded", "D-2", "D-1", "accepted")
    assert cli("decision", "supersede", "D-1", "D-2").err == "error: D-1 is already superseded by D-2.\n"
    rows = cli("decision", "list", "--level", "strategic").out.splitlines()
    assert len(rows) == 2 and rows[1].split()[:4] == ["D-1", "2026-11-26", "strategic", "superseded"]


def test_a_proposed_decision_is_accepted_or_rejected_by_who_decides(cli: Cli, ws: Workspace) -> None:
    cli("decision", "add", "Enter Spain", "--level", "strategic")
    cli("decision", "add", "Weekly demo", "--level", "strategic")
    assert cli("decision", "accept", "D-1", "--by", "Kim").out == "D-1 is now accepted (by Kim)\n"
    assert cli("decision", "reject", "D-2", "Not now").out == "D-2 is now rejected (by Product Manager)\n"
    again = cli("decision", "accept", "D-2")
    assert again.code == 1 and "only a proposed decision" in again.err
    assert ws.get(Decision, "D-2").consequences == "Rejected on 2026-11-26: Not now"


def test_check_names_values_the_settings_no_longer_list(cli: Cli, ws: Workspace) -> None:
    cli("escalate", "Vendor late", "--category", "dependency")
    assert cli("check").code == 0
    set_settings(ws.root, escalation_categories=["blocker", "question"], escalation_severity="P2")
    result = cli("check")
    assert result.code == 1
    assert "category 'dependency' of E-1 is not in workspace.toml's escalation_categories" in result.out
    assert "escalation_severity = 'P2' is not one of low, medium, high, critical" in result.out


def test_an_escalation_walks_its_lifecycle(cli: Cli, ws: Workspace) -> None:
    ws.add(Blocker(title="No test data"))
    raised = cli(
        "escalate",
        "Contract unsigned",
        "--category",
        "blocker",
        "--severity",
        "high",
        "--ask",
        "Sign by Friday?",
        "--blocker",
        "BL-1",
    )
    assert raised.out == "Raised E-1 (blocker, high)\n"
    assert ws.get(Blocker, "BL-1").escalation == "E-1"
    assert cli("escalation", "send", "E-1").out == "E-1 is now sent\n"
    assert cli("escalation", "answer", "E-1", "Signed today").out == "E-1 is now answered\n"
    assert cli("escalation", "resolve", "E-1", "Done").out == "E-1 is now resolved\n"
    refused = cli("escalation", "withdraw", "E-1")
    assert refused.code == 1 and "closed" in refused.err
    e = ws.get(Escalation, "E-1")
    assert (e.pm_answer, e.resolution, [h.status for h in e.history]) == (
        "Signed today",
        "Done",
        ["open", "sent", "answered", "resolved"],
    )
    shown = cli("escalation", "show", "E-1").out
    assert "\nPM answer   Signed today\n" in shown and shown.startswith("E-1 Contract unsigned\n")
    assert json.loads(cli("escalation", "list", "--json", "--open").out) == []


def test_check_is_clean_then_lists_each_damaged_file(cli: Cli, ws: Workspace) -> None:
    cli("backlog", "add", "x")
    assert cli("check").code == 0
    path = ws.files(BacklogItem)[0].path
    path.write_text("title = [\n")
    result = cli("check")
    assert result.code == 1
    assert f"problem: {path}, line 1: is not valid TOML" in result.out


def test_export_holds_every_record(cli: Cli) -> None:
    cli("backlog", "add", "x", "--note", "private thought")
    cli("decision", "add", "y")
    full = json.loads(cli("export", "--json").out)
    assert (full["schema_version"], full["settings"]["product"]) == (1, "Shop")
    assert [b["title"] for b in full["backlog"]] == ["x"]
    assert [d["title"] for d in full["decisions"]] == ["y"]
    assert full["backlog"][0]["private_notes"] == "private thought"
    shared = cli("export", "--json", "--shared").out
    assert "private thought" not in shared


def test_init_refuses_to_overwrite(cli: Cli) -> None:
    result = cli("init", "--name", "Other")
    assert result.code == 1 and "already a workspace" in result.err


def _commands(parser: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for action in getattr(parser, "_actions", []):
        choices = getattr(action, "choices", None)
        for name, sub in choices.items() if isinstance(choices, dict) else ():
            found += _commands(sub, (*prefix, name))
    return found


def test_every_command_has_help_and_version_works(cli: Cli) -> None:
    # Each command's parser is built in full only when it is the one named (its module imported then).
    named = _commands(build_parser())
    commands = sorted({command for argv in named for command in _commands(build_parser(argv))})
    assert ("escalation", "answer") in commands and ("sprint", "close") in commands and len(commands) > 25
    for command in commands:
        result = cli(*command, "--help")
        assert result.code == 0 and "usage: ritual" in result.out, command
    version = cli("--version")
    assert version.code == 0 and version.out.startswith("ritual-tui ")


def test_summary_writes_three_files_into_the_workspace(cli: Cli, ws: Workspace) -> None:
    cli("backlog", "add", "A", "--estimate", "3")
    cli("sprint", "start", "B-1", "--goal", "Pay", "--start", "2026-11-23")
    result = cli("summary")
    folder = ws.root / "summaries"
    assert result.out.splitlines() == [str(folder / f"sprint-1-summary.{ext}") for ext in ("md", "json", "html")]
    assert json.loads((folder / "sprint-1-summary.json").read_text())["delivery"]["committed_points"] == 3
    assert (folder / "sprint-1-summary.md").read_text().startswith("# Shop: sprint 1 summary")
    printed = cli("summary", "--stdout", "--format", "json")
    assert json.loads(printed.out)["sprint"]["goal"] == "Pay"
    assert cli("summary", "--sprint", "7").err == "error: No sprint '7' in this workspace.\n"
    assert cli("summary", "--stdout", "--format", "all").code == 2


def test_brief_lists_answers_received_since_the_last_brief(cli: Cli, ws: Workspace, tmp_path: Path) -> None:
    cli("escalate", "Budget", "--severity", "high", "--ask", "More?")
    cli("escalation", "answer", "E-1", "Yes")
    out = tmp_path / "out"
    (out).mkdir()
    (out / "brief-2026-11-20.md").write_text("an older brief")
    first = cli("brief", "--out", str(out), "--format", "json")
    # Named to the minute of the frozen clock (09:30), so a second brief the same day keeps the first.
    assert first.out == f"{out / 'brief-2026-11-26-0930.json'}\n"
    doc = json.loads((out / "brief-2026-11-26-0930.json").read_text())
    assert doc["since"] == "2026-11-20T00:00:00+01:00"  # a brief named by its day counts from its start
    assert [e["title"] for e in doc["answers_received"]] == ["Budget"]
    assert doc["open_escalations"] == []  # answered: it waits for the PO now, not for the PM


def test_brief_names_with_impossible_or_future_days_are_passed_over(cli: Cli, ws: Workspace) -> None:
    cli("escalate", "Budget", "--severity", "high")
    cli("escalation", "answer", "E-1", "Yes")  # answered today, 2026-11-26
    briefs = ws.root / "briefs"
    briefs.mkdir()
    for name in ("brief-2026-02-30.md", "brief-2027-01-01.md", "brief-2026-11-20.md", "brief-0001-01-01.md"):
        (briefs / name).write_text("written by hand")
    result = cli("brief", "--format", "json")
    assert (result.code, result.err) == (0, "")
    doc = json.loads((briefs / "brief-2026-11-26-0930.json").read_text())
    assert doc["since"].startswith("2026-11-20T00:00")  # a day-named brief counts from that day's start
    assert [e["title"] for e in doc["answers_received"]] == ["Budget"]


def test_blockers_topics_and_notes_are_listed_shown_and_reopened(cli: Cli, ws: Workspace) -> None:
    from ritual_tui.services.capture import Capture, capture
    from ritual_tui.services.sessions import open_session

    session = open_session(ws, "daily").session
    for entry in (Capture("blocker", "No VPN", by="Ada"), Capture("topic", "Sundays?"), Capture("note", "Tired")):
        capture(ws, session.id, entry)
    ws.update(Blocker, "BL-1", lambda b: (setattr(b, "status", "resolved"), setattr(b, "resolved", b.first_seen)))
    assert cli("blocker", "list").out.splitlines()[1].split()[:3] == ["BL-1", "resolved", "Ada"]
    assert cli("blocker", "reopen", "BL-1").out == "BL-1 is open again\n"
    again = cli("blocker", "reopen", "BL-1")
    assert (again.code, again.err) == (1, "error: BL-1 is open already.\n")
    assert [b["status"] for b in json.loads(cli("blocker", "list", "--json").out)] == ["open"]
    assert cli("topic", "list", "--status", "open").out.splitlines()[1].split()[:2] == ["P-1", "open"]
    assert "Raised by" not in cli("topic", "show", "P-1").out  # nobody had the floor: no line for it
    notes = cli("note", "list").out.splitlines()
    assert notes[1].split()[0] == "N-1" and " yes " in notes[1]  # private, shown in the PO's own terminal
    assert cli("note", "show", "N-1").out.startswith("N-1 Tired\nNote")


def test_the_forecast_carries_on_past_a_damaged_item(cli: Cli, ws: Workspace) -> None:
    cli("backlog", "add", "kept", "--estimate", "3")
    cli("backlog", "add", "damaged", "--estimate", "5")
    path = ws.get(BacklogItem, "B-2").stored_as
    assert path is not None
    path.write_text("title = [\n")
    result = cli("sprint", "forecast")
    assert result.code == 1  # something was left out, and the exit code says so
    assert f"left out: {path}" in result.err
    assert "15 person-days" in result.out  # Ada 10 + Bo at half time 5, as capacity shows


def test_a_new_item_is_ranked_below_items_moved_to_the_bottom(cli: Cli) -> None:
    for title in ("One", "Two", "Three"):
        cli("backlog", "add", title)
    assert cli("backlog", "rank", "B-1", "--bottom").code == 0  # ranked 4: below Three's 3
    assert cli("backlog", "rank", "B-2", "--bottom").code == 0  # ranked 5
    cli("backlog", "add", "Four")  # B-4: the next number is 4, yet it belongs last
    rows = cli("backlog", "list").out.splitlines()[1:]
    assert [r.split()[0] for r in rows] == ["B-3", "B-1", "B-2", "B-4"]
