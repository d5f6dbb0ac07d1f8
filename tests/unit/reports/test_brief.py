"""The PM brief is decision-ready: each escalation says when a decision is needed, what is at stake,
the options and the PO's advice; what is new since the last brief is marked; the same question
asked twice is linked both ways; and the client's copy leaves out what is internal."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from ritual_tui.domain.escalation import Escalation
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result

NOW = "2026-11-26T09:30:00"


@pytest.fixture
def briefed(run_at: Callable[..., Result]) -> Callable[..., Result]:
    """D-1 (strategic, proposed) and E-1 ask the same question; a first brief on the 23rd; then E-2
    (internal) about B-1 of the running sprint and D-2, an operational decision, on the 24th."""
    run_at("2026-11-16T09:00:00", "backlog", "add", "Pay by card", "--estimate", "3", "--objective", "O-1")
    run_at("2026-11-16T09:00:00", "sprint", "start", "B-1", "--goal", "Pay", "--start", "2026-11-16")
    run_at("2026-11-20T09:00:00", "decision", "add", "No-show fees", "--level", "strategic", "--status", "proposed")
    run_at(
        "2026-11-20T10:00:00",
        "escalate",
        "Fees?",
        "--ask",
        "Do we charge for no-shows?",
        "--needed-by",
        "2026-11-25",
        "--impact",
        "O-2 roadmap",
        "--option",
        "Charge after two no-shows",
        "--option",
        "Wait for reminders",
        "--recommend",
        "Wait for reminders",
        "--related",
        "d-1",
    )
    run_at("2026-11-23T10:00:00", "brief")
    run_at("2026-11-24T10:00:00", "escalate", "Sender ID", "--severity", "high", "--item", "B-1", "--internal")
    run_at("2026-11-24T11:00:00", "decision", "add", "Split the card story")
    run_at("2026-11-25T09:00:00", "escalation", "edit", "E-2", "--needed-by", "2026-11-26", "--option", "File it")
    return run_at


def brief(run_at: Callable[..., Result], audience: str = "pm") -> dict:
    return json.loads(run_at(NOW, "brief", "--stdout", "--format", "json", "--audience", audience).out)


def test_each_escalation_carries_what_a_decision_needs(briefed: Callable[..., Result], ws: Workspace) -> None:
    doc = brief(briefed)
    assert doc["since"] == "2026-11-23T10:00:00+01:00"
    waiting = {e["id"]: e for e in doc["open_escalations"]}
    assert list(waiting) == ["E-2", "E-1"]  # high before medium
    fees, sender = waiting["E-1"], waiting["E-2"]
    assert (fees["needed_by"], fees["overdue"], fees["impact"], fees["recommendation"]) == (
        "2026-11-25",
        True,  # needed by the 25th, today is the 26th
        "O-2 roadmap",
        "Wait for reminders",
    )
    assert fees["options"] == ["Charge after two no-shows", "Wait for reminders"]
    assert (fees["new"], sender["new"]) == (False, True)  # E-1 was in the brief of the 23rd
    assert sender["concerns"] == {
        "item": "B-1",
        "item_title": "Pay by card",
        "sprint": 1,
        "objective": "O-1",
        "objective_title": "Checkout without calling us",
    }
    assert (sender["needed_by"], sender["overdue"], sender["options"]) == ("2026-11-26", False, ["File it"])
    assert ws.get(Escalation, "E-2").internal


def test_the_same_question_is_linked_both_ways(briefed: Callable[..., Result]) -> None:
    doc = brief(briefed)
    fees = next(e for e in doc["open_escalations"] if e["id"] == "E-1")
    assert fees["related"] == [{"id": "D-1", "kind": "decision", "title": "No-show fees", "status": "proposed"}]
    (waiting,) = doc["strategic_decisions_waiting"]
    assert (waiting["id"], waiting["related"]) == (
        "D-1",
        [{"id": "E-1", "kind": "escalation", "title": "Fees?", "status": "open"}],
    )
    md = briefed(NOW, "brief", "--stdout").out
    assert "**Same question as:** D-1 No-show fees (decision, proposed)" in md
    assert "| D-1 | 2026-11-20 | No-show fees | – | E-1 Fees? (escalation, open) |" in md


def test_what_is_new_answered_and_decided_since_the_last_brief(briefed: Callable[..., Result]) -> None:
    briefed("2026-11-25T10:00:00", "escalation", "answer", "E-1", "Wait")
    doc = brief(briefed)
    assert [(e["id"], e["status"], e["pm_answer"]) for e in doc["answers_received"]] == [("E-1", "answered", "Wait")]
    assert [e["id"] for e in doc["open_escalations"]] == ["E-2"]  # answered: no longer waits for the PM
    # Decisions carry a day: from the 23rd on, the operational ones the PO took.
    assert [(d["id"], d["title"]) for d in doc["decisions_taken"]] == [("D-2", "Split the card story")]
    md = briefed(NOW, "brief", "--stdout").out
    assert "## Answers received since the last brief (2026-11-23 10:00)" in md
    assert "| E-1 | Fees? | 2026-11-25 | answered | Wait |" in md
    assert "| E-2 (new) | 2026-11-26 | high | Sender ID |" in md
    assert "**Needed by:** 2026-11-26 (today)" in md
    assert doc["at_a_glance"] == [
        "1 escalation waits for your decision (1 new since the last brief); the first is needed by 2026-11-26.",
        "1 strategic decision proposed, waiting for you.",
        "1 answer of yours received since the last brief.",
        "1 operational decision taken by the PO, for your information.",
        "0 blockers open for 3 dailies or more.",
    ]


def test_the_client_copy_leaves_out_what_is_internal(briefed: Callable[..., Result], ws: Workspace) -> None:
    doc = brief(briefed, "client")
    assert doc["audience"] == "client"
    assert [e["id"] for e in doc["open_escalations"]] == ["E-1"]  # E-2 is internal
    assert doc["open_escalations"][0]["related"] == []  # D-1 is a strategic decision still proposed
    assert doc["strategic_decisions_waiting"] == []
    md = briefed(NOW, "brief", "--stdout", "--audience", "client").out
    assert "Sender ID" not in md and "No-show fees" not in md and "Strategic decisions" not in md
    assert "README" not in md
    written = briefed(NOW, "brief", "--audience", "client").out.split()
    assert [p.rsplit("/", 1)[-1] for p in written] == [
        f"brief-2026-11-26-0930-client.{x}" for x in ("md", "json", "html")
    ]
    # The client's copy counts since the client's last copy: none, although the PM had one.
    assert json.loads((ws.root / "briefs" / "brief-2026-11-26-0930-client.json").read_text())["since"] is None


def test_escalation_options_are_checked_and_shown(briefed: Callable[..., Result], cli: Callable[..., Result]) -> None:
    shown = [" ".join(line.split()) for line in cli("escalation", "show", "E-1").out.splitlines()]
    assert "Needed by 2026-11-25" in shown and "Impact O-2 roadmap" in shown
    assert shown[shown.index("Options:") + 1 :][:2] == ["- Charge after two no-shows", "- Wait for reminders"]
    assert "Recommended Wait for reminders" in shown and "Related D-1" in shown
    assert "Internal yes, kept out of reports for the client" in " ".join(cli("escalation", "show", "E-2").out.split())
    unknown = cli("escalation", "edit", "E-1", "--related", "D-9")
    assert (unknown.code, unknown.err) == (1, "error: No decision 'D-9' in this workspace.\n")
    itself = cli("escalation", "edit", "E-1", "--related", "E-1")
    assert (itself.code, itself.err) == (1, "error: E-1 cannot be related to itself.\n")
    assert cli("escalation", "edit", "E-2", "--no-internal", "--clear-options").code == 0
    assert "Internal" not in cli("escalation", "show", "E-2").out
    bad_date = cli("escalate", "X", "--needed-by", "next week")
    assert bad_date.code == 2 and "'next week' is not a date" in bad_date.err
