"""What the planning screen shows, built from its context: the goals, the next step, the team, the
forecast, and the backlog with its running total and cut lines. Pure functions of the plan, so that
a key press redraws from the plan as it now stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.content import Content

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.capacity import member_days
from ritual_tui.domain.forecast import Forecast
from ritual_tui.domain.planning import Selection, cut_after, flags, selection
from ritual_tui.domain.rules import format_points, plural
from ritual_tui.domain.settings import Settings
from ritual_tui.services.planning import PlanningContext
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.table import CellValue, Row

#: Keys of the rows that mark where the forecast runs out (never a record's id).
CUT = "cut:"


def percent(share: float | None) -> str:
    """A share as a whole percentage, or a dash when there is nothing to say."""
    return "–" if share is None else f"{round(share * 100)}%"


@dataclass(frozen=True)
class View:
    """The figures of the plan as it stands: computed once per change, shown in several places."""

    items: dict[str, BacklogItem]
    chosen: Selection
    forecast: Forecast
    chance: float | None


def view_of(context: PlanningContext, forecast: Forecast) -> View:
    """The plan's figures, from the context and the forecast for its capacity."""
    items = {i.id: i for i in context.candidates}
    chosen = selection(context.plan.selected, items, context.plan.goal_objective)
    return View(items, chosen, forecast, forecast.chance(chosen.points) if chosen.items else None)


def goal_lines(context: PlanningContext) -> Content:
    """The product goal pinned above the sprint goal and the objective it serves."""
    settings, plan = context.settings, context.plan
    product = join(("Product goal: ", "bold"), literal(settings.product_goal or "not set in workspace.toml"))
    if not plan.goal:
        return join(product, "\n", ("Sprint goal: ", "bold"), ("not set yet · g sets it", "italic"))
    objective = next((o for o in settings.objectives if o.id == plan.goal_objective), None)
    serves = join(" · serves ", literal(f"{objective.id} {objective.title}", "italic")) if objective else ""
    return join(product, "\n", ("Sprint goal: ", "bold"), literal(plan.goal, "bold"), serves)


def next_step(context: PlanningContext, today: date) -> str:
    """The one thing to do next, in the order the ritual goes."""
    plan, previous = context.plan, context.previous
    if plan.sprint:
        return f"Committed: {plan.sprint} has started; the plan is in plans/. x ends the planning."
    if previous is not None and previous.status == "active":
        day, total = previous.day_of(today)
        return f"Sprint {previous.number} is still open (day {day} of {total}): r reviews or closes it first."
    undecided = [i for i in context.unfinished if plan.close_out_of(i) is None]
    if undecided and previous is not None:
        left = plural(len(undecided), "item")
        return f"Sprint {previous.number} left {left} unfinished: u carries over, returns or drops each."
    if not plan.goal:
        return "Set the sprint goal: g (one sentence, tied to a roadmap objective)."
    if not plan.selected:
        return "Select items: s or Enter on a row. The cut lines show where the forecast runs out."
    if plan.confidence is None:
        return "Take the fist-of-five: v."
    return "Ready: c commits the sprint and writes the plan for stakeholders."


def sprint_title(context: PlanningContext) -> str:
    """ "Sprint 6 · 26 Nov–9 Dec · 53 person-days": the sprint being planned, its dates and capacity."""
    plan = context.plan
    number = plan.sprint or f"Sprint {context.previous.number + 1 if context.previous else 1}"
    if plan.start is None or plan.end is None:
        return number
    first = (
        f"{plan.start.day}"
        if (plan.start.month, plan.start.year) == (plan.end.month, plan.end.year)
        else f"{plan.start:%-d %b}"
    )
    return f"{number} · {first}–{plan.end:%-d %b} · {plan.capacity_days or 0:g} person-days"


def team_rows(context: PlanningContext) -> list[Row]:
    """One row per member: share of the day, person-days, days off."""
    plan = context.plan
    rows = []
    for m in plan.members:
        days = member_days(m, plan.start, plan.end) if plan.start and plan.end else 0.0
        off = ", ".join(f"{d:%-d %b}" for d in m.days_off) or "–"
        rows.append(Row(m.name, [m.name, f"{round(m.availability * 100)}%", f"{days:g}", off]))
    return rows


def forecast_text(context: PlanningContext, view: View) -> Content:
    """P50 and P85, the chance of the selection, the velocity history, and what to be wary of."""
    f = view.forecast
    if f.p50 is None:
        head = Content.styled("No forecast: no closed sprint to learn from.", "bold")
    else:
        head = join(
            ("P50 ", "bold"), (f" {f.p50} ", "bold reverse"), ("  P85 ", "bold"), (f" {f.p85} ", "bold reverse")
        )
        head = join(head, " points")
    chance = join("\nChance of the selection: ", (percent(view.chance), "bold"))
    runs = " ".join(f"S{p.number} {format_points(p.committed)}→{format_points(p.completed)}" for p in context.past[-4:])
    history = f"\nCommitted→completed: {runs}" if runs else ""
    caveat = Content.styled(f"\n{f.caveat}", "italic yellow") if f.caveat else Content("")
    return join(head, chance, history, caveat, ("\nf: how it was computed", "dim"))


def selection_line(context: PlanningContext, view: View) -> Content:
    """The running total against P50, P85 and capacity, the chance, and the goal's share."""
    f, chosen = view.forecast, view.chosen
    over = f.p85 is not None and chosen.points > f.p85
    total = (f"Selected {format_points(chosen.points)} pts", "bold red" if over else "bold")
    capacity = f"{context.plan.capacity_days or 0:g} person-days"
    limits = f" of P50 {f.p50} · P85 {f.p85} · {capacity}" if f.p50 is not None else f" · {capacity}"
    return join(
        total,
        limits,
        " │ chance ",
        (percent(view.chance), "bold"),
        f" │ goal {percent(chosen.goal_share if context.plan.goal_objective else None)}",
    )


#: How the flags of an item read in the narrow column of the backlog (the README explains them).
SHORT_FLAGS = {"not ready": "unready", "split": "split", "no objective": "no-obj"}


def _flags(item: BacklogItem, context: PlanningContext) -> str:
    found = [SHORT_FLAGS[f] for f in flags(item, context.settings)]
    if context.plan.goal_objective and item.objective == context.plan.goal_objective:
        found.append("goal")
    if item.id in context.unfinished:
        decided = context.plan.close_out_of(item.id)
        number = context.previous.number if context.previous else ""
        found.insert(0, f"S{number}→{decided.action}" if decided else f"S{number}: u")
    return " ".join(found)


def _cut_row(name: str, points: int | None, share: str) -> Row:
    text = f"── {name} {points} ──"
    return Row(
        f"{CUT}{name}", ["", "", "", "", (text, "bold yellow"), (f"above: done in {share} of outcomes", "italic")]
    )


def backlog_rows(context: PlanningContext, view: View, settings: Settings) -> list[Row]:
    """The candidates in order, a mark on the selected ones with their running total, and a cut line
    after the last selected item the forecast covers at P85 and at P50."""
    plan, f = context.plan, view.forecast
    order = [i.id for i in context.candidates]
    cuts: dict[str, list[Row]] = {}
    for name, limit, share in (("P85", f.p85, "85%"), ("P50", f.p50, "half")):
        if limit is not None:
            after = cut_after(order, plan.selected, view.items, limit)
            if after is not None:
                cuts.setdefault(after, []).append(_cut_row(name, limit, share))
    rows: list[Row] = cuts.get("", [])[:]
    total, chosen = 0.0, set(plan.selected)
    for item in context.candidates:
        mark: CellValue = ""
        running = ""
        if item.id in chosen:
            total += item.estimate or 0
            mark, running = ("✓", "bold green"), format_points(total)
        title = item.title if item.status == "ready" else f"{item.title} ({item.status})"
        rows.append(Row(item.id, [mark, item.id, format_points(item.estimate), running, _flags(item, context), title]))
        rows += cuts.get(item.id, [])
    if context.more:
        more = f"{context.more} more items, ranked after these: the backlog view (b from home) lists them all"
        rows.append(Row(f"{CUT}more", ["", "", "", "", "", (more, "italic")]))
    return rows
