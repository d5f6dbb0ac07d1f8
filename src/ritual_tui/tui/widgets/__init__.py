"""Widgets of the rituals."""
