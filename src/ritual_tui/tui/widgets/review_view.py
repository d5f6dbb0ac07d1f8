"""What the review screen draws, as rows and lines: the run-sheet, one item's checks, the room, the
feedback, and progress toward the product goal. User text is made literal here (``tui.text``)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.delivery import scope_ledger
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.review import WORDS, closed_as, done_gaps
from ritual_tui.domain.roadmap import ProductProgress
from ritual_tui.domain.rules import format_points
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.table import CellValue, Row

#: How an outcome stands out in the run-sheet.
OUTCOME_STYLE = {"accepted": "bold green", "rejected": "bold red", "carried-over": "bold yellow"}
#: How a check's state is shown: text and style.
STATE_SHOWN = {"met": ("[✓]", "bold green"), "not-met": ("[✗]", "bold red"), "": ("[ ]", "dim")}
#: Outcomes as the run-sheet's narrow column says them.
OUTCOME_SHOWN = {"accepted": "accepted", "rejected": "rejected", "carried-over": "carried"}


def sheet_rows(sprint: Sprint, items: Sequence[BacklogItem]) -> list[Row]:
    """The run-sheet: id, the points it carries in the sprint ("?" entered unestimated), outcome so far,
    title."""
    ledger = scope_ledger(sprint)
    rows = []
    for item in items:
        outcome = sprint.outcomes.get(item.id, "")
        word = closed_as(outcome, sprint.sent_to(item.id))  # what the close made of an unfinished item
        shown: CellValue = (OUTCOME_SHOWN.get(word, word), OUTCOME_STYLE[outcome]) if outcome else ("–", "dim")
        carried = None if item.id in ledger.unestimated else ledger.points_of.get(item.id)
        rows.append(Row(item.id, [item.id, format_points(carried), shown, item.title]))
    return rows


def check_keys(item: BacklogItem, definition_of_done: Sequence[str]) -> list[tuple[str, str, str]]:
    """Each check of an item as (row key, kind, text): its criteria, then the Definition of Done."""
    keys = [(f"criterion:{n}", "criterion", c) for n, c in enumerate(item.acceptance)]
    return keys + [(f"done:{n}", "done", e) for n, e in enumerate(definition_of_done)]


def check_rows(sprint: Sprint, item: BacklogItem, definition_of_done: Sequence[str]) -> list[Row]:
    """One item's checks: state, then "AC1 …" for criteria and "DoD …" for the Definition of Done."""
    review = sprint.review_of(item.id)
    rows = []
    for key, kind, text in check_keys(item, definition_of_done):
        state = review.state(kind, text) if review else ""
        label = f"AC{int(key.split(':')[1]) + 1} {text}" if kind == "criterion" else f"DoD {text}"
        rows.append(Row(key, [STATE_SHOWN[state], label]))
    return rows


def item_line(sprint: Sprint, item: BacklogItem | None, definition_of_done: Sequence[str]) -> Content:
    """The item in view: id, title, status, and what still keeps it from being accepted."""
    if item is None:
        return Content("No item in this sprint.")
    review = sprint.review_of(item.id)
    dod_met = len([e for e in definition_of_done if review is not None and review.state("done", e) == "met"])
    states = [review.state("criterion", c) if review else "" for c in item.acceptance]
    unmet = states.count("not-met")
    whole = not done_gaps(review, item, list(definition_of_done))
    figures = f"DoD {dod_met}/{len(definition_of_done)} · criteria {states.count('met')}/{len(states)} met"
    return join(
        (f"{item.id} ", "bold"),
        f"{item.status} · ",
        (figures, "green" if whole else "yellow"),
        (f", {unmet} not met", "bold red") if unmet else "",
        "\n",
        literal(item.title, "italic"),
    )


def room_line(session: RitualSession, team: int) -> Content:
    """Who is in the room: the stakeholders by name and role, and how many of the team."""
    people = [join(literal(p.name, "bold"), literal(f" ({p.role})") if p.role else "") for p in session.stakeholders]
    shown = Content(", ").join(people) if people else Content.styled("no stakeholder yet (s adds one)", "dim")
    return join(f"In the room: team of {team} · ", shown)


def verdict_line(sprint: Sprint) -> Content:
    """The goal verdict so far."""
    verdict = sprint.verdict()
    if not verdict:
        return Content.styled("verdict: – (v)", "dim")
    style = {"met": "bold green", "partly": "bold yellow", "not-met": "bold red"}[verdict]
    return join("goal ", (WORDS[verdict], style), ": " if sprint.goal_reason else "", literal(sprint.goal_reason))


def feedback_rows(feedback: Sequence[Feedback]) -> list[Row]:
    """Feedback heard: id, who, about which item, what it became, what was said."""
    return [Row(f.id, [f.id, f.by or "the room", f.item or "general", _became(f), f.text]) for f in feedback]


def _became(feedback: Feedback) -> CellValue:
    # Short, for a narrow column: "B-43 item", "E-8 escalation", "noted", "open" (in bold: still to decide).
    if feedback.is_open:
        return ("open", "bold yellow")
    return f"{feedback.became} {feedback.became_kind}".strip()


def _sprints(span: tuple[float | int | None, float | int | None]) -> str:
    fewest, most = (("?" if n is None else format_points(round(n, 1))) for n in span)
    return (
        f"{fewest} sprint"
        if fewest == most == "1"
        else f"{fewest} sprints"
        if fewest == most
        else f"{fewest} to {most} sprints"
    )


def progress_lines(progress: ProductProgress | None, product_goal: str) -> Content:
    """Progress toward the product goal: each objective's done and left, the ready work, the next one."""
    if progress is None:
        return Content("")
    lines = [join("Product goal: ", literal(product_goal or "none set", "italic"))]
    speed = progress.speed
    lines.append(
        Content(
            f"Velocity {format_points(speed.low)} to {format_points(speed.high)} points a sprint "
            f"(last {speed.sprints} closed)"
            if speed
            else "No closed sprint yet: no velocity to forecast with."
        )
    )
    for o in progress.objectives:
        lines.append(
            join(
                (f"{o.id} ", "bold"),
                f"done {format_points(o.done_points)} pts ({o.done_items}) · left {format_points(o.left_points)} pts "
                f"({o.left_items}) · ",
                literal(o.title),
            )
        )
    lines.append(
        Content(
            f"Ready: {progress.ready_items} items, {format_points(progress.ready_points)} pts = "
            f"{_sprints(progress.ready_sprints)} of work"
        )
    )
    upcoming = progress.next_objective
    if upcoming is not None:
        unestimated = f", {upcoming.unestimated_left} not estimated" if upcoming.unestimated_left else ""
        lines.append(
            join(
                ("Next: ", "bold"),
                f"{upcoming.id} needs {_sprints(progress.next_sprints)} for its "
                f"{format_points(upcoming.left_points)} pts left{unestimated}",
            )
        )
    return Content("\n").join(lines)
