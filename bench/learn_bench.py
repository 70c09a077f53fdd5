"""Learned suggestions at the size the issue names: train on 5,000 coded units, predict 50,000, and
keep the window's event loop running while a model trains.

    QT_QPA_PLATFORM=offscreen python bench/learn_bench.py [--coded 5000] [--predicted 50000] [--runs 3]

Builds a database of articles written by tests/learning_corpus.py (the coded ones marked done by
one analyst, the rest not coded), then prints, each as min / median / max over ``--runs``:

- reading the examples (units and their codes) from the database;
- training: every code's grouped cross-validation, thresholds, and the final models;
- predicting every code for ``--predicted`` units;
- beside them the bare baseline of the same run: one TF-IDF fit and one logistic regression on the
  same units, the least any learning must do;
- the window: the longest stall of its event loop (a 5 ms timer's late ticks) while a model trains
  in the worker process, the window being the real one on the same database in a process of its
  own, beside the longest stall with nothing training, and the same training in a thread (which
  loads scikit-learn into the window's process) for comparison.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.learning.examples import read_examples
from desktop.core.store import Store
from tests.learning_corpus import fill

UNITS_PER_ARTICLE = 11  # about, in the written corpus (rounded down: at least the units asked for)


def runs(work: Callable[[], object], count: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(count):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return times, result


def shown(times: list[float]) -> str:
    return f"{min(times):7.2f} / {statistics.median(times):7.2f} / {max(times):7.2f} s"


def build(path: Path, coded: int, predicted: int) -> tuple[int, int]:
    store = Store.open(path)
    done = fill(store, max(1, coded // UNITS_PER_ARTICLE), seed=1, miss=0.05)
    waiting = fill(store, max(1, predicted // UNITS_PER_ARTICLE), seed=2, done=False, miss=1.0)
    store.close()
    return len(done), len(waiting)


def window_stalls(path: Path, seconds: float, train: str) -> float:
    """The longest gap between ticks of a 5 ms timer in the real window, while ``train`` runs
    ('process': the window's own learning; 'thread': the same training in a thread; 'none')."""
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

    from desktop.ui.app import application, create_window

    app = application()
    settings = QSettings(str(path.with_suffix(f".{train}.ini")), QSettings.Format.IniFormat)
    window = create_window(str(path), settings)
    window.show()
    app.processEvents()
    window.controller.finish_reading()
    clock = QElapsedTimer()
    clock.start()
    longest = [0]
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        longest[0] = max(longest[0], now - last[0] - 5)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    finished = threading.Event()
    if train == "process":
        learning = window.corpus.learning
        learning.changed.connect(lambda: finished.set() if not learning.training_now() else None)
        window.corpus.learning.panel.enabled_box.setChecked(True)
    elif train == "thread":
        from desktop.core.learning.background import learn_from_database

        threading.Thread(target=lambda: (learn_from_database(str(path), "ana", 0.8), finished.set())).start()
    timer.start()
    last[0] = clock.elapsed()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or (train != "none" and not finished.is_set()):
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    window.corpus.learning.close()
    window.store.close()
    window.deleteLater()
    app.processEvents()
    return float(longest[0])


def stall_in_a_window_process(path: Path, seconds: float, mode: str) -> float:
    """``window_stalls`` in a fresh process, as a user starts the window: this one holds scikit-learn
    and the bench's data, which the window's process never does (forking it alone takes longer)."""
    result = subprocess.run(
        [sys.executable, __file__, "--stall", mode, "--seconds", str(seconds), "--db", str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--coded", type=int, default=5000)
    parser.add_argument("--predicted", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stall", choices=["none", "process", "thread"], help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=0.5, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.stall:
        print(window_stalls(Path(args.db), args.seconds, args.stall))
        return 0
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from desktop.core.learning.model import train

    folder = Path(tempfile.mkdtemp(prefix="learn-bench-"))
    path = folder / "learn.db"
    started = time.perf_counter()
    done, waiting = build(path, args.coded, args.predicted)
    print(f"built {done} coded and {waiting} uncoded articles in {time.perf_counter() - started:.1f} s")
    store = Store.open(path)
    codebook = store.categories.codebook()
    read_times, examples = runs(lambda: read_examples(store.coded_units, "ana", codebook), args.runs)
    examples = read_examples(store.coded_units, "ana", codebook)
    coded_ids = set(examples.articles)
    waiting = [i for i in store.articles.ids() if i not in coded_ids]
    targets = [row[3] for row in store.coded_units.unit_texts(waiting)]
    targets = (targets * (args.predicted // max(1, len(targets)) + 1))[: args.predicted]
    print(f"{len(examples)} coded units ({len(coded_ids)} articles), {len(targets)} units to predict")
    train_times, model = runs(lambda: train(examples), args.runs)
    predict_times, _ = runs(lambda: model.probabilities(targets), args.runs)  # type: ignore[attr-defined]

    def bare() -> None:
        matrix = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=2).fit_transform(examples.texts)
        LogisticRegression(solver="liblinear").fit(matrix, ["measure" in labels for labels in examples.labels])

    bare_times, _ = runs(bare, args.runs)
    total = [t + p for t, p in zip(train_times, predict_times, strict=True)]
    print()
    print(f"{'':44} {'min / median / max':>31}  ratio to bare (median)")
    base = statistics.median(bare_times)
    for name, times in (
        ("read the examples from the database", read_times),
        (f"train {len(model.figures)} codes (5-fold CV by article + final)", train_times),  # type: ignore[attr-defined]
        (f"predict {len(targets)} units", predict_times),
        ("train + predict (goal <= 5 s)", total),
        ("bare: one TF-IDF fit + one logistic regression", bare_times),
    ):
        print(f"{name:44} {shown(times)}  {statistics.median(times) / base:6.1f}")
    figures = ", ".join(f"{f.code} {f.f1:.2f}" for f in model.figures if f.f1 is not None)  # type: ignore[attr-defined]
    print(f"cross-validated F1: {figures}")
    store.close()
    print()
    print("longest stall of the window's event loop, min / median / max ms (a 5 ms timer's lateness;")
    print("goal <= 50 ms while training; each run a new window, so the worker process starts each time):")
    for name, mode, seconds in (
        ("idle, nothing training", "none", 2.0),
        ("training in the worker process", "process", 0.5),
        ("the same training in a thread", "thread", 0.5),
    ):
        stalls = [stall_in_a_window_process(path, seconds, mode) for _ in range(args.runs)]
        print(f"  {name:34} {min(stalls):5.0f} / {statistics.median(stalls):5.0f} / {max(stalls):5.0f}")
    shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
