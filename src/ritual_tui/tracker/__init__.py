"""A tracker's export (Jira's CSV, ``gh issue list``'s JSON) read as backlog items, and changes written back."""
