"""Run ritual-tui as ``python -m ritual_tui``."""

import sys

from ritual_tui.cli import main

if __name__ == "__main__":
    sys.exit(main())
