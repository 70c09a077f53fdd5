"""Projects written by QualCoder come in on the characters their own quotes name, whatever line ends
they were saved with; our project gives QualCoder what its import needs."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from desktop.core.exchange.attach import import_annotations
from desktop.core.exchange.refi_codebook import PROJECT_NS
from desktop.core.store import Store
from tests.conftest import SHARED

QUALCODER = SHARED / "interop" / "qualcoder"
Q = f"{{{PROJECT_NS}}}"


def quotes(path: Path) -> list[tuple[str, str]]:
    """(source name, quote) of every coded selection in a .qdpx, as the file writes them."""
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    return [
        (source.get("name") or "", selection.get("name") or "")
        for source in root.iter(f"{Q}TextSource")
        for selection in source.iter(f"{Q}PlainTextSelection")
        for _coding in selection.iter(f"{Q}Coding")
    ]


def stored(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select a.title, s.text from spans s join articles a on a.id = s.article_id").fetchall()
    conn.close()
    return rows


@pytest.mark.parametrize("name", ["project-qualcoder.qdpx", "project-qualcoder-crlf.qdpx"])
def test_a_qualcoder_project_lands_every_coding_on_the_characters_it_quotes(name: str, tmp_path: Path) -> None:
    path = QUALCODER / name
    if not path.exists():
        pytest.skip("../shared/interop/qualcoder is not beside this checkout")
    db = tmp_path / "q.db"
    with Store.open(db) as store:
        report = import_annotations(store, path, "me")
        assert not report.failed, report.failed
        lines = list(report.lines())
        texts = [store.articles.texts(i)[0] for i in store.articles.ids()]
    expected = quotes(path)
    assert len(expected) == 137 and report.spans_imported == 137
    assert sorted(text for _, text in stored(db)) == sorted(quote.replace("\r\n", "\n") for _, quote in expected)
    assert any("every quote matched" in line for line in lines)
    assert all("\r" not in text for text in texts)
    if "crlf" in name:
        assert any("written with CRLF" in line for line in lines)


def test_a_qualcoder_codebook_comes_in(tmp_path: Path) -> None:
    path = QUALCODER / "codebook-qualcoder.qdc"
    if not path.exists():
        pytest.skip("../shared/interop/qualcoder is not beside this checkout")
    from desktop.core.exchange.codebook_merge import import_codebook

    with Store.open(tmp_path / "c.db") as store:
        report = import_codebook(store, path)
        labels = {category.label_zh for category in store.categories.all()}
    assert {"QC类别", "QC代码", "QC子代码"} <= labels, list(report.lines())


def test_qualcoders_dates_come_in_and_go_out_valid(tmp_path: Path) -> None:
    path = QUALCODER / "project-qualcoder.qdpx"
    if not path.exists():
        pytest.skip("../shared/interop/qualcoder is not beside this checkout")
    with zipfile.ZipFile(path) as archive:
        assert "+00:00Z" in archive.read("project.qde").decode("utf-8")
    from desktop.core.exchange.formats import format_by_key
    from desktop.core.exchange.outgoing import BINARY, ExportOptions, write_to_path

    with Store.open(tmp_path / "q.db") as store:
        import_annotations(store, path, "me")
        stamps = [s.created_at for i in store.articles.ids() for s in store.spans.of_article(i)]
        write_to_path(format_by_key("qdpx").write, store, tmp_path / "again.qdpx", ExportOptions(), BINARY)
    assert stamps and all(datetime.fromisoformat(stamp.replace("Z", "+00:00")) for stamp in stamps)
    assert not any(stamp.endswith("+00:00Z") for stamp in stamps)
    with zipfile.ZipFile(tmp_path / "again.qdpx") as again:
        qde = again.read("project.qde").decode("utf-8")
    assert "+00:00Z" not in qde and re.search(r'PlainTextSelection [^>]*creationDateTime="', qde)


def test_an_atlas_ti_codebook_in_the_draft_namespace_and_its_code_groups(tmp_path: Path) -> None:
    from desktop.core.exchange.codebook_merge import export_codebook, import_codebook

    with Store.open(tmp_path / "a.db") as store:
        store.categories.add("tools", "政策工具", "Policy tools", "#999999")
        export_codebook(store, tmp_path / "ours.qdc")
    text = (tmp_path / "ours.qdc").read_text(encoding="utf-8").replace("codebook:1.0", "codebook:0:4")
    text = text.replace(
        "</CodeBook>", '<Sets><Set guid="0b7c3f5e-8a4d-4f0e-b6f1-2d9e5c7a1b38" name="工具组"/></Sets></CodeBook>'
    )
    (tmp_path / "atlas.qdc").write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "b.db") as store:
        report = import_codebook(store, tmp_path / "atlas.qdc")
        assert "政策工具" in {category.label_zh for category in store.categories.all()}
    assert any("code group(s) not kept" in line and "工具组" in line for line in report.lines())


def test_a_source_with_only_rich_text_is_refused_by_name(tmp_path: Path) -> None:
    qde = (
        '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>'
        '<TextSource guid="11111111-2222-3333-4444-555555555555" name="访谈一" richTextPath="internal://a.docx"/>'
        "</Sources></Project>"
    )
    path = tmp_path / "rich.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr("sources/a.docx", b"PK")
    with Store.open(tmp_path / "r.db") as store:
        report = import_annotations(store, path, "me")
        assert store.articles.ids() == []
    assert any("访谈一" in reason and "rich-text" in reason for _, reason in report.skipped)


def test_our_project_back_from_qualcoder_keeps_our_colours_and_says_what_differs(tmp_path: Path) -> None:
    ours, theirs = QUALCODER / "source-policy-annotator.qdpx", QUALCODER / "project-qualcoder.qdpx"
    if not ours.exists():
        pytest.skip("../shared/interop/qualcoder is not beside this checkout")
    with Store.open(tmp_path / "q.db") as store:
        import_annotations(store, ours, "me")
        before = {category.id: category.colour for category in store.categories.all()}
        report = import_annotations(store, theirs, "me")
        after = {category.id: category.colour for category in store.categories.all()}
        kept = report.codebook.kept if report.codebook else []
    assert {code: colour for code, colour in after.items() if code in before} == before
    assert kept and all(name == "colour" and before[code] == mine for code, name, mine, _ in kept)
    assert any(line.startswith("codebook: kept ours:") for line in report.lines())


def test_take_theirs_takes_the_files_colours_on_the_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import PROJECT

    ours, theirs = QUALCODER / "source-policy-annotator.qdpx", QUALCODER / "project-qualcoder.qdpx"
    if not ours.exists():
        pytest.skip("../shared/interop/qualcoder is not beside this checkout")
    db = tmp_path / "q.db"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "desktop", "import-annotations", "--db", str(db), *args]
        return subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=120)

    assert run(str(ours)).returncode == 0
    with Store.open(db) as store:
        before = {category.id: category.colour for category in store.categories.all()}
    result = run(str(theirs), "--take-theirs")
    assert result.returncode == 0, result.stdout + result.stderr
    with Store.open(db) as store:
        after = {category.id: category.colour for category in store.categories.all()}
    changed = [line for line in result.stdout.splitlines() if "changed:" in line and " colour " in line]
    assert changed and any(after[code] != before[code] for code in before)
