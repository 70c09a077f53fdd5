"""Four workspaces: each shows its own docks, keeps the layout given to it, and a task's dock takes the
window to its workspace; the panes step aside for Report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.window.workspaces import LAYOUTS, Workspace
from tests.ui.conftest import tag_by_key

TEXT = "第一段：推进创新发展，实施乡村振兴。\n第二段：到二〇二五年基本实现目标。\n"
CTRL = Qt.KeyboardModifier.ControlModifier


def shown(window) -> set[str]:  # type: ignore[no-untyped-def]
    return {name for name, dock in window.workspaces.docks().items() if dock.isVisible()}


def test_each_workspace_shows_its_docks_and_keys_switch_between_them(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"a.txt": TEXT})
    assert window.workspaces.current is Workspace.CODE
    assert shown(window) >= {"articles", "codebook", "spans"} and not shown(window) & {"search", "reports"}
    for key, workspace in zip(
        (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_1), [*list(Workspace)[1:], Workspace.CODE], strict=True
    ):
        qtbot.keyClick(window.text_pane, key, CTRL)
        assert window.workspaces.current is workspace
        assert window.workspaces.bar.currentIndex() == list(Workspace).index(workspace)
        wanted = {name for name, _area in LAYOUTS[workspace]}
        visible = shown(window)
        assert {name for name in wanted if name not in ("flags",)} - {"article"} <= visible, workspace
        assert not visible - wanted, f"{workspace}: {visible - wanted}"
        assert window.centralWidget().isVisible() is (workspace is not Workspace.REPORT)
    # The panes keep at least half the window's height while coding.
    assert window.text_pane.height() >= window.height() / 2
    tag_by_key(qtbot, window.text_pane, 4, 8, Qt.Key.Key_1)
    assert window.undo_stack.count() == 1


def test_a_workspace_keeps_its_layout_and_a_tasks_dock_brings_its_workspace(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"a.txt": TEXT})
    window.codebook_dock.hide()
    window.workspaces.switch(Workspace.REVIEW)
    assert "adjudication" in shown(window)
    window.workspaces.switch(Workspace.CODE)
    assert "codebook" not in shown(window), "the Code workspace kept the layout it was given"
    # Ctrl+Shift+F, the search: the Search & retrieve workspace, its query field ready.
    window.corpus.search_action.trigger()
    QApplication.processEvents()
    assert window.workspaces.current is Workspace.SEARCH and "search" in shown(window)
    assert QApplication.focusWidget() is window.corpus.search_panel.query
    window.study.reports_dock.toggleViewAction().trigger()
    assert window.workspaces.current is Workspace.REPORT and shown(window) == {"reports"}
    window.coding_round.adjudicate_action.trigger()
    assert window.workspaces.current is Workspace.REVIEW
    # The next start opens the workspace the window closed in, as it was.
    window.close()
    assert window.settings.value("workspace/current") == Workspace.REVIEW.value


def test_the_panels_of_workspaces_not_shown_are_made_when_first_shown_with_the_windows_codes_and_language(
    qtbot,  # type: ignore[no-untyped-def]
    open_window,
) -> None:
    window = open_window({"a.txt": TEXT}, language="zh_CN")
    deferred = {
        "search": window.corpus._search,
        "passages": window.corpus.passages._deferred,
        "reports": window.study._reports,
        "adjudication": window.coding_round._deferred,
    }
    assert {name: d.built for name, d in deferred.items()} == dict.fromkeys(deferred)
    codes = [category.label_zh for category in window.controller.categories if category.codable]
    qtbot.keyClick(window.text_pane, Qt.Key.Key_2, CTRL)
    search = deferred["search"].built
    assert search is not None and deferred["search"].dock.widget().widget() is search
    assert deferred["passages"].built is not None  # (its tab is behind Search's)
    assert deferred["reports"].built is None and deferred["adjudication"].built is None
    assert search.search_button.text() == "搜索"  # made in the window's language
    assert [search.tag_category.itemText(i) for i in range(search.tag_category.count())] == codes
    # Made after Qt gave the dock a height, the panel still gets the room it asks for (not a placeholder's).
    qtbot.waitUntil(lambda: deferred["search"].dock.height() >= 0.9 * search.sizeHint().height())
    tag_by_key(qtbot, window.text_pane, 4, 8, Qt.Key.Key_1)
    window.corpus.passages.open(window.controller.categories[0].id)
    passages = deferred["passages"].built
    assert passages is not None and passages.model.rowCount() == 1
    qtbot.keyClick(window.text_pane, Qt.Key.Key_3, CTRL)
    assert deferred["adjudication"].built is not None and deferred["reports"].built is None
    qtbot.keyClick(window.text_pane, Qt.Key.Key_4, CTRL)
    assert deferred["reports"].built is not None and deferred["reports"].dock.isVisible()
    # A panel is made once: switching back and forth keeps the same one.
    made = {name: d.built for name, d in deferred.items()}
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_4):
        qtbot.keyClick(window.text_pane, key, CTRL)
    assert {name: d.built for name, d in deferred.items()} == made
