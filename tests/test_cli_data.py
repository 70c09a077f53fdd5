"""The metadata, units, report and xlsx commands, run as a user runs them."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from desktop.core.store import Store
from tests.conftest import SAMPLE_DATA
from tests.test_cli import run

# One article per sample file; the db fixture gives each one span per analyst.
ARTICLES = len(list(SAMPLE_DATA.iterdir()))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "a.db"
    assert run("import", "--db", str(path), "--workers", "1", str(SAMPLE_DATA)).returncode == 0
    with Store.open(path) as store:
        for article_id in store.articles.ids():
            document = store.document(article_id)
            store.spans.insert(document.span_at(0, 4, "project", "li"))
            store.spans.insert(document.span_at(2, 8, "target", "wang"))
    return path


def test_metadata_round_trip_through_a_csv_an_analyst_edited(db: Path, tmp_path: Path) -> None:
    exported = run("metadata", "export", "--db", str(db), "-o", str(tmp_path / "m.csv"))
    assert exported.returncode == 0, exported.stderr
    frame = pd.read_csv(tmp_path / "m.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(frame.columns)[:3] == ["article_id", "source_path", "title"]
    assert frame.loc[frame["article_id"] == "7", "document_number"].item() == "青政办发〔2023〕7号"
    frame["region"] = ["河北"] * len(frame)
    frame["省份"] = "冀"  # a column no field has: a new text field
    frame.loc[0, "date"] = "2021-02-30"  # no such day: refused, named by row and column
    frame.loc[1, "note"] = "=SUM(A1)"
    extra = pd.DataFrame([{"article_id": "", "source_path": "", "title": "没有这篇文章", "region": "x"}])
    pd.concat([frame, extra]).to_csv(tmp_path / "edited.csv", index=False, encoding="gb18030")
    result = run("metadata", "import", "--db", str(db), str(tmp_path / "edited.csv"))
    assert result.returncode == 1
    assert "row 2, column date: date: '2021-02-30' is not a date" in result.stdout
    assert f"row {ARTICLES + 2}: no article with title '没有这篇文章'" in result.stdout
    assert "new text fields: 省份" in result.stdout
    with Store.open(db) as store:
        assert {store.metadata.values(i)["region"] for i in store.articles.ids()} == {"河北"}
        assert store.metadata.values(7)["省份"] == "冀"
        assert store.metadata.values(7)["date"] == "2023-04-18"
        assert "date" not in store.metadata.values(1)
        assert store.articles.note(2) == "=SUM(A1)"


def test_metadata_import_by_source_path_and_an_unreadable_file(db: Path, tmp_path: Path) -> None:
    table = tmp_path / "by_path.csv"
    source = str(SAMPLE_DATA / "01_traditional_pinyin_utf8.txt")
    table.write_text(f"source_path,level\n{source},县级\n", encoding="utf-8")
    assert run("metadata", "import", "--db", str(db), str(table)).returncode == 0
    with Store.open(db) as store:
        assert store.metadata.values(1)["level"] == "县级"
    keyless = tmp_path / "keyless.csv"
    keyless.write_text("level\n县级\n", encoding="utf-8")
    result = run("metadata", "import", "--db", str(db), str(keyless))
    assert result.returncode == 1 and "needs article_id, source_path or title" in result.stdout
    missing = run("metadata", "import", "--db", str(db), str(tmp_path / "nope.csv"))
    assert missing.returncode == 1 and "nope.csv: no such file" in missing.stdout
    assert "Traceback" not in missing.stderr + result.stderr


def test_units_print_for_one_article(db: Path) -> None:
    result = run("units", "--db", str(db), "--article", "8")
    lines = result.stdout.splitlines()
    assert lines[3].split("\t")[0] == "8-1-0-1" and lines[3].endswith("第一章　总则")
    label, _simplified, _original, text = lines[4].split("\t")
    assert label == "8-1-1-1" and text.startswith("第一条")
    csv = run("units", "--db", str(db), "--format", "csv")
    frame = pd.read_csv(io.StringIO(csv.stdout))
    assert list(frame.columns) == ["article_id", "unit_id", "start", "end", "original_start", "original_end", "text"]
    assert set(frame["article_id"]) == set(range(1, ARTICLES + 1))
    assert run("units", "--db", str(db), "--article", "99").stderr.strip() == "error: no article 99"


def test_reports_as_csv(db: Path, tmp_path: Path) -> None:
    # Two analysts, nothing adjudicated: no layer is the study's without a choice.
    guess = run("report", "--db", str(db), "frequencies")
    assert guess.returncode == 2 and "several analysts" in guess.stderr and "li, wang" in guess.stderr
    result = run("report", "--db", str(db), "frequencies", "--annotator", "all")
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert list(frame.columns) == ["layer", "category", "spans", "articles", "share"]
    spans = frame.set_index(["layer", "category"])["spans"].to_dict()
    expected = {("li", "project"): ARTICLES, ("li", "target"): 0, ("li", "measure"): 0}
    expected |= {("wang", "project"): 0, ("wang", "target"): ARTICLES, ("wang", "measure"): 0}
    assert spans == expected
    assert "each layer on its own, side by side: li, wang" in result.stderr
    only = pd.read_csv(io.StringIO(run("report", "--db", str(db), "frequencies", "--annotator", "li").stdout))
    assert only.set_index("category")["spans"].to_dict() == {"project": ARTICLES, "target": 0, "measure": 0}
    written = run(
        "report", "--db", str(db), "crosstab", "--by", "issuer", "--annotator", "li", "-o", str(tmp_path / "c.csv")
    )
    assert written.returncode == 0 and "wrote 3 rows" in written.stderr and "li's spans" in written.stderr
    crosstab = pd.read_csv(tmp_path / "c.csv", encoding="utf-8-sig").set_index("category")
    # Samples 07 and 09 state this issuer.
    assert crosstab.loc["project", "青禾县人民政府办公室"] == 2 and crosstab.loc["project", "total"] == ARTICLES
    coding = pd.read_csv(io.StringIO(run("report", "--db", str(db), "coding-table", "--study", "wang").stdout))
    assert list(coding.columns) == ["layer", "unit_id", "article_id", "unit_text", "codes", "annotator"]
    assert set(coding["annotator"]) == {"wang"}
    bad = run("report", "--db", str(db), "crosstab", "--by", "province", "--annotator", "li")
    assert bad.returncode == 2 and "not a metadata field" in bad.stderr and "Traceback" not in bad.stderr
    nobody = run("report", "--db", str(db), "frequencies", "--annotator", "nobody")
    assert nobody.returncode == 2 and "no analyst nobody (the analysts: li, wang)" in nobody.stderr


def test_export_xlsx(db: Path, tmp_path: Path) -> None:
    result = run("export", "--db", str(db), "--annotator", "all", "-o", str(tmp_path / "study.xlsx"))
    assert result.returncode == 0 and f"exported {2 * ARTICLES} spans" in result.stderr
    book = openpyxl.load_workbook(tmp_path / "study.xlsx", read_only=True)
    assert len(list(book["spans"].values)) == 2 * ARTICLES + 1
    assert run("export", "--db", str(db), "--format", "xlsx").returncode == 2  # a zip is never written to stdout
