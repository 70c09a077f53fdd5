"""Shared fixtures: an in-memory store, the sample articles, the seeds beside the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # Qt's offscreen screen is 800 x 800; the window keeps inside its screen, so the tests get a desktop's.
    screen = Path(__file__).resolve().parent / "data" / "offscreen_screen.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"

from desktop.core.store import Store

PROJECT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = PROJECT / "sample_data"
SHARED = PROJECT.parent / "shared"
SEEDS = SHARED / "seeds"
PEER_CASES = SHARED / "peer" / "opencc-testcases.json"
# The measures an agreement report gives by default (span, unit and character levels), as the manual lists
# them (docs/double-coding.md).
DEFAULT_MEASURES = frozenset(
    {"f1_exact", "f1_overlap", "cohen_kappa", "krippendorff_alpha", "percent_agreement", "krippendorff_alpha_u"}
)


@pytest.fixture
def store() -> Store:
    opened = Store.in_memory()
    yield opened
    opened.close()


@pytest.fixture
def seeds() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip("../shared/seeds is not beside this checkout")
    return files
