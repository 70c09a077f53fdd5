"""The program's place on this machine: its name, default database, default analyst, packaged files."""

from __future__ import annotations

import getpass
import importlib.util
import os
from pathlib import Path

APP_NAME = "policy-annotator"


def default_db_path() -> Path:
    """The database used when none is named: one per user, in the user's data folder."""
    # Loaded here: every command starts through this module, and most name their database.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "annotations.db"


def default_annotator() -> str:
    """The analyst a span is stored under when none is named: the operating system's user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def resource_path(name: str) -> Path:
    """A packaged data file, installed (``desktop.resources``) or in a checkout (``resources/``)."""
    spec = importlib.util.find_spec("desktop.resources")
    if spec is not None and spec.submodule_search_locations:
        candidate = Path(next(iter(spec.submodule_search_locations))) / name
        if candidate.exists():
            return candidate
    return Path(__file__).resolve().parents[2] / "resources" / name


def default_workers() -> int:
    """Worker processes for an import: one per core."""
    return max(1, os.cpu_count() or 1)
