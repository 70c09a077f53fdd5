"""Training away from the window: a worker process reads the database (SQLite, read-only) and trains.

A process rather than a thread: vectorising and fitting hold Python's lock for long stretches,
which would stall the window's event loop. The model stays in the process: the window receives
the figures and the article order, and asks the process for the probabilities of an article's
units when it opens one, so it never loads scikit-learn itself (loading it takes half a second,
a stall of its own). The process is started with ``spawn``: a forked copy of a process running Qt
is not safe. It is kept between trainings, so scikit-learn is loaded once per session.

The database is opened by SQLite in another process (read-only), so the window's own locks are untouched.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.core.learning.examples import read_examples
from desktop.core.learning.results import Training
from desktop.core.store.coded_units import reading

if TYPE_CHECKING:
    from desktop.core.learning.model import LearnedModel

T = TypeVar("T")

# The articles not done whose units the model scores for the "uncertain first" order, at most: the
# rest follow in their own order. Scoring is ~20 µs per unit.
ORDER_LIMIT = 5000


@dataclass(frozen=True)
class Learned:
    """What a training brings back: its figures (None when there was nothing to learn from,
    ``problem`` saying why; they hold how long it took), the name of the model the worker keeps,
    and the uncertainty of the articles not done yet."""

    training: Training | None
    model: int = 0
    uncertainty: dict[int, float] = field(default_factory=dict)
    problem: str = ""


# In the worker: the model of the last training, by the number handed back for it.
_KEPT: dict[int, LearnedModel] = {}


class ModelGone(LookupError):
    """The worker no longer holds the model asked for (it was restarted): train again."""


def learn_from_database(path: str, analyst: str, precision: float) -> Learned:
    """Train on ``analyst``'s done articles and score the articles they have not done (in the worker)."""
    from desktop.core.learning.model import train
    from desktop.core.learning.predicting import uncertainty

    units = reading(path)
    try:
        examples = read_examples(units, analyst, units.codebook())
        if not len(examples):
            return Learned(None, problem="no article marked done yet")
        model = train(examples, precision)
        order = uncertainty(model, units, units.other_articles(set(examples.articles), ORDER_LIMIT))
    finally:
        units.db.close()
    number = max(_KEPT, default=0) + 1
    _KEPT.clear()
    _KEPT[number] = model
    return Learned(model.training, number, order)


def probabilities_of(model: int, texts: list[str]) -> dict[str, list[float]]:
    """Per suggested code, the probability of each text, by the model kept under ``model`` (in the worker)."""
    kept = _KEPT.get(model)
    if kept is None:
        raise ModelGone(f"model {model} is no longer held")
    return kept.probabilities(texts)


class Trainer:
    """One worker process, one task at a time; each call returns a Future at once.

    Starting the process (and loading the modules that start it) takes tens of milliseconds, so
    even the hand-over to the pool happens on a short-lived thread: the caller's event loop never
    waits for it.
    """

    def __init__(self) -> None:
        self._pool: Any = None  # a ProcessPoolExecutor once the first task is handed over
        self._lock = threading.Lock()

    def _submit(self, work: Callable[..., T], *args: object) -> Future[T]:
        handed: Future[T] = Future()

        def hand_over() -> None:
            try:
                with self._lock:
                    if self._pool is None:
                        # Loaded here, off the caller's thread: multiprocessing alone takes ~10 ms to import.
                        from concurrent.futures import ProcessPoolExecutor
                        from multiprocessing import get_context

                        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))
                    inner = self._pool.submit(work, *args)
            except BaseException as error:  # a pool shut down meanwhile, a process that cannot start
                handed.set_exception(error)
                return
            inner.add_done_callback(lambda done: _pass_on(done, handed))

        threading.Thread(target=hand_over, name="learning-hand-over", daemon=True).start()
        return handed

    def start(self, path: str, analyst: str, precision: float) -> Future[Learned]:
        return self._submit(learn_from_database, path, analyst, precision)

    def probabilities(self, model: int, texts: list[str]) -> Future[dict[str, list[float]]]:
        return self._submit(probabilities_of, model, texts)

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None


def _pass_on(done: Future[T], handed: Future[T]) -> None:
    if done.cancelled():
        handed.cancel()
    elif done.exception() is not None:
        handed.set_exception(done.exception())
    else:
        handed.set_result(done.result())
