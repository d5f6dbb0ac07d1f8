"""The one way user text reaches the screen: literal, with control characters made visible.

Textual widgets parse markup in plain strings (``DataTable`` and ``Tree`` cells, ``Static``,
notifications), so a title such as ``[@click=app.quit]x[/]`` would act. Everything typed or imported
goes through :func:`literal` (a ``Content``, never parsed) or :func:`cell` (a Rich ``Text`` for
tables), after :func:`ritual_tui.domain.text.visible` has made ESC, C1, bidi overrides and other
controls visible, so nothing reaches the terminal raw.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from ritual_tui.domain.text import visible


def plain(value: object, keep_newlines: bool = False) -> str:
    """User text as a safe plain string (for titles and places that take ``str`` literally)."""
    return visible("" if value is None else str(value), keep_newlines=keep_newlines)


def literal(value: object, style: str = "", keep_newlines: bool = False) -> Content:
    """User text as ``Content`` that is shown exactly, never parsed as markup."""
    return Content.styled(plain(value, keep_newlines), style) if style else Content(plain(value, keep_newlines))


def cell(value: object, style: str = "") -> Text:
    """User text for a ``DataTable`` cell: a Rich ``Text``, which the table does not parse."""
    return Text(plain(value), style=style, no_wrap=True, overflow="ellipsis")


def join(*parts: Content | str | tuple[str, str]) -> Content:
    """Join pieces: a ``str`` or ``(str, style)`` is our own fixed wording, a ``Content`` is user text."""
    return Content.assemble(*parts)
