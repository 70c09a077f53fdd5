"""`learn` and `suggest --learned` as a user runs them: in a subprocess, on a corpus written for the project."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest

from desktop.core.store import Store
from tests.learning_corpus import CODES, fill
from tests.test_cli import run


@pytest.fixture(scope="module")
def coded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("learn") / "coded.db"
    store = Store.open(db)
    fill(store, 60, seed=1, miss=0.05)
    fill(store, 3, seed=2, done=False, miss=1.0)  # not coded yet: what suggestions are for
    store.close()
    return db


def test_learn_prints_each_codes_cross_validated_figures_and_what_it_learned_from(coded_db: Path) -> None:
    result = run("learn", "--db", str(coded_db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "verdict", "units", "articles", "precision", "recall", "f1", "threshold"]
    rows = {line.split()[0]: line.split() for line in lines[1 : 1 + len(CODES)]}
    assert set(rows) == set(CODES)
    for row in rows.values():
        assert row[1] == "suggested"
        assert 0.8 <= float(row[4]) <= 1.0  # the precision reached is at least the goal
    assert "learned from ana's coding: " in result.stdout and "60 articles marked done" in result.stdout
    assert "a code needs 10 coded units in 3 articles" in result.stdout


def test_learn_as_csv_and_json_agree(coded_db: Path) -> None:
    as_csv = run("learn", "--db", str(coded_db), "--format", "csv", "--precision", "0.9")
    as_json = run("learn", "--db", str(coded_db), "--format", "json", "--precision", "0.9")
    assert as_csv.returncode == 0 and as_json.returncode == 0, as_csv.stderr + as_json.stderr
    table = pd.read_csv(StringIO(as_csv.stdout))
    data = json.loads(as_json.stdout)
    assert data["precision_goal"] == 0.9 and data["analyst"] == "ana" and data["units"] > 600
    by_code = {entry["code"]: entry for entry in data["codes"]}
    for row in table.itertuples():
        entry = by_code[row.code]
        assert entry["units"] == row.units
        if entry["threshold"] is not None:
            assert entry["precision"] >= 0.9
            assert row.threshold == pytest.approx(entry["threshold"], abs=0.001)


def test_suggest_learned_lists_units_of_an_article_not_yet_coded(coded_db: Path) -> None:
    result = run("suggest", "--db", str(coded_db), "--article", "61", "--learned")
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows, "an article of written clauses gets learned suggestions"
    store = Store.open(coded_db)
    text = store.articles.text(61)
    store.close()
    for place, code, source, chance, quoted in rows:
        start, end = (int(n) for n in place.split("-"))
        assert text[start:end] == quoted and code in CODES and source == "learned"
        assert chance.endswith("%") and 0 <= int(chance[:-1]) <= 100
    assert "learned from ana's coding" in result.stderr


def test_learn_without_done_articles_or_with_several_analysts_says_why(tmp_path: Path, coded_db: Path) -> None:
    empty = tmp_path / "empty.db"
    Store.open(empty).close()
    result = run("learn", "--db", str(empty))
    assert result.returncode == 2
    assert "no articles are marked done yet" in result.stderr and "Traceback" not in result.stderr
    two = tmp_path / "two.db"
    store = Store.open(two)
    fill(store, 4, seed=7, analyst="li")
    fill(store, 4, seed=8, analyst="wang")
    store.close()
    result = run("learn", "--db", str(two))
    assert result.returncode == 2 and "name one with --annotator (li, wang)" in result.stderr
    result = run("learn", "--db", str(two), "--annotator", "li", "--format", "json")
    assert result.returncode == 0, result.stderr
    codes = json.loads(result.stdout)["codes"]
    # Four articles: the codes below 10 units are not suggested, and at least one code is below.
    few = [entry for entry in codes if entry["units"] < 10]
    assert few and all(entry["verdict"] == "too few examples" and entry["threshold"] is None for entry in few)
    bad = run("learn", "--db", str(coded_db), "--precision", "1.5")
    assert bad.returncode == 2 and "between 0 (excluded) and 1" in bad.stderr
