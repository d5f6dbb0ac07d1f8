"""The non-interactive commands (never import Textual): one module per family of records."""
