"""Pictures for the manual: each workspace at 1280x800 and 1600x1000, in English and in Chinese.

    .venv/bin/python docs/screenshots.py [--out docs/images] [--sizes 1280x800 ...] [--languages en ...]

Needs Xvfb and CJK fonts (Debian: apt-get install xvfb fonts-noto-cjk) and the test dependencies.
Each size gets its own virtual screen; in it the window opens on the sample articles with two
analysts' coding, and each workspace is shown with work in it: spans in the panes, search hits,
the adjudication round, a frequency table. Saves <out>/<workspace>-<size>-<language>.png; then
learned suggestions on the corpus written for the learning tests, as <out>/learning-<size>-<language>.png.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

PROJECT = Path(__file__).resolve().parent.parent
SIZES = ("1280x800", "1600x1000")
LANGUAGES = ("en", "zh_CN")


def shoot(language: str, out: Path, size: str) -> int:
    """In this X display: the window in ``language``, each workspace saved as a picture."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.corpus.reporting import ReportKind, ReportRequest
    from desktop.ui.app import application, create_window, demo_database
    from desktop.ui.window.workspaces import Workspace

    app = application()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", language)
    settings.setValue("annotator", "甲")
    window = create_window(demo_database(coded=True), settings)
    window.show()

    def settle(seconds: float = 0.5) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)

    def save(workspace: Workspace) -> None:
        save_as(workspace.value)

    def save_as(name: str) -> None:
        settle()
        picture = few_colours(app.primaryScreen().grabWindow(0).toImage())
        if not picture.save(str(out / f"{name}-{size}-{language}.png"), "PNG", 0):
            raise SystemExit(f"cannot write pictures to {out}")

    def run() -> None:
        screen = window.screen().availableGeometry()
        window.resize(screen.width(), screen.height())
        window.workspaces.switch(Workspace.CODE)
        text = window.text_pane.text
        start = text.find("智能制造产业园")
        if start >= 0:
            window.text_pane.select(start, start)
        save(Workspace.CODE)
        window.workspaces.switch(Workspace.SEARCH)
        window.corpus.open_search()
        panel = window.corpus.search_panel
        panel.query.setText("项目")
        panel.search_button.click()
        deadline = time.monotonic() + 20
        while not panel.results.topLevelItemCount() and time.monotonic() < deadline:
            settle(0.1)
        save(Workspace.SEARCH)
        window.workspaces.switch(Workspace.REVIEW)
        window.coding_round.dock.show()
        choice = window.coding_round.panel.choice
        choice.first.setCurrentText("甲")
        choice.second.setCurrentText("乙")
        window.coding_round.start()
        save(Workspace.REVIEW)
        window.workspaces.switch(Workspace.REPORT)
        window.study.show_report(ReportRequest(ReportKind.FREQUENCIES))
        save(Workspace.REPORT)
        show_learning(window, settle)
        save_as("learning")
        window.corpus.learning.close()
        window.close()
        QApplication.quit()

    QTimer.singleShot(1000, run)
    return app.exec()


def show_learning(window: Any, settle: Callable[[float], None]) -> None:
    """The Code workspace on the corpus written for the learning tests: 60 articles done by 甲, the
    model trained in its worker, an article not coded yet open with its learned suggestions."""
    from desktop.core.store import Store
    from desktop.ui.window.workspaces import Workspace
    from tests.learning_corpus import fill

    path = Path(tempfile.mkdtemp()) / "learning.db"
    store = Store.open(path)
    fill(store, 60, seed=1, analyst="甲", miss=0.05)
    [(waiting, _article)] = fill(store, 1, seed=2, analyst="甲", done=False, miss=1.0)
    store.close()
    window.use_store(Store.open(path))
    window.workspaces.switch(Workspace.CODE)
    learning = window.corpus.learning
    window.workspaces.bring(learning.dock)
    learning.panel.enabled_box.setChecked(True)
    deadline = time.monotonic() + 120
    while (learning.training is None or learning.training_now()) and time.monotonic() < deadline:
        settle(0.1)
    window.corpus.suggestions.show_action.setChecked(True)
    window.open_article(waiting)
    deadline = time.monotonic() + 20
    while not any(s.source == "learned" for s in window.corpus.suggestions.suggestions):
        if time.monotonic() > deadline:
            raise SystemExit("no learned suggestions came for the picture")
        settle(0.1)
    window.corpus.suggestions.step(1)


def few_colours(picture: QImage) -> QImage:
    """The picture in its own 256 most frequent colours: a third of the file, codes' colours exact."""
    picture = picture.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(picture.constBits())
    counts = Counter(data[i : i + 4] for i in range(0, len(data), 4))
    table = [int.from_bytes(colour, "little") | 0xFF000000 for colour, _ in counts.most_common(256)]
    return picture.convertToFormat(QImage.Format.Format_Indexed8, table, Qt.ImageConversionFlag.ThresholdDither)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT / "docs" / "images")
    parser.add_argument("--sizes", nargs="+", default=list(SIZES))
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES))
    parser.add_argument("--shoot", nargs=3, metavar=("LANGUAGE", "OUT", "SIZE"), help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.shoot:
        language, out, size = options.shoot
        return shoot(language, Path(out), size)
    options.out.mkdir(parents=True, exist_ok=True)
    # The tests' virtual screen: run from a checkout with the test dependencies installed.
    from tests.ui.xvfb_server import start_xvfb

    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("Xvfb is not installed (apt-get install xvfb fonts-noto-cjk)")
    for size in options.sizes:
        server, display = start_xvfb(xvfb, size)
        try:
            for language in options.languages:
                env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
                command = [sys.executable, __file__, "--shoot", language, str(options.out), size]
                subprocess.run(command, env=env, cwd=PROJECT, check=True, timeout=180)
                print(f"{size} {language}: {options.out}")
        finally:
            server.terminate()
            server.wait(10)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT))
    sys.exit(main())
