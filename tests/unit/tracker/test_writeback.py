"""Writing back: the settings' tables read both ways, and shell words bash reads back exactly."""

from __future__ import annotations

import subprocess
import tomllib

import pytest

from ritual_tui.domain.settings import Settings
from ritual_tui.domain.text import visible
from ritual_tui.paths import default_settings_file
from ritual_tui.tracker.gh_script import shell_word
from ritual_tui.tracker.mapping import Vocabulary
from tests.hostile import HOSTILE

TRACKER_SETTINGS = (
    "tracker_statuses",
    "tracker_kinds",
    "tracker_priorities",
    "github_point_labels",
    "jira_acceptance_field",
)


def test_config_default_toml_documents_the_same_defaults_as_the_code() -> None:
    documented = tomllib.loads(default_settings_file().read_text(encoding="utf-8"))
    assert {name: documented[name] for name in TRACKER_SETTINGS} == {
        name: getattr(Settings(), name) for name in TRACKER_SETTINGS
    }


def test_a_new_point_label_follows_the_pattern_of_the_label_it_replaces() -> None:
    vocabulary = Vocabulary(Settings())
    assert vocabulary.points_label(8, "Estimate / 3") == "estimate/8"
    assert vocabulary.points_label(0.5, "") == "points: 0.5"  # the first pattern
    assert vocabulary.points_label(5, "Story Points: 3") == "story points: 5"


def test_our_status_writes_back_as_the_first_tracker_status_read_as_it() -> None:
    vocabulary = Vocabulary(Settings())
    assert [vocabulary.tracker_status(s) for s in ("new", "ready", "review", "refining")] == [
        "To Do",
        "Selected for Development",
        "In Review",
        None,
    ]


WORDS = [
    "plain",
    "with space",
    "it's",
    "$(touch pwned) `id` ${HOME} $HOME",
    "\\ back\\slash\\",
    "line\nbreak\r\nand\rcarriage",
    "# comment?",
    "-rf",
    "",
    HOSTILE,
    "\x1b[2J\x07\x7f\x9b\u202e\u2066",
    "ends with escape \x1b",
    "\x01a",  # a control before a hex digit: its escape must not swallow the digit
]


@pytest.mark.parametrize("word", WORDS)
def test_bash_reads_a_shell_word_back_exactly(word: str) -> None:
    quoted = shell_word(word)
    assert visible(quoted) == quoted  # printable, so the script is safe to show in a terminal
    shown = subprocess.run(
        ["bash", "-c", f"printf '%s' {quoted}"], capture_output=True, check=True, env={"LC_ALL": "C"}
    ).stdout
    assert shown == word.encode("utf-8")


def test_a_nul_cannot_be_a_shell_word() -> None:
    with pytest.raises(ValueError, match="NUL"):
        shell_word("a\0b")
