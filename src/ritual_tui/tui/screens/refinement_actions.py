"""The refinement screen's keys: agenda order, the story editor, the Definition of
Ready, splitting, ranking and closing topics. Each write runs in the order its key was pressed, and
an action still under way is not started twice by a second press."""

from __future__ import annotations

from textual.content import Content

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Topic
from ritual_tui.domain.rules import format_points
from ritual_tui.domain.session import RitualSession
from ritual_tui.services import ranking, readiness, refinement, splitting, topics
from ritual_tui.services.backlog import ItemChanges
from ritual_tui.services.refinement_log import save_story
from ritual_tui.tui.modals.checklist import ReadyChecklist
from ritual_tui.tui.modals.choose import ChooseRecord
from ritual_tui.tui.modals.prompt import TextPrompt
from ritual_tui.tui.modals.split import SplitForm
from ritual_tui.tui.modals.story_editor import StoryEditor
from ritual_tui.tui.screens.refinement_poker import PokerActions
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.table import RecordTable, Row

OUTCOMES = [
    ("item", "A new backlog item"),
    ("decision", "A decision"),
    ("escalation", "An escalation for the PM"),
    ("dropped", "Dropped"),
]


class RefinementActions(PokerActions):
    """The agenda, story, readiness, split, rank and topic keys, mixed into the refinement screen."""

    # -- the agenda ------------------------------------------------------------------------------

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        if event.table.id == "agenda":
            event.stop()
            self.action_discuss()

    def on_record_table_moved(self, event: RecordTable.Moved) -> None:
        self.refresh_bindings()

    def action_discuss(self) -> None:
        entry = self._cursor()
        if not entry or self.clock is None or self.context is None:
            return
        self.clock.discuss(entry)  # type: ignore[attr-defined]
        seconds = {e: round(s) for e, s in self.clock.spent.items()}  # type: ignore[attr-defined]
        self.context.refinement.current = entry  # shown at once; the write confirms it
        self.show_all()  # type: ignore[attr-defined]
        self.tick()
        self._session_write("discuss", lambda sid: refinement.discuss(self.ws, sid, entry, seconds))

    def action_skip(self) -> None:
        entry = self._cursor()
        if entry:
            self._session_write("skip", lambda sid: refinement.skip(self.ws, sid, entry))

    def action_agenda(self, step: int) -> None:
        entry = self._cursor()
        if entry:
            self._session_write("agenda", lambda sid: refinement.move_on_agenda(self.ws, sid, entry, step))

    def action_add_item(self) -> None:
        if self.context is None:
            return
        on_agenda = set(self.context.refinement.agenda)

        def choose(items: list[BacklogItem]) -> None:
            rows = [
                Row(i.id, [i.id, i.status, format_points(i.estimate), i.title]) for i in items if i.id not in on_agenda
            ]
            self.app.push_screen(
                ChooseRecord(Content("Which item goes on the agenda?"), ["ID", "Status", "Pts", "Title"], rows), chosen
            )

        def chosen(item_id: object) -> None:
            if isinstance(item_id, str):
                self._session_write("add_item", lambda sid: refinement.add_to_agenda(self.ws, sid, item_id))
                self.load(lambda: self._reread(), lambda _: self.show_all())  # type: ignore[attr-defined]

        self.load(lambda: [i for i in ranking.ranked(self.ws) if i.status not in ("done", "dropped")], choose)

    def _reread(self) -> None:
        assert self.context is not None
        refinement.read_agenda(self.ws, self.context)

    def action_presence(self) -> None:
        if self.context is None:
            return
        session = self.context.session
        team = list(dict.fromkeys([*session.attendees, *session.absent]))
        rows = [Row(name, [name, "absent" if name in session.absent else "present"]) for name in team]

        def chosen(name: object) -> None:
            if isinstance(name, str) and self.context is not None:
                present = name in self.context.session.absent
                self._session_write("presence", lambda sid: refinement.set_present(self.ws, sid, name, present))

        self.app.push_screen(
            ChooseRecord(Content("Who arrived or left? (Enter switches)"), ["Member", "Now"], rows), chosen
        )

    def action_rank(self, move: str) -> None:
        entry = self._cursor()
        if not entry or self.context is None or entry not in self.context.items:
            return

        def moved(result: ranking.Moved) -> None:
            assert self.context is not None
            self.context.items[result.item.id] = result.item
            self.notify(f"{result.item.id} moved {move} in the backlog", markup=False, timeout=2)

        self._act("rank", lambda: ranking.move_item(self.ws, entry, move), moved)

    # -- the story and its readiness -------------------------------------------------------------

    def action_edit(self) -> None:
        if self.context is None or not self._taken_item():
            return
        item = self.context.items[self._taken_item()]

        def save(changes: ItemChanges, close: bool) -> None:
            self._item_write("edit_save", lambda item_id, sid: save_story(self.ws, item_id, changes, sid))

        self.app.push_screen(StoryEditor(item, self.context.settings, self.presenter, save))

    def action_checklist(self) -> None:
        if self.context is None or not self._taken_item():
            return
        item = self.context.items[self._taken_item()]

        def tick(line: str) -> None:
            self._item_write("tick", lambda item_id, sid: readiness.tick(self.ws, item_id, line, sid))

        title = join(f"Definition of Ready · {item.id} ", literal(item.title, "italic"))
        self.app.push_screen(ReadyChecklist(title, self.context.settings.definition_of_ready, item.ready_checks, tick))

    def action_ready(self) -> None:
        if self.context is None or not self._taken_item():
            return
        item = self.context.items[self._taken_item()]
        missing = [line for line in self.context.settings.definition_of_ready if line not in item.ready_checks]
        if not missing:
            self._item_write("ready", lambda item_id, sid: readiness.make_ready(self.ws, item_id, "", sid))
            return

        def answered(reason: object) -> None:
            if isinstance(reason, str):
                self._item_write("ready", lambda item_id, sid: readiness.make_ready(self.ws, item_id, reason, sid))

        question = join(f"{item.id} is not ready by the checklist: ", literal("; ".join(missing), "italic"))
        self.app.push_screen(
            TextPrompt(question, "why it is ready all the same (recorded as a decision)", True), answered
        )

    def action_split(self) -> None:
        if self.context is None or not self._taken_item():
            return
        item = self.context.items[self._taken_item()]

        def chosen(plan: object) -> None:
            if not isinstance(plan, splitting.SplitPlan) or self.context is None:
                return

            def job(item_id: str, sid: str) -> None:
                done = splitting.split_item(self.ws, item_id, plan, sid)
                if done.scope_changed:
                    self.app.call_from_thread(
                        self.notify, f"{item_id} was in the sprint: scope change recorded", markup=False
                    )

            self._item_write("split", job)

        self.app.push_screen(SplitForm(join(f"Split {item.id} ", literal(item.title, "italic"))), chosen)

    # -- topics ----------------------------------------------------------------------------------

    def action_close_topic(self) -> None:
        topic_id = self._taken_topic()
        if not topic_id or self.context is None:
            return
        topic: Topic = self.context.topics[topic_id]

        def outcome(chosen: object) -> None:
            if not isinstance(chosen, str):
                return
            asks = "why it is dropped" if chosen == "dropped" else "its title (empty: the topic's)"
            self.app.push_screen(
                TextPrompt(
                    join(f"{topic.id} → {dict(OUTCOMES)[chosen].lower()}: ", literal(topic.title, "italic")),
                    asks,
                    False,
                ),
                lambda text: close(chosen, text) if isinstance(text, str) else None,
            )

        def close(chosen: str, text: str) -> None:
            assert self.context is not None
            session_id = self.context.session.id

            def job() -> tuple[topics.ClosedTopic, RitualSession]:
                return topics.close_topic(self.ws, topic_id, chosen, text, session_id), self.ws.get(
                    RitualSession, session_id
                )

            def shown(result: tuple[topics.ClosedTopic, RitualSession]) -> None:
                assert self.context is not None
                self.context.topics[topic_id] = result[0].topic
                if result[0].became is not None:
                    self.captured(result[0].became)
                self.session_saved(result[1])

            self._act("close_topic", job, shown)

        rows = [Row(key, [text]) for key, text in OUTCOMES]
        self.app.push_screen(
            ChooseRecord(join(f"{topic.id} becomes… ", literal(topic.title, "italic")), ["Outcome"], rows), outcome
        )
