"""`policy-annotator codebook`, codebook files as Excel writes them, and the exports a codebook changes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.store import Store
from tests.conftest import PROJECT

EXCEL_ROWS = (
    "path,label_en,colour,key,codable,description\r\n"
    "政策工具,Policy tools,#999999,,否,\r\n"
    '政策工具 > 供给型 > 资金投入,Funding,#00aa00,,是,"财政资金, 基金"\r\n'
    "政策工具 > 供给型 > 人才培养,Talent,,,,\r\n"
    "政策工具＞环境型,Environment,#abcdef,Alt+2,,\r\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], cwd=PROJECT, capture_output=True, text=True, encoding="utf-8"
    )


def tree(db: Path) -> list[str]:
    result = run("codebook", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_a_codebook_csv_as_excel_writes_it_imports(tmp_path: Path, encoding: str) -> None:
    db = tmp_path / "a.db"
    Store.open(db).close()
    csv_file = tmp_path / "codebook.csv"
    csv_file.write_bytes(EXCEL_ROWS.encode(encoding))
    result = run("codebook", "import", "--db", str(db), str(csv_file))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "codes: 5 created, 0 updated, 0 left as they were, 0 problems" in result.stdout
    assert tree(db) == [
        "项目 / Project (project) [1]: 0",
        "目标 / Target (target) [2]: 0",
        "措施 / Measure (measure) [3]: 0",
        "政策工具 / Policy tools (policy-tools) (heading): 0",
        "  供给型 / 供给型 (供给型) [4]: 0",
        "    资金投入 / Funding (funding) [5]: 0",
        "    人才培养 / Talent (talent) [6]: 0",
        "  环境型 / Environment (environment) [Alt+2]: 0",
    ]
    with Store.open(db) as store:
        assert store.categories.get("funding").description == "财政资金, 基金"
    # Again: everything is there; nothing is created twice.
    again = run("codebook", "import", "--db", str(db), str(csv_file))
    assert "codes: 0 created, 0 updated, 5 left as they were" in again.stdout


def test_import_updates_by_id_reports_what_it_refused_and_never_deletes(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    Store.open(db).close()
    json_file = tmp_path / "book.json"
    json_file.write_text(
        json.dumps(
            {
                "format": "policy-annotator-codebook/1",
                "categories": [
                    {"id": "project", "label_zh": "重点项目", "colour": "#123456"},
                    {"id": "new", "label_zh": "新码", "key": "1", "parent_id": "project"},
                    {"id": "bad", "label_zh": "坏", "colour": "red"},
                    {"label_zh": "无id"},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    result = run("codebook", "import", "--db", str(db), str(json_file))
    assert result.returncode == 1
    assert "category 3 (bad): colour 'red' is not #rrggbb; not taken" in result.stdout
    assert "category 4: has no id" in result.stdout
    assert "codes: 2 created, 1 updated, 0 left as they were, 2 problems" in result.stdout
    lines = tree(db)
    assert lines[0] == "重点项目 / Project (project) [2]: 0"
    assert lines[1] == "  新码 / 新码 (new) [1]: 0"
    assert len(lines) == 5, "target and measure are still there"


@pytest.mark.parametrize("suffix", ["json", "csv", "qdc"])
def test_export_then_import_into_a_fresh_database_gives_the_same_tree(tmp_path: Path, suffix: str) -> None:
    db = tmp_path / "a.db"
    Store.open(db).close()
    source = tmp_path / "excel.csv"
    source.write_bytes(EXCEL_ROWS.encode("utf-8-sig"))
    run("codebook", "import", "--db", str(db), str(source))
    out = tmp_path / f"book.{suffix}"
    exported = run("codebook", "export", "--db", str(db), "-o", str(out))
    assert exported.returncode == 0 and "exported 8 codes" in exported.stderr
    fresh = tmp_path / "fresh.db"
    Store.open(fresh).close()
    run("codebook", "import", "--db", str(fresh), str(out))
    expected = tree(db)
    if suffix == "qdc":
        # A .qdc has no place for ids, English labels or keys: the tree, names and rules come back.
        expected = [line.split(" / ")[0] for line in expected]
        assert [line.split(" / ")[0] for line in tree(fresh)] == expected
    else:
        assert tree(fresh) == expected


def test_a_wrong_codebook_file_is_one_clear_line(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    Store.open(db).close()
    (tmp_path / "book.txt").write_text("x", encoding="utf-8")
    (tmp_path / "book.json").write_text("{broken", encoding="utf-8")
    (tmp_path / "book.qdc").write_text("<CodeBook>", encoding="utf-8")
    for name, reason in (
        ("book.txt", "ends in .json, .csv or .qdc"),
        ("book.json", "broken JSON"),
        ("book.qdc", "broken XML"),
    ):
        result = run("codebook", "import", "--db", str(db), str(tmp_path / name))
        assert result.returncode == 1 and reason in result.stdout and "Traceback" not in result.stderr
    assert len(tree(db)) == 3


def test_csv_export_has_category_paths_and_a_parent_filter_takes_its_sub_codes(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Store.open(db) as store:
        store.categories.add("tools", "政策工具", "Policy tools", codable=False)
        store.categories.add("supply", "供给型", "Supply", parent_id="tools")
        store.categories.add("funding", "资金投入", "Funding", parent_id="supply")
        [article_id] = store.articles.add([prepare_article("加大财政资金投入，完善人才培养体系。", "a.txt", "utf-8")])
        document = store.document(article_id)
        for start, end, category in ((2, 6, "funding"), (0, 6, "supply"), (9, 13, "project")):
            store.spans.insert(document.span_from_text(start, end, category, "li"))
    result = run("export", "--db", str(db), "--category", "supply")
    frame = pd.read_csv(io.StringIO(result.stdout.lstrip("\ufeff")))
    assert sorted(frame["category_path"]) == ["政策工具 > 供给型", "政策工具 > 供给型 > 资金投入"]
    doccano = run("export", "--db", str(db), "--format", "doccano")
    labels = sorted(label[2] for label in json.loads(doccano.stdout)["label"])
    # doccano and Label Studio get each span's own (leaf) label, not a path.
    assert labels == ["funding", "project", "supply"]
    counts = tree(db)
    assert counts[3:] == ["政策工具 / Policy tools (tools) (heading): 2", "  供给型 / Supply (supply) [4]: 2",
                          "    资金投入 / Funding (funding) [5]: 1"]  # fmt: skip


def test_qdpx_export_needs_a_file_name(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    Store.open(db).close()
    result = run("export", "--db", str(db), "--format", "qdpx")
    assert result.returncode == 2 and "-o FILE.qdpx" in result.stderr
    written = run("export", "--db", str(db), "--format", "qdpx", "-o", str(tmp_path / "p.qdpx"))
    assert written.returncode == 0 and (tmp_path / "p.qdpx").read_bytes().startswith(b"PK")
