"""The command line under faults, run in a subprocess: one line naming the file and the reason, never a
traceback; reading commands never create a database; exports never replace what is not a regular file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from contextlib import closing, suppress
from pathlib import Path

import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.store import Store
from tests.conftest import PROJECT, SAMPLE_DATA

QUICK_LOCK = "from desktop.core.store import database\ndatabase.BUSY_TIMEOUT_MS = 200\n"
READ_ONLY = "from desktop.core.store import database\ndatabase._writable = lambda target: False\n"
FULL_DISK = textwrap.dedent(
    """
    import desktop.core.store as store_package
    opening = store_package.open_database

    def full(*args, **kwargs):
        opened = opening(*args, **kwargs)
        pages = opened.db.execute("pragma page_count").fetchone()[0]
        opened.db.execute(f"pragma max_page_count = {pages}")
        return opened

    store_package.open_database = full
    """
)


def run(*args: str, fault: str = "", umask: int | None = None) -> subprocess.CompletedProcess[str]:
    """The command line in a fresh process, with a fault injected before it starts."""
    script = f"{fault}\nimport sys\nfrom desktop.cli import main\nsys.exit(main({list(args)!r}))\n"
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=PROJECT,
        timeout=120,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


def one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode in (1, 2), output
    assert "Traceback" not in output, output
    failure = [line for line in output.splitlines() if line.startswith(("error:", "failed:"))]
    assert len(failure) == 1, output
    for word in words:
        assert word in failure[0], output


def new_db(path: Path) -> None:
    with Store.open(path) as store:
        store.articles.add([prepare_article("一篇文章。", "a.txt", "utf-8")])


def annotations(tmp_path: Path, count: int = 1, repeat: int = 1) -> Path:
    path = tmp_path / "doccano.jsonl"
    body = "推进创新发展。" * repeat
    lines = [{"text": f"第{n}篇：{body}", "label": [[0, 3, "project"]]} for n in range(count)]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["import", "import-annotations"])
def test_writing_to_a_locked_database_is_one_line(tmp_path: Path, command: str) -> None:
    db = tmp_path / "locked.db"
    new_db(db)
    target = str(SAMPLE_DATA) if command == "import" else str(annotations(tmp_path))
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = run(command, "--db", str(db), target, fault=QUICK_LOCK)
    finally:
        other.rollback()
        other.close()
    one_line_error(result, str(db), "locked")


@pytest.mark.parametrize(
    ("fault", "words"),
    [(READ_ONLY, ("read-only",)), (FULL_DISK, ("disk is full",))],
    ids=["read-only", "full"],
)
@pytest.mark.parametrize("command", ["import", "import-annotations"])
def test_writing_to_a_read_only_or_full_database_is_one_line(
    tmp_path: Path, command: str, fault: str, words: tuple[str, ...]
) -> None:
    db = tmp_path / "a.db"
    new_db(db)
    # Texts long enough that the file must grow (a full disk refuses new pages, not free room in old ones).
    target = str(SAMPLE_DATA) if command == "import" else str(annotations(tmp_path, 5, repeat=400))
    before = db.read_bytes()
    one_line_error(run(command, "--db", str(db), target, fault=fault), str(db), *words)
    with Store.open(db) as store:
        assert store.articles.count() == 1
    assert len(db.read_bytes()) == len(before)


def test_a_damaged_or_foreign_file_is_one_line_for_every_command(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    with Store.open(damaged) as store:
        store.articles.add(
            [prepare_article(f"第{n}篇。" + "推进创新发展。" * 60, f"{n}.txt", "utf-8") for n in range(200)]
        )
    with damaged.open("r+b") as file:
        file.seek(damaged.stat().st_size // 2)
        file.write(os.urandom(8192))
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database at all " * 100, encoding="utf-8")
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("create table recipes (name text)")
    conn.close()
    for db, reason in ((damaged, "damaged"), (text_file, "damaged"), (foreign, "another program")):
        for args in (("stats",), ("export",), ("import", str(SAMPLE_DATA))):
            one_line_error(run(args[0], "--db", str(db), *args[1:]), str(db), reason)


@pytest.mark.parametrize("command", ["stats", "export"])
def test_reading_commands_never_create_a_database(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "typo" / "annotatoins.db"
    one_line_error(run(command, "--db", str(missing)), str(missing), "no such database")
    assert not missing.parent.exists()


def test_another_process_writing_at_the_same_time_is_waited_for(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    new_db(db)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sqlite3, time
                conn = sqlite3.connect({str(db)!r}, isolation_level=None, timeout=10)
                end = time.monotonic() + 3
                n = 0
                while time.monotonic() < end:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute("update articles set title = ? where id = 1", [str(n)])
                    time.sleep(0.02)
                    conn.execute("COMMIT")
                    n += 1
                """
            ),
        ]
    )
    time.sleep(0.3)
    result = run("import-annotations", "--db", str(db), str(annotations(tmp_path, 40)))
    writer.wait(timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "spans: 40 imported" in result.stdout


def test_export_refuses_to_replace_a_link_or_a_pipe(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    new_db(db)
    kept = tmp_path / "kept.txt"
    kept.write_text("mine", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(kept)
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    for target in (link, pipe):
        one_line_error(run("export", "--db", str(db), "-o", str(target)), str(target), "not a regular file")
    assert link.is_symlink() and kept.read_text(encoding="utf-8") == "mine"
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_export_keeps_the_umask_mode_and_an_existing_files_mode(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    new_db(db)
    fresh = tmp_path / "fresh.csv"
    assert run("export", "--db", str(db), "-o", str(fresh), umask=0o022).returncode == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    shared = tmp_path / "shared.csv"
    shared.write_text("old", encoding="utf-8")
    shared.chmod(0o664)
    assert run("export", "--db", str(db), "-o", str(shared), umask=0o077).returncode == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664 and shared.read_text(encoding="utf-8-sig") != "old"


def test_import_reports_a_folder_it_cannot_read(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    folder = tmp_path / "articles"
    (folder / "secret").mkdir(parents=True)
    (folder / "secret" / "x.txt").write_text("机密。", encoding="utf-8")
    (folder / "open.txt").write_text("公开的文章。", encoding="utf-8")
    # Root reads every folder: the refusal the operating system would give is injected.
    unreadable = textwrap.dedent(
        """
        import os
        listing = os.scandir

        def scandir(path="."):
            if str(path).endswith("secret"):
                raise PermissionError(13, "Permission denied", str(path))
            return listing(path)

        os.scandir = scandir
        """
    )
    result = run("import", "--db", str(db), str(folder), fault=unreadable)
    assert result.returncode == 1
    assert f"failed     {folder / 'secret'}: cannot read this folder: Permission denied" in result.stdout
    assert "1 imported, 0 duplicate, 1 failed" in result.stdout


def test_a_disk_with_no_space_left_is_called_full_not_damaged(tmp_path: Path) -> None:
    """On a real full disk (a 4 MB tmpfs in a mount namespace of its own): SQLite cannot make its
    log files and says "disk I/O error"; every command says the disk is full, and the file is intact."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    db = tmp_path / "a.db"
    new_db(db)
    annotations_file = annotations(tmp_path)
    small = tmp_path / "small"
    small.mkdir()
    script = textwrap.dedent(
        f"""
        set -e
        mount -t tmpfs -o size=4m tmpfs {small}
        cp {db} {small}/a.db
        dd if=/dev/zero of={small}/filler bs=1k count=8000 2>/dev/null || true
        for command in stats "import-annotations {annotations_file}" "tag-hits 文章 --category project"; do
            {sys.executable} -m desktop $command --db {small}/a.db 2>&1 || true
            echo "--"
        done
        rm {small}/filler
        {sys.executable} -m desktop stats --db {small}/a.db
        """
    )
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], cwd=PROJECT, capture_output=True, text=True, timeout=120
    )
    if "mount" in result.stderr and result.returncode != 0:
        pytest.skip(f"no tmpfs can be mounted here: {result.stderr.strip()}")
    outputs = result.stdout.split("--\n")
    assert len(outputs) == 4, result.stdout + result.stderr
    for output in outputs[:3]:
        assert "disk is full" in output and "damaged" not in output and "Traceback" not in output, output
    assert outputs[3].startswith("articles: 1"), outputs[3]


def _many_processed_articles(path: Path, count: int) -> Path:
    """A JSONL of ``count`` processed articles, made from one: each text gets its own last line (the
    map's last stretch, where both texts run alike, grows with it)."""
    with Store.in_memory() as source:
        text = (SAMPLE_DATA / "01_traditional_pinyin_utf8.txt").read_text("utf-8")
        source.articles.add([prepare_article(text, "a", "utf-8")])
        from desktop.core.exchange.formats import format_by_key
        from desktop.core.exchange.outgoing import ExportOptions

        with path.open("w", encoding="utf-8") as out:
            format_by_key("jsonl").write(source, out, ExportOptions())
    [codebook, article] = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps(codebook, ensure_ascii=False) + "\n")
        for number in range(count):
            suffix = f"\n第{number}篇"
            each = {**article, "article_id": None, "original_text": article["original_text"] + suffix}
            each["text"] = article["text"] + suffix
            each["offset_map"] = {
                **article["offset_map"],
                "original_length": len(each["original_text"]),
                "text_length": len(each["text"]),
            }
            out.write(json.dumps(each, ensure_ascii=False) + "\n")
    return path


def test_ctrl_c_stops_an_import_with_workers_at_once_with_one_line(tmp_path: Path) -> None:
    """A terminal's Ctrl+C reaches every process of the group: the workers printed KeyboardInterrupt
    tracebacks, and a pool that lost one waited for it for ever."""
    source = _many_processed_articles(tmp_path / "many.jsonl", 3000)
    db = tmp_path / "a.db"
    words = ["import-annotations", "--db", str(db), str(source), "--workers", "2"]
    # Ctrl+C as a terminal's command has it: a suite started in the background (`pytest &`) passes
    # SIGINT on ignored, and a Python started so never raises KeyboardInterrupt.
    script = (
        "import signal, sys\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
        f"from desktop.cli import main\nsys.exit(main({words!r}))\n"
    )
    command = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # (its own group, as a terminal's command is)
    )
    try:
        stored = 0
        deadline = time.monotonic() + 60
        while not stored and time.monotonic() < deadline and command.poll() is None:
            time.sleep(0.05)
            with suppress(sqlite3.Error), closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as reading:
                stored = reading.execute("select count(*) from articles").fetchone()[0]
        assert stored and command.poll() is None, "the import was under way when Ctrl+C came"
        os.killpg(command.pid, signal.SIGINT)
        _out, err = command.communicate(timeout=30)
    finally:
        if command.poll() is None:
            os.killpg(command.pid, signal.SIGKILL)
            command.communicate()
    assert command.returncode == 130 and err.strip() == "interrupted", err[-2000:]
    with Store.open(db, create=False) as store:
        assert 0 < store.articles.count() < 3000  # the batches before it stored, whole


# Ctrl+C pressed while the program loads ``module``: a finder that presses it as the import starts.
CTRL_C_AT_IMPORT = textwrap.dedent(
    """
    import os, signal, sys
    signal.signal(signal.SIGINT, signal.default_int_handler)

    class CtrlCAt:
        def find_spec(self, name, path=None, target=None):
            if name == {module!r}:
                os.kill(os.getpid(), signal.SIGINT)
            return None

    sys.meta_path.insert(0, CtrlCAt())
    sys.argv = ["policy-annotator", *{words!r}]
    from desktop.__main__ import main
    sys.exit(main())
    """
)


@pytest.mark.parametrize(
    ("module", "words", "code", "said"),
    [
        # The command line's own modules (the store among them): no handler of ours exists yet.
        ("desktop.core.store", ["stats"], -signal.SIGINT, ""),
        # A command's part of the command line, loaded as its options are built.
        ("desktop.cli.data", ["metadata", "list"], 130, "interrupted"),
    ],
)
def test_ctrl_c_while_the_program_loads_ends_it_without_a_traceback(
    tmp_path: Path, module: str, words: list[str], code: int, said: str
) -> None:
    """As the console script runs it (`desktop.__main__:main`): before the command line has loaded,
    Ctrl+C ends the program as it would a C program, silently; once loaded, with its one line."""
    new_db(tmp_path / "a.db")
    script = CTRL_C_AT_IMPORT.format(module=module, words=[*words, "--db", str(tmp_path / "a.db")])
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=PROJECT, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    assert (result.returncode, result.stderr.strip()) == (code, said), result.stderr
    with Store.open(tmp_path / "a.db", create=False) as store:
        assert store.articles.count() == 1
