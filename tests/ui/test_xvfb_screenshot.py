"""The real window on a virtual X server, saved as a picture to look at."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import PROJECT
from tests.ui.xvfb_server import run_on_xvfb

SHOT = PROJECT / "screenshots" / "window.png"


@pytest.mark.xvfb
def test_window_under_xvfb(tmp_path: Path) -> None:
    result = run_on_xvfb(
        [sys.executable, "-m", "desktop.ui.window.screenshot", str(SHOT)],
        env={"POLICY_ANNOTATOR_SETTINGS": str(tmp_path / "settings.ini")},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(SHOT))
    assert (image.width(), image.height()) == (1400, 850)
    # A real window, not a blank screen: many distinct colours.
    colours = {image.pixel(x, y) for x in range(0, 1400, 7) for y in range(0, 850, 7)}
    assert len(colours) > 50
