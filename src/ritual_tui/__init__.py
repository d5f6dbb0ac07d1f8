"""ritual-tui: the Product Owner's companion for Scrum rituals, in the terminal."""

__version__ = "0.1.0"
