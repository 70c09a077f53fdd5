"""The window's central area: the read-only banner, the category bar, the two panes side by side, the find bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QMainWindow, QScrollArea, QSplitter, QVBoxLayout, QWidget

from desktop.ui.widgets.labels import plain_label


def read_only_banner() -> QLabel:
    banner = plain_label()
    banner.setStyleSheet("background: #fff3b0; color: #5a4500; padding: 4px;")
    banner.hide()
    return banner


def _with_header(pane: QWidget, header: QLabel) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(header)
    layout.addWidget(pane)
    return box


def central_area(
    banner: QLabel, category_bar: QWidget, panes: Sequence[tuple[QWidget, QLabel]], find_bar: QWidget
) -> QWidget:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    for pane, header in panes:
        splitter.addWidget(_with_header(pane, header))
    splitter.setChildrenCollapsible(False)
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(4, 4, 4, 4)
    for widget in (banner, category_bar):
        layout.addWidget(widget)
    layout.addWidget(splitter, 1)
    layout.addWidget(find_bar)
    return central


# The least a dock asks for: what it holds scrolls within it.
DOCK_MINIMUM = QSize(120, 60)
# Below this width the docks give way, so that the two text panes keep PANES_SHARE of it.
DOCKS_YIELD_BELOW = 1280
PANES_SHARE = 0.4
LEFT_SHARE, RIGHT_SHARE = 0.25, 0.3


def add_dock(window: QMainWindow, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
    """A dock whose content scrolls rather than grow the window: a stack of docks, each as tall as its
    content asks, would otherwise make the window taller than the screen (and Qt never shrinks it back)."""
    dock = QDockWidget()
    dock.setObjectName(name)  # the name saveState() keeps the dock's place under
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setMinimumSize(DOCK_MINIMUM)
    dock.setWidget(scroll)
    window.addDockWidget(area, dock)
    return dock


Panel = TypeVar("Panel", bound=QWidget)
# What makes the panel of each deferred dock not made yet, by the dock's id. (The docks stay plain
# QDockWidgets: with a Python subclass, every event a dock gets looks for Python overrides first.)
_TO_MAKE: dict[int, Callable[[], object]] = {}


def make_panel(dock: QDockWidget) -> None:
    """The panel of a deferred dock, made now: a workspace makes them before it lays its docks out,
    since they are sized by what they hold, and a placeholder asks for no room."""
    make = _TO_MAKE.get(id(dock))
    if make is not None:
        make()


class DeferredDock(Generic[Panel]):
    """A dock whose panel is made the first time its workspace is laid out, the dock is shown, or the
    panel is asked for.

    The window starts without making (or importing) the panels of the workspaces it does not show:
    the dock itself exists from the start, so saved layouts, the View menu and the workspaces
    place it as any other. ``make`` connects the new panel and gives it the window's state (a panel
    is in the window's language as it is made: each translates itself in its constructor).
    """

    def __init__(self, window: QMainWindow, name: str, area: Qt.DockWidgetArea, make: Callable[[], Panel]) -> None:
        self.dock = add_dock(window, name, QWidget(), area)
        self._make: Callable[[], Panel] | None = make
        self.built: Panel | None = None
        key = id(self.dock)
        _TO_MAKE[key] = self.panel
        self.dock.destroyed.connect(lambda: _TO_MAKE.pop(key, None))
        self.dock.visibilityChanged.connect(lambda shown: self.panel() if shown else None)

    def panel(self) -> Panel:
        if self.built is None:
            make, self._make = self._make, None
            if make is None:
                raise RuntimeError(f"the {self.dock.objectName()} panel was asked for while it was being made")
            self.built = make()
            scroll = cast(QScrollArea, self.dock.widget())
            scroll.setWidget(self.built)  # (deletes the placeholder)
            # The dock asks for the panel's room from now on (its layout kept the placeholder's).
            scroll.updateGeometry()
            _TO_MAKE.pop(id(self.dock), None)
        return self.built


def docks_yield(window: QMainWindow, left: list[QDockWidget], right: list[QDockWidget]) -> None:
    """Narrow the side docks of a small window; a wide window keeps the widths the analyst chose."""
    width = window.width()
    if width >= DOCKS_YIELD_BELOW:
        return
    docks, sizes = [], []
    for side, share in ((left, LEFT_SHARE), (right, RIGHT_SHARE)):
        for dock in side:
            floating_or_hidden = dock.isFloating() or not dock.isVisible()
            if not floating_or_hidden and dock.width() > share * width:
                docks.append(dock)
                sizes.append(int(share * width))
    if docks:
        window.resizeDocks(docks, sizes, Qt.Orientation.Horizontal)
