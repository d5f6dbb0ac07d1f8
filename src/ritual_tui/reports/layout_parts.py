"""Pieces both reports draw the same way: points, escalation tables, related questions, the footer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ritual_tui.domain.rules import format_points
from ritual_tui.reports.blocks import Paragraph, Table, text


def points_cell(line: dict[str, Any]) -> str:
    """The points an item carried in the sprint, with today's (or the close's) estimate when it
    was re-estimated since: "3", "3 → 5", "– → 3" (entered unestimated, counted as zero)."""
    counted = "–" if line["unestimated"] else format_points(line["points"])
    now = line["estimate"]
    if now is None or (not line["unestimated"] and now == line["points"]):
        return counted
    return f"{counted} → {format_points(now)}"


def related_text(links: Sequence[dict[str, Any]]) -> str:
    """Linked questions in one line: "D-5 Offer no-show fees (decision, proposed)"."""
    described = []
    for r in links:
        if r["kind"] == "unknown":
            described.append(f"{r['id']} (not found)")
        else:
            described.append(f"{r['id']} {r['title']} ({', '.join(x for x in (r['kind'], r['status']) if x)})")
    return "; ".join(described)


def raised_table(rows: Sequence[dict[str, Any]], empty: str) -> Table:
    """Escalations with their severity, status and days waited on the report's day."""
    return Table(
        ["ID", "Severity", "Status", "Waited (days)", "Escalation"],
        [[e["id"], e["severity"], e["status"], e["age_days"], e["title"]] for e in rows],
        empty,
        (3,),
    )


def waiting_table(rows: Sequence[dict[str, Any]], empty: str) -> Table:
    """Escalations waiting for the PM: when a decision is needed, how long they waited, the ask."""
    return Table(
        ["ID", "Severity", "Needed by", "Waited (days)", "Escalation", "The ask"],
        [[e["id"], e["severity"], text(e["needed_by"]), e["age_days"], e["title"], text(e["ask"])] for e in rows],
        empty,
        (3,),
    )


def answers_table(rows: Sequence[dict[str, Any]], empty: str) -> Table:
    """Escalations the PM answered: the answer, its day, and where the escalation stands now."""
    return Table(
        ["ID", "Escalation", "Answered", "Status", "The PM's answer"],
        [[e["id"], e["title"], text(e["answered"]), e["status"], text(e["pm_answer"])] for e in rows],
        empty,
    )


def footer(doc: dict[str, Any]) -> Paragraph:
    """Who wrote the report and when; the PM's copy says where every figure is defined."""
    where = " Every figure is defined in ritual-tui's README, under Report files." if doc["audience"] == "pm" else ""
    return Paragraph([(f"{doc['generator']}, {doc['generated_on']}.{where}", "italic")])
