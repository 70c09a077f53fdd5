"""The real window on a virtual X server: its file dialogs shown on the database's own folder leave SQLite's
locks in place, a second program writes and reads meanwhile, and after closing, the database and the backup
written at close pass ``integrity_check`` and hold every change each of them acknowledged."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.store.file_guard import lock_holders
from tests.conftest import PROJECT
from tests.ui.xvfb_session import Session, one_article, real_window, stored_spans, tag_first_characters, wait_for

TEXT = "推进创新发展，实施乡村振兴战略，建设产业园项目，到二〇二五年基本实现目标。"

# The window as `policy-annotator --db DB` runs it: backups at open and at close included.
WINDOW = """
import json, sys, threading
from pathlib import Path
from PySide6.QtCore import QPoint, QTimer
from desktop.ui import app as wiring

wiring.application()
made = []
original = wiring.create_window
def create_window(path, settings=None):
    window = original(path, settings)
    window.resize(1200, 800)
    made.append(window)
    return window
wiring.create_window = create_window

def report():
    window = made[0]
    corner = window.text_pane.viewport().mapToGlobal(QPoint(0, 0))
    Path(sys.argv[2]).write_text(json.dumps([corner.x(), corner.y(), int(window.winId())]))

QTimer.singleShot(1000, report)
sys.exit(wiring.run_window(sys.argv[1]))
"""


def window_locks(session: Session, db: Path) -> int:
    holders = lock_holders(db)
    assert holders is not None
    return holders.get(session.pid, 0) + (lock_holders(f"{db}-shm") or {}).get(session.pid, 0)


def command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], cwd=PROJECT, capture_output=True, text=True, timeout=120
    )


def close_dialog(session: Session, title: str) -> None:
    """Escape until the dialog is gone (the first may only close the name field's completion list)."""
    for _ in range(3):
        session.xdo("key", "Escape")
        if not dialog_shown(session, title):
            return
    pytest.fail(f"the dialog {title!r} did not close")


def dialog_shown(session: Session, title: str) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"], env=session.env, capture_output=True
    )
    return found.returncode == 0


def show_folder_in_dialog(session: Session, folder: Path) -> None:
    """Type the folder into the open file dialog's name field, as a user does, and let it list the folder."""
    session.xdo("type", "--delay", "20", str(folder) + "/")
    session.xdo("key", "Return")
    time.sleep(2)  # the dialog's file model reads the folder on a thread of its own


@pytest.mark.xvfb
def test_file_dialogs_on_the_database_folder_keep_the_locks_and_nothing_is_lost(tmp_path: Path) -> None:
    if lock_holders(__file__) is None:
        pytest.skip("/proc/locks lists the locks only on Linux")
    db = tmp_path / "day.db"
    simplified = one_article(db, TEXT)
    with real_window(tmp_path, db, WINDOW) as session:
        xdo = session.xdo
        tag_first_characters(session, "1")
        wait_for(lambda: len(stored_spans(db, "id")) == 1, "the first tag")
        assert window_locks(session, db) == 2

        xdo("key", "ctrl+i")  # File → Import files…
        wait_for(lambda: dialog_shown(session, "Import articles"), "the import dialog")
        show_folder_in_dialog(session, tmp_path)
        assert window_locks(session, db) == 2, "listing the database's folder dropped the window's locks"
        close_dialog(session, "Import articles")

        xdo("key", "ctrl+e")  # File → Export CSV…: its options, then the file dialog
        wait_for(lambda: dialog_shown(session, "Export CSV"), "the export options")
        xdo("key", "Return")
        wait_for(lambda: dialog_shown(session, "Export"), "the export file dialog")
        show_folder_in_dialog(session, tmp_path)
        assert window_locks(session, db) == 2, "the export dialog dropped the window's locks"
        close_dialog(session, "Export")

        # Another program reads (and, closing, would delete a log it believed unused) and writes.
        assert command("stats", "--db", str(db)).returncode == 0
        tagged = command("tag-hits", "--db", str(db), "产业园", "--category", "measure", "--annotator", "cli")
        assert tagged.returncode == 0, tagged.stdout + tagged.stderr
        assert Path(f"{db}-wal").exists(), "the window's write-ahead log is still there"

        # The window writes again, and the other program sees it.
        x, y, _ = json.loads((tmp_path / "geometry.json").read_text())
        xdo("mousemove", str(x + 20), str(y + 10), "click", "1")
        xdo("key", "ctrl+End")
        for _ in range(3):
            xdo("key", "shift+Left")
        xdo("key", "3")
        wait_for(lambda: len(stored_spans(db, "id")) == 3, "the window's second tag, seen by another program")
        seen = command("export", "--db", str(db), "--format", "jsonl", "--annotator", "all")
        assert seen.returncode == 0 and seen.stdout.count('"span_id"') == 3
        xdo("key", "ctrl+q")
    assert "Traceback" not in session.errors, session.errors

    rows = sorted(stored_spans(db, "annotator, category_id, text"))
    assert rows == sorted(
        [("window", "project", simplified[:4]), ("cli", "measure", "产业园"), ("window", "measure", simplified[-3:])]
    )
    backups = sorted((tmp_path / "day.db.backups").glob("day-*.db"))
    assert backups, "a backup is written when the window closes"
    for checked in (db, *backups):
        conn = sqlite3.connect(checked)
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok", checked
        conn.close()
    daily = [b for b in backups if b.name != "day-opened.db"]
    assert len(stored_spans(daily[0], "id")) == 3
