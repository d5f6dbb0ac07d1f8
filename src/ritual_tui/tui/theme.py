"""The presenter theme: high contrast, for a projector at the back of a room or a shared screen."""

from textual.theme import Theme

PRESENTER_THEME = Theme(
    name="ritual-presenter",
    primary="#FFD400",
    secondary="#4FC3F7",
    # The focus (the panel the keys act on) in a colour of its own, not the yellow of every border.
    accent="#00E5FF",
    warning="#FFB000",
    error="#FF5252",
    success="#69F0AE",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#262626",
    dark=True,
)
