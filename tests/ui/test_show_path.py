"""Opening an article as the analyst sees it: what is on screen first, the rest while idle, one paint."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.core.store import Store
from desktop.ui.app import create_window
from desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import make_db

LINE = "推进青禾智能制造产业园建设,确保全年增长百分之八以上。"
LONG = "长文章标题\n" + "".join(f"{LINE}{index}\n" for index in range(400))


def long_article_window(qtbot, tmp_path: Path, settings_file: Path) -> tuple[MainWindow, int, int, int]:  # type: ignore[no-untyped-def]
    """A window on one long article with a span on its first line and one on its last."""
    db = make_db(tmp_path, {"long.txt": LONG})
    with Store.open(db) as store:
        [article_id] = [summary.id for summary in store.summaries.page(0, 10)]
        document = store.document(article_id)
        text = document.article.text
        top = text.index("青禾")
        bottom = text.rindex("青禾")
        for start in (top, bottom):
            store.spans.insert(document.span_from_text(start, start + 2, "project", "tester"))
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    settings.setValue("view/language", "en")
    window = create_window(str(db), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.controller.finish_reading()
    return window, article_id, top, bottom


def painted_starts(window: MainWindow) -> list[int]:
    return [segment.start for segment in window.text_pane.painted_segments()]


def test_the_spans_on_screen_come_first_and_the_rest_while_idle(qtbot, tmp_path: Path, settings_file: Path) -> None:  # type: ignore[no-untyped-def]
    window, article_id, top, bottom = long_article_window(qtbot, tmp_path, settings_file)
    window.controller.open_article(article_id)
    # Right after opening: the span on screen is painted, the one 400 lines down not yet read.
    assert painted_starts(window) == [top]
    assert window.controller.reading.busy
    assert [span.start for span in window.span_list.span_model.spans] == [top]
    qtbot.waitUntil(lambda: not window.controller.reading.busy)
    assert painted_starts(window) == [top, bottom]
    assert [span.start for span in window.span_list.span_model.spans] == [top, bottom]
    window.store.close()


def test_an_action_on_spans_waits_for_every_span(qtbot, tmp_path: Path, settings_file: Path) -> None:  # type: ignore[no-untyped-def]
    window, article_id, _top, bottom = long_article_window(qtbot, tmp_path, settings_file)
    window.controller.open_article(article_id)
    assert window.controller.reading.busy
    # Double click on the last line before the idle reading reached it: the span is found.
    [hit] = window.controller.spans_at(window.text_pane, bottom + 1)
    assert hit.start == bottom
    assert not window.controller.reading.busy
    window.store.close()


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.heights: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.heights.append(event.region().boundingRect().height())  # type: ignore[attr-defined]
        return False


def paint_counters(window: MainWindow) -> list[PaintCounter]:
    """One counter on each pane's viewport: original, Simplified."""
    counters = []
    for pane in (window.original_pane, window.text_pane):
        counter = PaintCounter()
        pane.viewport().installEventFilter(counter)
        counters.append(counter)
    return counters


def test_each_pane_paints_once_when_an_article_opens(qtbot, tmp_path: Path, settings_file: Path) -> None:  # type: ignore[no-untyped-def]
    window, article_id, _top, _bottom = long_article_window(qtbot, tmp_path, settings_file)
    counters = paint_counters(window)
    QApplication.processEvents()
    for counter in counters:
        counter.count = 0
    window.controller.open_article(article_id)
    # The first slice paints what is on screen; the spans read later are out of view.
    QApplication.processEvents()
    assert [counter.count for counter in counters] == [1, 1]
    window.store.close()


def test_a_tag_repaints_only_the_lines_of_the_new_span(qtbot, tmp_path: Path, settings_file: Path) -> None:  # type: ignore[no-untyped-def]
    window, _article_id, top, _bottom = long_article_window(qtbot, tmp_path, settings_file)
    window.text_pane.setFocus()
    window.text_pane.select(top + 5, top + 9, scroll=False)
    counters = paint_counters(window)
    QApplication.processEvents()
    for counter in counters:
        counter.count, counter.heights = 0, []
    qtbot.keyClick(window.text_pane, Qt.Key.Key_1)
    QApplication.processEvents()
    assert len(window.controller.spans) == 3
    line = window.text_pane.fontMetrics().lineSpacing()
    for counter, pane in zip(counters, (window.original_pane, window.text_pane), strict=True):
        assert counter.count >= 1
        # The span's line (and the outline's margin) only, never the whole page of ~20 lines.
        assert max(counter.heights) <= 3 * line < pane.viewport().height() / 4
    window.store.close()


def test_suggestions_repaint_where_they_come_and_go_and_nowhere_when_unchanged(
    qtbot, tmp_path: Path, settings_file: Path
) -> None:  # type: ignore[no-untyped-def]
    window, _article_id, top, _bottom = long_article_window(qtbot, tmp_path, settings_file)
    pane = window.text_pane
    counter = PaintCounter()
    pane.viewport().installEventFilter(counter)
    line = pane.fontMetrics().lineSpacing()

    def paints_after(change) -> list[int]:  # type: ignore[no-untyped-def]
        QApplication.processEvents()
        counter.count, counter.heights = 0, []
        change()
        QApplication.processEvents()
        return counter.heights

    suggestion = [(top + 10, top + 14, "#2266cc")]
    came = paints_after(lambda: pane.set_suggestions(suggestion))
    assert came and max(came) <= 3 * line
    assert paints_after(lambda: pane.set_suggestions(list(suggestion))) == []
    assert paints_after(lambda: pane.set_suggestions(suggestion, 0))  # now the current one: drawn bolder
    went = paints_after(lambda: pane.set_suggestions([]))
    assert went and max(went) <= 3 * line
    window.store.close()


def test_spans_read_while_idle_out_of_view_cause_no_repaint(qtbot, tmp_path: Path, settings_file: Path) -> None:  # type: ignore[no-untyped-def]
    window, article_id, _top, bottom = long_article_window(qtbot, tmp_path, settings_file)
    counters = paint_counters(window)
    window.controller.open_article(article_id)
    QApplication.processEvents()  # the first paint, with the span on screen
    for counter in counters:
        counter.count = 0
    qtbot.waitUntil(lambda: not window.controller.reading.busy)
    QApplication.processEvents()
    # The span 400 lines down arrived and is held for painting, yet nothing on screen changed.
    assert bottom in painted_starts(window)
    assert [counter.count for counter in counters] == [0, 0]
    window.text_pane.scroll_to(bottom)
    QApplication.processEvents()
    assert counters[1].count >= 1
    window.store.close()
