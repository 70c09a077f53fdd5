"""Ctrl+C in the terminal that started the window closes it as its close button does, run as a user
starts it (the console script's entry) in a fresh process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.store import Store
from tests.conftest import PROJECT

# The window as `policy-annotator --db …` opens it, saying "shown" once its event loop runs.
WINDOW = """
import signal, sys
signal.signal(signal.SIGINT, {handler})
from PySide6.QtCore import QTimer
from desktop.ui import app

made = app.create_window

def create_window(*args, **kwargs):
    window = made(*args, **kwargs)
    QTimer.singleShot(0, lambda: print("shown", flush=True))
    return window

app.create_window = create_window
sys.argv = ["policy-annotator", "--db", {db!r}]
from desktop.__main__ import main
sys.exit(main())
"""


def window_process(tmp_path: Path, handler: str = "signal.default_int_handler") -> subprocess.Popen[str]:
    db = tmp_path / "a.db"
    with Store.open(db) as store:
        store.articles.add([prepare_article("推进创新发展。", "a.txt", "utf-8")])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POLICY_ANNOTATOR_SETTINGS": str(tmp_path / "s.ini")}
    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW.format(handler=handler, db=str(db))],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert window.stdout is not None
    line = window.stdout.readline()
    if line.strip() != "shown":
        window.kill()
        pytest.fail(f"the window did not open: {line}{window.communicate()[1]}")
    return window


def test_ctrl_c_in_the_terminal_closes_the_window_as_its_close_button_does(tmp_path: Path) -> None:
    window = window_process(tmp_path)
    window.send_signal(signal.SIGINT)
    try:
        _out, err = window.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        window.kill()
        _out, err = window.communicate()
        pytest.fail(f"the window was still open 30 s after Ctrl+C: {err[-2000:]}")
    assert window.returncode == 0 and "Traceback" not in err, err[-2000:]
    # Its close saved what a close saves (the window's place), and the database is whole.
    assert "geometry" in (tmp_path / "s.ini").read_text(encoding="utf-8")
    with Store.open(tmp_path / "a.db", create=False) as store:
        assert store.articles.count() == 1


def test_an_ignored_ctrl_c_stays_ignored(tmp_path: Path) -> None:
    """A window started in the background (`&`) has Ctrl+C ignored, and is not closed by one."""
    window = window_process(tmp_path, handler="signal.SIG_IGN")
    try:
        window.send_signal(signal.SIGINT)
        with pytest.raises(subprocess.TimeoutExpired):
            window.communicate(timeout=2)
    finally:
        window.terminate()
        window.communicate(timeout=30)
