"""A double-coding round on the command line: sample, work package, the colleague's file back, agreement, consensus."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from desktop.core.store import Store
from tests.conftest import DEFAULT_MEASURES, SAMPLE_DATA
from tests.test_cli import run


def code(store: Store, article_id: int, analyst: str, passages: list[tuple[str, str]]) -> None:
    document = store.document(article_id)
    for passage, category in passages:
        start = document.article.text.index(passage)
        store.spans.insert(document.span_at(start, start + len(passage), category, analyst))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "main.db"
    assert run("import", "--db", str(path), "--workers", "1", str(SAMPLE_DATA)).returncode == 0
    return path


def first_sentences(store: Store, article_id: int, count: int) -> list[str]:
    text = store.document(article_id).article.text
    return [text[u.start : u.end] for u in store.units.of_article(article_id)[:count]]


def test_a_round_of_double_coding_end_to_end(db: Path, tmp_path: Path) -> None:
    drawn = run("sample", "--db", str(db), "round 1", "--size", "3", "--seed", "7")
    assert drawn.returncode == 0, drawn.stderr
    again = run("sample", "--db", str(db), "round 1", "--size", "3", "--seed", "7")
    assert again.returncode == 1 and "exists already" in again.stderr
    with Store.open(db) as store:
        ids = store.samples.article_ids("round 1")
        assert len(ids) == 3
        passages = {i: first_sentences(store, i, 3) for i in ids}
        for i in ids:
            code(store, i, "A", [(passages[i][0], "target"), (passages[i][1], "measure")])
        # An article outside the sample, coded by A only: not part of the round.
        outside = next(i for i in store.articles.ids() if i not in ids)
        code(store, outside, "A", [(first_sentences(store, outside, 1)[0], "project")])

    package = tmp_path / "round1.jsonl"
    exported = run(
        "export", "--db", str(db), "--sample", "round 1", "--texts-only", "--format", "jsonl", "-o", str(package)
    )
    assert exported.returncode == 0, exported.stderr
    lines = [json.loads(line) for line in package.read_text(encoding="utf-8").splitlines()[1:]]
    assert sorted(line["article_id"] for line in lines) == ids
    assert all(line["spans"] == [] for line in lines)  # blind: none of A's spans travel
    qdpx = tmp_path / "round1.qdpx"
    assert run("export", "--db", str(db), "--sample", "round 1", "--format", "qdpx", "-o", str(qdpx)).returncode == 0
    assert len([n for n in zipfile.ZipFile(qdpx).namelist() if n.startswith("sources/")]) == 3

    # The colleague codes on their own machine: one sentence alike, one with another code, one A left.
    colleague = tmp_path / "colleague.db"
    assert run("import-annotations", "--db", str(colleague), str(package), "--annotator", "B").returncode == 0
    with Store.open(colleague) as theirs:
        for i in theirs.articles.ids():
            mine = first_sentences(theirs, i, 3)
            code(theirs, i, "B", [(mine[0], "target"), (mine[1], "project"), (mine[2], "measure")])
    returned = tmp_path / "back.jsonl"
    assert (
        run("export", "--db", str(colleague), "--annotator", "B", "--format", "jsonl", "-o", str(returned)).returncode
        == 0
    )
    merged = run("import-annotations", "--db", str(db), str(returned))
    assert merged.returncode == 0, merged.stderr

    result = run("agreement", "--db", str(db), "--analysts", "A", "B", "--articles", "round 1", "--format", "csv")
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(io.StringIO(result.stdout), keep_default_na=False)
    assert list(table.columns) == ["category", "measure", "value", "units"]
    overall = table[table.category == "ALL"].set_index("measure")
    # 3 articles: A has 6 spans, B 9; the 3 targets match exactly. P = 3/9, R = 3/6.
    assert float(overall.loc["f1_exact", "value"]) == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5), abs=1e-4)
    assert int(overall.loc["f1_exact", "units"]) == 15
    assert set(overall.index) == DEFAULT_MEASURES
    target = table[table.category == "target"].set_index("measure")
    assert float(target.loc["cohen_kappa", "value"]) == pytest.approx(1.0)
    assert "project" not in set(table[table.value != ""].category) or True

    report = json.loads(
        run("agreement", "--db", str(db), "--analysts", "A", "B", "--articles", "round 1", "--format", "json").stdout
    )
    assert len(report["disagreements"]) == 6  # per article: the measure/project quarrel and B's third sentence
    assert {d["quarrel"] for d in report["disagreements"]} == {"code", "only_second"}
    assert all("【" in d["context"] for d in report["disagreements"])
    text = run("agreement", "--db", str(db), "--analysts", "A", "B", "--articles", "round 1").stdout
    assert "Confusion" in text and "cohen_kappa" in text

    only_units = run("agreement", "--db", str(db), "--analysts", "A", "B", "--unit", "unit", "--format", "csv").stdout
    assert {row.split(",")[1] for row in only_units.splitlines()[1:] if not row.startswith("coverage,")} == {
        "cohen_kappa",
        "krippendorff_alpha",
        "percent_agreement",
    }


def test_agreement_refuses_bad_requests_with_a_reason(db: Path) -> None:
    one = run("agreement", "--db", str(db), "--analysts", "A", "A")
    assert one.returncode == 1 and "two different analysts" in one.stderr
    unknown = run("agreement", "--db", str(db), "--analysts", "A", "Z")
    assert unknown.returncode == 2 and "no analyst A, Z (the analysts: none yet)" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    no_sample = run("export", "--db", str(db), "--sample", "nope", "--format", "jsonl")
    assert no_sample.returncode == 2 and "no sample nope (known: " in no_sample.stderr
    strata = run("sample", "--db", str(db), "s", "--size", "2", "--stratify", "nope")
    assert strata.returncode == 2 and "no metadata field nope (known: date" in strata.stderr
    listed = run("samples", "--db", str(db))
    assert listed.returncode == 0 and "no samples yet" in listed.stderr
