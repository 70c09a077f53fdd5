"""The window keeps its database safe: its file dialogs never open the database's files, lost locks are
taken again, a file replaced under it is no longer written, damage found after opening is said once."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from desktop.core.store import integrity
from desktop.core.store.backups import BackupKind, make_backup
from desktop.core.store.file_guard import lock_holders, own_lock_count
from desktop.ui.app import create_window
from desktop.ui.widgets.file_dialogs import DialogEvents, make_dialog
from desktop.ui.window.restore_dialog import RestoreDialog
from tests.ui.conftest import make_db, spans_in_db, tag_by_key
from tests.ui.test_corpus_search import search

TEXT = "第一段：推进创新发展，实施乡村振兴。\n第二段：到二〇二五年基本实现目标。\n"
linux_locks = pytest.mark.skipif(lock_holders(__file__) is None, reason="/proc/locks lists the locks only on Linux")


def held(path: str) -> bool:
    return bool(own_lock_count(path)) and bool(own_lock_count(path + "-shm"))


def list_folder(qtbot, dialog: QFileDialog, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Show the dialog on the folder and wait until its file model lists the database's files."""
    dialog.setDirectory(str(folder))
    dialog.show()
    qtbot.waitUntil(lambda: dialog.isVisible())
    qtbot.wait(1500)  # the file model's gatherer thread reads the folder and asks for each file's type and icon


@linux_locks
def test_our_file_dialog_lists_the_database_folder_without_touching_the_locks_qts_own_does_not(  # type: ignore[no-untyped-def]
    qtbot, open_window, no_dialogs
) -> None:
    window = open_window({"a.txt": TEXT})
    path = window.store.path
    folder = Path(path).parent
    assert held(path)

    ours = make_dialog(window, "ours")
    list_folder(qtbot, ours, folder)
    assert held(path), "our dialog opened the database's files"
    ours.reject()

    # Qt's own dialog with its own icon provider sniffs each file's type: the locks go.
    plain = QFileDialog(window, "plain")
    plain.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    list_folder(qtbot, plain, folder)
    assert not held(path), "this test no longer shows what it guards against"
    plain.reject()
    # What every dialog of ours says when it closes: the window looks, finds the locks gone, opens again.
    DialogEvents.instance().closed.emit()
    assert held(path) and window.store.file_problem() is None
    assert "opened again" in window.statusBar().currentMessage()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tag_by_key(qtbot, window.text_pane, 4, 8, Qt.Key.Key_1)
    assert len(spans_in_db(window)) == 1 and window.undo_stack.count() == 1
    assert no_dialogs == []


@linux_locks
def test_locks_lost_while_the_search_thread_has_a_connection_are_taken_again(  # type: ignore[no-untyped-def]
    qtbot, open_window, no_dialogs
) -> None:
    window = open_window({"a.txt": TEXT})
    results = window.corpus.search_panel.results
    search(qtbot, window, "创新")
    assert results.topLevelItemCount() > 0
    path = window.store.path
    os.close(os.open(path, os.O_RDONLY))
    assert not held(path)
    window.watcher.check()  # the poll every two seconds, or the window becoming active
    assert held(path), "every connection of the window was closed and opened again"
    results.clear()
    search(qtbot, window, "乡村")
    assert results.topLevelItemCount() > 0


def test_a_file_replaced_under_the_window_is_no_longer_written(  # type: ignore[no-untyped-def]
    qtbot, open_window, no_dialogs, tmp_path: Path
) -> None:
    window = open_window({"a.txt": TEXT})
    path = Path(window.store.path)
    os.rename(path, tmp_path / "moved-away.db")
    window.watcher.check()
    assert window.read_only_banner.isVisibleTo(window) and "replaced or removed" in window.read_only_banner.text()
    tag_by_key(qtbot, window.text_pane, 4, 8, Qt.Key.Key_1)
    assert window.undo_stack.count() == 0
    assert any("no longer saved" in text for _title, text in no_dialogs)
    conn = sqlite3.connect(tmp_path / "moved-away.db")
    assert conn.execute("select count(*) from spans").fetchone()[0] == 0
    conn.close()


def test_damage_found_after_opening_is_said_once_and_refuses_tags(  # type: ignore[no-untyped-def]
    qtbot, no_dialogs, tmp_path: Path, settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = make_db(tmp_path, {"a.txt": TEXT})
    # A file too large to check before it is shown, whose check then finds an index out of step.
    monkeypatch.setattr(integrity, "integrity_problem", lambda conn: "row 3 missing from index idx_articles_status")
    monkeypatch.setattr(integrity, "SYNC_CHECK_BYTES", 0)
    window = create_window(str(db), QSettings(str(settings_file), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.controller.document is not None)
    qtbot.waitUntil(lambda: window.store.write_refusal() is not None)
    window.watcher.check()
    window.watcher.check()
    said = [text for _title, text in no_dialogs if "missing from index" in text]
    assert len(said) == 1 and "damaged" in said[0]
    tag_by_key(qtbot, window.text_pane, 4, 8, Qt.Key.Key_1)
    assert spans_in_db(window) == [] and window.undo_stack.count() == 0
    window.store.close()


def test_file_restore_backup_puts_the_chosen_copy_in_place_and_shows_it(  # type: ignore[no-untyped-def]
    qtbot, open_window, no_dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window({"a.txt": TEXT})
    path = window.store.path
    make_backup(path, BackupKind.DAILY)
    tag_by_key(qtbot, window.text_pane, 4, 8, Qt.Key.Key_1)
    assert len(spans_in_db(window)) == 1
    shown: list[RestoreDialog] = []

    def choose_newest(dialog: RestoreDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(RestoreDialog, "exec", choose_newest)
    window.safety.restore_action.trigger()
    [dialog] = shown
    assert dialog.table.rowCount() == 1 and dialog.restore_button.isEnabled()
    assert window.store.is_open and window.store.articles.count() == 1
    qtbot.waitUntil(lambda: window.controller.document is not None)
    assert spans_in_db(window) == [], "the tag made after the backup is not in the restored file"
    assert window.undo_stack.count() == 0
    assert "restored" in window.statusBar().currentMessage()
    assert list(Path(path).parent.glob("ui.db.before-restore-*"))
    tag_by_key(qtbot, window.text_pane, 4, 8, Qt.Key.Key_2)
    assert len(spans_in_db(window)) == 1
