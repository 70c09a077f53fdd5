"""Message boxes: a report of thousands of lines keeps its buttons on the screen."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.widgets import i18n
from desktop.ui.widgets.messages import SHOWN_ROWS, ask, inform


def answered(button: QMessageBox.StandardButton) -> list[tuple[str, str, int]]:
    """When a box is up, note its text, its details and its height, and press ``button``."""
    seen: list[tuple[str, str, int]] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen.append((box.text(), box.detailedText(), box.height()))
        box.button(button).click()

    QTimer.singleShot(20, look)
    return seen


def test_a_long_report_shows_its_first_and_last_lines_and_the_whole_under_details(qtbot) -> None:  # type: ignore[no-untyped-def]
    lines = [f"line {number}: skipped: not UTF-8 at byte 3 of the line" for number in range(1, 3001)]
    lines += ["articles: 0 attached, 2 created", "spans: 2 imported, 0 already present, 3000 skipped"]
    seen = answered(QMessageBox.StandardButton.Ok)
    inform(None, "Import annotations", "\n".join(lines))
    [(text, details, height)] = seen
    shown = text.splitlines()
    assert len(shown) == SHOWN_ROWS and shown[0] == lines[0] and shown[-2:] == lines[-2:]
    assert "… 2979 more lines: Show Details" in shown, shown
    assert details == "\n".join(lines)
    assert height < 700  # (the OK button on a 1280x800 screen)


def test_the_line_that_says_more_is_in_the_interfaces_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    try:
        seen = answered(QMessageBox.StandardButton.Ok)
        inform(None, "导入标注", "\n".join(f"第 {number} 行" for number in range(100)))
    finally:
        i18n.install("en")
    [(text, _details, _height)] = seen
    assert "…… 另有 77 行：见“显示详情”" in text.splitlines()


def test_a_short_message_and_a_long_question_keep_what_matters(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen = answered(QMessageBox.StandardButton.Ok)
    inform(None, "Done", "1 imported, 0 duplicate, 0 failed")
    assert [(text, details) for text, details, _height in seen] == [("1 imported, 0 duplicate, 0 failed", "")]
    colours = [f"code {number}: #aaaaaa → #bbbbbb" for number in range(300)]
    question = "The file gives other colours for 300 codes:\n\n" + "\n".join(colours) + "\n\nTake the file's colours?"
    seen = answered(QMessageBox.StandardButton.Yes)
    assert ask(None, "Codebook colours", question)
    [(text, details, _height)] = seen
    assert text.splitlines()[-1] == "Take the file's colours?" and details == question


def test_long_lines_are_cut_to_three_rows_and_kept_whole_under_details(qtbot) -> None:  # type: ignore[no-untyped-def]
    reasons = [f"line {number}: skipped: " + "一个很长的理由，" * 40 for number in range(1, 60)]
    for text in ("\n".join(reasons), "甲" * 10_000):
        seen = answered(QMessageBox.StandardButton.Ok)
        inform(None, "Import annotations", text)
        [(shown, details, height)] = seen
        assert details == text and height < 700
        assert all(len(line.encode()) <= 3 * 180 for line in shown.splitlines())
