"""How the forecast was computed, one key away: every past sprint committed vs completed, its
capacity, its velocity scaled to this sprint, and the method in a sentence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from ritual_tui.domain.forecast import Forecast, PastSprint
from ritual_tui.domain.rules import format_points
from ritual_tui.tui.modals.prompt import Once
from ritual_tui.tui.widgets.table import RecordTable, Row


class ForecastScreen(Once):
    """The forecast's workings, read-only; Escape or Enter closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,f,q", "close", "Close", tooltip="Close", priority=True),
    ]

    def __init__(self, past: Sequence[PastSprint], forecast: Forecast, chance: float | None) -> None:
        super().__init__()
        self.past, self.forecast, self.chance = past, forecast, chance

    def compose(self) -> ComposeResult:
        f = self.forecast
        with Vertical(id="forecast-detail", classes="form"):
            yield Label(Content.styled("How the forecast was computed", "bold"))
            if f.p50 is not None:
                chance = "–" if self.chance is None else f"{round(self.chance * 100)}%"
                yield Static(f"P50 {f.p50} points · P85 {f.p85} points · chance of the selection {chance}")
            yield Static(f.how)
            if f.caveat:
                yield Static(Content.styled(f.caveat, "italic"))
            yield RecordTable(
                "Sprint",
                "Committed",
                "Completed",
                "Person-days",
                "Scaled to now",
                empty="No closed sprint.",
                id="history",
            )
            yield Static("Escape or Enter closes.", classes="caption form-hint")

    def on_mount(self) -> None:
        used = {p.number: v for p, v in zip(self.forecast.history, self.forecast.scaled, strict=True)}
        rows = []
        for p in self.past:
            scaled = f"{used[p.number]:.1f}" if p.number in used else "left out: closed early"
            days = "?" if p.capacity_days is None else f"{p.capacity_days:g}"
            rows.append(
                Row(str(p.number), [p.number, format_points(p.committed), format_points(p.completed), days, scaled])
            )
        self.query_one(RecordTable).set_rows(rows)

    def action_close(self) -> None:
        self.answer(None)
