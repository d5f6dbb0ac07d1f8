"""Where the workspace and the shipped configuration live, as small functions.

The workspace is chosen by ``--workspace DIR``, else ``RITUAL_WORKSPACE``, else a folder under the
platform's user data directory. Nothing here creates a folder: a missing workspace is reported by
the store, never silently made anew.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that overrides the default workspace folder.
WORKSPACE_ENV = "RITUAL_WORKSPACE"


def default_workspace() -> Path:
    """The workspace used when neither the flag nor the environment names one."""
    import platformdirs  # ~13 ms of imports, paid only when no workspace is named

    return Path(platformdirs.user_data_dir("ritual-tui", appauthor=False)) / "workspace"


def workspace_path(flag: str | None = None) -> Path:
    """The workspace folder: the ``--workspace`` flag, else ``RITUAL_WORKSPACE``, else the default."""
    if flag:
        return Path(flag).expanduser()
    from_env = os.environ.get(WORKSPACE_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_workspace()


#: Environment variable that overrides where the user's own preferences are kept.
PREFERENCES_ENV = "RITUAL_PREFERENCES"


def preferences_file() -> Path:
    """The user's own preferences (the app's theme): ``RITUAL_PREFERENCES``, else a file in the
    platform's user config folder. They belong to the person, not to a workspace."""
    from_env = os.environ.get(PREFERENCES_ENV)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("ritual-tui", appauthor=False)) / "preferences.toml"


def config_dir() -> Path:
    """The shipped ``config/`` folder: inside the wheel, or at the root of a source checkout."""
    packaged = Path(__file__).parent / "_config"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "config"


def default_settings_file() -> Path:
    """``config/default.toml``: every setting, documented, with its default."""
    return config_dir() / "default.toml"


def demo_workspace_dir() -> Path:
    """``config/demo/``: the demo workspace shipped with the tool."""
    return config_dir() / "demo"
