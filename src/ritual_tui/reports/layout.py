"""What the summary and the brief say, and in what order: blocks built from their documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ritual_tui.domain.review import WORDS
from ritual_tui.reports.blocks import Block, Chart, Heading, Paragraph, Table, text
from ritual_tui.reports.review import review_blocks


def _items(lines: Sequence[dict[str, Any]], empty: str) -> Table:
    return Table(
        ["Item", "Title", "Points", "Status", "Review outcome"],
        [[i["id"], i["title"], text(i["points"]), text(i["status"]), text(i["outcome"])] for i in lines],
        empty,
        (2,),
    )


def _escalations(rows: Sequence[dict[str, Any]], empty: str) -> Table:
    return Table(
        ["ID", "Severity", "Age (days)", "Status", "Escalation", "The ask"],
        [[e["id"], e["severity"], e["age_days"], e["status"], e["title"], text(e["ask"])] for e in rows],
        empty,
        (2,),
    )


def _answers(rows: Sequence[dict[str, Any]], empty: str) -> Table:
    return Table(
        ["ID", "Escalation", "Answered", "The PM's answer"],
        [[e["id"], e["title"], text(e["answered"]), e["pm_answer"]] for e in rows],
        empty,
    )


def summary_blocks(doc: dict[str, Any]) -> list[Block]:
    """The end-of-sprint summary."""
    s, d, v, r, esc = doc["sprint"], doc["delivery"], doc["velocity"], doc["readiness"], doc["escalations"]
    met = WORDS.get(s["goal_verdict"], "not decided yet")
    goal: list[tuple[str, str]] = [("Sprint goal: ", "bold"), (s["goal"] or "none set", "")]
    if s["goal_objective"]:
        goal.append((f" (serves {s['goal_objective']}: {s['goal_objective_title']})", ""))
    goal += [(". Goal ", ""), (met, "bold"), (".", "")]
    ready = (
        [(f"{r['sprints_of_ready_work']} sprints", "bold"), (" of ready work at the mean velocity.", "")]
        if r["sprints_of_ready_work"] is not None
        else [("no velocity yet to compare with.", "")]
    )
    return [
        Heading(1, f"{doc['product']}: sprint {s['number']} summary"),
        Paragraph([(f"{s['start']} to {s['end']} · {s['status']} · figures as of {doc['as_of']}", "italic")]),
        Paragraph(goal),
        Heading(2, "Delivery"),
        Table(
            ["", "Items", "Points"],
            [
                ["Committed at planning", d["committed_items"], d["committed_points"]],
                ["Completed", d["completed_items"], d["completed_points"]],
                ["Added after start", len(d["added"]), d["added_points"]],
                ["Removed after start", len(d["removed"]), d["removed_points"]],
                ["Carried over", len(d["carried_over"]), d["carried_over_points"]],
            ],
            numeric=(1, 2),
        ),
        Heading(3, "Items"),
        _items(d["items"], "No items."),
        Heading(3, "Carried over"),
        _items(d["carried_over"], "Nothing carried over."),
        Heading(2, "Velocity"),
        Paragraph(
            [
                (
                    f"Mean {text(v['mean'])} · min {text(v['min'])} · max {text(v['max'])} · last 3 sprints "
                    f"{text(v['last_3_mean'])} points, over every closed sprint.",
                    "",
                )
            ]
        ),
        Chart("velocity", v["by_sprint"]),
        Heading(2, "Burndown"),
        Chart("burndown", doc["burndown"]),
        Heading(2, "Decisions"),
        Table(
            ["ID", "Date", "Level", "Status", "Decision"],
            [[x["id"], text(x["date"]), x["level"], x["status"], x["title"]] for x in doc["decisions"]],
            "No decision recorded in this sprint.",
        ),
        Heading(2, "Escalations"),
        Heading(3, "Raised in this sprint"),
        _escalations(esc["raised"], "None raised."),
        Heading(3, "Still open"),
        _escalations(esc["still_open"], "None open."),
        Heading(3, "Answered by the PM in this sprint"),
        _answers(esc["answered"], "No answer received."),
        Heading(2, "Blockers"),
        Table(
            ["ID", "Blocker", "Owner", "First seen", "Resolved", "Lasted (days)"],
            [
                [
                    b["id"],
                    b["title"],
                    text(b["owner"]),
                    text(b["first_seen"]),
                    text(b["resolved"] or "open"),
                    b["lasted_days"],
                ]
                for b in doc["blockers"]
            ],
            "No blocker.",
            (5,),
        ),
        *review_blocks(doc),
        Heading(2, "Backlog readiness"),
        Paragraph([(f"{r['ready_items']} ready items, {r['ready_points']} points: ", ""), *ready]),
        Heading(2, "Delivery per roadmap objective"),
        Table(
            ["Objective", "Title", "Horizon", "Committed", "Completed items", "Completed points", "Done to date"],
            [
                [
                    o["id"],
                    o["title"],
                    text(o["horizon"]),
                    o["committed_points"],
                    o["completed_items"],
                    o["completed_points"],
                    o["done_to_date_points"],
                ]
                for o in doc["objectives"]
            ],
            "No roadmap objectives set.",
            (3, 4, 5, 6),
        ),
        Paragraph([(f"{doc['generator']}, {doc['generated_on']}. Every figure is defined in the README.", "italic")]),
    ]


def brief_blocks(doc: dict[str, Any]) -> list[Block]:
    """The PM brief."""
    since = f"since the last brief ({doc['since']})" if doc["since"] else "and not yet resolved"
    return [
        Heading(1, f"{doc['product']}: PM brief, {doc['generated_on']}"),
        Paragraph([("What needs you now, most urgent first.", "")]),
        Heading(2, "Open escalations"),
        _escalations(doc["open_escalations"], "Nothing waits for you."),
        Heading(2, "Strategic decisions waiting for you"),
        Table(
            ["ID", "Raised", "Decision", "Context"],
            [[x["id"], text(x["date"]), x["title"], text(x["context"])] for x in doc["strategic_decisions_waiting"]],
        ),
        Heading(2, f"Answers received {since}"),
        _answers(doc["answers_received"], "None."),
        Heading(2, f"Blockers open for {doc['aging_threshold_dailies']} dailies or more"),
        Table(
            ["ID", "Blocker", "Owner", "Dailies", "Open for (days)"],
            [[b["id"], b["title"], text(b["owner"]), b["dailies"], b["lasted_days"]] for b in doc["aging_blockers"]],
            numeric=(3, 4),
        ),
        Paragraph([(f"{doc['generator']}, {doc['generated_on']}.", "italic")]),
    ]
