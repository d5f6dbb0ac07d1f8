"""Records to documents and back: types checked, unknown keys kept, private fields never shared."""

from datetime import date

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.escalation import Escalation, StatusChange
from ritual_tui.domain.fields import from_doc, to_doc


def test_a_document_round_trips_with_nested_records() -> None:
    escalation = Escalation(
        id="E-1",
        title="t",
        raised=date(2026, 1, 2),
        history=[StatusChange(at=__import__("datetime").datetime(2026, 1, 2, 9, 0), status="open")],
    )
    assert from_doc(Escalation, to_doc(escalation)) == escalation


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"title": 3}, "'title' should be text, found a number"),
        ({"title": "x", "estimate": "three"}, "'estimate' should be a number, found text"),
        ({"title": "x", "tags": "ux"}, "'tags' should be a list, found text"),
        ({"title": "x", "tags": ["ux", 2]}, "'tags[2]' should be text, found a number"),
        ({"title": "x", "value": True}, "'value' should be a whole number, found true/false"),
        ({"title": "x", "created": "yesterday"}, "'created' should be a date and time, found text"),
    ],
)
def test_a_wrong_type_names_the_key(doc: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("[", r"\[").replace("]", r"\]")):
        from_doc(BacklogItem, doc)


def test_a_missing_required_key_is_refused() -> None:
    with pytest.raises(ValidationError, match="missing"):
        from_doc(BacklogItem, {"kind": "bug"})


def test_unknown_keys_are_kept_and_written_back() -> None:
    item = from_doc(BacklogItem, {"title": "x", "jira_sprint": "Sprint 9", "future": {"a": [1, 2]}})
    assert item.extra == {"jira_sprint": "Sprint 9", "future": {"a": [1, 2]}}
    assert to_doc(item)["future"] == {"a": [1, 2]}


def test_a_shared_document_has_no_private_notes_and_no_unknown_keys() -> None:
    item = from_doc(BacklogItem, {"title": "x", "private_notes": "secret", "future": 1})
    shared = to_doc(item, shared=True)
    assert "private_notes" not in shared
    assert "future" not in shared
    assert "secret" not in str(shared)


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"title": "x", "status": "frozen"}, "'status' should be one of new, refining, ready"),
        ({"title": "x", "kind": "epic"}, "'kind' should be one of story, bug, chore, spike; found 'epic'"),
    ],
)
def test_a_closed_vocabulary_is_checked_when_a_file_is_read(doc: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        from_doc(BacklogItem, doc)


def test_nested_and_table_vocabularies_are_checked_too() -> None:
    from ritual_tui.domain.sprint import Sprint

    history = {"title": "t", "history": [{"at": __import__("datetime").datetime(2026, 1, 2), "status": "lost"}]}
    with pytest.raises(ValidationError, match=r"'history\[1\]\.status' should be one of open"):
        from_doc(Escalation, history)
    sprint = {"number": 1, "start": date(2026, 1, 5), "end": date(2026, 1, 16), "outcomes": {"B-1": "shipped"}}
    with pytest.raises(ValidationError, match="'outcomes' should be one of accepted, rejected, carried-over"):
        from_doc(Sprint, sprint)
