"""The codebook as a tree: names with their keys and span counts, a box to hide a code's highlights,
drag (or Alt and the arrow keys) to reorder and re-parent."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.codebook import Codebook
from desktop.core.models import Category
from desktop.ui.panes.span_painter import tint
from desktop.ui.widgets.folding_bar import FoldingBar
from desktop.ui.widgets.labels import category_label, plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole


class CodeTree(QTreeWidget):
    """A tree whose drops and Alt+arrow moves are requests: the store moves the code, the tree is rebuilt."""

    moveRequested = Signal(str, object, int)  # category id, new parent id or None, index among its siblings

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The names take what the key and count columns leave: a dock is narrow.
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    @staticmethod
    def id_of(item: QTreeWidgetItem | None) -> str | None:
        return None if item is None else item.data(0, ID_ROLE)

    def place_of(self, item: QTreeWidgetItem) -> tuple[str | None, int]:
        parent = item.parent()
        if parent is None:
            return None, self.indexOfTopLevelItem(item)
        return self.id_of(parent), parent.indexOfChild(item)

    def drop_target(self, point: QPoint) -> tuple[str | None, int]:
        """Where a code dropped at ``point`` goes: before, after or into the code there (the middle half)."""
        target = self.itemAt(point)
        if target is None:
            return None, self.topLevelItemCount()
        rect = self.visualItemRect(target)
        parent, index = self.place_of(target)
        if point.y() < rect.top() + rect.height() // 4:
            return parent, index
        if point.y() > rect.bottom() - rect.height() // 4:
            return parent, index + 1
        return self.id_of(target), target.childCount()

    def request_move(self, item: QTreeWidgetItem, parent: str | None, index: int) -> None:
        old_parent, old_index = self.place_of(item)
        if parent == old_parent and index > old_index:
            index -= 1  # the code leaves its old place first
        if (parent, index) != (old_parent, old_index):
            self.moveRequested.emit(self.id_of(item), parent, index)

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.currentItem()
        if item is None or event.source() is not self:
            event.ignore()
            return
        parent, index = self.drop_target(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.request_move(item, parent, index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if item is None or event.modifiers() != Qt.KeyboardModifier.AltModifier:
            super().keyPressEvent(event)
            return
        parent, index = self.place_of(item)
        owner = item.parent()
        key = event.key()
        if key == Qt.Key.Key_Up and index > 0:
            self.moveRequested.emit(self.id_of(item), parent, index - 1)
        elif key == Qt.Key.Key_Down:
            self.moveRequested.emit(self.id_of(item), parent, index + 1)
        elif key == Qt.Key.Key_Right and index > 0:
            # Into the code above, as its last sub-code.
            above = owner.child(index - 1) if owner is not None else self.topLevelItem(index - 1)
            if above is not None:
                self.moveRequested.emit(self.id_of(item), self.id_of(above), above.childCount())
        elif key == Qt.Key.Key_Left and owner is not None:
            # Out of its parent, to just after it.
            grand_parent, parent_index = self.place_of(owner)
            self.moveRequested.emit(self.id_of(item), grand_parent, parent_index + 1)
        else:
            super().keyPressEvent(event)


class CodebookPanel(QWidget):
    hiddenChanged = Signal(object)  # frozenset of category ids whose highlights are hidden
    shown = Signal()  # back on screen: what changed meanwhile is read then

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toolbar = FoldingBar()
        self.tree = CodeTree()
        self.hidden: frozenset[str] = frozenset()
        self.items: dict[str, QTreeWidgetItem] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tree)
        self.tree.itemChanged.connect(self._box_changed)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Key"), self.tr("Spans")])
        self.toolbar.retranslate()

    def current_id(self) -> str | None:
        return self.tree.id_of(self.tree.currentItem())

    def select(self, category_id: str | None) -> None:
        item = self.items.get(category_id or "")
        if item is not None:
            self.tree.setCurrentItem(item)

    def show_codebook(self, categories: list[Category], layer_counts: list[dict[str, int]]) -> None:
        """The tree as the store has it now, with the span counts of each layer counted (side by side, never
        summed); the selection, what is hidden and what is expanded are kept."""
        current = self.current_id()
        collapsed = {i for i, item in self.items.items() if item.childCount() and not item.isExpanded()}
        codebook = Codebook(categories)
        per_layer = [(counts, codebook.totals(counts)) for counts in layer_counts]
        self.hidden = frozenset(i for i in self.hidden if i in codebook)
        self.tree.blockSignals(True)
        self.tree.clear()
        self.items = {}
        for category in codebook.order:
            parent = self.items.get(category.parent_id or "")
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            shown = []
            for counts, totals in per_layer:
                own, total = counts.get(category.id, 0), totals[category.id]
                shown.append(str(own) if own == total else f"{own} ({total})")
            item.setText(0, category_label(category))
            item.setText(1, category.key)
            item.setText(2, " · ".join(shown))
            item.setData(0, ID_ROLE, category.id)
            item.setToolTip(0, plain_tooltip(category.description) if category.description else "")
            item.setBackground(0, tint(category.colour))
            if not category.codable:
                font = item.font(0)
                font.setItalic(True)
                item.setFont(0, font)
            checked = Qt.CheckState.Unchecked if category.id in self.hidden else Qt.CheckState.Checked
            item.setCheckState(0, checked)
            self.items[category.id] = item
        self.tree.expandAll()
        for category_id in collapsed & set(self.items):
            self.items[category_id].setExpanded(False)
        self.tree.blockSignals(False)
        self.select(current)

    def _box_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        category_id = self.tree.id_of(item)
        if category_id is None:
            return
        hidden = set(self.hidden)
        if item.checkState(0) == Qt.CheckState.Checked:
            hidden.discard(category_id)
        else:
            hidden.add(category_id)
        if hidden != self.hidden:
            self.hidden = frozenset(hidden)
            self.hiddenChanged.emit(self.hidden)
