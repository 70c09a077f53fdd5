"""Learned suggestions in the window: the worker trains on the analyst's done articles in the
background, the panel shows how often each code is right, the open article's units are scored by
the worker, and the article list can put the articles the model is least sure of first.

The window never waits: trainings and predictions are Futures polled by a timer. A training
starts when learning is switched on, when asked, after RETRAIN_UNITS more units were marked done
(or undone), when the codebook's shape or the precision asked for changes, and when another
analyst or database is taken up. One runs at a time; a reason arriving meanwhile runs one more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop.core.document import Document
from desktop.core.models import Status
from desktop.core.search.suggesting import Suggestion
from desktop.core.store import STORE_FAILURES
from desktop.core.store.database import MEMORY
from desktop.ui.search.learning_panel import LearningPanel
from desktop.ui.widgets.labels import category_label
from desktop.ui.window.window_layout import add_dock

# The learning modules (the worker's: multiprocessing, pickling) load once learning is switched on.
if TYPE_CHECKING:
    from concurrent.futures import Future

    from desktop.core.learning.background import Learned, Trainer
    from desktop.core.learning.results import Training

# What an article's scoring was made for: (article id, model number, hash of its Simplified text).
Scoring = tuple[int, int, int]
# Units newly marked done (or undone) before the model learns again.
RETRAIN_UNITS = 50
POLL_MS = 50
PRECISION_PAUSE_MS = 700


class LearningView(QObject):
    changed = Signal()  # a training finished (or failed): figures, order and suggestions are new
    suggestionsReady = Signal(int)  # article id: its learned suggestions can be read now

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.panel = LearningPanel()
        self.dock = add_dock(window, "learning", self.panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.hide()
        self._trainer: Trainer | None = None
        self.training: Training | None = None
        self.uncertainty: dict[int, float] = {}
        self._model = 0
        self._job: Future[Learned] | None = None
        self._again = False
        self._problem = ""
        # The open article's scoring, by (article, model, text): asked of the worker, then kept until the
        # model or the text (a re-processed article) changes.
        self._asked: tuple[Scoring, list[tuple[int, int]], Future[dict[str, list[float]]]] | None = None
        self._scored: tuple[Scoring, list[tuple[int, int]], dict[str, list[float]]] | None = None
        self._new_units = 0
        # Articles marked done in this window since it opened (a status set twice counts once).
        self._done_here: set[int] = set()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        self._precision_pause = QTimer(self)
        self._precision_pause.setSingleShot(True)
        self._precision_pause.setInterval(PRECISION_PAUSE_MS)
        self._precision_pause.timeout.connect(self.train)
        settings = window.settings
        self.panel.precision.setValue(float(settings.value("learning/precision", self.panel.precision.value())))
        self.panel.uncertain_box.setChecked(str(settings.value("learning/uncertain_first", "false")) == "true")
        self.panel.enabledChanged.connect(self._switched)
        self.panel.uncertainFirstChanged.connect(self._uncertain_first)
        self.panel.precisionChanged.connect(self._precision_changed)
        self.panel.trainRequested.connect(self.train)
        window.controller.statusChanged.connect(self._status_changed)
        self.panel.enabled_box.setChecked(str(settings.value("learning/enabled", "false")) == "true")

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Learning"))
        self.panel.retranslate()
        self._show_state()

    def enabled(self) -> bool:
        return self.panel.enabled_box.isChecked()

    def training_now(self) -> bool:
        return self._job is not None

    @property
    def trainer(self) -> Trainer:
        if self._trainer is None:
            from desktop.core.learning.background import Trainer

            self._trainer = Trainer()
        return self._trainer

    def close(self) -> None:
        self._poll.stop()
        if self._trainer is not None:
            self._trainer.close()

    # training ----------------------------------------------------------------------------------

    def train(self) -> None:
        """Learn again from the current analyst's done articles, in the background."""
        if not self.enabled():
            return
        if self._job is not None:
            self._again = True
            return
        store = self.window.store
        if store.path == MEMORY:
            self._problem = self.tr("Learning reads the database from another process: it needs a database file")
            self._show_state()
            return
        self._new_units = 0
        self._problem = ""
        self._job = self.trainer.start(store.path, self.window.annotator(), self.panel.precision.value())
        self._poll.start()
        self._show_state()

    def _switched(self, on: bool) -> None:
        self.window.settings.setValue("learning/enabled", "true" if on else "false")
        if on:
            self.train()
        else:
            self._forget()
        self._show_state()

    def _forget(self) -> None:
        self.training, self.uncertainty, self._model = None, {}, 0
        self._asked = self._scored = None
        self.panel.show_training(None, {})
        self._apply_order()
        self.changed.emit()

    def _precision_changed(self, value: float) -> None:
        self.window.settings.setValue("learning/precision", value)
        self._precision_pause.start()

    def _status_changed(self, article_id: int) -> None:
        """Count the units of an article the analyst just marked done, or took back from done."""
        if not self.enabled():
            return
        try:
            done = self.window.store.analysts.status(article_id, self.window.annotator()) is Status.DONE
            if done == (article_id in self._done_here):
                return
            self._new_units += len(self.window.store.units.of_article(article_id))
        except STORE_FAILURES:
            return
        if done:
            self._done_here.add(article_id)
        else:
            self._done_here.discard(article_id)
        if self._new_units >= RETRAIN_UNITS:
            self.train()

    def refresh(self) -> None:
        """The database changed (the codebook, another program): learn again if the codebook's shape moved."""
        if not self.enabled() or self.training is None:
            return
        from desktop.core.learning.examples import codebook_state

        try:
            state = codebook_state(self.window.store.categories.codebook())
        except STORE_FAILURES:
            return
        if state != self.training.trained_on.codebook_state:
            self.train()

    def use_store(self) -> None:
        """Another database: nothing learned from the last one is kept."""
        self._forget()
        self.train()

    def _check(self) -> None:
        if self._job is not None and self._job.done():
            job, self._job = self._job, None
            self._finished(job)
            if self._again:
                self._again = False
                self.train()
        if self._asked is not None and self._asked[2].done():
            self._scored_article()
        if self._job is None and self._asked is None:
            self._poll.stop()

    def _finished(self, job: Future[Learned]) -> None:
        try:
            learned = job.result()
        except Exception as error:  # the worker's failure is reported, never raised into the event loop
            self._problem = self.tr("Learning failed: %1").replace("%1", str(error) or type(error).__name__)
            self._show_state()
            return
        self.training, self.uncertainty, self._model = learned.training, learned.uncertainty, learned.model
        self._problem = (
            ""
            if learned.training is not None
            else self.tr("Nothing to learn from yet: mark the articles you finished done (Ctrl+Shift+D)")
        )
        self._asked = self._scored = None
        self._show_state()
        self._apply_order()
        self.changed.emit()

    def _show_state(self) -> None:
        labels = {c.id: category_label(c) for c in self.window.controller.categories}
        self.panel.show_training(self.training, labels)
        if not self.enabled():
            text = self.tr("Off: nothing is learned or sent anywhere")
        elif self._job is not None:
            text = self.tr("Learning from %1's done articles…").replace("%1", self.window.annotator())
        elif self._problem:
            text = self._problem
        elif self.training is not None:
            on = self.training.trained_on
            text = (
                self.tr(
                    "Learned from %1's coding: %2 units of %3 done articles in %4 s; learns again after %5 more units"
                )
                .replace("%1", on.analyst)
                .replace("%2", str(on.units))
                .replace("%3", str(on.articles))
                .replace("%4", f"{on.seconds:.1f}")
                .replace("%5", str(RETRAIN_UNITS))
            )
        else:
            text = ""
        self.panel.set_state(text)

    # the article list's order --------------------------------------------------------------------

    def _uncertain_first(self, on: bool) -> None:
        self.window.settings.setValue("learning/uncertain_first", "true" if on else "false")
        self._apply_order()

    def _apply_order(self) -> None:
        wanted = self.enabled() and self.panel.uncertain_box.isChecked() and bool(self.uncertainty)
        order = sorted(self.uncertainty, key=lambda a: (-self.uncertainty[a], a)) if wanted else None
        model = self.window.article_list.model
        if (model.listed.order is None) != (order is None) or (order and tuple(order) != model.listed.order):
            try:
                model.set_order(order)
            except STORE_FAILURES:
                return

    # suggestions ---------------------------------------------------------------------------------

    def suggestions(
        self, document: Document, held: list[tuple[int, int, str]], rejected: set[tuple[int, int, str]]
    ) -> list[Suggestion]:
        """The open article's learned suggestions when its units are scored; else they are asked for
        (``suggestionsReady`` says when) and none are given yet."""
        if not self.enabled() or self.training is None:
            return []
        from desktop.core.learning.predicting import clause_places, suggestions_from

        if self.training.trained_on.analyst != self.window.annotator():
            self.train()  # another analyst at work: their own coding teaches the model, not the last one's
            return []
        text = document.article.text
        scoring = (document.article.id, self._model, hash(text))
        if self._scored is not None and self._scored[0] == scoring:
            _scoring, places, chances = self._scored
            codebook = self.window.store.categories.codebook()
            return suggestions_from(chances, self.training.thresholds(), places, codebook, held, rejected)
        if self._asked is None or self._asked[0] != scoring:
            units = [(unit.start, unit.end) for unit in self.window.store.units.of_article(scoring[0])]
            places = clause_places(text, units)
            future = self.trainer.probabilities(self._model, [text[s:e] for s, e in places])
            self._asked = (scoring, places, future)
            self._poll.start()
        return []

    def _scored_article(self) -> None:
        assert self._asked is not None
        from desktop.core.learning.background import ModelGone

        scoring, places, future = self._asked
        self._asked = None
        try:
            chances = future.result()
        except ModelGone:
            self.train()
            return
        except Exception as error:  # reported, never raised into the event loop
            self._problem = self.tr("Learning failed: %1").replace("%1", str(error) or type(error).__name__)
            self._show_state()
            return
        if scoring[1] == self._model:
            self._scored = (scoring, places, chances)
            self.suggestionsReady.emit(scoring[0])
