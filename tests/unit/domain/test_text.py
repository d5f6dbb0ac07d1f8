"""User text is kept exactly; only what would act on a terminal is made visible."""

import pytest

from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.text import one_of, required_text, visible


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "␛[2J"),
        ("a\x00b", "a␀b"),
        ("line\nnext", "line␊next"),
        ("\x9b31m", "<U+009B>31m"),
        ("\u202eevil", "<U+202E>evil"),
        ("\x1b]0;title\x07", "␛]0;title␇"),
        ("del\x7f", "del␡"),
        ("[@click=app.quit]x[/]", "[@click=app.quit]x[/]"),
        ("👩‍💻 שלום", "👩‍💻 שלום"),
    ],
)
def test_visible_makes_controls_inert_and_keeps_the_rest(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_visible_can_keep_line_breaks() -> None:
    assert visible("a\nb\x1b", keep_newlines=True) == "a\nb␛"


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", None])
def test_blank_text_is_refused(blank: str | None) -> None:
    with pytest.raises(ValidationError, match="cannot be empty"):
        required_text(blank, "title")


def test_text_that_is_not_utf8_is_refused_with_a_message() -> None:
    with pytest.raises(ValidationError, match="not valid UTF-8"):
        required_text("bad \udcff byte", "title")


def test_required_text_keeps_surrounding_spaces_exactly() -> None:
    assert required_text("  spaced  ", "title") == "  spaced  "


def test_one_of_lists_the_allowed_values() -> None:
    with pytest.raises(ValidationError, match="use one of low, high"):
        one_of("urgent", ["low", "high"], "severity")
