"""The rest of the window: navigation, status, flags, scrolling, import, export, errors, settings."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QToolTip

from desktop.core.exchange.formats import CONTEXT, FORMATS, format_by_key
from desktop.core.models import Status
from desktop.core.store import Store
from desktop.core.store.summaries import ALL
from desktop.ui.app import create_window
from desktop.ui.exchange.export_dialog import ExportDialog
from desktop.ui.exchange.import_dialog import PARALLEL_FROM, ImportRunner
from desktop.ui.panes.article_list import PAGE_SIZE, ArticleTableModel
from tests.conftest import SAMPLE_DATA
from tests.ui.conftest import held_until_cancelled, import_annotations_in, tag_by_key

SAMPLES = len(list(SAMPLE_DATA.iterdir()))


def test_navigation_status_and_progress(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    first = window.controller.document.article.id
    qtbot.keyClick(window.text_pane, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.document.article.id == first + 1
    qtbot.keyClick(window.text_pane, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.document.article.id == first
    assert window.progress.label.text().split(" · ")[0] == f"Done 0 / {SAMPLES}"

    qtbot.keyClick(
        window.text_pane, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.store.articles.get(first).status is Status.DONE
    assert window.progress.label.text().split(" · ")[0] == f"Done 1 / {SAMPLES}"
    assert window.article_list.model.data(window.article_list.model.index(0, 1)) == "done"
    window.undo_stack.undo()
    assert window.store.articles.get(first).status is Status.TODO
    assert window.progress.label.text().split(" · ")[0] == f"Done 0 / {SAMPLES}"
    window.undo_stack.redo()
    assert (window.progress.bar.value(), window.progress.bar.maximum()) == (1, SAMPLES)

    # Next article still to do skips the one just marked done.
    qtbot.keyClick(
        window.text_pane, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.controller.document.article.id == first + 1
    window.controller.set_status(Status.IN_PROGRESS)
    assert window.progress.label.text() == f"Done 1 / {SAMPLES} · 1 in progress"
    assert window.progress.toolTip().splitlines() == [f"to do: {SAMPLES - 2}", "in progress: 1", "done: 1"]
    # Hovering the words or the bar shows the same counts.
    label = window.progress.label
    QApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), label.mapToGlobal(QPoint(2, 2))))
    assert QToolTip.text() == window.progress.toolTip()


def test_filters(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.filter_text.setText("港")
    # Searched after a pause in typing, off the window's thread.
    qtbot.waitUntil(lambda: window.article_list.model.rowCount() == 1)
    # The list shows the headline as the Simplified text reads it (the page wrote 雲港區).
    assert "云港区" in window.article_list.model.summary(0).title
    window.article_list.filter_text.setText("")
    qtbot.waitUntil(lambda: window.article_list.model.rowCount() > 1)
    window.controller.set_status(Status.DONE)
    done = window.article_list.filter_status.findData(Status.DONE)
    window.article_list.filter_status.setCurrentIndex(done)
    assert window.article_list.model.rowCount() == 1


def test_flags_panel_jumps_to_the_flag(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    flags = window.controller.document.article.flags
    assert window.flags_panel.count() == len(flags) == 7
    item = window.flags_panel.item(1)
    window.flags_panel.itemClicked.emit(item)
    flag = flags[1]
    assert window.original_pane.selection() == (flag.original_start, flag.original_end)
    assert window.text_pane.selection() == (flag.start, flag.end)


def test_scrolling_keeps_the_panes_on_the_same_passage(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    paragraph = "創(chuàng)業(yè)推進(jìn)發(fā)展,建設新城區。" * 6
    long_text = "長文標題\n\n" + "\n\n".join(f"第{i}段:{paragraph}" for i in range(60))
    window = open_window({"long.txt": long_text})
    window.resize(900, 500)
    document = window.controller.document
    target = document.article.original_text.index("第40段")
    window.original_pane.scroll_to(target)
    top_original = window.original_pane.top_position()
    top_text = window.text_pane.top_position()
    expected = document.text_range_of_original(top_original, top_original)[0]
    line_of = document.article.text.rfind("\n", 0, expected) + 1
    assert document.article.text[line_of:].startswith("第40段")
    assert line_of <= top_text <= expected + 40


def test_a_tag_rereads_only_its_row_and_an_article_leaving_the_filter_leaves_the_list(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    model = window.article_list.model
    row = model.row_of(window.controller.document.article.id)
    pages: list[int] = []
    page = window.store.summaries.page
    window.store.summaries.page = lambda offset=0, limit=200, listed=ALL: (
        pages.append(offset) or page(offset, limit, listed)
    )  # type: ignore[method-assign]
    before = model.data(model.index(row, 2))
    tag_by_key(qtbot, window.text_pane, 0, 2, Qt.Key.Key_1)
    assert model.data(model.index(row, 2)) == before + 1
    assert model.data(model.index(row, 4)) == f"tester {before + 1}"
    assert pages == []  # the row was read alone, not its page of 50

    status = window.store.articles.get(window.controller.document.article.id).status
    assert status is not Status.DONE
    window.article_list.filter_status.setCurrentIndex(window.article_list.filter_status.findData(status))
    listed = model.rowCount()
    assert window.controller.document.article.id in [model.summary(r).id for r in range(listed)]
    window.controller.set_status(Status.DONE)
    assert model.rowCount() == listed - 1
    assert window.controller.document.article.id not in [model.summary(r).id for r in range(model.rowCount())]


@pytest.mark.parametrize("source_name", ["original_pane", "text_pane"])
def test_scroll_sync_holds_over_the_whole_document(qtbot, open_window, source_name: str) -> None:  # type: ignore[no-untyped-def]
    # Readings are removed from the first half only, so the original's first half is far longer than
    # the Simplified one's: a sync by scroll fraction would drift by many paragraphs in the middle.
    noisy = "創(chuàng)業(yè)推進(jìn)發(fā)展(zhǎn),建設新城區。" * 5
    plain = "創業推進發展,建設新城區。" * 3
    long_text = "長文標題\n\n" + "\n\n".join(f"第{i}段:{noisy if i < 40 else plain}" for i in range(80))
    window = open_window({"long.txt": long_text})
    window.resize(900, 500)
    source = getattr(window, source_name)
    target = window.text_pane if source is window.original_pane else window.original_pane

    def paragraph_at_top(pane) -> str:  # type: ignore[no-untyped-def]
        text, top = pane.text, pane.top_position()
        line = text[text.rfind("\n", 0, top + 1) + 1 :]
        return line.split(":", 1)[0]

    for number in (3, 20, 38, 41, 55, 70):
        source.scroll_to(source.text.index(f"第{number}段"))
        qtbot.wait(1)
        assert paragraph_at_top(source) == f"第{number}段"
        assert paragraph_at_top(target) == f"第{number}段", f"{source_name} at 第{number}段"


def test_lazy_article_list_fetches_only_visible_pages(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.coding.importing import prepare_article

    store.articles.add([prepare_article(f"第{i}篇\n正文。", f"{i}.txt", "utf-8") for i in range(3 * PAGE_SIZE + 7)])
    calls: list[int] = []
    original = store.summaries.page

    def counting(offset: int = 0, limit: int = 200, listed=ALL):  # type: ignore[no-untyped-def]
        calls.append(offset)
        return original(offset, limit, listed)

    store.summaries.page = counting  # type: ignore[method-assign]
    model = ArticleTableModel(store)
    assert model.rowCount() == 3 * PAGE_SIZE + 7
    assert calls == []
    assert model.data(model.index(2 * PAGE_SIZE + 1, 0)) == f"第{2 * PAGE_SIZE + 1}篇"
    assert calls == [2 * PAGE_SIZE]


def test_import_runs_off_the_ui_thread(qtbot, open_window, no_dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"one.txt": "第一篇\n\n內容。"})
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "a.txt").write_text("另一篇文章\n\n正文。", encoding="utf-8")
    (tmp_path / "more" / "empty.txt").write_bytes(b"")
    runner = window.exchange.start_import([tmp_path / "more", SAMPLE_DATA])
    with qtbot.waitSignal(runner.done, timeout=60_000) as blocker:
        pass
    outcomes = blocker.args[0]
    assert [o.result.value for o in outcomes].count("imported") == 1 + len(list(SAMPLE_DATA.iterdir()))
    assert [o.result.value for o in outcomes].count("failed") == 1
    assert window.article_list.model.rowCount() == 2 + len(list(SAMPLE_DATA.iterdir()))
    assert no_dialogs[-1][0] == "summary"


def test_the_progress_dialogs_cancel_button_stops_an_import_part_way(  # type: ignore[no-untyped-def]
    qtbot, open_window, no_dialogs, tmp_path: Path, monkeypatch
) -> None:
    """Cancel reaches the import while it runs (a queued call waited for the worker's thread to be free)."""
    import threading

    from desktop.core.coding import importing

    pressed = threading.Event()
    import_paths = importing.import_paths

    def waiting_after_the_first(*args, **kwargs):  # type: ignore[no-untyped-def]
        for number, outcome in enumerate(import_paths(*args, **kwargs)):
            yield outcome
            if number == 0:
                assert pressed.wait(30)

    monkeypatch.setattr(importing, "import_paths", waiting_after_the_first)
    monkeypatch.setattr(importing, "BATCH_SIZE", 3)  # (outcomes come a stored batch at a time)
    window = open_window({"one.txt": "第一篇\n\n內容。"})
    (tmp_path / "more").mkdir()
    for number in range(10):
        (tmp_path / "more" / f"{number}.txt").write_text(f"第{number}篇文章\n\n正文。", encoding="utf-8")
    runner = window.exchange.start_import([tmp_path / "more"])
    with held_until_cancelled(qtbot, window, runner, pressed):
        qtbot.waitUntil(lambda: "Importing 1 of 10" in runner.dialog.labelText(), timeout=30_000)
        qtbot.waitUntil(runner.dialog.isVisible, timeout=5_000)  # (shown once the import takes 0.3 s)
        assert window.article_list.model.rowCount() == 1  # the window answers meanwhile
        assert not window.exchange.import_files_action.isEnabled()  # one import at a time
        runner.dialog.findChild(QPushButton).click()
    with qtbot.waitSignal(runner.done, timeout=30_000) as blocker:
        pass
    assert len(blocker.args[0]) == 3 and window.article_list.model.rowCount() == 1 + 3
    assert window.exchange.import_files_action.isEnabled()


def test_export_from_the_window(qtbot, open_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.text_pane.setFocus()
    for start, key in ((2, Qt.Key.Key_1), (10, Qt.Key.Key_2)):
        window.text_pane.select(start, start + 6)
        qtbot.keyClick(window.text_pane, key)
    target = tmp_path / "out.csv"
    monkeypatch.setattr("desktop.ui.widgets.file_dialogs.save_file", lambda *a, **k: str(target))

    def choose(dialog) -> int:  # type: ignore[no-untyped-def]
        # What an analyst ticks: projects only, 4 characters of context, the article status, UTF-8.
        dialog.category_boxes["target"].setChecked(False)
        dialog.category_boxes["measure"].setChecked(False)
        dialog.context.setValue(4)
        dialog.with_status.setChecked(True)
        dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", choose)
    window.exchange.export("csv")
    assert not target.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(target, encoding="utf-8", keep_default_na=False)
    text = window.controller.document.article.text
    assert list(frame["text"]) == [text[2:8]]
    assert list(frame["context_before"]) == [text[0:2]] and list(frame["context_after"]) == [text[8:12]]
    assert list(frame["article_status"]) == ["todo"]


def test_database_errors_leave_the_file_untouched(qtbot, open_window, no_dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    bad = tmp_path / "corrupt.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x13" * 3000)
    digest = hashlib.sha256(bad.read_bytes()).hexdigest()
    assert window.databases.switch(str(bad)) is False
    assert "not a Policy Annotator database" in no_dialogs[-1][1]
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == digest
    # The window still works on the database it had.
    assert window.controller.document is not None
    assert window.store.articles.count() == SAMPLES


def test_switching_database_and_recent_list(qtbot, open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    other = tmp_path / "other.db"
    Store.open(other).close()
    assert window.databases.switch(str(other))
    assert window.article_list.model.rowCount() == 0
    assert window.controller.document is None
    assert window.settings.value("recent")[0] == str(other)
    assert window.databases.recent_menu.actions()[0].text() == str(other)


def test_zoom_layout_and_language_are_kept(qtbot, open_window, settings_file: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    size = window.text_pane.font().pointSizeF()
    qtbot.keyClick(window.text_pane, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.text_pane.font().pointSizeF() == size + 1
    assert window.original_pane.font().pointSizeF() == size + 1
    window.set_language("zh_CN")
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.category_bar.buttons["target"].text() == "目标 (2)"
    window.close()
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert float(settings.value("view/point_size")) == size + 1
    assert settings.value("view/language") == "zh_CN"
    again = create_window(str(window.store.path), settings)
    qtbot.addWidget(again)
    assert again.text_pane.font().pointSizeF() == size + 1
    assert again.menuBar().actions()[0].text() == "文件(&F)"
    again.store.close()


def test_import_annotations_from_the_window(qtbot, open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    window = open_window()
    text = window.controller.document.article.text
    path = tmp_path / "doccano.jsonl"
    path.write_text(
        json.dumps({"text": text, "label": [[0, 3, "project"], [3, 6, "region"]]}, ensure_ascii=False), encoding="utf-8"
    )
    report = import_annotations_in(window, qtbot, path)
    assert report.spans_imported == 2 and report.categories_created == ["region"]
    assert "region" in window.category_bar.buttons
    assert [s.category_id for s in window.controller.spans] == ["project", "region"]
    assert window.span_list.span_model.rowCount() == 2


def test_cancelled_import_stops_and_says_so(qtbot, open_window, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    before = window.store.articles.count()
    cancelled = ImportRunner(window.store.path, [SAMPLE_DATA], window.open_store, window)
    cancelled.worker.cancel()
    with qtbot.waitSignal(cancelled.done, timeout=30_000) as blocker:
        cancelled.start()
    assert blocker.args[0] == []
    assert window.store.articles.count() == before


def _fork_servers_of_this_process() -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue  # (not a process, or gone)
        if parent == os.getpid() and b"multiprocessing.forkserver" in command:
            found.append(int(entry.name))
    return found


def test_an_import_of_many_files_from_the_window_runs_in_worker_processes(  # type: ignore[no-untyped-def]
    qtbot, open_window, no_dialogs, tmp_path: Path, monkeypatch
) -> None:
    """The window's import runs on a thread of the window's process; its workers come from there too."""
    from desktop.core.coding import importing

    window = open_window()
    before = window.store.articles.count()
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(PARALLEL_FROM + 5):
        (folder / f"{number:03}.txt").write_text(f"第{number}號通知\n\n推進第{number}個項目建設。", encoding="utf-8")
    monkeypatch.setattr("desktop.ui.exchange.import_dialog.default_workers", lambda: 2)  # (a one-core machine too)
    asked = []
    in_order = importing.in_order
    monkeypatch.setattr(importing, "in_order", lambda *a, **k: asked.append(a[2]) or in_order(*a, **k))
    runner = ImportRunner(window.store.path, [folder], window.open_store, window)
    with qtbot.waitSignal(runner.done, timeout=60_000) as blocker:
        runner.start()
    outcomes = blocker.args[0]
    assert asked == [2] and len(outcomes) == PARALLEL_FROM + 5
    assert {outcome.result.value for outcome in outcomes} == {"imported"}
    assert window.store.articles.count() == before + PARALLEL_FROM + 5
    if sys.platform == "linux":  # (elsewhere workers are spawned)
        assert len(_fork_servers_of_this_process()) == 1


def test_unticking_every_category_exports_nothing(qtbot, open_window, no_dialogs, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    tag_by_key(qtbot, window.text_pane, 2, 8, Qt.Key.Key_1)
    dialog = ExportDialog(format_by_key("csv"), window.categories(), window)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for box in dialog.category_boxes.values():
        box.setChecked(False)
    assert not ok.isEnabled() and not dialog.problem.isHidden()
    assert dialog.problem.text() == "Tick at least one category."
    dialog.accept()
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    dialog.category_boxes["measure"].setChecked(True)
    assert ok.isEnabled() and dialog.problem.isHidden()
    assert dialog.options().filters.categories == ("measure",)

    # Through the File menu, with a dialog answered by a user who unticked everything.
    target = tmp_path / "out.csv"
    monkeypatch.setattr("desktop.ui.widgets.file_dialogs.save_file", lambda *a, **k: str(target))

    def untick_all(dialog) -> int:  # type: ignore[no-untyped-def]
        for box in [*dialog.category_boxes.values(), *dialog.status_boxes.values()]:
            box.setChecked(False)
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", untick_all)
    window.exchange.export("csv")
    assert not target.exists()
    assert no_dialogs[-1] == ("Nothing exported", "Tick at least one category. Tick at least one article status.")


def test_file_menu_offers_every_registered_format(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]
    for fmt in FORMATS:
        assert f"Export &{fmt.label}…" in texts
        dialog = ExportDialog(fmt, window.categories(), window)
        encodings = [dialog.encoding.itemData(i) for i in range(dialog.encoding.count())]
        assert encodings == list(fmt.encodings)
        assert dialog.context.isVisibleTo(dialog) == (CONTEXT in fmt.options)
    window.set_language("zh_CN")
    texts = [action.text() for action in window.menuBar().actions()[0].menu().actions()]
    assert "导出 &CSV…" in texts and "导出 &Label Studio JSON…" in texts
