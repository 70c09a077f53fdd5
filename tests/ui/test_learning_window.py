"""Learned suggestions in the window, driven as an analyst would: switch learning on, read the figures,
step to a learned suggestion, take it with the key, undo it, list uncertain articles first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.core.learning.examples import read_examples
from desktop.core.learning.model import train
from desktop.core.learning.predicting import LEARNED
from desktop.core.models import Status
from desktop.core.store import Store
from desktop.ui.search.learning_view import RETRAIN_UNITS
from desktop.ui.search.suggestion_view import SuggestionView
from desktop.ui.window.main_window import MainWindow
from tests.learning_corpus import CODES, fill

TRAINED_S = 60_000  # ms: the first training starts the worker process and loads scikit-learn there


@pytest.fixture
def learning_window(open_window, tmp_path: Path):  # type: ignore[no-untyped-def]
    db = tmp_path / "learn.db"
    store = Store.open(db)
    fill(store, 60, seed=1, analyst="tester", miss=0.05)
    fill(store, 12, seed=2, analyst="tester", done=False, miss=1.0)  # not coded yet
    store.close()
    window = open_window(db=db)
    yield window
    window.corpus.learning.close()


def switch_on(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    learning = window.corpus.learning
    window.workspaces.bring(learning.dock)
    qtbot.mouseClick(learning.panel.enabled_box, Qt.MouseButton.LeftButton)
    assert learning.enabled()
    qtbot.waitUntil(lambda: learning.training is not None and not learning.training_now(), timeout=TRAINED_S)


def with_learned_suggestions(qtbot, window: MainWindow, article_id: int) -> SuggestionView:  # type: ignore[no-untyped-def]
    """Suggestions shown and an article open, once its learned suggestions have come from the worker."""
    suggestions: SuggestionView = window.corpus.suggestions
    suggestions.show_action.setChecked(True)
    window.open_article(article_id)
    window.controller.finish_reading()
    qtbot.waitUntil(lambda: any(s.source == LEARNED for s in suggestions.suggestions), timeout=10_000)
    return suggestions


def test_switching_learning_on_trains_in_the_background_and_shows_each_codes_figures(qtbot, learning_window) -> None:  # type: ignore[no-untyped-def]
    window = learning_window
    learning = window.corpus.learning
    assert learning.panel.state.text().startswith("Off")
    switch_on(qtbot, window)
    table = learning.panel.table
    assert table.rowCount() == len(CODES)
    # The same figures as a training on the same coding in this process.
    expected = train(read_examples(window.store.coded_units, "tester", window.store.categories.codebook()))
    for row, figures in enumerate(expected.figures):
        assert table.item(row, 1).text() == str(figures.positives)
        assert table.item(row, 4).text() == f"{figures.f1:.2f}"
        assert table.item(row, 5).text() == f"{figures.threshold:.2f}"
    assert "Learned from tester's coding: " in learning.panel.state.text()
    assert "60 done articles" in learning.panel.state.text()


def test_a_learned_suggestion_is_dashed_in_the_panes_and_taken_with_the_key_then_undone(qtbot, learning_window) -> None:  # type: ignore[no-untyped-def]
    window = learning_window
    switch_on(qtbot, window)
    suggestions = with_learned_suggestions(qtbot, window, 61)
    learned = [s for s in suggestions.suggestions if s.source == LEARNED]
    painted = {(start, end) for start, end, _colour in window.text_pane.suggestions}
    assert {(s.start, s.end) for s in learned} <= painted
    first = learned[0]
    tip = window.text_pane.tooltip_for(first.start)
    assert "learned from your coding, probability " + first.detail in tip
    window.text_pane.setFocus()
    window.text_pane.select(0, 0)
    while suggestions.current is None or suggestions.suggestions[suggestions.current] != first:
        qtbot.keyClick(window.text_pane, Qt.Key.Key_Tab)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_Return)
    spans = window.store.spans.of_article(61)
    taken = [s for s in spans if (s.start, s.end, s.category_id) == (first.start, first.end, first.category_id)]
    assert len(taken) == 1 and taken[0].annotator == "tester"
    decided = window.store.db.execute(
        "select source, accepted, span_id from suggestion_decisions where article_id = 61"
    ).fetchall()
    assert decided == [(LEARNED, 1, taken[0].id)]
    window.undo_action.trigger()
    assert not [s for s in window.store.spans.of_article(61) if s.id == taken[0].id]
    assert window.store.db.execute("select count(*) from suggestion_decisions").fetchone()[0] == 0


def test_the_article_list_can_put_the_articles_the_model_is_least_sure_of_first(qtbot, learning_window) -> None:  # type: ignore[no-untyped-def]
    window = learning_window
    switch_on(qtbot, window)
    learning = window.corpus.learning
    scores = learning.uncertainty
    assert set(scores) == set(range(61, 73))  # the articles not done
    qtbot.mouseClick(learning.panel.uncertain_box, Qt.MouseButton.LeftButton)
    model = window.article_list.model
    listed = [model.summary(row).id for row in range(model.rowCount())]  # type: ignore[union-attr]
    expected = sorted(scores, key=lambda a: (-scores[a], a))
    assert listed[: len(expected)] == expected
    assert listed[len(expected) :] == list(range(1, 61))
    qtbot.mouseClick(learning.panel.uncertain_box, Qt.MouseButton.LeftButton)
    assert [model.summary(row).id for row in range(5)] == [1, 2, 3, 4, 5]  # type: ignore[union-attr]


def test_marking_enough_units_done_or_changing_the_codebook_trains_again(qtbot, learning_window) -> None:  # type: ignore[no-untyped-def]
    window = learning_window
    switch_on(qtbot, window)
    learning = window.corpus.learning
    before = learning.training
    assert before is not None and before.trained_on.articles == 60
    marked = 0
    article_id = 61
    while marked < RETRAIN_UNITS:
        window.open_article(article_id)
        window.status_actions[Status.DONE].trigger()
        marked += len(window.store.units.of_article(article_id))
        article_id += 1
    qtbot.waitUntil(lambda: learning.training is not before and not learning.training_now(), timeout=TRAINED_S)
    assert learning.training is not None and learning.training.trained_on.articles == 60 + article_id - 61
    trained = learning.training
    window.store.categories.add("policy_goal", "政策目标")
    window.refresh_from_database()
    qtbot.waitUntil(lambda: learning.training is not trained and not learning.training_now(), timeout=TRAINED_S)
    assert "policy_goal" in {f.code for f in learning.training.figures}  # type: ignore[union-attr]


def test_learning_survives_a_worker_that_lost_its_model(qtbot, learning_window) -> None:  # type: ignore[no-untyped-def]
    window = learning_window
    switch_on(qtbot, window)
    learning = window.corpus.learning
    learning.trainer.close()  # as if the worker process had died: the next prediction finds no model
    trained = learning.training
    window.corpus.suggestions.show_action.setChecked(True)
    window.open_article(62)
    window.controller.finish_reading()
    qtbot.waitUntil(lambda: learning.training is not trained and not learning.training_now(), timeout=TRAINED_S)
    qtbot.waitUntil(lambda: any(s.source == LEARNED for s in window.corpus.suggestions.suggestions), timeout=10_000)


def test_a_training_that_fails_is_reported_in_the_panel_and_the_window_goes_on(
    qtbot, learning_window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import Future

    from desktop.core.learning.background import Trainer

    def failing(self: Trainer, path: str, analyst: str, precision: float) -> Future[object]:
        broken: Future[object] = Future()
        broken.set_exception(OSError(f"{path}: disk I/O error"))
        return broken

    monkeypatch.setattr(Trainer, "start", failing)
    window = learning_window
    learning = window.corpus.learning
    window.workspaces.bring(learning.dock)
    qtbot.mouseClick(learning.panel.enabled_box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Learning failed: " in learning.panel.state.text(), timeout=5_000)
    assert "disk I/O error" in learning.panel.state.text() and learning.training is None
    # The window still codes: suggestions without a model are the rules' and tagged strings' alone.
    window.corpus.suggestions.show_action.setChecked(True)
    window.open_article(61)
    assert all(s.source != LEARNED for s in window.corpus.suggestions.suggestions)


def test_switching_learning_off_forgets_the_model_and_its_suggestions(qtbot, learning_window) -> None:  # type: ignore[no-untyped-def]
    window = learning_window
    switch_on(qtbot, window)
    learning = window.corpus.learning
    suggestions = with_learned_suggestions(qtbot, window, 61)
    qtbot.mouseClick(learning.panel.enabled_box, Qt.MouseButton.LeftButton)
    assert learning.training is None and learning.panel.table.rowCount() == 0
    assert learning.panel.state.text().startswith("Off")
    assert not any(s.source == LEARNED for s in suggestions.suggestions)
    assert window.settings.value("learning/enabled") == "false"


def test_learned_suggestions_switched_off_as_a_source_are_not_made(qtbot, learning_window) -> None:  # type: ignore[no-untyped-def]
    window = learning_window
    switch_on(qtbot, window)
    suggestions = with_learned_suggestions(qtbot, window, 61)
    window.corpus._switch(LEARNED, False)  # as the rules dialog's switch does
    suggestions.refresh()
    assert not any(s.source == LEARNED for s in suggestions.suggestions)
    assert [r.source for r in window.store.suggestions.records([LEARNED]) if r.switched_off] == [LEARNED]


def test_only_articles_newly_marked_done_count_towards_learning_again(qtbot, learning_window) -> None:  # type: ignore[no-untyped-def]
    window = learning_window
    switch_on(qtbot, window)
    learning = window.corpus.learning
    window.open_article(61)
    for _ in range(RETRAIN_UNITS):  # marking the same article done again and again is one article done
        window.status_actions[Status.DONE].trigger()
    window.status_actions[Status.IN_PROGRESS].trigger()
    window.status_actions[Status.DONE].trigger()
    units = len(window.store.units.of_article(61))
    assert units < RETRAIN_UNITS / 3
    assert not learning.training_now()
    assert learning._new_units == 3 * units  # done, taken back, done again
