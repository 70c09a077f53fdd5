"""Where the packaged data files are, installed or run from a checkout."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def resource_path(name: str) -> Path:
    spec = importlib.util.find_spec("desktop.resources")
    if spec is not None and spec.submodule_search_locations:
        candidate = Path(next(iter(spec.submodule_search_locations))) / name
        if candidate.exists():
            return candidate
    return Path(__file__).resolve().parents[2] / "resources" / name
