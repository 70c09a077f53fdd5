"""A real window on a virtual X server, driven with xdotool: what every Xvfb test starts with."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.store import Store
from tests.conftest import PROJECT
from tests.ui.xvfb_server import start_xvfb

WINDOW = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QPoint, QTimer
from desktop.ui.app import application, create_window

app = application()
window = create_window(sys.argv[1])
window.resize(1200, 800)
window.show()

def report():
    viewport = window.text_pane.viewport()
    corner = viewport.mapToGlobal(QPoint(0, 0))
    Path(sys.argv[2]).write_text(json.dumps([corner.x(), corner.y(), int(window.winId())]))

QTimer.singleShot(1000, report)
sys.exit(app.exec())
"""


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


@dataclass
class Session:
    """Keys for the window (``xdo``) and, once it has closed, what it wrote to stderr."""

    xdo: Callable[..., None]
    pid: int = 0
    env: dict[str, str] = field(default_factory=dict)
    errors: str = ""


def one_article(db: Path, text: str) -> str:
    """A database at ``db`` holding one article of ``text``; returns its Simplified text."""
    with Store.open(db) as store:
        [article_id] = store.articles.add([prepare_article(text, "a.txt", "utf-8")])
        return store.articles.text(article_id)


def stored_spans(db: Path, columns: str) -> list[tuple[Any, ...]]:
    """``columns`` of every span in id order, read as another program reads the file."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(f"select {columns} from spans order by id").fetchall()
    conn.close()
    return rows


def tag_first_characters(session: Session, key: str, count: int = 4) -> None:
    """Select the first ``count`` characters from the caret at the top and press a category key."""
    for _ in range(count):
        session.xdo("key", "shift+Right")
    session.xdo("key", key)


@contextmanager
def real_window(tmp_path: Path, db: Path, script: str = WINDOW) -> Iterator[Session]:
    """The window on ``db`` (English, annotator "window"), focused, caret at the start of the Simplified pane.

    The block should end with Ctrl+Q; the window is killed if it is still running.
    """
    xvfb, xdotool = shutil.which("Xvfb"), shutil.which("xdotool")
    if xvfb is None or xdotool is None:
        pytest.skip("Xvfb and xdotool are not installed (apt-get install xvfb xdotool)")
    settings = tmp_path / "settings.ini"
    settings.write_text("[General]\nannotator=window\n\n[view]\nlanguage=en\n", encoding="utf-8")
    geometry = tmp_path / "geometry.json"
    server, display = start_xvfb(xvfb)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "POLICY_ANNOTATOR_SETTINGS": str(settings)}
    window = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), str(db), str(geometry)],
        env=env,
        cwd=PROJECT,
        stderr=subprocess.PIPE,
        text=True,
    )

    def xdo(*args: str) -> None:
        subprocess.run([xdotool, *args], env=env, check=True, timeout=30)
        time.sleep(0.3)

    session = Session(xdo, window.pid, env)
    try:
        wait_for(geometry.exists, "the window")
        x, y, window_id = json.loads(geometry.read_text())
        xdo("windowfocus", "--sync", str(window_id))
        xdo("mousemove", str(x + 20), str(y + 10), "click", "1")
        xdo("key", "ctrl+Home")
        yield session
        window.wait(timeout=20)
    finally:
        if window.poll() is None:
            window.kill()
        session.errors = window.communicate(timeout=20)[1]
        server.terminate()
        server.wait(10)
