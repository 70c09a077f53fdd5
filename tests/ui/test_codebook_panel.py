"""The codebook panel, driven as an analyst would: build a tree, tag with its keys, merge, undo, delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from desktop.ui.codebook.category_dialog import CategoryDialog
from desktop.ui.panes.span_painter import tint
from desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import highlighted, painted_colour
from tests.ui.test_tagging import select_with_keyboard

TEXT = "加大财政资金投入，优化营商环境，完善人才培养体系。"


def answer(qtbot, *steps: Callable[[QWidget], None]) -> None:  # type: ignore[no-untyped-def]
    """Answer the modal dialogs the next action opens, one step per dialog, in order."""
    pending = list(steps)
    handled: list[QWidget] = []
    timer = QTimer()

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog not in handled and pending:
            handled.append(dialog)
            pending.pop(0)(dialog)
        if not pending:
            timer.stop()

    timer.timeout.connect(look)
    timer.start(20)
    qtbot.answering = timer  # kept alive until the test ends


def new_code(label_zh: str, label_en: str, codable: bool = True) -> Callable[[QWidget], None]:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CategoryDialog)
        dialog.label_zh.setText(label_zh)
        dialog.label_en.setText(label_en)
        dialog.codable.setChecked(codable)
        dialog.accept()

    return fill


def choose(path: str) -> Callable[[QWidget], None]:
    def pick(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        assert path in dialog.comboBoxItems(), dialog.comboBoxItems()
        dialog.setTextValue(path)
        dialog.accept()

    return pick


def click(text: str) -> Callable[[QWidget], None]:
    def press(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        next(button for button in dialog.buttons() if button.text() == text).click()

    return press


def categories_of_spans(window: MainWindow) -> list[tuple[str, str]]:
    rows = window.store.db.execute("select text, category_id from spans order by start").fetchall()
    return [tuple(row) for row in rows]


def colour_of(window: MainWindow, category_id: str) -> str:
    return tint(window.store.categories.get(category_id).colour).name()


def run_action(qtbot, action, *steps) -> None:  # type: ignore[no-untyped-def]
    answer(qtbot, *steps)
    action.trigger()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    # Back to the main window, where the category keys are bound.
    window = action.parent().window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def build_tools_codebook(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """政策工具 (a heading) with 供给型 and 环境型 under it, made in the panel."""
    codebook = window.codebook
    run_action(qtbot, codebook.add_action, new_code("政策工具", "Policy tools", codable=False))
    codebook.panel.select("policy-tools")
    run_action(qtbot, codebook.add_child_action, new_code("供给型", "Supply"))
    codebook.panel.select("policy-tools")
    run_action(qtbot, codebook.add_child_action, new_code("环境型", "Environment"))


def test_build_tag_merge_undo_and_delete_with_spans_moved(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(texts={"a.txt": TEXT})
    build_tools_codebook(qtbot, window)
    tree = window.codebook.panel
    heading = tree.items["policy-tools"]
    assert [heading.child(i).text(0) for i in range(heading.childCount())] == ["Supply", "Environment"]
    # The heading gets no key; its codes take 4 and 5 after the three defaults.
    assert [(tree.items[i].text(1)) for i in ("project", "policy-tools", "supply", "environment")] == [
        "1",
        "",
        "4",
        "5",
    ]

    pane = window.text_pane
    select_with_keyboard(qtbot, pane, 2, 4)
    qtbot.keyClick(pane, Qt.Key.Key_4)
    select_with_keyboard(qtbot, pane, 11, 4)
    qtbot.keyClick(pane, Qt.Key.Key_5)
    assert categories_of_spans(window) == [("财政资金", "supply"), ("营商环境", "environment")]
    select_with_keyboard(qtbot, pane, 0, 0)  # the selection's own tint off the spans
    assert colour_of(window, "supply") != colour_of(window, "environment")
    for each in (window.text_pane, window.original_pane):
        assert highlighted(each) == [(2, 6), (11, 15)]
        assert painted_colour(each, 12) == colour_of(window, "environment")
    qtbot.waitUntil(lambda: tree.items["policy-tools"].text(2) == "0 (2)")

    # Merge 环境型 into 供给型: one step, undone as one.
    tree.select("environment")
    run_action(qtbot, window.codebook.merge_action, choose("Policy tools > Supply"))
    assert categories_of_spans(window) == [("财政资金", "supply"), ("营商环境", "supply")]
    assert "environment" not in window.store.categories.ids() and "environment" not in tree.items
    for each in (window.text_pane, window.original_pane):
        assert painted_colour(each, 12) == colour_of(window, "supply")
    window.undo_action.trigger()
    assert categories_of_spans(window) == [("财政资金", "supply"), ("营商环境", "environment")]
    assert tree.items["environment"].parent() is tree.items["policy-tools"]
    for each in (window.text_pane, window.original_pane):
        assert painted_colour(each, 12) == colour_of(window, "environment")

    # Delete 环境型, which has a span: the count is asked about first, the span moves to 措施.
    tree.select("environment")
    run_action(qtbot, window.codebook.delete_action, click("Move spans…"), choose("Measure"))
    assert categories_of_spans(window) == [("财政资金", "supply"), ("营商环境", "measure")]
    assert "environment" not in window.store.categories.ids()
    for each in (window.text_pane, window.original_pane):
        assert painted_colour(each, 12) == colour_of(window, "measure")
    assert window.span_list.span_model.spans[1].category_id == "measure"
    window.undo_action.trigger()
    assert categories_of_spans(window) == [("财政资金", "supply"), ("营商环境", "environment")]
    for each in (window.text_pane, window.original_pane):
        assert painted_colour(each, 12) == colour_of(window, "environment")


def test_a_key_already_set_by_hand_is_refused_in_the_form(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(texts={"a.txt": TEXT})
    window.store.categories.update("target", shortcut="Alt+1")
    window.refresh_from_database()
    seen: list[str] = []

    def take_alt_1(dialog: QWidget) -> None:
        assert isinstance(dialog, CategoryDialog)
        dialog.key.setCurrentIndex(dialog.key.findData("Alt+1"))
        dialog.accept()
        seen.append(dialog.problem.text())
        assert dialog.isVisible(), "the form stays open"
        dialog.reject()

    window.codebook.panel.select("measure")
    run_action(qtbot, window.codebook.edit_action, take_alt_1)
    assert seen == ["The key Alt+1 is already set on another code."]
    assert window.store.categories.get("measure").shortcut == ""


def test_alt_arrows_reorder_and_re_parent_and_undo(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(texts={"a.txt": TEXT})
    build_tools_codebook(qtbot, window)
    tree = window.codebook.panel.tree
    window.codebook.panel.select("environment")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [c.id for c in window.store.categories.codebook().children("policy-tools")] == ["environment", "supply"]
    qtbot.keyClick(tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.store.categories.get("environment").parent_id is None
    assert window.codebook.panel.items["environment"].parent() is None
    # Keys follow tree order: 供给型 (under the heading) now comes before 环境型.
    assert [window.codebook.panel.items[i].text(1) for i in ("supply", "environment")] == ["4", "5"]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [c.id for c in window.store.categories.codebook().children("policy-tools")] == ["supply", "environment"]


def test_dropping_on_the_middle_of_a_code_makes_a_sub_code_and_its_edges_place_beside(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(texts={"a.txt": TEXT})
    tree = window.codebook.panel.tree
    target = window.codebook.panel.items["target"]
    rect = tree.visualItemRect(target)
    assert tree.drop_target(rect.center()) == ("target", 0)
    assert tree.drop_target(rect.topLeft() + rect.topLeft().__class__(5, 1)) == (None, 1)
    assert tree.drop_target(rect.bottomLeft() + rect.topLeft().__class__(5, -1)) == (None, 2)
    tree.request_move(window.codebook.panel.items["measure"], *tree.drop_target(rect.center()))
    assert window.store.categories.get("measure").parent_id == "target"
    assert window.codebook.panel.items["measure"].parent() is window.codebook.panel.items["target"]


def test_unticking_a_code_hides_its_highlights_in_both_panes(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(texts={"a.txt": TEXT})
    pane = window.text_pane
    select_with_keyboard(qtbot, pane, 2, 4)
    qtbot.keyClick(pane, Qt.Key.Key_1)
    select_with_keyboard(qtbot, pane, 11, 4)
    qtbot.keyClick(pane, Qt.Key.Key_2)
    item = window.codebook.panel.items["project"]
    item.setCheckState(0, Qt.CheckState.Unchecked)
    for each in (window.text_pane, window.original_pane):
        assert highlighted(each) == [(11, 15)]
    window.codebook.panel.items["project"].setCheckState(0, Qt.CheckState.Checked)
    for each in (window.text_pane, window.original_pane):
        assert highlighted(each) == [(2, 6), (11, 15)]
