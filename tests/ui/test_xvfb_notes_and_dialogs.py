"""The real window on a virtual X server, driven by xdotool: a note typed with the keyboard on the span
tagged a moment before; in Chinese, Qt's own file dialog speaks Chinese (saved as a picture to look at)."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.core.store import Store
from tests.conftest import PROJECT
from tests.ui.xvfb_server import run_on_xvfb
from tests.ui.xvfb_session import one_article, real_window, stored_spans, tag_first_characters, wait_for

TEXT = "推进创新发展，实施乡村振兴战略，到二〇二五年基本实现目标。"
SHOT = PROJECT / "screenshots" / "file_dialog_zh.png"

# The window in Chinese; once Qt's file dialog is up, the screen is saved and the dialog's texts reported.
DIALOG = """
import json, os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from desktop.ui.app import application, create_window

app = application()
window = create_window(sys.argv[1])
window.resize(1200, 800)
window.show()

def look():
    dialog = QApplication.activeModalWidget()
    texts = [dialog.windowTitle()] if dialog else []
    if dialog is not None:
        texts += [b.text() for b in dialog.findChildren(QAbstractButton)]
        texts += [label.text() for label in dialog.findChildren(QLabel)]
    if not app.primaryScreen().grabWindow(0).save(sys.argv[2]):
        os._exit(3)
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        json.dump(texts, out, ensure_ascii=False)
    os._exit(0)

QTimer.singleShot(1500, look)
QTimer.singleShot(500, window.databases.open_action.trigger)
sys.exit(app.exec())
"""


def notes(db: Path) -> list[tuple[str, str]]:
    return stored_spans(db, "text, note")


@pytest.mark.xvfb
def test_a_note_typed_on_the_span_just_tagged(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    simplified = one_article(db, TEXT)
    with real_window(tmp_path, db) as session:
        xdo = session.xdo
        tag_first_characters(session, "2")
        wait_for(lambda: len(notes(db)) == 1, "the tag")
        # Straight away, with the keyboard: N opens the note editor on that span, Return keeps the note.
        xdo("key", "n")
        xdo("type", "see art. 3")
        xdo("key", "Return")
        wait_for(lambda: notes(db) == [(simplified[:4], "see art. 3")], "the note")
        # Undo takes the note back, not the span.
        xdo("key", "ctrl+z")
        wait_for(lambda: notes(db) == [(simplified[:4], "")], "the undone note")
        xdo("key", "ctrl+q")
    assert "commitData" not in session.errors, session.errors
    assert "Traceback" not in session.errors, session.errors


@pytest.mark.xvfb
def test_qt_file_dialog_in_chinese(tmp_path: Path) -> None:
    db = tmp_path / "zh.db"
    Store.open(db).close()
    settings = tmp_path / "settings.ini"
    settings.write_text("[view]\nlanguage=zh_CN\n", encoding="utf-8")
    texts_file = tmp_path / "texts.json"
    # screenshots/ is not in the repository: a clean checkout has no such folder until a test makes it.
    SHOT.parent.mkdir(parents=True, exist_ok=True)
    result = run_on_xvfb(
        [sys.executable, "-c", textwrap.dedent(DIALOG), str(db), str(SHOT), str(texts_file)],
        env={"POLICY_ANNOTATOR_SETTINGS": str(settings)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    # Our title, Qt's own buttons and labels: all Chinese.
    assert texts[0] == "打开数据库"
    assert "取消" in " ".join(texts) and "文件名" in " ".join(texts)
    assert "Cancel" not in texts and not any(text.startswith("File name") for text in texts)
    # The two labels Qt's catalogue leaves out (its entries lack the mnemonic), filled in by ours.
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    assert not any("Look in" in text or "Files of" in text for text in texts)
    image = QImage(str(SHOT))
    assert not image.isNull() and image.width() == 1400
