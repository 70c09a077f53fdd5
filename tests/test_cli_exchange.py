"""export options and import-annotations, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from desktop.core.exchange.ours_csv import CSV_COLUMNS
from desktop.core.store import Store
from tests.conftest import SAMPLE_DATA
from tests.test_cli import run


@pytest.fixture
def tagged_db(tmp_path: Path) -> Path:
    """The sample articles with spans, one of them formula-looking, from two analysts."""
    db = tmp_path / "a.db"
    assert run("import", "--db", str(db), str(SAMPLE_DATA)).returncode == 0
    store = Store.open(db)
    for article_id in store.articles.ids():
        document = store.document(article_id)
        text = document.article.text
        for number, (start, end) in enumerate([(0, 4), (10, 16), (20, 30)]):
            store.spans.insert(
                document.span_at(
                    start,
                    end,
                    ("project", "target", "measure")[number],
                    ("li", "wang")[number % 2],
                    note="=备注" if number == 2 else "",
                )
            )
        dash = text.find("-")
        if dash > 0:
            store.spans.insert(document.span_at(dash, dash + 3, "target", "li"))
    store.close()
    return db


def test_pandas_reads_back_text_and_offsets(tagged_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "spans.csv"
    assert run("export", "--db", str(tagged_db), "-o", str(out), "--raw", "--annotator", "all").returncode == 0
    frame = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    store = Store.open(tagged_db)
    assert len(frame) == sum(len(store.spans.of_article(i)) for i in store.articles.ids())
    for row in frame.itertuples(index=False):
        article = store.articles.get(int(row.article_id))
        assert row.text == article.text[row.start : row.end]
        assert row.original_text == article.original_text[row.original_start : row.original_end]


def test_formula_cells_are_neutralised_by_default(tagged_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "spans.csv"
    run("export", "--db", str(tagged_db), "-o", str(out), "--annotator", "all")
    frame = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    notes = set(frame["note"])
    assert "'=备注" in notes and "=备注" not in notes
    assert all(
        not str(cell).startswith(("=", "+", "-", "@"))
        for column in frame
        for cell in frame[column]
        if isinstance(cell, str)
    )


def test_filters_context_status_encoding(tagged_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.csv"
    result = run(
        "export",
        "--db",
        str(tagged_db),
        "-o",
        str(out),
        "--category",
        "target",
        "--annotator",
        "wang",
        "--context",
        "3",
        "--with-status",
        "--encoding",
        "utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(out, encoding="utf-8", keep_default_na=False)
    assert list(frame.columns) == [*CSV_COLUMNS, "context_before", "context_after", "article_status"]
    assert set(frame["category"]) == {"target"} and set(frame["annotator"]) == {"wang"}
    assert set(frame["article_status"]) == {"todo"}
    store = Store.open(tagged_db)
    for row in frame.itertuples(index=False):
        text = store.articles.get(int(row.article_id)).text
        assert row.context_before == text[max(0, row.start - 3) : row.start]
        assert row.context_after == text[row.end : row.end + 3]
    only_one = run("export", "--db", str(tagged_db), "--article", "2", "--format", "jsonl", "--annotator", "all")
    assert [json.loads(line).get("article_id") for line in only_one.stdout.splitlines()] == [None, 2]


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"), [("utf-8", b"\xef\xbb\xbf", "\r\n"), ("utf-8", b"", "\n"), ("gb18030", b"", "\r\n")]
)
def test_csv_saved_back_from_excel_imports(
    tagged_db: Path, tmp_path: Path, encoding: str, bom: bytes, newline: str
) -> None:
    exported = tmp_path / "spans.csv"
    run("export", "--db", str(tagged_db), "-o", str(exported), "--annotator", "all")
    text = exported.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    edited = tmp_path / f"edited-{encoding}.csv"
    edited.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    fresh = tmp_path / "fresh.db"
    run("import", "--db", str(fresh), str(SAMPLE_DATA))
    result = run("import-annotations", "--db", str(fresh), str(edited))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == "format: Policy Annotator CSV"
    again = tmp_path / "again.csv"
    run("export", "--db", str(fresh), "-o", str(again), "--annotator", "all")
    assert again.read_bytes() == exported.read_bytes()
    rerun = run("import-annotations", "--db", str(fresh), str(edited))
    assert "0 imported" in rerun.stdout and "already present" in rerun.stdout


def test_bad_lines_exit_1_and_name_the_line(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    path = tmp_path / "mixed.jsonl"
    good = {"text": "推進項目建設", "label": [[0, 2, "project"], [2, 4, "region"]]}
    bad = {"text": "推進項目建設", "label": [[3, 1, "project"]]}
    path.write_text(
        "\n".join([json.dumps(good, ensure_ascii=False), "not json", json.dumps(bad)]) + "\n", encoding="utf-8"
    )
    result = run("import-annotations", "--db", str(db), str(path), "--annotator", "zhao")
    assert result.returncode == 1
    out = result.stdout
    assert "format: doccano JSONL" in out
    assert "line 2: skipped: broken JSON" in out
    assert "line 3: skipped: offsets 3:1 outside the text" in out
    assert "new category: region" in out
    assert "spans: 2 imported, 0 already present, 2 skipped" in out
    assert "Traceback" not in out + result.stderr
    store = Store.open(db)
    assert {s.annotator for s in store.spans.of_article(1)} == {"zhao"}


def test_unreadable_annotation_file(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("just some words", encoding="utf-8")
    result = run("import-annotations", "--db", str(tmp_path / "a.db"), str(path))
    assert result.returncode == 1
    assert "failed:" in result.stdout and "unrecognised format" in result.stdout
    missing = run("import-annotations", "--db", str(tmp_path / "a.db"), str(tmp_path / "nope.json"))
    assert missing.returncode == 1 and "no such file" in missing.stdout


@pytest.mark.parametrize(("fmt", "suffix", "layers"), [("doccano", "jsonl", "li"), ("labelstudio", "json", "all")])
def test_export_for_other_tools_and_back(tagged_db: Path, tmp_path: Path, fmt: str, suffix: str, layers: str) -> None:
    # doccano keeps one label list per text: one layer; Label Studio one annotation per analyst: side by side.
    out = tmp_path / f"out.{suffix}"
    assert run("export", "--db", str(tagged_db), "--format", fmt, "-o", str(out), "--annotator", layers).returncode == 0
    fresh = tmp_path / f"{fmt}.db"
    result = run("import-annotations", "--db", str(fresh), str(out))
    assert result.returncode == 0, result.stdout
    back = tmp_path / f"back.{suffix}"
    run("export", "--db", str(fresh), "--format", fmt, "-o", str(back), "--annotator", "all")
    assert back.read_bytes() == out.read_bytes()


def test_doccano_takes_one_layer_and_a_name_and_a_format_must_agree(tagged_db: Path, tmp_path: Path) -> None:
    both = run("export", "--db", str(tagged_db), "--format", "doccano", "--annotator", "all")
    assert both.returncode == 2 and "one layer per task" in both.stderr
    clash = run("export", "--db", str(tagged_db), "--format", "xlsx", "-o", str(tmp_path / "out.csv"))
    assert (
        clash.returncode == 2 and "writes .xlsx files, but -o" in clash.stderr and not (tmp_path / "out.csv").exists()
    )
    by_name = run("export", "--db", str(tagged_db), "--annotator", "li", "-o", str(tmp_path / "study.xlsx"))
    assert by_name.returncode == 0 and (tmp_path / "study.xlsx").read_bytes()[:2] == b"PK"
    unknown = run("export", "--db", str(tagged_db), "--annotator", "li", "-o", str(tmp_path / "study.txt"))
    assert unknown.returncode == 2 and "no format writes .txt files" in unknown.stderr
