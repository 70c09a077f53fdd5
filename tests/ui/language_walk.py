"""What the window shows as its own words, gathered widget by widget, and the ones in the wrong language.

Data is exempt: article titles and texts, codes' labels (in the current language), analysts' names,
notes and metadata values may be in any script. Everything else the window writes itself (labels,
buttons, menus, headers, tabs, captions, placeholders, tooltips, combo entries) must be in the
interface language: no Chinese under English, no English words under Chinese beyond the names of
formats, keys and products that have no translation.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QTabWidget,
    QToolBar,
    QWidget,
)

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
WORD = re.compile(r"[A-Za-z][A-Za-z_]+")
# Names with no translation: file formats, keys, products, measures known by their authors' names.
NAMES = {
    "csv", "jsonl", "json", "excel", "xlsx", "refi", "qda", "qdpx", "qdc", "utf", "bom", "opencc", "sqlite",
    "ctrl", "shift", "alt", "meta", "del", "esc", "enter", "return", "tab", "home", "end", "pgup", "pgdown",
    "space", "backspace", "up", "down", "left", "right", "ins", "doccano", "label", "studio", "maxqda",
    "nvivo", "atlas", "ti", "qualcoder", "krippendorff", "cohen", "gbk", "big", "gb", "txt", "md", "html",
    "db", "xml", "pinyin", "ok", "id", "url", "regex", "unicode", "ascii", "pdf", "png", "tsv", "xls",
    "docx", "ini",
}  # fmt: skip
# Shown as they are in every language: the languages by their own names, the program by its name.
PHRASES = ("English", "中文（简体）", "Policy Annotator")
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def visible_words(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every string ``widget`` and its visible children show as the window's own."""
    yield from _own_words(widget)
    for child in widget.findChildren(QWidget):
        # A header shows its view's model (walked with the view); menus are walked from the menu bar.
        if child.isVisibleTo(widget) and not isinstance(child, QHeaderView | QMenu):
            yield from _own_words(child)
    if isinstance(widget, QMainWindow):
        yield from _menu_words(widget.menuBar().actions())


def _menu_words(actions: list[QAction]) -> Iterator[tuple[str, str]]:
    for action in actions:
        yield "menu", action.text()
        if action.toolTip() != action.text().replace("&", "").rstrip("…"):
            yield "menu.tooltip", _plain(action.toolTip())
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_words(submenu.actions())


def _own_words(widget: QWidget) -> Iterator[tuple[str, str]]:
    kind = type(widget).__name__
    name = f"{kind}({widget.objectName() or widget.parent().__class__.__name__})"
    if widget.isWindow() or isinstance(widget, QDockWidget):
        yield f"{name}.title", widget.windowTitle()
    if widget.toolTip():
        yield f"{name}.tooltip", _plain(widget.toolTip())
    if isinstance(widget, QLabel):
        yield f"{name}.text", _plain(widget.text())
    elif isinstance(widget, QAbstractButton):
        yield f"{name}.text", widget.text()
    elif isinstance(widget, QLineEdit):
        yield f"{name}.placeholder", widget.placeholderText()
    elif isinstance(widget, QComboBox) and _not_files(widget):
        for row in range(widget.count()):
            yield f"{name}.item", widget.itemText(row)
    elif isinstance(widget, QTabBar):
        for tab in range(widget.count()):
            yield f"{name}.tab", widget.tabText(tab)
            yield f"{name}.tabtip", _plain(widget.tabToolTip(tab))
    elif isinstance(widget, QTabWidget):
        for tab in range(widget.count()):
            yield f"{name}.tab", widget.tabText(tab)
    elif isinstance(widget, QGroupBox):
        yield f"{name}.title", widget.title()
    elif isinstance(widget, QToolBar):
        for action in widget.actions():
            yield f"{name}.action", action.text()
            if action.toolTip() != action.text().replace("&", ""):
                yield f"{name}.actiontip", _plain(action.toolTip())
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None and _not_files(widget):
        yield from _model_words(name, widget.model())


def _not_files(view: QWidget) -> bool:
    """A file dialog's lists and folder box show the disk's names and sizes: data, not the window's words."""
    return not isinstance(view.window(), QFileDialog)


def _model_words(name: str, model: QAbstractItemModel) -> Iterator[tuple[str, str]]:
    for column in range(_columns(model, QModelIndex())):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if header is not None:
            yield f"{name}.header", str(header)
    for index in _indexes(model, QModelIndex(), 0):
        value = model.data(index, Qt.ItemDataRole.DisplayRole)
        if value is not None:
            yield f"{name}.cell", str(value)
        tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
        if tip:
            yield f"{name}.celltip", _plain(str(tip))


def _indexes(model: QAbstractItemModel, parent: QModelIndex, depth: int) -> Iterator[QModelIndex]:
    for row in range(min(model.rowCount(parent), 60)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            yield index
            if column == 0 and depth < 4:
                yield from _indexes(model, index, depth + 1)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps its single column to itself
        return 1


def _plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def wrong_language(
    words: Iterable[tuple[str, str]], language: str, names: Iterable[str], texts: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """The strings that are not in ``language``. Runs of either script found in ``names`` (titles, labels,
    values) are data anywhere; those found in ``texts`` (articles) only in a list's cells, which quote them."""
    name_blob = "\n".join(n for n in names if n)
    text_blob = name_blob + "\n" + "\n".join(t for t in texts if t)
    found = []
    for where, text in words:
        rest = text
        for name in PHRASES:
            rest = rest.replace(name, " ")
        if language.startswith("zh"):
            runs = [w for w in WORD.findall(rest) if w.lower() not in NAMES and not re.fullmatch(r"F\d+", w)]
        else:
            runs = CJK_RUN.findall(rest)
        blob = text_blob if where.endswith((".cell", ".celltip")) else name_blob
        if any(run not in blob for run in runs):
            found.append((where, text))
    return sorted(set(found))
