"""The Article dock, the coding-unit margins and the Reports dock, driven as an analyst does."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
from PySide6.QtCore import Qt

from desktop.core.corpus.reporting import ReportKind, ReportRequest, build_report
from desktop.core.layers import Layer
from desktop.ui.exchange.export_dialog import ExportDialog
from tests.conftest import SAMPLE_DATA
from tests.ui.conftest import tag_by_key

NOTICE = (SAMPLE_DATA / "07_policy_notice_metadata.txt").read_text(encoding="utf-8")
REGULATION = (SAMPLE_DATA / "08_big5_regulation_chapters.txt").read_bytes().decode("big5")


def test_metadata_and_note_are_edited_in_the_dock_and_undone(qtbot, open_window, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"notice.txt": NOTICE})
    panel = window.study.article_panel
    assert panel.editors["date"].text() == "2023-04-18"  # stated by the page, filled at import
    assert panel.editors["document_number"].text() == "青政办发〔2023〕7号"
    region = panel.editors["region"]
    region.setFocus()
    region.insert("河北省")  # typed through an input method: QTest cannot send Chinese keys
    qtbot.keyClick(region, Qt.Key.Key_Return)
    assert window.store.metadata.values(1)["region"] == "河北省"
    date = panel.editors["date"]
    date.setText("2023年4月30日")
    date.editingFinished.emit()
    assert window.store.metadata.values(1)["date"] == "2023-04-30" and date.text() == "2023-04-30"
    date.setText("2023-02-30")  # no such day: refused, and the stored value shown again
    date.editingFinished.emit()
    assert window.store.metadata.values(1)["date"] == "2023-04-30" and date.text() == "2023-04-30"
    assert "not a date" in window.statusBar().currentMessage()
    panel.note.setFocus()
    panel.note.insertPlainText("样本A")
    window.text_pane.setFocus()  # leaving the box saves the note
    qtbot.waitUntil(lambda: window.store.articles.note(1) == "样本A")
    window.undo_stack.undo()
    assert window.store.articles.note(1) == "" and panel.note.toPlainText() == ""
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert "region" not in window.store.metadata.values(1) and region.text() == ""
    assert window.store.metadata.values(1)["date"] == "2023-04-18" and date.text() == "2023-04-18"
    window.undo_stack.redo()
    assert region.text() == "河北省"


def test_the_unit_margin_numbers_the_units_in_both_panes(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"regulation.txt": REGULATION})
    assert not window.study.margins[0].isVisible()
    window.study.units_action.trigger()
    for pane, margin in zip((window.original_pane, window.text_pane), window.study.margins, strict=True):
        assert margin.isVisible() and pane.viewportMargins().left() == margin.width() > 0
        labels = [text for _, text in margin.lines()]
        assert labels[:5] == ["0-0-1", "0-0-2", "0-0-3", "1-0-1", "1-1-1"], labels
    # The same unit sits on the same line in both panes' margins.
    assert [t for _, t in window.study.margins[0].lines()] == [t for _, t in window.study.margins[1].lines()]
    window.study.units_action.trigger()
    assert window.text_pane.viewportMargins().left() == 0


def test_reports_in_the_window_match_the_core_and_export(qtbot, open_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"notice.txt": NOTICE, "regulation.txt": REGULATION})
    for start, key in ((0, Qt.Key.Key_1), (10, Qt.Key.Key_2), (20, Qt.Key.Key_2)):
        tag_by_key(qtbot, window.text_pane, start, start + 4, key)
    window.study.reports_dock.show()
    panel = window.study.reports
    panel.kind.setCurrentIndex(panel.kind.findData(ReportKind.FREQUENCIES.value))
    # Before the first report the panel says how to get one, and its table is empty.
    assert "press Show" in panel.summary.text() and panel.model.rowCount() == 0
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    # The window counts the study layer: the tester's spans (nothing is adjudicated).
    layers = (Layer("tester", study=True),)
    expected = list(build_report(window.store, ReportRequest(ReportKind.FREQUENCIES, layers=layers)).rows)
    assert panel.model.rows == expected and [v for _, v in panel.chart.bars] == [1, 2, 0]
    assert "the study layer (consensus on adjudicated articles, else tester's spans)" in panel.summary.text()
    assert panel.chart.isVisibleTo(panel)
    assert panel.model.heat(1, 2).alphaF() > panel.model.heat(0, 2).alphaF() > panel.model.heat(2, 2).alphaF()
    # The code by its label path in the window's language (English here), after the layer.
    assert panel.model.data(panel.model.index(0, 1)) == "Project"
    panel.kind.setCurrentIndex(panel.kind.findData(ReportKind.CROSSTAB.value))
    assert [panel.by.itemData(i) for i in range(panel.by.count())][:3] == ["year", "date", "issuer"]
    panel.by.setCurrentIndex(panel.by.findData("issuer"))
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.model.headings == ["Layer", "Code", "青禾县人民政府", "青禾县人民政府办公室", "Total"]
    assert not panel.chart.isVisibleTo(panel)
    target = tmp_path / "crosstab.csv"
    monkeypatch.setattr("desktop.ui.widgets.file_dialogs.save_file", lambda *a, **k: str(target))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    frame = pd.read_csv(target, encoding="utf-8-sig").set_index("category")
    assert frame.loc["target", "total"] == 2


def test_file_export_writes_the_workbook(qtbot, open_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"notice.txt": NOTICE})
    tag_by_key(qtbot, window.text_pane, 0, 4, Qt.Key.Key_1)
    target = tmp_path / "study.xlsx"
    monkeypatch.setattr("desktop.ui.widgets.file_dialogs.save_file", lambda *a, **k: str(target))
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: ExportDialog.DialogCode.Accepted)
    window.exchange.export("xlsx")
    book = openpyxl.load_workbook(target, read_only=True)
    assert list(book["frequencies"].values)[1][:3] == ("study:tester", "project", 1)
