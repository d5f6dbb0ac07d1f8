"""Modal screens: capture a line of text, show help, show a record, confirm the end of a ritual."""
