"""The real window on 1280x800 and 1600x1000 screens: in every workspace, with every dock shown, and with
the adjudication dock opened on top of the rest, the window's frame stays inside the screen."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

from tests.ui.xvfb_server import run_on_xvfb

PROBE = """
import json, sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from desktop.ui.app import application, create_window, demo_database
from desktop.ui.window.workspaces import Workspace

app = application()
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
settings.setValue("view/language", sys.argv[2])
window = create_window(demo_database(), settings)
window.show()
found = []

def look(what):
    app.processEvents()
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    found.append([what, frame.x(), frame.y(), frame.width(), frame.height(), screen.width(), screen.height()])

def run():
    screen = window.screen().availableGeometry()
    window.resize(screen.width(), screen.height())
    look("start")
    for workspace in Workspace:
        window.workspaces.switch(workspace)
        look(workspace.value)
        for name, dock in window.workspaces.docks().items():
            dock.show()
            look(f"{workspace.value}+{name}")
    print(json.dumps(found))
    app.quit()

QTimer.singleShot(1000, run)
app.exec()
"""


@pytest.mark.xvfb
@pytest.mark.parametrize("size", ["1280x800", "1600x1000"])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_never_outgrows_the_screen(tmp_path: Path, size: str, language: str) -> None:
    result = run_on_xvfb(
        [sys.executable, "-c", textwrap.dedent(PROBE), str(tmp_path / "settings.ini"), language], size=size
    )
    assert result.returncode == 0, result.stderr[-2000:]
    looks = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(looks) > 20
    outside = [
        what for what, x, y, width, height, screen_w, screen_h in looks
        if x < 0 or y < 0 or x + width > screen_w or y + height > screen_h
    ]  # fmt: skip
    assert outside == [], f"the window left the {size} screen: {outside}"
