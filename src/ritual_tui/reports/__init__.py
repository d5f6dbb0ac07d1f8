"""The files that leave the workspace: export, end-of-sprint summary, PM brief (never imports Textual)."""
