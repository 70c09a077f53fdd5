"""After every dialog the keys work at once: the real window on a virtual X server, each dialog opened
as a menu opens it, closed with Escape, then Ctrl+Z / Ctrl+Shift+Z pressed with xdotool."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ui.xvfb_session import one_article, real_window, stored_spans, tag_first_characters, wait_for

TEXT = "推进创新发展，实施乡村振兴战略，到二〇二五年基本实现目标。"

# The window, plus a hand for the test: it opens the dialog named in ``command`` (as its menu
# entry would) and keeps ``state`` saying which modal dialog is up and which widget has focus.
SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication
from desktop.ui.app import application, create_window
from tests.ui.dialog_triggers import every_dialog

app = application()
window = create_window(sys.argv[1])
window.resize(1200, 800)
window.show()
folder = Path(sys.argv[2]).parent
command, state = folder / "command", folder / "state.json"
dialogs = dict(every_dialog(window))

def report():
    viewport = window.text_pane.viewport()
    corner = viewport.mapToGlobal(QPoint(0, 0))
    Path(sys.argv[2]).write_text(json.dumps([corner.x(), corner.y(), int(window.winId())]))

def poll():
    if command.exists():
        name = command.read_text()
        command.unlink()
        QTimer.singleShot(0, dialogs[name])
    modal = QApplication.activeModalWidget()
    focus = QApplication.focusWidget()
    state.write_text(json.dumps({
        "modal": type(modal).__name__ if modal else None,
        "focus": "text pane" if focus is window.text_pane else type(focus).__name__,
        "active": window.isActiveWindow(),
        "dialogs": list(dialogs),
    }))
    QTimer.singleShot(100, poll)

QTimer.singleShot(1000, report)
QTimer.singleShot(1000, poll)
sys.exit(app.exec())
"""


def window_state(folder: Path) -> dict[str, object]:
    try:
        return json.loads((folder / "state.json").read_text())  # type: ignore[no-any-return]
    except (OSError, ValueError):
        return {}


@pytest.mark.xvfb
def test_after_every_dialog_the_pane_has_focus_and_ctrl_z_works(tmp_path: Path) -> None:
    db = tmp_path / "focus.db"
    one_article(db, TEXT)
    with real_window(tmp_path, db, SCRIPT) as session:
        xdo = session.xdo
        tag_first_characters(session, "2")
        wait_for(lambda: len(stored_spans(db, "id")) == 1, "the tag")
        wait_for(lambda: window_state(tmp_path).get("focus") == "text pane", "the pane's focus")
        failures = []
        # The dialogs the window's menus open, as tests/ui/dialog_triggers lists them.
        names = window_state(tmp_path)["dialogs"]
        assert len(names) >= 13  # type: ignore[arg-type]
        for name in names:  # type: ignore[attr-defined]
            (tmp_path / "command").write_text(name)
            wait_for(lambda: window_state(tmp_path).get("modal") is not None, f"the {name} dialog")
            xdo("key", "Escape")
            wait_for(lambda: window_state(tmp_path).get("modal") is None, f"the {name} dialog to close")
            try:
                wait_for(lambda: window_state(tmp_path).get("focus") == "text pane", f"focus after {name}", seconds=3)
            except pytest.fail.Exception:
                failures.append((name, window_state(tmp_path)))
            # Undo, then redo, straight after the dialog: each takes the span away or brings it back.
            before = len(stored_spans(db, "id"))
            xdo("key", "ctrl+z" if before else "ctrl+shift+z")
            try:
                wait_for(lambda b=before: len(stored_spans(db, "id")) != b, f"the key after {name}", seconds=3)
            except pytest.fail.Exception:
                failures.append((name, "Ctrl+Z did nothing"))
                xdo("windowfocus", "--sync", str(json.loads((tmp_path / "geometry.json").read_text())[2]))
        xdo("key", "ctrl+q")
    assert failures == []
    assert "Traceback" not in session.errors and "Cannot" not in session.errors, session.errors
