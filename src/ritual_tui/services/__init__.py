"""The use cases both front ends call, with defaults from the settings (never imports Textual)."""
