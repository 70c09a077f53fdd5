"""Tagging as an analyst does it: keyboard selection, a number key, undo and redo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from desktop.ui.panes.note_editor import NoteEditor
from tests.ui.conftest import highlighted, painted_colour, spans_in_db, tag_by_key

ASTRAL_ARTICLE = "𠮷祥街區改造方案\n\n𠮷𡈼😀推進𠮷祥街區改造,建設新寧德。\n"


def type_with_input_method(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese arrives from an input method as a committed string, not as key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def select_with_keyboard(qtbot, pane, start: int, length: int) -> None:  # type: ignore[no-untyped-def]
    """Home of the document, Right to the start, Shift+Right over the selection."""
    pane.setFocus()
    pane.moveCursor(QTextCursor.MoveOperation.Start)
    for _ in range(start):
        qtbot.keyClick(pane, Qt.Key.Key_Right)
    for _ in range(length):
        qtbot.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def test_select_press_2_undo_redo(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)  # the Simplified GB18030 sample
    pane = window.text_pane
    select_with_keyboard(qtbot, pane, 0, 3)
    assert pane.selection() == (0, 3)
    qtbot.keyClick(pane, Qt.Key.Key_2)
    article = window.controller.document.article
    row = spans_in_db(window)
    assert row == [("target", 0, 3, article.text[:3], 0, 3, article.original_text[:3])]
    assert highlighted(window.text_pane) == [(0, 3)]
    assert highlighted(window.original_pane) == [(0, 3)]
    assert window.span_list.span_model.rowCount() == 1

    qtbot.keyClick(pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert spans_in_db(window) == []
    assert highlighted(window.text_pane) == []
    assert highlighted(window.original_pane) == []
    assert window.span_list.span_model.rowCount() == 0

    qtbot.keyClick(pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert spans_in_db(window) == row
    assert highlighted(window.text_pane) == [(0, 3)]
    assert highlighted(window.original_pane) == [(0, 3)]


def test_astral_characters_before_and_inside_the_span(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"astral.txt": ASTRAL_ARTICLE})
    article = window.controller.document.article
    assert article.text.startswith("𠮷祥街区改造方案")
    start = article.text.index("𡈼😀推进")
    # The arrow keys step over whole characters; Qt's cursor counts two UTF-16 units for each
    # astral one, the store gets code points.
    select_with_keyboard(qtbot, window.text_pane, start, 4)
    cursor = window.text_pane.textCursor()
    units_before = len(article.text[:start].encode("utf-16-le")) // 2
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (units_before, units_before + 6)
    assert units_before == start + 2
    assert window.text_pane.selection() == (start, start + 4)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_2)
    [(category, s, e, text, o_s, o_e, original_text)] = spans_in_db(window)
    assert (category, s, e, text) == ("target", start, start + 4, "𡈼😀推进")
    assert article.original_text[o_s:o_e] == original_text == "𡈼😀推進"
    assert highlighted(window.text_pane) == [(start, start + 4)]
    assert highlighted(window.original_pane) == [(o_s, o_e)]
    # On screen: the colour starts and stops at exactly these characters, astral neighbours included.
    window.text_pane.select(0, 0, scroll=False)
    paper = painted_colour(window.text_pane, start - 1)  # 𠮷, before the span
    assert painted_colour(window.text_pane, start + 4) == paper  # 𠮷 again, after it
    inside = {painted_colour(window.text_pane, position) for position in range(start, start + 4)}
    assert len(inside) == 1 and paper not in inside


def test_tagging_in_the_original_pane_snaps_over_a_pinyin_note(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(0)  # Traditional with pinyin notes
    article = window.controller.document.article
    note = article.original_text.index("(chuàng)")
    # Select from inside the note to the end of the next character's note.
    window.original_pane.setFocus()
    window.original_pane.select(note + 2, article.original_text.index("(fā)") + 1)
    qtbot.keyClick(window.original_pane, Qt.Key.Key_1)
    [(category, s, e, text, o_s, o_e, original_text)] = spans_in_db(window)
    assert category == "project"
    assert text == "创新发" and text == article.text[s:e]
    assert original_text == "創(chuàng)新發(fā)" and original_text == article.original_text[o_s:o_e]


def test_removed_text_cannot_be_tagged(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(0)
    article = window.controller.document.article
    tail = article.original_text.index("青禾新聞網(wǎng)版權")
    window.original_pane.setFocus()
    window.original_pane.select(tail, tail + 5)
    qtbot.keyClick(window.original_pane, Qt.Key.Key_3)
    assert spans_in_db(window) == []
    assert "removed" in window.statusBar().currentMessage()
    # The removed tail is shown greyed out in the original pane.
    muted = highlighted(window.original_pane, muted=True)
    assert muted[0][0] == tail and muted[-1][1] == len(article.original_text.rstrip("\n"))
    assert highlighted(window.text_pane, muted=True) == []


def test_find_then_tag(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(0)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    type_with_input_method(window.find_bar.field, "產業園")  # Traditional, finds the Simplified text
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    article = window.controller.document.article
    start = article.text.index("产业园")
    assert window.text_pane.selection() == (start, start + 3)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.text_pane.hasFocus()
    assert window.text_pane.selection() == (start, start + 3)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_1)
    assert [row[:4] for row in spans_in_db(window)] == [("project", start, start + 3, "产业园")]


def test_overlapping_spans_and_picking_one(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    pane = window.text_pane
    pane.setFocus()
    pane.select(0, 6)
    qtbot.keyClick(pane, Qt.Key.Key_1)
    pane.select(3, 9)
    qtbot.keyClick(pane, Qt.Key.Key_2)
    assert highlighted(pane) == [(0, 9)]
    # Double click on the overlap selects one span, again the other.
    window.controller.activate_at(pane, 4)
    first = window.controller.selected_span
    window.controller.activate_at(pane, 4)
    second = window.controller.selected_span
    assert {first, second} == {s.id for s in window.controller.spans}
    assert "<hr>" in window.controller.tooltip(pane, 4)
    outline = window.controller.span_by_id(second)
    assert pane.outline() == (outline.start, outline.end)
    assert window.original_pane.outline() == (outline.original_start, outline.original_end)


def test_span_list_edits_and_delete(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    window.text_pane.setFocus()
    window.text_pane.select(0, 4)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_3)
    span_id = window.controller.spans[0].id
    # F2 on the row opens the note editor over the pane; Enter keeps the note.
    window.span_list.setFocus()
    window.span_list.setCurrentIndex(window.span_list.span_model.index(0, 1))
    qtbot.keyClick(window.span_list, Qt.Key.Key_F2)
    editor = window.controller.note_editor
    type_text(editor, "重点")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.store.spans.get(span_id).note == "重点"
    assert window.span_list.span_model.data(window.span_list.span_model.index(0, 2)) == "重点"
    window.controller.change_category(span_id, "project")
    assert window.store.spans.get(span_id).category_id == "project"
    window.span_list.setFocus()
    window.span_list.setCurrentIndex(window.span_list.span_model.index(0, 1))
    qtbot.keyClick(window.span_list, Qt.Key.Key_Delete)
    assert window.store.spans.of_article(window.controller.document.article.id) == []
    for _ in range(3):
        window.undo_stack.undo()
    restored = window.store.spans.get(span_id)
    assert (restored.category_id, restored.note) == ("measure", "")


def test_drifted_span_is_reported_not_painted(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    window.text_pane.setFocus()
    window.text_pane.select(0, 3)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_1)
    window.text_pane.select(5, 8)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_2)
    [first, second] = window.controller.spans
    # Something outside the program edits the quote of one span.
    window.store.db.execute("update spans set text = '别的字' where id = ?", [first.id])
    window.controller.open_article(first.article_id)
    assert [s.id for s in window.controller.drifted] == [first.id]
    assert highlighted(window.text_pane) == [(second.start, second.end)]
    assert "no longer match" in window.statusBar().currentMessage()


def test_context_menu_tags_and_selects(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    pane = window.original_pane
    pane.setFocus()
    pane.select(0, 3)
    menu = window.controller.context_menu(pane, 1, pane.mapToGlobal(pane.rect().center()), window)
    tag_as_measure = next(a for a in menu.actions() if a.text() == "Tag as Measure")
    tag_as_measure.trigger()
    [row] = spans_in_db(window)
    assert row[0] == "measure" and (row[4], row[5]) == (0, 3)
    menu = window.controller.context_menu(pane, 1, pane.mapToGlobal(pane.rect().center()), window)
    select = next(a for a in menu.actions() if a.text().startswith("Select “"))
    select.trigger()
    assert window.controller.selected_span == window.controller.spans[0].id


def test_double_click_on_a_highlight_selects_it(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    pane = window.text_pane
    pane.setFocus()
    pane.select(4, 9)
    qtbot.keyClick(pane, Qt.Key.Key_2)
    window.controller.select_span(None)
    cursor = pane.textCursor()
    cursor.setPosition(6)
    point = pane.cursorRect(cursor).center()
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.controller.selected_span == window.controller.spans[0].id
    assert pane.outline() == (4, 9)


def test_choosing_a_row_in_the_span_list_jumps_to_the_span(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    pane = window.text_pane
    pane.setFocus()
    for start in (2, 30):
        pane.select(start, start + 4)
        qtbot.keyClick(pane, Qt.Key.Key_1)
    window.text_pane.select(0, 0)
    window.span_list.setCurrentIndex(window.span_list.span_model.index(0, 1))
    first = window.controller.spans[0]
    assert window.text_pane.selection() == (first.start, first.end)
    assert window.original_pane.selection() == (first.original_start, first.original_end)
    assert window.controller.selected_span == first.id


def test_category_button_tags_the_selection(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(2)
    window.text_pane.setFocus()
    window.text_pane.select(6, 10)
    qtbot.mouseClick(window.category_bar.buttons["target"], Qt.MouseButton.LeftButton)
    [row] = spans_in_db(window)
    assert (row[0], row[1], row[2]) == ("target", 6, 10)


def type_text(editor: NoteEditor | None, text: str) -> None:
    """Chinese arrives from the input method as committed text, not key by key."""
    assert editor is not None, "no note editor opened"
    editor.insert(text)


def test_a_note_by_keyboard_on_the_span_just_tagged(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    tag_by_key(qtbot, window.text_pane, 0, 4, Qt.Key.Key_1)
    [span] = window.controller.spans
    qtbot.keyClick(window.text_pane, Qt.Key.Key_N)
    editor = window.controller.note_editor
    assert editor is not None and editor.hasFocus() and editor.isVisible()
    type_text(editor, "见第三条")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.store.spans.get(span.id).note == "见第三条"
    assert window.text_pane.hasFocus()
    # Escape drops an edit; moving the focus away keeps one.
    qtbot.keyClick(window.text_pane, Qt.Key.Key_N)
    editor = window.controller.note_editor
    type_text(editor, "不要")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.store.spans.get(span.id).note == "见第三条"
    qtbot.keyClick(window.text_pane, Qt.Key.Key_N)
    editor = window.controller.note_editor
    editor.setText("改过")
    window.article_list.view.setFocus()
    qtbot.waitUntil(lambda: window.store.spans.get(span.id).note == "改过")
    window.undo_stack.undo()
    assert window.store.spans.get(span.id).note == "见第三条"


def test_the_span_menus_offer_a_note_and_only_the_other_categories(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    tag_by_key(qtbot, window.text_pane, 0, 4, Qt.Key.Key_3)
    [span] = window.controller.spans
    texts = [action.text() for action in window.span_list.menu_for(span.id).actions()]
    assert "Change to Measure" not in " ".join(texts) and any("Project" in text for text in texts)
    assert any("note" in text for text in texts)
    pane_menu = window.controller.context_menu(window.text_pane, 1, QPoint(), window)
    [note] = [action for action in pane_menu.actions() if "note" in action.text()]
    note.trigger()
    assert window.controller.note_editor is not None
