"""Safe reading and atomic writing of the workspace's files (never imports Textual).

The rest of the code calls :class:`ritual_tui.store.workspace.Workspace`; nothing else opens a file.
"""
