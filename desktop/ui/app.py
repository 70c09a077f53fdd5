"""The single wiring point: QApplication, settings, translation, store and window.

The only module of the window that opens databases; the window and its import worker
get ``open_store`` from here.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.collector import collector_paused
from desktop.core.environment import default_db_path, resource_path
from desktop.core.models import Status
from desktop.core.store import Fault, Store, StoreError
from desktop.core.store.backups import backups_of
from desktop.ui.widgets import i18n
from desktop.ui.widgets.messages import message_box
from desktop.ui.window.terminal_ctrl_c import ctrl_c_closes

if TYPE_CHECKING:
    from desktop.ui.window.main_window import MainWindow

ORGANISATION = "PolicyAnnotator"
APPLICATION = "Policy Annotator"
# Tests and portable installs point this at an .ini file of their own.
SETTINGS_ENV = "POLICY_ANNOTATOR_SETTINGS"


def make_settings() -> QSettings:
    path = os.environ.get(SETTINGS_ENV)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def sample_data_folder() -> Path:
    return resource_path("default_categories.json").resolve().parents[1] / "sample_data"


def open_store(path: str) -> Store:
    return Store.open(path)


# (analyst, phrase, code): two analysts' coding of one sample article, alike and not, for pictures
# and tests that need the Review and Report workspaces to hold something.
DEMO_CODING = (
    ("甲", "智能制造产业园", "project"),
    ("乙", "智能制造产业园", "project"),
    ("甲", "增长8%以上", "target"),
    ("乙", "增长8%以上", "measure"),
    ("甲", "推进新材料、生物医药等重点项目落地", "measure"),
    ("乙", "推进新材料", "measure"),
)


def demo_database(*, coded: bool = False) -> str:
    """A temporary database with the sample articles imported (``coded``: and DEMO_CODING in them)."""
    folder = Path(tempfile.mkdtemp(prefix="policy-annotator-demo-"))
    path = folder / "demo.db"
    # The import pipeline loads at its first use: a window that imports nothing starts without it.
    from desktop.core.coding.importing import import_paths

    samples = sample_data_folder()
    with open_store(str(path)) as store:
        # An installed copy without the checkout's sample_data/ opens an empty demo database.
        if samples.is_dir():
            for _ in import_paths(store, [samples]):
                pass
        if coded:
            _code_demo(store)
    return str(path)


def _code_demo(store: Store) -> None:
    for article_id in store.articles.ids():
        document = store.document(article_id)
        text = document.article.text
        if any(phrase not in text for _, phrase, _ in DEMO_CODING):
            continue
        for analyst, phrase, code in DEMO_CODING:
            start = text.index(phrase)
            store.spans.insert(document.span_at(start, start + len(phrase), code, analyst))
        for analyst in {analyst for analyst, _, _ in DEMO_CODING}:
            store.analysts.set_status(article_id, analyst, Status.DONE)
        return


def offer_restore(path: str, problem: str) -> bool:
    """A damaged database at start-up: offer its backups; whether one was put in its place."""
    box = QMessageBox(QMessageBox.Icon.Critical, APPLICATION, problem)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = box.addButton(QCoreApplication.translate("app", "Restore a backup…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    from desktop.ui.window.restore_dialog import ask_and_restore  # (a dialog few starts ever show)

    return ask_and_restore(path, None) is not None


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    return app  # type: ignore[return-value]


def create_window(db_path: str, settings: QSettings | None = None) -> MainWindow:
    """Open the store and build the window; raises StoreError with a message for the user."""
    # The window's modules and widgets are tens of thousands of objects and no garbage: the cycle
    # collector walking them again and again while they were made was ~3% of the start-up.
    with collector_paused():
        from desktop.ui.window.main_window import MainWindow

        settings = settings or make_settings()
        i18n.install(str(settings.value("view/language", i18n.SYSTEM)))
        store = open_store(db_path)
        return MainWindow(store, settings, open_store)


def run_window(db_path: str | None, demo: bool = False) -> int:
    app = application()
    settings = make_settings()
    last = str(settings.value("last_db", "") or "")
    path = demo_database() if demo else db_path or last or str(default_db_path())
    try:
        window = create_window(path, settings)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        if not (error.fault is Fault.DAMAGED and backups_of(path) and offer_restore(path, str(error))):
            message_box(None, QMessageBox.Icon.Critical, APPLICATION, str(error))
            return 1
        try:
            window = create_window(path, settings)
        except StoreError as again:
            message_box(None, QMessageBox.Icon.Critical, APPLICATION, str(again))
            return 1
    if not demo:
        # The demo's temporary database is never the one the next start opens.
        window.databases.remember(path)
    window.show()
    if not demo:
        window.safety.backup_opened()
    with ctrl_c_closes(window):
        code = app.exec()
    if demo:
        window.store.close()
        shutil.rmtree(Path(path).parent, ignore_errors=True)
        return code
    problem = window.safety.backup_at_close()
    if problem:
        print(f"warning: no backup kept: {problem}", file=sys.stderr)
    window.store.close()
    return code
