"""Planning poker on the shared screen: who has voted, and only after the reveal what they voted.

Before a round is revealed this panel is given nothing but the names of those who have voted: the
cards of a hidden round never reach a widget, so no key, resize or redraw can show one early.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ritual_tui.domain.poker import RoundFigures, round_figures
from ritual_tui.domain.refinement import VoteRound
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.table import CellValue, RecordTable, Row


def _names(names: Sequence[str]) -> Content:
    return literal(", ".join(names))


def round_line(round_: VoteRound, deck: Sequence[str]) -> str:
    """A revealed round in one line: "Round 1: 3 5 8 8 · 50 %"."""
    figures = round_figures(round_.votes, deck)
    return f"Round {round_.number}: {' '.join(round_.votes.values())} · {figures.consensus} %"


class PokerPanel(Vertical):
    """The votes of the item under discussion."""

    DEFAULT_CSS = """
    PokerPanel { height: auto; }
    PokerPanel #poker-state { text-style: bold; }
    PokerPanel.-everyone #poker-state { color: $success; }
    PokerPanel #voters { height: auto; max-height: 10; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="poker-state")
        voters = RecordTable("Voters", "", empty="Nobody votes: h says who is here.", id="voters")
        voters.can_focus = False
        yield voters
        yield Static(id="poker-figures")
        yield Static(id="poker-history", classes="caption")

    def show(self, voters: Sequence[str], rounds: Sequence[VoteRound], deck: Sequence[str], item: str) -> None:
        """Redraw for an item's rounds (oldest first) and the members voting now."""
        last = rounds[-1] if rounds else None
        revealed = last is not None and last.revealed is not None
        asked = list(dict.fromkeys([*(last.voters if last and revealed else voters)]))
        voted = set(last.votes) if last is not None else set()
        figures = round_figures(last.votes, deck) if last is not None and revealed else None
        cells: list[CellValue] = []
        for name in asked:
            if figures is not None and last is not None:
                outlier = name in figures.lowest_voters + figures.highest_voters
                # The card first: on a narrow screen a long name is cut, never the card.
                cells.append((f"{last.votes.get(name, '—'):>3} {name}", "bold yellow" if outlier else "bold"))
            else:
                cells.append((f"✓ {name}", "green") if name in voted else (f"· {name}", "dim"))
        # Two voters a row: a room of eight fits in four lines, leaving the story its room.
        if len(cells) % 2:
            cells.append("")  # an odd room: the last row's second cell is empty
        rows = [Row(str(n), list(cells[n : n + 2])) for n in range(0, len(cells), 2)]
        table = self.query_one("#voters", RecordTable)
        table.set_rows(rows)
        table.cursor = len(rows)  # no row is "selected" here: nothing underlined on the shared screen
        everyone = bool(asked) and not revealed and all(n in voted for n in asked)
        self.set_class(everyone, "-everyone")
        number = last.number if last else 1
        if not item:
            state = "Take up an item to estimate it"
        elif revealed:
            suggestion = figures.suggestion if figures and figures.suggestion else "the estimate"
            state = f"Round {number} · s sets {suggestion} · a re-votes"
        elif everyone:
            state = f"Round {number}: all {len(asked)} voted · r reveals"
        else:
            state = f"Round {number}: {len([n for n in asked if n in voted])} of {len(asked)} voted · v votes"
        self.query_one("#poker-state", Static).update(state)
        self.query_one("#poker-figures", Static).update(self._figures(figures) if figures else "")
        earlier = [round_line(r, deck) for r in rounds[:-1] if r.revealed is not None]
        self.query_one("#poker-history", Static).update("\n".join(earlier))

    @staticmethod
    def _figures(figures: RoundFigures) -> Content:
        if not figures.estimates:
            return Content("No estimate among the cards: talk, then a re-vote.")
        spread = (
            f"All {figures.lowest}" if figures.lowest == figures.highest else f"{figures.lowest} to {figures.highest}"
        )
        line = join(f"{spread} · {figures.consensus} % agree · suggests {figures.suggestion}")
        if figures.lowest_voters:
            line = join(
                line,
                "\nExplain: ",
                _names(figures.lowest_voters),
                f" ({figures.lowest}) and ",
                _names(figures.highest_voters),
                f" ({figures.highest})",
            )
        return line
