"""The review's part of the end-of-sprint summary: each item's outcome (a rejected one with its
unmet criteria), the Definition of Done result, the verdict on the goal with its reason, the
stakeholders who were there; drawn with the feedback heard and what it became."""

from __future__ import annotations

from typing import Any

from ritual_tui.domain.feedback import BECOMES_WORDS
from ritual_tui.domain.review import WORDS, ItemReview, closed_as
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.reports.blocks import Block, Heading, Paragraph, Table, text
from ritual_tui.store.workspace import Workspace


def _dod(review: ItemReview | None, entries: list[str]) -> tuple[str, list[str]]:
    """The Definition of Done result of one item: met, missed (and what) or not checked."""
    if review is None or not (review.done_met or review.missed):
        return "not checked", []
    missed = [e for e in entries if e not in review.done_met]
    return ("missed" if missed else "met"), missed


def _outcome(line: dict[str, Any], sprint: Sprint, entries: list[str]) -> dict[str, Any]:
    review = sprint.review_of(line["id"])
    dod, missed = _dod(review, entries)
    close_out = sprint.close_out_of(line["id"])
    return line | {
        "criteria_unmet": list(review.criteria_unmet) if review else [],
        "reason": review.reason if review else "",
        "dod": dod,
        "dod_missed": missed,
        "override": review.override if review else "",
        "next": close_out.action if close_out else "",
        "next_reason": close_out.reason if close_out else "",
    }


def review_part(ws: Workspace, sprint: Sprint, outcome_lines: list[dict[str, Any]]) -> dict[str, Any]:
    """The summary's ``review`` section; ``outcome_lines`` are the items with an outcome, as the
    summary describes items. (The feedback heard is the summary's ``feedback``.)"""
    entries = list(ws.settings.definition_of_done)
    outcomes = [_outcome(line, sprint, entries) for line in outcome_lines]
    reviews = ws.all(RitualSession, where=lambda s: s.ritual == "review")
    people: dict[str, dict[str, str]] = {}
    for session in (s for s in reviews if s.sprint == sprint.id):
        for person in session.stakeholders:
            people.setdefault(person.name.casefold(), {"name": person.name, "role": person.role})
    checked = [o for o in outcomes if o["dod"] != "not checked"]
    return {
        "goal_verdict": sprint.verdict(),
        "goal_reason": sprint.goal_reason,
        "stakeholders": list(people.values()),
        "outcomes": outcomes,
        "definition_of_done": {
            "entries": entries,
            "items_checked": len(checked),
            "items_meeting_it": len([o for o in checked if o["dod"] == "met"]),
            "accepted_with_override": len([o for o in outcomes if o["override"]]),
        },
    }


def outcome_shown(item: dict[str, Any]) -> str:
    """An item line's outcome as a table says it (see :func:`closed_as`)."""
    return closed_as(str(item["outcome"]), str(item["close_out"]))


def _notes(o: dict[str, Any]) -> str:
    notes = [f"criterion not met: {c}" for c in o["criteria_unmet"]]
    notes += [f"why: {o['reason'].rstrip('.')}"] if o["reason"] else []
    notes += [f"DoD missed: {', '.join(o['dod_missed'])}"] if o["dod_missed"] else []
    notes += [f"accepted with an override: {o['override'].rstrip('.')}"] if o["override"] else []
    notes += [f"{WORDS[o['next']]}: {o['next_reason']}" if o["next_reason"] else WORDS[o["next"]]] if o["next"] else []
    return "; ".join(notes)


def _became(f: dict[str, Any]) -> str:
    words = BECOMES_WORDS[f["turned_into"]]
    return f"{f['became']} ({words})" if f["became"] else words


def review_blocks(doc: dict[str, Any]) -> list[Block]:
    """The review's section of the summary."""
    r = doc["review"]
    dod = r["definition_of_done"]
    verdict = WORDS.get(r["goal_verdict"], "not given yet")
    people = ", ".join(f"{p['name']} ({p['role']})" if p["role"] else p["name"] for p in r["stakeholders"])
    override = f"; {dod['accepted_with_override']} accepted with an override" if dod["accepted_with_override"] else ""
    return [
        Heading(2, "Review"),
        Paragraph(
            [("Goal verdict: ", ""), (verdict, "bold"), (f". {r['goal_reason']}" if r["goal_reason"] else "", "")]
        ),
        Paragraph([("Stakeholders present: ", ""), (people or "none recorded", "")]),
        Heading(3, "Outcomes"),
        Table(
            ["Item", "Title", "Points", "Outcome", "Definition of Done", "Notes"],
            [
                [o["id"], o["title"], text(o["points"]), outcome_shown(o), o["dod"], text(_notes(o))]
                for o in r["outcomes"]
            ],
            "No outcome recorded yet.",
            (2,),
        ),
        Paragraph(
            [
                (
                    f"Definition of Done: met by {dod['items_meeting_it']} of the {dod['items_checked']} items "
                    f"checked{override}.",
                    "",
                )
            ]
        ),
        Heading(3, "Feedback"),
        Table(
            ["ID", "Item", "Feedback", "From", "Became"],
            [[f["id"], text(f["item"]), f["text"], text(f["by"]), _became(f)] for f in doc["feedback"]],
            "No stakeholder feedback recorded.",
        ),
    ]
