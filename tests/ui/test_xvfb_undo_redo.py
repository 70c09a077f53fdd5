"""The real window on a virtual X server, driven by xdotool: Ctrl+Shift+Z works on X11, and undo and redo
leave a span another process imported in between alone."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core.importing import prepare_article
from desktop.core.store import Store
from tests.conftest import PROJECT
from tests.ui.test_xvfb_screenshot import start_xvfb

TEXT = "推进创新发展，实施乡村振兴战略，到二〇二五年基本实现目标。"

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


def spans(db: Path) -> list[tuple[int, str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select id, annotator, text from spans order by id").fetchall()
    conn.close()
    return rows


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


@pytest.mark.xvfb
def test_tag_undo_import_elsewhere_redo_undo_with_real_keys(tmp_path: Path) -> None:
    xvfb, xdotool = shutil.which("Xvfb"), shutil.which("xdotool")
    if xvfb is None or xdotool is None:
        pytest.skip("Xvfb and xdotool are not installed (apt-get install xvfb xdotool)")
    db = tmp_path / "real.db"
    with Store.open(db) as store:
        [article_id] = store.articles.add([prepare_article(TEXT, "a.txt", "utf-8")])
        simplified = store.articles.text(article_id)
    settings = tmp_path / "settings.ini"
    settings.write_text("[General]\nannotator=window\n\n[view]\nlanguage=en\n", encoding="utf-8")
    geometry = tmp_path / "geometry.json"
    server, display = start_xvfb(xvfb)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "POLICY_ANNOTATOR_SETTINGS": str(settings)}
    window = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(WINDOW), str(db), str(geometry)],
        env=env,
        cwd=PROJECT,
        stderr=subprocess.PIPE,
        text=True,
    )

    def xdo(*args: str) -> None:
        subprocess.run([xdotool, *args], env=env, check=True, timeout=30)
        time.sleep(0.3)

    try:
        wait_for(geometry.exists, "the window")
        x, y, window_id = json.loads(geometry.read_text())
        xdo("windowfocus", "--sync", str(window_id))
        xdo("mousemove", str(x + 20), str(y + 10), "click", "1")
        xdo("key", "ctrl+Home")
        for _ in range(4):
            xdo("key", "shift+Right")
        xdo("key", "1")
        wait_for(lambda: len(spans(db)) == 1, "the tag")
        [(mine, who, quoted)] = spans(db)
        assert (who, quoted) == ("window", simplified[:4])

        xdo("key", "ctrl+z")
        wait_for(lambda: spans(db) == [], "the undo")

        other = tmp_path / "colleague.jsonl"
        other.write_text(json.dumps({"text": simplified, "label": [[7, 11, "measure"]]}) + "\n", encoding="utf-8")
        imported = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "import-annotations",
                "--db",
                str(db),
                "--annotator",
                "colleague",
                str(other),
            ],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert imported.returncode == 0, imported.stdout + imported.stderr
        [(theirs, _, _)] = spans(db)
        assert theirs != mine

        xdo("key", "ctrl+shift+z")
        wait_for(lambda: len(spans(db)) == 2, "the redo")
        assert [row[0] for row in spans(db)] == [mine, theirs]

        xdo("key", "ctrl+z")
        wait_for(lambda: len(spans(db)) == 1, "the second undo")
        assert spans(db) == [(theirs, "colleague", simplified[7:11])]
        xdo("key", "ctrl+q")
        window.wait(timeout=20)
    finally:
        if window.poll() is None:
            window.kill()
        errors = window.communicate(timeout=20)[1]
        server.terminate()
        server.wait(10)
    assert "Ambiguous shortcut" not in errors, errors
    assert "Traceback" not in errors, errors
