"""What the text panes show on demand: the tooltip over spans and the context menu."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.panes.text_pane import TextPane
from desktop.ui.widgets.labels import category_label, menu_text

NOTE_KEY = "N"


def span_tooltip(controller: Any, pane: TextPane, position: int) -> str:
    """The spans under the mouse: category, note and text, as escaped rich text."""
    lines = []
    by_id = {category.id: category for category in controller.categories}
    for span in controller.spans_at(pane, position):
        category = by_id.get(span.category_id)
        name = category_label(category) if category else span.category_id
        note = f" — {span.note}" if span.note else ""
        lines.append(f"<b>{escape(name)}</b>{escape(note)}<br>{escape(span.text)}")
    return "<hr>".join(lines)


def pane_menu(controller: Any, pane: TextPane, position: int, parent: QWidget) -> QMenu:
    """Tag the selection; pick, annotate or delete the spans under the pointer."""
    menu = QMenu(parent)
    start, end = pane.selection()
    if end > start:
        controller.last_pane = pane
        for category in (c for c in controller.categories if c.codable):
            action = menu.addAction(
                QCoreApplication.translate("PaneMenu", "Tag as %1").replace("%1", menu_text(category_label(category)))
            )
            if category.key:
                action.setShortcut(category.key)
            action.triggered.connect(lambda _=False, c=category.id: controller.tag(c))
    hits = controller.spans_at(pane, position)
    if hits:
        menu.addSeparator()
        for span in hits:
            action = menu.addAction(
                QCoreApplication.translate("PaneMenu", "Select “%1”").replace("%1", menu_text(span.text[:20]))
            )
            action.triggered.connect(lambda _=False, i=span.id: controller.select_span(i))
        chosen = controller.span_by_id(controller.selected_span)
        if chosen is not None:
            note = menu.addAction(QCoreApplication.translate("PaneMenu", "Edit note…"))
            note.setShortcut(QKeySequence(NOTE_KEY))
            note.triggered.connect(lambda: controller.open_note_editor())
            delete = menu.addAction(QCoreApplication.translate("PaneMenu", "Delete selected span"))
            delete.triggered.connect(controller.delete_selected)
    return menu
