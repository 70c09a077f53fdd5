"""The selection can never be taken for a span: it is hatched, spans are flat; new codes get far colours."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.core.colours import ColourPicker, distance_to, selection_lab, span_lab
from desktop.ui.codebook.category_dialog import CategoryDialog
from desktop.ui.panes.text_pane import TextPane
from tests.ui.conftest import tag_by_key

# Ideographic spaces: no glyph covers the background, so every pixel of the cells is what the pane paints.
BLANK_ARTICLE = "空白\n\n推進" + "\u3000" * 12 + "建設。\n"
FIRST_BLANK = BLANK_ARTICLE.index("\u3000")


def cell_colours(pane: TextPane, start: int, end: int) -> Counter[str]:
    """The colours of every pixel inside the cells of ``start``–``end`` (code points, one line)."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    left = pane.cursorRect(cursor)
    cursor.setPosition(end)
    right = pane.cursorRect(cursor)
    assert left.top() == right.top()
    image = pane.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return Counter(
        image.pixelColor(x, y).name()
        for x in range(int(left.left() * ratio) + 3, int(right.left() * ratio) - 3)
        for y in range(int((left.top() + 3) * ratio), int((left.bottom() - 3) * ratio))
    )


def test_a_selection_is_hatched_where_a_span_is_flat_even_after_an_undo(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"blank.txt": BLANK_ARTICLE})
    pane = window.text_pane
    start, end = FIRST_BLANK + 2, FIRST_BLANK + 10
    pane.setFocus()
    pane.select(start, end)
    selected = cell_colours(pane, start, end)
    assert len(selected) >= 2, selected  # fill and hatch lines

    tag_by_key(qtbot, pane, start, end, Qt.Key.Key_3)
    cursor = pane.textCursor()
    cursor.clearSelection()
    pane.setTextCursor(cursor)
    tagged = cell_colours(pane, start, end)
    assert len(tagged) == 1, tagged  # a span is one flat colour
    [measure_tint] = tagged

    qtbot.keyClick(pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    pane.select(start, end)
    again = cell_colours(pane, start, end)
    assert len(again) >= 2 and measure_tint not in again, (again, measure_tint)


def test_the_new_code_dialog_offers_the_colour_farthest_from_the_codebook(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    codebook = window.store.categories.codebook()
    dialog = CategoryDialog(codebook, None, window)
    qtbot.addWidget(dialog)
    offered = dialog.colour.text()
    existing = [category.colour for category in codebook]
    assert offered == ColourPicker(existing).next()
    assert distance_to(offered, [selection_lab(), *(span_lab(c) for c in existing)]) >= 10  # type: ignore[arg-type]
