"""What the end-of-sprint summary says, and in what order: blocks built from its document."""

from __future__ import annotations

from typing import Any

from ritual_tui.domain.review import WORDS
from ritual_tui.domain.rules import format_points
from ritual_tui.reports.blocks import Block, Bullets, Chart, Heading, Paragraph, Run, Table, text
from ritual_tui.reports.layout_parts import answers_table, footer, points_cell, raised_table, waiting_table
from ritual_tui.reports.left_out import left_out_blocks
from ritual_tui.reports.refinement import refinement_blocks
from ritual_tui.reports.review import outcome_shown, review_blocks


def _period(doc: dict[str, Any]) -> str:
    s = doc["sprint"]
    if s["status"] == "closed":
        closed = f"closed on {s['closed_on']}" if s["closed_on"] else "closed"
        return f"{s['start']} to {s['end']} · {closed} · figures as of {doc['as_of']}, its last day"
    return f"{s['start']} to {s['end']} · running, day {s['day']} of {s['days']} · figures as of {doc['as_of']}"


def _goal(s: dict[str, Any]) -> list[Run]:
    runs: list[Run] = [("Sprint goal: ", "bold"), (s["goal"] or "none set", "")]
    if s["goal_objective"]:
        runs.append((f" (serves {s['goal_objective']}: {s['goal_objective_title']})", ""))
    if s["status"] != "closed":
        return [*runs, (". Whether it is met is decided at the review.", "")]
    verdict = WORDS.get(s["goal_verdict"], "not recorded")
    runs += [(". Goal ", ""), (verdict, "bold"), (" when it closed", "")]
    return [*runs, (f": {s['goal_reason']}", "") if s["goal_reason"] else (".", "")]


def _plan(s: dict[str, Any], d: dict[str, Any]) -> list[Run]:
    capacity = f"{text(s['capacity_days'])} person-days" if s["capacity_days"] is not None else "not recorded"
    forecast = f"{format_points(s['forecast_points'])} points" if s["forecast_points"] is not None else "none made"
    share = f" ({s['committed_of_forecast_percent']}% of the forecast)" if s["committed_of_forecast_percent"] else ""
    committed = f"committed {format_points(d['committed_points'])} points{share}"
    runs: list[Run] = [("Planning: ", "bold"), (f"capacity {capacity} · forecast {forecast} · {committed}", "")]
    return [*runs, (" · over-committed", "bold")] if s["over_forecast"] else runs


def _delivery(doc: dict[str, Any]) -> Table:
    d, closed = doc["delivery"], doc["sprint"]["status"] == "closed"
    rows: list[list[object]] = [
        ["Committed at planning", d["committed_items"], d["committed_points"]],
        ["Added after the start", d["added_items"], d["added_points"]],
        ["Removed after the start", d["removed_items"], d["removed_points"]],
        ["Completed", d["completed_items"], d["completed_points"]],
    ]
    if closed:
        rows += [
            ["Rejected at the review", d["rejected_items"], d["rejected_points"]],
            ["Carried over", d["carried_over_items"], d["carried_over_points"]],
        ]
        rows += [
            [label, d[f"{key}_items"], d[f"{key}_points"]]
            for label, key in (("Returned to the backlog", "returned"), ("Dropped", "dropped"))
            if d[f"{key}_items"]  # rare: a row only when the close sent an item there
        ]
    else:
        rows += [
            ["Still to do", d["still_to_do_items"], d["still_to_do_points"]],
            ["Rejected, carried over", "at the close", "at the close"],
        ]
    return Table(["", "Items", "Points"], rows, numeric=(1, 2))


def _in_sprint(item: dict[str, Any], changes: list[dict[str, Any]]) -> str:
    steps = ["committed"] if item["committed"] else []
    steps += [f"{c['change']} {c['day']}" for c in changes if c["item"] == item["id"]]
    return ", ".join(steps)


def _items(d: dict[str, Any]) -> Table:
    return Table(
        ["Item", "Title", "In the sprint", "Points", "Status", "Outcome"],
        [
            [
                i["id"],
                i["title"],
                _in_sprint(i, d["scope_changes"]),
                points_cell(i),
                text(i["status"]),
                text(outcome_shown(i)),
            ]
            for i in d["items"]
        ],
        "No items.",
        (3,),
    )


def _readiness(doc: dict[str, Any]) -> Paragraph:
    r = doc["readiness"]
    if not r["recorded"]:
        return Paragraph([("Not recorded: this sprint closed before ritual-tui kept the backlog as it was then.", "")])
    when = "at the close" if doc["sprint"]["status"] == "closed" else "today"
    ratio: list[Run] = [("no velocity yet to compare with.", "")]
    if r["sprints_of_ready_work"] is not None:
        ratio = [
            (f"{r['sprints_of_ready_work']:.1f} sprints", "bold"),
            (f" of ready work at the mean velocity of {r['mean_velocity']} points.", ""),
        ]
    return Paragraph([(f"{r['ready_items']} ready items, {r['ready_points']} points {when}: ", ""), *ratio])


def _objectives(doc: dict[str, Any]) -> Table:
    o = doc["objectives"]

    def name(row: dict[str, Any]) -> str:
        horizon = f" ({row['horizon']})" if row["horizon"] else ""
        return f"{row['id'] or '(none)'} {row['title']}{horizon}".strip()

    columns = ("committed_points", "completed_items", "completed_points", "done_to_date_points", "left_points")
    rows = [[name(r), *(text(r[c]) for c in columns)] for r in o["rows"]]
    rows.append(["Total", *(text(o["totals"][c]) for c in columns)])
    headers = ["Objective", "Committed", "Completed items", "Completed points", "Done to date", "Left in the backlog"]
    return Table(headers, rows, "No roadmap objectives set.", (1, 2, 3, 4, 5))


def summary_blocks(doc: dict[str, Any]) -> list[Block]:
    """The end-of-sprint summary."""
    s, d, v, esc = doc["sprint"], doc["delivery"], doc["velocity"], doc["escalations"]
    as_of = doc["as_of"]
    trend = (
        f"Completed points of the {v['sprints']} sprints closed by then: mean {text(v['mean'])} · min {text(v['min'])}"
        f" · max {text(v['max'])} · last 3 {text(v['last_3_mean'])}."
        if v["sprints"]
        else "No sprint closed by then, so no velocity yet."
    )
    return [
        Heading(1, doc["title"]),
        Paragraph([(_period(doc), "italic")]),
        *left_out_blocks(doc),
        Bullets([[(line, "")] for line in doc["headline"]]),
        Paragraph(_goal(s)),
        Paragraph(_plan(s, d)),
        Heading(2, "Delivery"),
        _delivery(doc),
        Heading(3, "Scope changed after the start"),
        Table(
            ["Day", "Change", "Item", "Title", "Points", "Reason"],
            [
                [c["day"], c["change"], c["item"], text(c["title"]), c["points"], text(c["reason"])]
                for c in d["scope_changes"]
            ],
            "No item added or removed after the start.",
            (4,),
        ),
        Heading(3, "Items"),
        _items(d),
        Heading(2, "Velocity"),
        Paragraph([(trend, "")]),
        Chart("velocity", v["by_sprint"]),
        Heading(2, "Burndown"),
        Chart(
            "burndown",
            doc["burndown"],
            today=None if s["status"] == "closed" else as_of,
            start=float(d["committed_points"] or 0),
        ),
        Heading(2, "Decisions"),
        Table(
            ["ID", "Date", "Ritual", "Level", "Status", "Decision"],
            [[x["id"], text(x["date"]), x["source"], x["level"], x["status"], x["title"]] for x in doc["decisions"]],
            "No decision recorded in this sprint.",
        ),
        Heading(2, "Escalations"),
        Heading(3, "Raised in this sprint"),
        raised_table(esc["raised"], "None raised."),
        Heading(3, f"Waiting for the PM on {as_of}"),
        waiting_table(esc["waiting_for_pm"], "None waiting."),
        Heading(3, f"Answered, not yet resolved on {as_of}"),
        answers_table(esc["answered_not_resolved"], "None."),
        Heading(3, "Answered by the PM in this sprint"),
        answers_table(esc["answered_in_sprint"], "No answer received."),
        Heading(2, "Blockers"),
        Table(
            ["ID", "Blocker", "Owner", "Item", "First seen", f"On {as_of}", "Days open", "Dailies"],
            [
                [
                    b["id"],
                    b["title"],
                    text(b["owner"]),
                    text(b["item"]),
                    text(b["first_seen"]),
                    f"resolved {b['resolved']}" if b["resolved"] else b["status"],
                    b["days_open"],
                    b["dailies"],
                ]
                for b in doc["blockers"]
            ],
            "No blocker.",
            (6, 7),
        ),
        *review_blocks(doc),
        Heading(2, "Backlog readiness"),
        _readiness(doc),
        *refinement_blocks(doc),
        Heading(2, "Delivery per roadmap objective"),
        _objectives(doc),
        footer(doc),
    ]
