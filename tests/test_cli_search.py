"""The search commands in a subprocess: exact hits in csv and jsonl, tag-hits and batches, suggest, passages."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.store import Store
from desktop.core.text.convert import convert
from tests.conftest import SAMPLE_DATA
from tests.test_cli import run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "a.db"
    assert run("import", "--db", str(path), "--workers", "1", str(SAMPLE_DATA)).returncode == 0
    return path


@pytest.mark.parametrize("query", ["鄉村振興", "项目", "𠮷祥", "產業園"])
def test_search_output_is_exact_in_both_scripts(db: Path, query: str) -> None:
    result = run("search", "--db", str(db), query, "--format", "csv")
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(io.StringIO(result.stdout), keep_default_na=False, dtype={"text": str, "original_text": str})
    assert list(table.columns) == [
        "article_id",
        "start",
        "end",
        "text",
        "original_start",
        "original_end",
        "original_text",
        "context_before",
        "context_after",
    ]
    assert len(table) > 0
    with Store.open(db) as store:
        for row in table.itertuples():
            text, original, _ = store.articles.texts(row.article_id)
            assert convert(query) in text[row.start : row.end] == row.text
            assert original[row.original_start : row.original_end] == row.original_text
            # Except where readings go because the whole page is a reading layer (judged on the page).
            if "(" not in row.original_text:
                assert prepare_article(row.original_text, "hit", "utf-8").text == row.text


def test_search_jsonl_limit_regex_and_count(db: Path) -> None:
    lines = run("search", "--db", str(db), "项目", "--format", "jsonl", "--limit", "3").stdout.splitlines()
    assert [json.loads(line)["text"] for line in lines] == ["项目"] * 3
    counted = run("search", "--db", str(db), "项目", "--count").stdout
    listed = run("search", "--db", str(db), "项目", "--format", "jsonl").stdout.splitlines()
    assert counted.startswith(f"{len(listed)} hits in ")
    years = run("search", "--db", str(db), r"到20\d\d年", "--regex", "--format", "jsonl").stdout.splitlines()
    assert years and all(json.loads(line)["text"].startswith("到20") for line in years)


def test_a_bad_query_is_one_line_not_a_traceback(db: Path) -> None:
    result = run("search", "--db", str(db), "(", "--regex")
    assert result.returncode == 2
    assert result.stderr.startswith("error: not a valid regular expression") and "Traceback" not in result.stderr
    result = run("search", "--db", str(db), "x", "--with-category", "nonesuch")
    assert result.returncode == 2 and "no code nonesuch" in result.stderr


def test_tag_hits_then_undo_and_redo_the_batch(db: Path) -> None:
    tagged = run("tag-hits", "--db", str(db), "鄉村振興", "--category", "measure", "--annotator", "ana")
    assert tagged.returncode == 0 and tagged.stdout.startswith("batch 1: tagged 3 hits as measure")
    again = run("tag-hits", "--db", str(db), "乡村振兴", "--category", "measure", "--annotator", "ana")
    assert "nothing to tag: 3 hits are tagged already" in again.stdout
    assert "3 tagged, 0 skipped" in run("batches", "--db", str(db)).stdout
    passages = run("passages", "--db", str(db), "measure").stdout
    table = pd.read_csv(io.StringIO(passages), keep_default_na=False)
    assert list(table["text"]) == ["乡村振兴"] * 3 and all(table["annotator"] == "ana")
    assert run("batches", "--db", str(db), "--undo", "1").stdout.strip() == "batch 1: removed 3 spans"
    assert len(pd.read_csv(io.StringIO(run("passages", "--db", str(db)).stdout))) == 0
    refused = run("batches", "--db", str(db), "--undo", "1")
    assert refused.returncode == 1 and "undone already" in refused.stderr
    assert run("batches", "--db", str(db), "--redo", "1").stdout.strip() == "batch 1: put back 3 spans"


def test_suggest_lists_and_reports_rules_and_names_a_bad_rule(db: Path, tmp_path: Path) -> None:
    listed = run("suggest", "--db", str(db), "--article", "1").stdout
    assert "target-growth\t增长8%以上" in listed
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "bad"\ncategory = "target"\npattern = "(("\n', encoding="utf-8")
    result = run("suggest", "--db", str(db), "--article", "1", "--rules", str(rules))
    assert result.returncode == 0 and f"warning: {rules}: rule 1 (bad): bad pattern" in result.stderr
    off = run("suggest", "--db", str(db), "--off", "target-growth").stdout
    assert "target-growth\t0\t0\t-\toff" in off
    assert "target-growth" not in run("suggest", "--db", str(db), "--article", "1").stdout


def test_search_indexes_an_older_database_first_with_progress(db: Path) -> None:
    import sqlite3

    with sqlite3.connect(db) as connection:
        connection.execute("drop table search_index")
        connection.execute(
            "create virtual table search_index using fts5(terms, content='', detail=none, tokenize='ascii')"
        )
        connection.execute("insert into search_pending (article_id) select id from articles")
        total = connection.execute("select count(*) from articles").fetchone()[0]
    connection.close()
    before = run("search", "--db", str(db), "项目", "--format", "jsonl")
    assert f"indexing for search: {total}/{total} articles" in before.stderr
    with Store.open(db) as store:
        assert store.search.pending() == 0
    again = run("search", "--db", str(db), "项目", "--format", "jsonl")
    assert again.stdout == before.stdout and "indexing" not in again.stderr
