"""What the PM brief says, and in what order: each escalation with what a decision needs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ritual_tui.domain.rules import plural
from ritual_tui.reports.blocks import Block, Bullets, Heading, Paragraph, Run, Table, text
from ritual_tui.reports.layout_parts import answers_table, footer, related_text
from ritual_tui.reports.left_out import left_out_blocks


def _moment(value: datetime | str | None) -> str:
    """A moment as the PM reads it: 2026-11-24 09:30."""
    if value is None:
        return ""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return f"{moment:%Y-%m-%d %H:%M}"


def _needed_by(e: dict[str, Any], today: Any) -> str:
    if not e["needed_by"]:
        return "not set"
    days = (e["needed_by"] - today).days
    when = "overdue" if days < 0 else "today" if days == 0 else f"in {days} day{'s' if days > 1 else ''}"
    return f"{e['needed_by']} ({when})"


def _concerns(c: dict[str, Any]) -> str:
    if not c["item"]:
        return ""
    where = f", in sprint {c['sprint']}" if c["sprint"] else ", not in the running sprint"
    serves = f"; serves {c['objective']} {c['objective_title']}".rstrip() if c["objective"] else ""
    return f"{c['item']} {c['item_title']}".strip() + where + serves


def _escalation(e: dict[str, Any], today: Any) -> list[Block]:
    """One escalation, decision-ready: the ask, what is at stake, the options and the PO's advice."""
    status: list[Run] = [
        (e["severity"], "bold"),
        (f" · {e['category']} · {e['status']} · waiting {plural(e['age_days'], 'day')} · raised {e['raised']}", ""),
    ]
    if e["new"]:
        status.append((" · new since the last brief", "bold"))
    impact = e["impact"] or "not stated"
    concerns = _concerns(e["concerns"])
    blocks: list[Block] = [
        Heading(3, f"{e['id']}: {e['title']}"),
        Paragraph(status),
        Paragraph([("Needed by: ", "bold"), (_needed_by(e, today), "")]),
        Paragraph([("The ask: ", "bold"), (e["ask"] or "not written", "")]),
        Paragraph([("Impact: ", "bold"), (impact + (f" (item {concerns})" if concerns else ""), "")]),
    ]
    if e["options"]:
        blocks.append(Paragraph([("Options:", "bold")]))
        options = enumerate(e["options"], start=1)
        blocks.append(Bullets([[(f"Option {n}: ", "bold"), (option, "")] for n, option in options]))
    else:
        blocks.append(Paragraph([("Options: ", "bold"), ("none written", "")]))
    blocks.append(Paragraph([("The PO recommends: ", "bold"), (e["recommendation"] or "no recommendation yet", "")]))
    if e["related"]:
        blocks.append(Paragraph([("Same question as: ", "bold"), (related_text(e["related"]), "")]))
    return blocks


def brief_blocks(doc: dict[str, Any]) -> list[Block]:
    """The PM brief."""
    since = _moment(doc["since"])
    intro = (
        f"What needs you now, most urgent first; new since the last brief ({since}) is marked."
        if since
        else ("What needs you now, most urgent first. No earlier brief: this one lists everything still open.")
    )
    today = doc["generated_on"]
    waiting = doc["open_escalations"]
    blocks: list[Block] = [
        Heading(1, doc["title"]),
        Paragraph([(intro, "italic")]),
        *left_out_blocks(doc),
        Bullets([[(line, "")] for line in doc["at_a_glance"]]),
        Heading(2, "Escalations waiting for your decision"),
        Table(
            ["ID", "Needed by", "Severity", "Escalation"],
            [
                [e["id"] + (" (new)" if e["new"] else ""), text(e["needed_by"]), e["severity"], e["title"]]
                for e in waiting
            ],
            "Nothing waits for your decision.",
        ),
    ]
    for e in waiting:
        blocks += _escalation(e, today)
    if doc["audience"] == "pm":
        blocks += [
            Heading(2, "Strategic decisions waiting for you"),
            Table(
                ["ID", "Raised", "Decision", "Context", "Same question as"],
                [
                    [x["id"], text(x["date"]), x["title"], text(x["context"]), text(related_text(x["related"]))]
                    for x in doc["strategic_decisions_waiting"]
                ],
            ),
        ]
    answered = f"since the last brief ({since})" if since else "and not yet resolved"
    return [
        *blocks,
        Heading(2, f"Answers received {answered}"),
        answers_table(doc["answers_received"], "None."),
        Heading(2, "For your information: decisions the PO took" + (f" since {since}" if since else " lately")),
        Table(
            ["ID", "Date", "Ritual", "Decision"],
            [[x["id"], text(x["date"]), x["source"], x["title"]] for x in doc["decisions_taken"]],
        ),
        Heading(2, f"Blockers open for {doc['aging_threshold_dailies']} dailies or more"),
        Table(
            ["ID", "Blocker", "Owner", "Dailies", "Open for (days)"],
            [[b["id"], b["title"], text(b["owner"]), b["dailies"], b["days_open"]] for b in doc["aging_blockers"]],
            numeric=(3, 4),
        ),
        footer(doc),
    ]
