"""The Textual app. Only the commands that open the TUI import this package."""
