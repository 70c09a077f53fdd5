"""The real window on a virtual X server, saved as a picture to look at."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import PROJECT

SHOT = PROJECT / "screenshots" / "window.png"


@pytest.mark.xvfb
def test_window_under_xvfb(tmp_path: Path) -> None:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    display = f":{90 + os.getpid() % 100}"
    server = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1400x850x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "POLICY_ANNOTATOR_SETTINGS": str(tmp_path / "settings.ini"),
        }
        result = subprocess.run(
            [sys.executable, "-m", "desktop.ui.screenshot", str(SHOT)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        server.terminate()
        server.wait(10)
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(SHOT))
    assert (image.width(), image.height()) == (1400, 850)
    # A real window, not a blank screen: many distinct colours.
    colours = {image.pixel(x, y) for x in range(0, 1400, 7) for y in range(0, 850, 7)}
    assert len(colours) > 50
