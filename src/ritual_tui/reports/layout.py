"""What the summary and the brief say, and in what order: blocks built from their documents
(:mod:`.layout_summary` and :mod:`.layout_brief`; both named here for their callers)."""

from __future__ import annotations

from ritual_tui.reports.layout_brief import brief_blocks as brief_blocks
from ritual_tui.reports.layout_summary import summary_blocks as summary_blocks
