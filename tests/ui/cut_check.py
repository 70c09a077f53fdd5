"""What a window shows cut short: headers, tabs, labels, buttons and combo boxes narrower than their
text, and toolbars that hide actions behind their » button. Only what is on screen counts."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QStyle,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)

# Room a control needs around its text (frame, padding, arrow), below what every style gives.
BUTTON_PADDING, COMBO_PADDING = 6, 20


def _in_sight(widget: QWidget) -> QRect:
    """The part of ``widget`` its ancestors leave in sight, in the window's coordinates."""
    window = widget.window()
    seen = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        seen &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return seen & window.rect()


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and not _in_sight(widget).isEmpty()


def _sideways(widget: QWidget) -> bool:
    """Partly out of sight to the left or right (a scroll area or a parent narrower than the widget)."""
    return _in_sight(widget).width() < widget.width()


def _name(widget: QWidget) -> str:
    dock = widget
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    where = dock.windowTitle() if isinstance(dock, QDockWidget) else "window"
    return f"{where} / {type(widget).__name__}"


def _header_cuts(header: QHeaderView) -> list[str]:
    view = header.parentWidget()
    if not isinstance(view, QAbstractItemView) or view.model() is None or not _shown(header):
        return []
    model, metrics = view.model(), header.fontMetrics()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    found = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(text) + margin
        left = header.sectionViewportPosition(section)
        if header.sectionSize(section) < needed:
            found.append(f"{_name(header)}: header “{text}” {header.sectionSize(section)} < {needed} px")
        elif left < 0 or left + needed > header.viewport().width():
            found.append(f"{_name(header)}: header “{text}” scrolled out of sight")
    return found


def cut_content(window: QWidget) -> list[str]:
    """One line per control whose text is cut, naming the dock it is in."""
    found: list[str] = []
    for header in window.findChildren(QHeaderView):
        if header.orientation() == Qt.Orientation.Horizontal and not header.isHidden():
            found += _header_cuts(header)
    for bar in window.findChildren(QTabBar):
        if not _shown(bar):
            continue
        metrics = bar.fontMetrics()
        for index in range(bar.count()):
            text = bar.tabText(index).replace("&", "")
            if bar.tabRect(index).width() < metrics.horizontalAdvance(text) + BUTTON_PADDING:
                found.append(f"{_name(bar)}: tab “{text}”")
    for toolbar in window.findChildren(QToolBar):
        extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if _shown(toolbar) and extension is not None and extension.isVisible():
            found.append(f"{_name(toolbar)}: actions behind »")
    for button in window.findChildren(QAbstractButton):
        text = button.text().replace("&", "")
        if text and _shown(button) and button.width() < button.fontMetrics().horizontalAdvance(text) + BUTTON_PADDING:
            found.append(f"{_name(button)}: button “{text}” {button.width()} px")
        elif text and _shown(button) and _sideways(button):
            found.append(f"{_name(button)}: button “{text}” partly out of sight")
    for label in window.findChildren(QLabel):
        text = label.text().replace("&", "") if label.buddy() is not None else label.text()
        if (
            text
            and _shown(label)
            and not label.wordWrap()
            and label.textFormat() != Qt.TextFormat.RichText
            and "\n" not in text
            and "<" not in text
            and (label.contentsRect().width() < label.fontMetrics().horizontalAdvance(text) or _sideways(label))
        ):
            found.append(f"{_name(label)}: label “{text}” {label.contentsRect().width()} px")
    for combo in window.findChildren(QComboBox):
        text = combo.currentText()
        needed = combo.fontMetrics().horizontalAdvance(text) + COMBO_PADDING
        if text and _shown(combo) and (combo.width() < needed or _sideways(combo)):
            found.append(f"{_name(combo)}: combo “{text}” {combo.width()} px")
    return found
