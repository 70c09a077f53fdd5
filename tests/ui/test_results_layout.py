"""Search hits and passages show what matters: the words next to the hit survive a cut context,
the passage takes the spare width, and an empty Note column is not shown."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem

from tests.ui.conftest import tag_by_key
from tests.ui.test_corpus_search import search
from tests.ui.test_tagging import type_text

LEAD = "各地区各部门要按照国务院统一部署，认真贯彻落实党中央关于推动高质量发展的决策，加快推进"
TAIL = "，确保二〇二五年底前全部建成投产，并向社会公布进展情况和资金使用情况。"
TEXTS = {"a.txt": f"青禾县重点工作\n{LEAD}重大项目建设{TAIL}\n"}


def drawn_text(view: QAbstractItemView, index: QModelIndex) -> str:
    """The text as the view draws it in its cell: the delegate's option, elided to the column."""
    option = QStyleOptionViewItem()
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    width = view.visualRect(index).width() - 8  # the style's text margins
    return option.fontMetrics.elidedText(option.text, option.textElideMode, width)


def test_a_cut_context_keeps_the_words_next_to_the_hit(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(TEXTS)
    window.resize(1200, 800)
    search(qtbot, window, "重大项目建设")
    results = window.corpus.search_panel.results
    # A narrow dock: the contexts no longer fit their columns.
    window.corpus.search_dock.setFloating(True)
    window.corpus.search_dock.resize(480, 300)
    context = window.corpus.search_panel.hits[0].context_before
    qtbot.waitUntil(lambda: results.columnWidth(0) < results.fontMetrics().horizontalAdvance(context))
    hit_row = results.topLevelItem(0).child(0)
    before = results.indexFromItem(hit_row, 0)
    after = results.indexFromItem(hit_row, 2)
    shown_before, shown_after = drawn_text(results, before), drawn_text(results, after)
    assert shown_before.startswith("…") and shown_before.endswith("加快推进"), shown_before
    assert shown_after.endswith("…") and shown_after.startswith("，确保"), shown_after
    # Before stands against the hit, After starts from it.
    option = QStyleOptionViewItem()
    results.itemDelegateForIndex(before).initStyleOption(option, before)
    assert option.displayAlignment & Qt.AlignmentFlag.AlignRight
    # The article's title row is not a context: it keeps its start.
    title = results.indexFromItem(results.topLevelItem(0), 0)
    assert drawn_text(results, title).startswith("青禾县")


def test_passages_give_the_text_the_width_and_notes_a_column_only_when_there_are_some(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(TEXTS)
    window.resize(1280, 800)
    window.article_list.view.selectRow(0)
    text = window.controller.document.article.text
    start = text.index("重大项目建设")
    tag_by_key(qtbot, window.text_pane, start, start + 6, Qt.Key.Key_1)
    window.corpus.passages.open("")
    retrieval = window.corpus.passages.panel
    view, model = retrieval.view, retrieval.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    widths = [view.columnWidth(column) for column in range(model.columnCount())]
    assert view.isColumnHidden(6) and not window.span_list.isColumnHidden(1)
    assert window.span_list.isColumnHidden(2)
    shown = [width for column, width in enumerate(widths) if not view.isColumnHidden(column)]
    assert widths[2] == max(shown), widths
    before = drawn_text(view, model.index(0, 1))
    assert before.endswith("加快推进"), before

    # A note on the span: both lists now show the Note column.
    qtbot.keyClick(window.text_pane, Qt.Key.Key_N)
    type_text(window.controller.note_editor, "见第三条")
    qtbot.keyClick(window.controller.note_editor, Qt.Key.Key_Return)
    assert not window.span_list.isColumnHidden(2)
    window.corpus.passages.open("")
    qtbot.waitUntil(lambda: not view.isColumnHidden(6))
    assert model.data(model.index(0, 6)) == "见第三条"
