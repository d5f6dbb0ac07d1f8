"""Data flows one way: domain ← store ← reports ← services ← commands/tui. A test proves no layer
reaches up."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import ritual_tui

#: Package → packages it must never import (directly or through anything it imports).
ABOVE_DOMAIN = (
    "ritual_tui.store",
    "ritual_tui.reports",
    "ritual_tui.services",
    "ritual_tui.tui",
    "ritual_tui.commands",
)
FORBIDDEN = {
    "ritual_tui.domain": (*ABOVE_DOMAIN, "textual"),
    "ritual_tui.store": (*ABOVE_DOMAIN[1:], "textual"),
    "ritual_tui.reports": ("ritual_tui.services", "ritual_tui.tui", "ritual_tui.commands", "textual"),
    "ritual_tui.services": ("ritual_tui.tui", "ritual_tui.commands", "textual"),
    # Reading an export and writing one back is pure: no files of the workspace, no store.
    "ritual_tui.tracker": (*ABOVE_DOMAIN, "textual"),
    "ritual_tui.commands": ("ritual_tui.tui", "textual"),
}


def _modules(package: str) -> list[str]:
    path = [f"{ritual_tui.__path__[0]}/{package.split('.', 1)[1]}"]
    return [f"{package}.{m.name}" for m in pkgutil.iter_modules(path)]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_layer_never_imports_the_layers_above_it(package: str) -> None:
    probe = (
        "import sys, importlib\n"
        f"for name in {_modules(package)!r}:\n"
        "    importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.startswith({FORBIDDEN[package]!r}))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{package} imports {result.stdout.strip()}"
