"""Planning poker in the refinement, driven by keys as the PO would: nothing shows before the reveal,
then every card, the figures and the suggestion; every round is kept on disk."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.session import RitualSession
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
from ritual_tui.tui.modals.recap import RecapScreen
from ritual_tui.tui.modals.votepad import VotePad
from tests.ui.conftest import screen_text, settle, text_of

#: The demo's team, in its order; the agenda opens on the two open topics, then B-18.
TEAM = ["Lena Fischer", "Tomás Ruiz", "Priya Natarajan", "Jonas Berg", "Mei Chen", "Samir Haddad"]
CARDS = ["3", "5", "8", "8", "13", "40"]


def todays_refinement(root: Any) -> RitualSession:
    (session,) = [
        s for s in Workspace.open(root).all(RitualSession) if s.ritual == "refinement" and str(s.date) == "2026-11-26"
    ]
    return session


async def take_up(pilot: Pilot[Any], entry: str) -> None:
    """Put the agenda's cursor on an entry and press Enter."""
    assert pilot.app.screen.query_one("#agenda").select_key(entry)
    await pilot.press("enter")
    await settle(pilot)


async def open_vote_pad(pilot: Pilot[Any], entry: str) -> None:
    """Once the refinement has opened, take up an entry and open the vote pad on it."""
    await settle(pilot)
    await take_up(pilot, entry)
    await pilot.press("v")
    await settle(pilot)


async def vote(pilot: Pilot[Any], cards: list[str]) -> None:
    """Open the vote pad and type each card in turn (the pad asks the next voter after each)."""
    await pilot.press("v")
    await settle(pilot)
    assert isinstance(pilot.app.screen, VotePad)
    for card in cards:
        await pilot.press(*card, "enter")
        await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


async def test_no_card_shows_before_the_reveal_then_all_at_once_with_the_figures(demo: Workspace) -> None:
    app = RitualApp(demo, "refinement", presenter=True)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_vote_pad(pilot, "B-18")
        for n, card in enumerate(CARDS[:3]):
            await pilot.press(*card, "enter")
            await settle(pilot)
            rows = [r.strip() for r in text_of(app.screen.query_one("#votepad-voters")).splitlines()]
            # Each row is "key name" and, once they voted, "✓ voted": never a card.
            assert rows == [f"{k + 1} {name}" + (" ✓ voted" if k <= n else "") for k, name in enumerate(TEAM)]
        await pilot.press("escape")
        await settle(pilot)
        voters = text_of(app.screen.query_one("#voters"))
        # Two voters a row, "✓" before those who voted, "·" before the others: never a card.
        assert voters.split("\n") == [
            "✓ Lena Fischer ✓ Tomás Ruiz",
            "✓ Priya Natarajan · Jonas Berg",
            "· Mei Chen · Samir Haddad",
        ]
        assert "Round 1: 3 of 6 voted" in screen_text(app)
        await vote(pilot, CARDS[3:])
        assert "Round 1: all 6 voted · r reveals" in screen_text(app)
        assert text_of(app.screen.query_one("#voters")).count("✓") == 6
        await pilot.press("r")
        await settle(pilot)
        voters = text_of(app.screen.query_one("#voters"))
        assert [row.split() for row in voters.split("\n")] == [
            ["3", "Lena", "Fischer", "5", "Tomás", "Ruiz"],
            ["8", "Priya", "Natarajan", "8", "Jonas", "Berg"],
            ["13", "Mei", "Chen", "40", "Samir", "Haddad"],
        ]
        shown = screen_text(app)
        # 3 5 8 8 13 40: the median is (8 + 8) / 2 = 8, a card; 8 holds 2 of the 6 votes = 33 %.
        assert "3 to 40 · 33 % agree · suggests 8" in shown
        assert "Explain: Lena Fischer (3) and Samir Haddad (40)" in shown
        await pilot.press("s")
        await settle(pilot)
        assert Workspace.open(demo.root).get(BacklogItem, "B-18").estimate == 8
        await pilot.press("a")  # re-vote: round 2, the first kept
        await settle(pilot)
        assert "Round 2: 0 of 6 voted" in screen_text(app)
        await vote(pilot, ["5"] * 6)
        await pilot.press("r")
        await settle(pilot)
        assert "All 5 · 100 % agree · suggests 5" in screen_text(app)
        assert "Round 1: 3 5 8 8 13 40 · 33 %" in screen_text(app)
        await pilot.press("s", "x", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RecapScreen)
        recap = screen_text(app)
        assert "B-18 Clinic onboarding checklist · refining · 3 → 5 pts" in recap
        assert "Round 1: 3 5 8 8 13 40 · 33 %" in recap and "Round 2: 5 5 5 5 5 5 · 100 %" in recap
    session = todays_refinement(demo.root)
    assert session.refinement is not None
    rounds = session.refinement.rounds_of("B-18")
    assert [r.votes for r in rounds] == [dict(zip(TEAM, CARDS, strict=True)), dict.fromkeys(TEAM, "5")]
    (refined,) = session.refinement.refined
    assert (refined.estimate_before, refined.estimate_after) == (3, 5)


async def test_a_card_typed_shows_the_same_mask_whatever_its_length(demo: Workspace) -> None:
    app = RitualApp(demo, "refinement", presenter=True)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_vote_pad(pilot, "B-18")
        card = app.screen.query_one("#votepad-card")

        def drawn() -> str:
            return card.render_line(0).text.rstrip()

        shown = []
        for typed in ("5", "100", "13"):
            await pilot.press(*typed)
            await pilot.pause()
            shown.append(drawn())
            await pilot.press(*["backspace"] * len(typed))
        assert shown[0] == shown[1] == shown[2] and "•" in shown[0], shown  # "100" and "5" look alike
        assert all(typed not in drawn for typed, drawn in zip(("5", "100", "13"), shown, strict=True))


async def test_a_card_off_the_deck_is_refused_and_nothing_is_saved(demo: Workspace) -> None:
    app = RitualApp(demo, "refinement")
    async with app.run_test(size=(100, 34)) as pilot:
        await open_vote_pad(pilot, "B-18")
        await pilot.press("2", "1", "enter")
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert "That card is not on the deck: 0 1 2 3 5 8 13 20 40 100 ? ☕" in messages
        assert not any("21" in message for message in messages)
        assert "Card for Lena Fischer" in screen_text(app)  # still her turn
    session = todays_refinement(demo.root)
    assert session.refinement is not None and session.refinement.rounds == []


async def test_votes_entered_survive_leaving_and_stay_hidden(demo: Workspace) -> None:
    app = RitualApp(demo, "refinement")
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await take_up(pilot, "B-18")
        await vote(pilot, ["8", "13"])
    # A new app, as after a crash: the same item is under discussion, two have voted, no card shows.
    app = RitualApp(Workspace.open(demo.root), "refinement")
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "B-18 · story" in shown and "Round 1: 2 of 6 voted" in shown
        assert text_of(app.screen.query_one("#voters")).split("\n")[0] == "✓ Lena Fischer ✓ Tomás Ruiz"
        await pilot.press("r")
        await settle(pilot)
        assert text_of(app.screen.query_one("#voters")).split("\n")[0].split() == [
            "8",
            "Lena",
            "Fischer",
            "13",
            "Tomás",
            "Ruiz",
        ]


async def test_keys_pressed_twice_act_once(demo: Workspace) -> None:
    app = RitualApp(demo, "refinement")
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await take_up(pilot, "B-18")
        await vote(pilot, ["5", "8"])
        await pilot.press("r", "r")  # the second finds the round revealed: nothing to do
        await settle(pilot)
        await pilot.press("a", "a")  # one re-vote, not two
        await settle(pilot)
        await vote(pilot, ["5"])
        await pilot.press("r", "s", "s")
        await settle(pilot)
        assert not [n for n in app._notifications if n.severity == "error"]
    session = todays_refinement(demo.root)
    assert session.refinement is not None
    assert [(r.number, r.votes) for r in session.refinement.rounds] == [
        (1, {"Lena Fischer": "5", "Tomás Ruiz": "8"}),
        (2, {"Lena Fischer": "5"}),
    ]
    assert Workspace.open(demo.root).get(BacklogItem, "B-18").estimate == 5


async def test_a_room_of_five_after_someone_leaves(demo: Workspace) -> None:
    app = RitualApp(demo, "refinement")
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        app.screen.query_one("#choices").select_key("Samir Haddad")
        await pilot.press("enter")  # Samir leaves: five vote
        await settle(pilot)
        await take_up(pilot, "B-18")
        await vote(pilot, ["1", "2", "3", "5", "8"])
        await pilot.press("r")
        await settle(pilot)
        rows = [row.split() for row in text_of(app.screen.query_one("#voters")).split("\n")]
        assert rows[-1] == ["8", "Mei", "Chen"]  # the fifth voter alone on the last row
        # 1 2 3 5 8: the median is 3, a card.
        assert "1 to 8 · 20 % agree · suggests 3" in screen_text(app)
    session = todays_refinement(demo.root)
    assert session.absent == ["Samir Haddad"] and session.refinement is not None
    assert "Samir Haddad" not in session.refinement.voters
