"""The corpus in the window: search in either script, tag all hits as one batch, undo the batch in a
window opened later, the passages of a code with recoding in place, and suggestions by keyboard."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.core.coding.importing import prepare_article
from desktop.ui.app import create_window
from desktop.ui.panes.text_pane import TextPane
from desktop.ui.search.corpus_dialogs import BatchesDialog
from desktop.ui.window.main_window import MainWindow

TEXTS = {
    "1_trad.txt": "鄉村振興戰略\n全面推進鄉村振興，建設美麗鄉村。\n",
    "2_simp.txt": "乡村振兴规划\n以乡村振兴带动城乡融合。\n",
    "3_none.txt": "营商环境\n优化营商环境。\n",
}


def categories_at(pane: TextPane, start: int, end: int) -> set[str]:
    return {c for segment in pane.paint.segments(start, end) for c in segment.categories}


def search(qtbot, window: MainWindow, query: str) -> None:  # type: ignore[no-untyped-def]
    window.corpus.open_search()
    panel = window.corpus.search_panel
    panel.query.setText(query)  # typed in Traditional (keyClicks cannot type Chinese)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: " in " in panel.summary.text() or "No hits" in panel.summary.text(), timeout=10000)


def test_search_tag_all_undo_after_reopening_and_recode_in_the_passages(qtbot, open_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window(TEXTS)
    search(qtbot, window, "鄉村振興")
    panel = window.corpus.search_panel
    store = window.store
    having = [a for a in store.articles.ids() if "乡村振兴" in store.articles.text(a)]
    assert len(having) == 2 and {hit.article_id for hit in panel.hits} == set(having)
    expected = [(a, m) for a in having for m in range(store.articles.text(a).count("乡村振兴"))]
    assert len(panel.hits) == len(expected) and {hit.text for hit in panel.hits} == {"乡村振兴"}
    assert panel.summary.text().startswith(f"{len(expected)} hits in 2 articles")

    # Enter on a hit opens its article with the hit selected in both panes.
    hit = panel.hits[0]
    panel.results.setCurrentItem(panel.results.topLevelItem(0).child(0))
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.controller.document.article.id == hit.article_id
    assert window.text_pane.selection() == (hit.start, hit.end)
    assert window.original_pane.selection() == (hit.original_start, hit.original_end)

    # Tag all hits as 措施 (measure) in one step.
    panel.tag_category.setCurrentIndex(panel.tag_category.findData("measure"))
    panel.tag_all.click()
    tagged = [(s.article_id, s.start, s.end) for a in having for s in store.spans.of_article(a)]
    assert sorted(tagged) == sorted((h.article_id, h.start, h.end) for h in panel.hits)
    assert window.undo_stack.count() == 1
    assert categories_at(window.text_pane, hit.start, hit.end) == {"measure"}
    path, settings_file = store.path, window.settings.fileName()
    window.close()

    # A window opened later undoes the batch from the list of recent batches.
    later = create_window(path, QSettings(settings_file, QSettings.Format.IniFormat))
    qtbot.addWidget(later)
    later.show()
    qtbot.waitExposed(later)
    monkeypatch.setattr(BatchesDialog, "exec", lambda dialog: dialog.undo_button.click() or 0)
    later.corpus.show_batches()
    assert all(later.store.spans.of_article(a) == [] for a in having)
    assert f"Removed {len(tagged)} spans" in later.statusBar().currentMessage()
    later.undo_stack.undo()  # and the undo of that puts the batch back
    assert sorted((s.article_id, s.start, s.end) for a in having for s in later.store.spans.of_article(a)) == sorted(
        tagged
    )

    # The passages of 措施: every span with its context; recoding one repaints both panes.
    later.corpus.passages.open("measure")
    rows = later.corpus.passages.panel.model.rows
    assert len(rows) == len(tagged) and all(row.span.text == "乡村振兴" for row in rows)
    assert all(row.before or row.after for row in rows)
    span = rows[0].span
    later.corpus.passages.recode(span, "target")
    assert later.store.spans.get(span.id).category_id == "target"  # type: ignore[arg-type]
    assert later.controller.document.article.id == span.article_id
    assert categories_at(later.text_pane, span.start, span.end) == {"target"}
    assert categories_at(later.original_pane, span.original_start, span.original_end) == {"target"}
    assert len(later.corpus.passages.panel.model.rows) == len(tagged) - 1  # no longer a measure
    later.close()


def test_suggestions_are_stepped_accepted_and_rejected_by_keyboard(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"a.txt": "青禾縣規劃\n到2025年，產值增長8%以上。實施鄉(xiāng)村振興工程。\n"})
    window.corpus.suggestions.show_action.trigger()
    pane = window.text_pane
    suggestions = window.corpus.suggestions.suggestions
    assert [pane.text[s.start : s.end] for s in suggestions][:2] == ["到2025年", "增长8%以上"]
    assert len(pane.suggestions) == len(suggestions) == len(window.original_pane.suggestions)
    assert window.store.spans.of_article(window.controller.document.article.id) == []  # drawn, never stored
    pane.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane)
    pane.select(0, 0)
    qtbot.keyClick(pane, Qt.Key.Key_Tab)
    assert pane.selection() == (suggestions[0].start, suggestions[0].end)
    assert "rule target-year" in window.statusBar().currentMessage()
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    [span] = window.store.spans.of_article(window.controller.document.article.id)
    document = window.controller.document
    assert (span.category_id, span.text) == ("target", "到2025年")
    assert document.quotes_match(span) and span.original_text == "到2025年"
    assert prepare_article(span.original_text, "x", "utf-8").text == span.text
    assert window.corpus.suggestions.suggestions[0].start > span.start  # accepted: no longer suggested
    qtbot.keyClick(pane, Qt.Key.Key_Tab)
    rejected = window.corpus.suggestions.suggestions[window.corpus.suggestions.current or 0]
    qtbot.keyClick(pane, Qt.Key.Key_Backspace)
    assert (rejected.start, rejected.end, rejected.category_id) in window.store.suggestions.rejected(
        document.article.id
    )
    assert rejected not in window.corpus.suggestions.suggestions
    window.undo_stack.undo()
    assert rejected in window.corpus.suggestions.suggestions


def test_an_older_database_is_indexed_in_the_background_and_searchable_meanwhile(
    qtbot, tmp_path, settings_file
) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import make_db

    db = make_db(tmp_path, TEXTS)
    with sqlite3.connect(db) as connection:  # as a database from before the index has it
        connection.execute("drop table search_index")
        connection.execute(
            "create virtual table search_index using fts5(terms, content='', detail=none, tokenize='ascii')"
        )
        connection.execute("insert into search_pending (article_id) select id from articles")
    connection.close()
    window = create_window(str(db), QSettings(str(settings_file), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.store.search.pending() == 0, timeout=10000)
    qtbot.waitUntil(lambda: "Search index ready (3 articles)" in window.statusBar().currentMessage(), timeout=5000)
    search(qtbot, window, "营商环境")
    assert window.corpus.search_panel.summary.text().startswith("2 hits in 1 article")
    window.close()


def test_the_total_beside_a_cut_list_counts_every_hit_once(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.search.searching import SearchFilter, count, prepare
    from desktop.core.store import Store
    from desktop.ui.search import search_worker

    store = Store.in_memory()  # searched on this thread
    texts = ["项目" * n + "。" for n in (1, 4, 2, 5, 3)]
    store.articles.add([prepare_article(text, f"{i}.txt", "utf-8") for i, text in enumerate(texts)])
    expected = count(store, prepare("项目"))
    for first, shown in ((3, 7), (2, 100)):  # the list cut inside an article; every hit listed
        monkeypatch.setattr(search_worker, "FIRST_PAGE", first)
        monkeypatch.setattr(search_worker, "SHOWN_HITS", shown)
        service = search_worker.SearchService(store, lambda _path: store)
        listed: list[object] = []
        totals: list[tuple[int, int]] = []
        service.hitsFound.connect(lambda _job, found, into=listed: into.extend(found))
        service.counted.connect(lambda _job, hits, articles, into=totals: into.append((hits, articles)))
        service.search(prepare("项目"), SearchFilter())
        assert len(listed) == min(shown, expected.hits)
        assert totals == [tuple(expected)]
    store.close()


def test_a_regular_expression_that_backtracks_is_stopped_and_said(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"a.txt": "第一篇\n" + "a" * 40 + "b\n", "b.txt": "第二篇，推进发展。\n"})
    panel = window.corpus.search_panel
    panel.regex.setChecked(True)
    window.corpus.open_search()
    panel.query.setText("(a|aa)+$")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    # The worker thread gives up on the article after the time limit and says why; the window stayed usable.
    qtbot.waitUntil(lambda: "took over" in panel.summary.text(), timeout=15000)
    assert "simplify it" in panel.summary.text()
    panel.regex.setChecked(False)
    search(qtbot, window, "推进")
    assert panel.summary.text().startswith("1 hit in 1 article")
