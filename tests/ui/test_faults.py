"""The window under faults: a failed write never reaches the undo stack, undo never touches another
program's rows, what other programs write shows up, and every failure is a message."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.core.coding.importing import Result
from desktop.core.store import Store, database
from desktop.ui.app import create_window
from desktop.ui.window.menus import unique_keys
from tests.conftest import SAMPLE_DATA
from tests.ui.conftest import highlighted, make_db, spans_in_db, tag_by_key

TEXT = "第一段：推进创新发展，实施乡村振兴。\n第二段：到二〇二五年基本实现目标。\n"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)


def lock(path: str) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def fill_the_disk(window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Every insert from now on fails as SQLite fails on a full disk."""
    db = window.store.spans.db
    executing = db.execute

    def full(sql: str, *args):  # type: ignore[no-untyped-def]
        if sql.lstrip().lower().startswith("insert"):
            raise sqlite3.OperationalError("database or disk is full")
        return executing(sql, *args)

    monkeypatch.setattr(db, "execute", full)


def test_a_tag_on_a_locked_database_is_a_message_not_an_undo_step(  # type: ignore[no-untyped-def]
    qtbot, open_window, no_dialogs, caplog
) -> None:
    window = open_window({"a.txt": TEXT})
    pane = window.text_pane
    tag_by_key(qtbot, pane, 4, 8, Qt.Key.Key_1)
    saved = spans_in_db(window)
    other = lock(window.store.path)
    with caplog.at_level(logging.WARNING, logger="policy_annotator"):
        tag_by_key(qtbot, pane, 9, 13, Qt.Key.Key_2)
    other.rollback()
    other.close()
    assert "locked" in window.statusBar().currentMessage()
    assert any("locked" in record.getMessage() for record in caplog.records)
    assert no_dialogs == [], "a lock is passing: the status bar says so, no dialog"
    assert spans_in_db(window) == saved and highlighted(pane) == [(4, 8)]
    assert window.undo_stack.count() == 1 and "推进创新" in window.undo_stack.undoText()
    # The next Ctrl+Z undoes the tag that was saved; nothing else is touched.
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)
    assert spans_in_db(window) == [] and window.undo_stack.count() == 1 and not window.undo_stack.canUndo()


def test_a_full_disk_is_a_dialog_and_leaves_stack_and_view(  # type: ignore[no-untyped-def]
    qtbot, open_window, no_dialogs, monkeypatch
) -> None:
    window = open_window({"a.txt": TEXT})
    fill_the_disk(window, monkeypatch)
    tag_by_key(qtbot, window.text_pane, 4, 8, Qt.Key.Key_1)
    assert [title for title, _ in no_dialogs] == ["Not saved"] and "disk is full" in no_dialogs[0][1]
    assert window.undo_stack.count() == 0 and highlighted(window.text_pane) == []
    assert window.span_list.span_model.rowCount() == 0


def test_a_read_only_database_shows_a_banner_and_refuses_tags(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, settings_file, no_dialogs, monkeypatch
) -> None:
    db = make_db(tmp_path, {"a.txt": TEXT})
    monkeypatch.setattr(database, "_writable", lambda target: False)
    window = create_window(str(db), QSettings(str(settings_file), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.read_only_banner.isVisible() and "Read-only" in window.read_only_banner.text()
    tag_by_key(qtbot, window.text_pane, 4, 8, Qt.Key.Key_1)
    assert len(no_dialogs) == 1 and "read-only" in no_dialogs[0][1] and "damaged" not in no_dialogs[0][1]
    assert window.undo_stack.count() == 0 and spans_in_db(window) == []
    window.store.close()


def test_an_import_into_a_locked_database_ends_with_a_summary(qtbot, open_window, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"a.txt": TEXT})
    other = lock(window.store.path)
    try:
        runner = window.exchange.start_import([SAMPLE_DATA])
        with qtbot.waitSignal(runner.done, timeout=20000) as finished:
            pass
    finally:
        other.rollback()
        other.close()
    outcomes = finished.args[0]
    assert any(o.result is Result.FAILED and "locked" in o.detail for o in outcomes)
    assert ("summary", str(len(outcomes))) in no_dialogs
    assert not runner.worker_thread.isRunning()


def test_what_another_program_writes_shows_up(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"a.txt": TEXT})
    article_id = window.controller.document.article.id
    with Store.open(window.store.path) as other:
        other.spans.insert(other.document(article_id).span_from_text(9, 13, "measure", "colleague"))
    assert window.watcher.check()
    assert highlighted(window.text_pane) == [(9, 13)]
    assert window.span_list.span_model.rowCount() == 1
    assert not window.watcher.check(), "nothing new since"


def test_undo_and_redo_never_touch_another_programs_span(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"a.txt": TEXT})
    pane = window.text_pane
    tag_by_key(qtbot, pane, 4, 8, Qt.Key.Key_1)
    [mine] = window.store.spans.of_article(window.controller.document.article.id)
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)
    with Store.open(window.store.path) as other:
        theirs = other.spans.insert(other.document(mine.article_id).span_from_text(9, 13, "measure", "colleague"))
    assert theirs.id != mine.id
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL | SHIFT)
    assert {s.id for s in window.store.spans.of_article(mine.article_id)} == {mine.id, theirs.id}
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)
    assert [s.id for s in window.store.spans.of_article(mine.article_id)] == [theirs.id]


def test_an_undo_of_a_span_another_program_changed_is_refused(qtbot, open_window, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"a.txt": TEXT})
    pane = window.text_pane
    tag_by_key(qtbot, pane, 4, 8, Qt.Key.Key_1)
    [mine] = window.store.spans.of_article(window.controller.document.article.id)
    with Store.open(window.store.path) as other:
        other.spans.update(mine.id, category_id="target")  # type: ignore[arg-type]
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)
    assert "changed by another" in window.statusBar().currentMessage()
    assert window.store.spans.get(mine.id).category_id == "target"  # type: ignore[arg-type]
    assert not window.undo_stack.canUndo()


def test_no_key_sequence_is_bound_twice(open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"a.txt": TEXT})
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            owners.setdefault(sequence.toString(), []).append(action.text() or action.objectName())
    twice = {key: names for key, names in owners.items() if len(names) > 1}
    assert twice == {}
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()


@pytest.mark.parametrize(
    "platform_redo",
    [["Ctrl+Y", "Alt+Shift+Backspace", "Ctrl+Shift+Z"], ["Ctrl+Shift+Z"], ["Ctrl+Y"]],
    ids=["windows", "x11-kde-gnome-macos", "redo-without-shift-z"],
)
def test_redo_gets_ctrl_shift_z_once_whatever_the_platform_binds(qtbot, platform_redo: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The key lists each platform's theme gives Redo (Qt's key binding table)."""
    keys = unique_keys(*platform_redo, "Ctrl+Shift+Z")
    names = [key.toString() for key in keys]
    assert names.count("Ctrl+Shift+Z") == 1 and len(names) == len(set(names))
    assert set(platform_redo) <= set(names)


def test_the_demo_is_never_remembered_and_leaves_nothing_behind(  # type: ignore[no-untyped-def]
    qtbot, settings_file, monkeypatch
) -> None:
    from desktop.ui import app as app_module

    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    settings.setValue("last_db", "/somewhere/mine.db")
    settings.sync()
    made: list[str] = []
    making = app_module.demo_database
    monkeypatch.setattr(app_module, "demo_database", lambda: made.append(making()) or made[-1])
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    assert app_module.run_window(None, demo=True) == 0
    for widget in QApplication.topLevelWidgets():
        widget.close()
    settings.sync()
    assert settings.value("last_db") == "/somewhere/mine.db"
    assert made and not Path(made[0]).parent.exists()


def test_an_undo_that_fails_on_a_lock_stays_and_works_once_the_lock_is_gone(  # type: ignore[no-untyped-def]
    qtbot, open_window, no_dialogs
) -> None:
    window = open_window({"a.txt": TEXT})
    pane = window.text_pane
    for start in (4, 9, 14):
        tag_by_key(qtbot, pane, start, start + 3, Qt.Key.Key_1)
    assert len(spans_in_db(window)) == 3
    other = lock(window.store.path)
    for _ in range(3):
        qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)
        assert "Not undone" in window.statusBar().currentMessage() and "locked" in window.statusBar().currentMessage()
    assert len(spans_in_db(window)) == 3 and window.undo_stack.count() == 3 and window.undo_stack.index() == 3
    other.rollback()
    other.close()
    for left in (2, 1, 0):
        qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)
        assert len(spans_in_db(window)) == left and len(highlighted(pane)) == left
    # Redo fails the same way, and stays too.
    other = lock(window.store.path)
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "Not redone" in window.statusBar().currentMessage() and spans_in_db(window) == []
    other.rollback()
    other.close()
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(spans_in_db(window)) == 1 and window.undo_stack.index() == 1
    assert no_dialogs == [], "a lock is passing: the status bar says so"


def test_an_undo_on_a_full_disk_says_so_in_a_dialog_and_stays(  # type: ignore[no-untyped-def]
    qtbot, open_window, no_dialogs, monkeypatch
) -> None:
    window = open_window({"a.txt": TEXT})
    pane = window.text_pane
    tag_by_key(qtbot, pane, 4, 8, Qt.Key.Key_1)
    window.controller.select_span(window.store.spans.of_article(window.controller.document.article.id)[0].id)
    window.delete_span_action.trigger()
    assert spans_in_db(window) == []
    fill_the_disk(window, monkeypatch)
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)  # undo the delete: an insert, refused
    assert len(no_dialogs) == 1 and "Not undone" in no_dialogs[0][0] and "disk is full" in no_dialogs[0][1]
    assert spans_in_db(window) == [] and window.undo_stack.index() == 2
    monkeypatch.undo()
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)
    assert len(spans_in_db(window)) == 1 and highlighted(pane) == [(4, 8)]
