"""Four workspaces, one task each: Code, Search & retrieve, Review, Report.

Each shows its own docks around the panes (Report: its tables across the whole window) and keeps
the layout the analyst gives it. A dock that belongs to a task (search, passages, adjudication,
reports) takes the window to that task's workspace when it is opened. Ctrl+1 … Ctrl+4, or the
tabs above the panes, switch.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabBar, QToolBar

from desktop.ui.window.window_layout import make_panel


class Workspace(StrEnum):
    CODE = "code"
    SEARCH = "search"
    REVIEW = "review"
    REPORT = "report"


LEFT, RIGHT, BOTTOM = (
    Qt.DockWidgetArea.LeftDockWidgetArea,
    Qt.DockWidgetArea.RightDockWidgetArea,
    Qt.DockWidgetArea.BottomDockWidgetArea,
)
# Each workspace's docks as it first shows them: (dock name, area); docks of one area after the first
# are stacked under it, except where TABBED says they share its place.
LAYOUTS: dict[Workspace, tuple[tuple[str, Qt.DockWidgetArea], ...]] = {
    Workspace.CODE: (
        ("articles", LEFT),
        ("codebook", LEFT),
        ("spans", RIGHT),
        ("article", RIGHT),
        ("flags", RIGHT),
        ("learning", RIGHT),
    ),
    Workspace.SEARCH: (("articles", LEFT), ("search", BOTTOM), ("passages", BOTTOM), ("spans", RIGHT)),
    Workspace.REVIEW: (("articles", LEFT), ("adjudication", RIGHT), ("spans", RIGHT)),
    Workspace.REPORT: (("reports", BOTTOM),),
}
TABBED = {("article", "flags"), ("article", "learning"), ("search", "passages")}
# A side dock's share of the window's width when a workspace is first laid out (others: 22%).
SIDE_SHARES = {"articles": 0.25, "adjudication": 0.36}
# The docks that take the window to their task's workspace when opened.
HOMES = {"search": Workspace.SEARCH, "passages": Workspace.SEARCH, "adjudication": Workspace.REVIEW}
HOMES["reports"] = Workspace.REPORT
KEYS = {Workspace.CODE: "Ctrl+1", Workspace.SEARCH: "Ctrl+2", Workspace.REVIEW: "Ctrl+3", Workspace.REPORT: "Ctrl+4"}


def fit_to_screen(window: QMainWindow) -> None:
    """Keep the window inside the screen's available area (nothing may make it grow past it)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    available: QRect = screen.availableGeometry()
    frame = window.frameGeometry()
    margin_w, margin_h = frame.width() - window.width(), frame.height() - window.height()
    width = min(window.width(), available.width() - margin_w)
    height = min(window.height(), available.height() - margin_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), available.x()), available.right() - frame.width() + 1)
    y = min(max(frame.y(), available.y()), available.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class Workspaces(QObject):
    changed = Signal(str)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.bar = QTabBar()
        self.bar.setDrawBase(False)
        self.bar.setExpanding(False)
        for _ in Workspace:
            self.bar.addTab("")
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("workspaces")  # saveState() keeps toolbars by name
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.addWidget(self.bar)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.actions: dict[Workspace, QAction] = {}
        for workspace in Workspace:
            action = QAction(window, checkable=True)
            action.setShortcut(KEYS[workspace])
            action.triggered.connect(lambda _=False, w=workspace: self.switch(w))
            window.addAction(action)
            self.actions[workspace] = action
        self.menu = QMenu(window)
        self.menu.addActions(list(self.actions.values()))
        self.current = Workspace.CODE
        self._pending_sizes: list[tuple[list[QDockWidget], list[int], Qt.Orientation]] = []
        self.bar.currentChanged.connect(lambda index: self.switch(list(Workspace)[index]))
        for name, dock in self.docks().items():
            if name in HOMES:
                dock.toggleViewAction().triggered.connect(lambda shown, d=dock: self._toggled(d, shown))
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            Workspace.CODE: self.tr("Code"),
            Workspace.SEARCH: self.tr("Search && retrieve"),
            Workspace.REVIEW: self.tr("Review"),
            Workspace.REPORT: self.tr("Report"),
        }
        for index, workspace in enumerate(Workspace):
            self.bar.setTabText(index, names[workspace])
            self.bar.setTabToolTip(index, KEYS[workspace])
            self.actions[workspace].setText(names[workspace])

    def docks(self) -> dict[str, QDockWidget]:
        return {dock.objectName(): dock for dock in self.window.findChildren(QDockWidget)}

    def restore(self) -> None:
        """The workspace the window last showed, in the layout it had."""
        saved = str(self.window.settings.value("workspace/current", Workspace.CODE.value))
        self.current = Workspace(saved) if saved in Workspace._value2member_map_ else Workspace.CODE
        self._apply(self.current)

    def save(self) -> None:
        self.window.settings.setValue(f"workspace/{self.current.value}", self.window.saveState())
        self.window.settings.setValue("workspace/current", self.current.value)

    def switch(self, workspace: Workspace) -> None:
        if workspace is self.current:
            self._mark()
            return
        self.save()
        self.current = workspace
        self._apply(workspace)
        self.window.settings.setValue("workspace/current", workspace.value)
        self.changed.emit(workspace.value)

    def _toggled(self, dock: QDockWidget, shown: bool) -> None:
        if shown:
            self.bring(dock)

    def bring(self, dock: QDockWidget) -> None:
        """Show a dock, in the workspace it belongs to."""
        home = HOMES.get(dock.objectName())
        if home is not None:
            self.switch(home)
        dock.show()
        dock.raise_()
        fit_to_screen(self.window)

    def _apply(self, workspace: Workspace) -> None:
        # Panels made when first needed are made now, before Qt sizes their docks by what they hold.
        docks = self.docks()
        for name, _area in LAYOUTS[workspace]:
            if name in docks:
                make_panel(docks[name])
        state = self.window.settings.value(f"workspace/{workspace.value}")
        if state is None or not self.window.restoreState(state):
            self._lay_out(workspace)
        # Report is tables across the whole window: the panes step aside.
        self.window.centralWidget().setVisible(workspace is not Workspace.REPORT)
        self._mark()
        fit_to_screen(self.window)

    def _lay_out(self, workspace: Workspace) -> None:
        docks = self.docks()
        wanted = LAYOUTS[workspace]
        names = {name for name, _ in wanted}
        for name, dock in docks.items():
            if name not in names:
                dock.hide()
        previous: dict[Qt.DockWidgetArea, QDockWidget] = {}
        moved = False
        for name, area in wanted:
            if name not in docks:
                continue
            dock = docks[name]
            before = previous.get(area)
            tabbed = before is not None and (before.objectName(), name) in TABBED
            # Docks already in place stay put: moving them makes Qt lay the window out again later.
            if (
                dock.isFloating()
                or self.window.dockWidgetArea(dock) != area
                or (tabbed and dock not in self.window.tabifiedDockWidgets(before))
            ):
                dock.setFloating(False)
                if tabbed:
                    self.window.tabifyDockWidget(before, dock)
                else:
                    self.window.addDockWidget(area, dock)
                moved = True
            if not tabbed:
                previous[area] = dock
            # A dock coming into sight takes its share of the width as well.
            moved = moved or not dock.isVisible()
            dock.show()
        for name, _area in wanted:
            if name in ("article", "search") and name in docks:
                docks[name].raise_()
        if not moved:
            return
        sides = [docks[name] for name, area in wanted if area in (LEFT, RIGHT) and name in docks]
        if sides:
            width = self.window.width()
            # Docks stacked in one area share one width: the widest any of them asks for, set on the first.
            widest: dict[Qt.DockWidgetArea, float] = {}
            first: dict[Qt.DockWidgetArea, QDockWidget] = {}
            for dock in sides:
                area = self.window.dockWidgetArea(dock)
                first.setdefault(area, dock)
                widest[area] = max(widest.get(area, 0.0), SIDE_SHARES.get(dock.objectName(), 0.22))
            self._resize(list(first.values()), [int(width * widest[area]) for area in first], Qt.Orientation.Horizontal)
        bottoms = [docks[name] for name, area in wanted if area == BOTTOM and name in docks]
        if bottoms and workspace is not Workspace.REPORT:
            # As tall as what they hold asks: a panel made just now came after Qt gave its dock a height.
            tallest = max(dock.sizeHint().height() for dock in bottoms)
            self._resize(bottoms[:1], [tallest], Qt.Orientation.Vertical)

    def _resize(self, docks: list[QDockWidget], sizes: list[int], orientation: Qt.Orientation) -> None:
        # Before the window is shown Qt keeps the sizes for a later layout pass, which would then resize
        # the panes under an article already painted: they are set once the window is on screen.
        if self.window.isVisible():
            # Once the docks just added have their place in the layout.
            QTimer.singleShot(0, lambda: self.window.resizeDocks(docks, sizes, orientation))
        else:
            self._pending_sizes.append((docks, sizes, orientation))

    def shown(self) -> None:
        """The window is on screen: the first layout's dock sizes can be set."""
        pending, self._pending_sizes = self._pending_sizes, []
        for docks, sizes, orientation in pending:
            self.window.resizeDocks(docks, sizes, orientation)

    def _mark(self) -> None:
        index = list(Workspace).index(self.current)
        self.bar.blockSignals(True)
        self.bar.setCurrentIndex(index)
        self.bar.blockSignals(False)
        for workspace, action in self.actions.items():
            action.setChecked(workspace is self.current)
