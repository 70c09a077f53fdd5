"""Keyword-in-context columns: the words next to the hit are the ones kept when a context is cut.

A view elides every column the same way (at the right, by default), which for the context
*before* a hit throws away exactly the characters that lead into it. These delegates elide each
context column away from the hit and align it against the hit.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex


class ContextDelegate(QStyledItemDelegate):
    """Draws a context column cut on the side away from the hit.

    ``before``: right-aligned, the start elided. After: left-aligned, the end elided. Rows that
    are not hits (a tree's article rows, spanning the columns) keep the ordinary look.
    """

    def __init__(self, before: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.before = before

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if not self.is_context(index):
            return
        if self.before:
            option.textElideMode = Qt.TextElideMode.ElideLeft  # type: ignore[attr-defined]
            option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # type: ignore[attr-defined]
        else:
            option.textElideMode = Qt.TextElideMode.ElideRight  # type: ignore[attr-defined]
            option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter  # type: ignore[attr-defined]

    def is_context(self, index: Index) -> bool:
        """A tree's top-level rows are titles, not contexts; a table's rows are all passages."""
        model = index.model()
        return model is None or index.parent().isValid() or model.rowCount(index.sibling(index.row(), 0)) == 0


def show_contexts(view: QAbstractItemView, before: int, after: int) -> None:
    """Columns ``before`` and ``after`` of ``view`` drawn as the contexts either side of a hit."""
    view.setItemDelegateForColumn(before, ContextDelegate(True, view))
    view.setItemDelegateForColumn(after, ContextDelegate(False, view))
