"""Use cases shared by the command line and the TUI; never imports Textual."""
