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


def start_xvfb(xvfb: str) -> tuple[subprocess.Popen[bytes], str]:
    """An X server on the first free display number, ready to take clients."""
    for number in range(90 + os.getpid() % 50, 200):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        server = subprocess.Popen(
            [xvfb, f":{number}", "-screen", "0", "1400x850x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.poll() is None:
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return server, f":{number}"
            time.sleep(0.1)
        server.kill()
        server.wait(10)
    pytest.fail("no X display could be started")


@pytest.mark.xvfb
def test_window_under_xvfb(tmp_path: Path) -> None:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    server, display = start_xvfb(xvfb)
    try:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "POLICY_ANNOTATOR_SETTINGS": str(tmp_path / "settings.ini"),
        }
        result = subprocess.run(
            [sys.executable, "-m", "desktop.ui.window.screenshot", str(SHOT)],
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
