"""Hostile inputs on the command line, generated here at bounded sizes and run in a subprocess: each is one
clear line (or a report naming the record) and never a hang, a traceback or a change to what was stored."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.store import Store
from tests.conftest import PROJECT
from tests.test_cli_faults import FULL_DISK, one_line_error, run

EVIL = "=cmd|' /C calc'!A0"
FORMULA = re.compile(r"[=+\-@\t\r]")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
TEXT = "各地推進創新發展，實施鄉村振興戰略。到二〇二五年基本實現目標，建設產業園項目。"


def evil_db(path: Path) -> Path:
    """Two articles with a field, a code and an analyst all named like a formula, and spans of that code."""
    with Store.open(path) as store:
        ids = store.articles.add([prepare_article(f"第{n}篇。{TEXT}", f"{n}.txt", "utf-8") for n in range(2)])
        store.categories.add(EVIL, EVIL, EVIL)  # an id as a codebook from another program may give it
        for article_id in ids:
            document = store.document(article_id)
            text = document.article.text
            start = text.index("创新")
            store.spans.insert(document.span_from_text(start, start + 4, EVIL, "-analyst"))
            store.spans.insert(document.span_from_text(start, start + 4, "project", "-analyst"))
            store.metadata.set_many([(article_id, "issuer", EVIL)])
    return path


def span_count(store: Store) -> int:
    return sum(len(store.spans.of_article(article_id)) for article_id in store.articles.ids())


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def unguarded(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row if FORMULA.match(cell) and not NUMBER.fullmatch(cell)]


def test_every_csv_the_command_line_writes_guards_header_and_cells(tmp_path: Path) -> None:
    db = str(evil_db(tmp_path / "evil.db"))
    outputs = {
        "report matrix": run("report", "matrix", "--db", db),
        "report cooccurrence": run("report", "cooccurrence", "--db", db, "--by", "article"),
        "report crosstab": run("report", "crosstab", "--db", db, "--by", "issuer"),
        "report frequencies": run("report", "frequencies", "--db", db),
        "report coding-table": run("report", "coding-table", "--db", db),
        "units": run("units", "--db", db, "--format", "csv"),
        "metadata export": run("metadata", "export", "--db", db),
        "passages": run("passages", "--db", db, EVIL),
        "search": run("search", "--db", db, "创新", "--format", "csv"),
        "export": run("export", "--db", db),
    }
    for name, result in outputs.items():
        assert result.returncode == 0, (name, result.stderr)
        rows = cells(result.stdout)
        assert len(rows) > 1, name
        assert unguarded(rows) == [], name
    matrix = cells(outputs["report matrix"].stdout)
    assert "'" + EVIL in matrix[0], "the code's name is in the header, guarded"
    # For data pipelines the guard can be left off.
    raw = cells(run("units", "--db", db, "--format", "csv", "--raw").stdout)
    assert unguarded(raw) == [] and raw[1][-1].startswith("第")


def test_a_folder_import_goes_on_past_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    names = [b"a_first.txt", b"b_\xe9\xff_gbk.txt", b"c_last.txt"]
    for number, name in enumerate(names):
        with open(os.path.join(os.fsencode(folder), name), "wb") as file:
            file.write(f"第{number}篇文章。推进发展。".encode())
    result = run("import", "--db", str(tmp_path / "a.db"), str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "3 imported" in result.stdout
    assert "b_\\xe9\\xff_gbk.txt" in result.stdout and "not UTF-8" in result.stdout
    with Store.open(tmp_path / "a.db", create=False) as store:
        assert sorted(Path(a.source_path).name for a in store.metadata.table()) == [
            "a_first.txt",
            "b_\\xe9\\xff_gbk.txt",
            "c_last.txt",
        ]


def test_a_pipe_and_a_device_named_txt_are_refused_without_being_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    zeros = tmp_path / "zeros.txt"
    zeros.symlink_to("/dev/zero")
    good = tmp_path / "good.txt"
    good.write_text("一篇文章。推进发展。", encoding="utf-8")
    # A blocking read of the pipe or an endless one of the device would run into this timeout.
    result = run("import", "--db", str(tmp_path / "a.db"), str(fifo), str(zeros), str(good))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[:3]] == ["failed", "failed", "imported"]
    assert all("not a regular file" in line for line in lines[:2])


def test_an_article_over_the_size_limit_is_refused_and_the_limit_can_be_raised(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("".join(f"第{n}段：推进创新发展。\n" for n in range(45_000)), encoding="utf-8")  # 1.3 MB
    db = str(tmp_path / "a.db")
    refused = run("import", "--db", db, "--max-size", "1", str(big))
    assert refused.returncode == 1 and "over the limit of 1.0 MB" in refused.stdout and "--max-size" in refused.stdout
    taken = run("import", "--db", db, "--max-size", "2", str(big))
    assert taken.returncode == 0 and "1 imported" in taken.stdout


def qdpx(path: Path, source_bytes: int) -> Path:
    """A project whose one source unpacks to ``source_bytes`` of spaces (a few KB on disk)."""
    guid = str(uuid.uuid4())
    project = (
        '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="t">'
        f'<Sources><TextSource guid="{guid}" name="big" plainTextPath="internal://{guid}.txt"/></Sources></Project>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project)
        with archive.open(f"sources/{guid}.txt", "w") as source:
            chunk = b"\xe6\x96\x87" + b" " * (1024 * 1024 - 3)
            for _ in range(source_bytes // len(chunk)):
                source.write(chunk)
    return path


def test_a_qdpx_whose_source_unpacks_past_the_limit_is_refused_at_once(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    evil_db(db)
    bomb = qdpx(tmp_path / "bomb.qdpx", 40 * 1024 * 1024)
    assert bomb.stat().st_size < 200_000
    result = run("import-annotations", "--db", str(db), str(bomb))
    assert "Traceback" not in result.stderr
    assert "unpacks to 40 MB, over the limit of 16 MB" in result.stdout
    with Store.open(db, create=False) as store:
        assert store.articles.count() == 2


def test_a_regular_expression_that_backtracks_is_stopped_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Store.open(db) as store:
        store.articles.add([prepare_article("第一篇\n" + "a" * 40 + "b\n", "a.txt", "utf-8")])
    for command in ("search", "tag-hits"):
        extra = ["--category", "project"] if command == "tag-hits" else []
        result = run(command, "--db", str(db), "--regex", "(a|aa)+$", "--timeout", "0.5", *extra)
        one_line_error(result, "(a|aa)+$", "took over 0.5 s", "simplify it")
    with Store.open(db, create=False) as store:
        assert span_count(store) == 0


def test_a_large_codebook_merges_and_one_nested_past_the_depth_limit_is_cut_there(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    with Store.open(db):
        pass
    categories = [{"id": f"p{n}", "label_zh": f"父{n}", "parent_id": None} for n in range(50)]
    categories += [{"id": f"c{n}", "label_zh": f"子{n}", "parent_id": f"p{n % 50}"} for n in range(4950)]
    wide = tmp_path / "wide.json"
    wide.write_text(json.dumps({"format": "policy-annotator-codebook/1", "categories": categories[::-1]}))
    result = run("codebook", "import", "--db", db, str(wide))
    assert result.returncode == 0 and "5000 created" in result.stdout, result.stdout[-500:]

    opening = "".join(f'<Code guid="{uuid.uuid4()}" name="层{n}">' for n in range(3000))
    deep = tmp_path / "deep.qdc"
    deep.write_text(
        '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        + opening
        + "</Code>" * 3000
        + "</Codes></CodeBook>",
        encoding="utf-8",
    )
    result = run("codebook", "import", "--db", db, str(deep))
    assert "Traceback" not in result.stderr and "32 created" in result.stdout
    assert "deeper than 32 levels" in result.stdout
    assert run("codebook", "export", "--db", db, "-o", str(tmp_path / "back.qdc")).returncode == 0


def test_what_used_to_end_in_a_traceback_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    evil_db(db)
    # A metadata cell over the csv module's 128 KB limit: the file is refused, nothing stored.
    sheet = tmp_path / "meta.csv"
    sheet.write_text("article_id,issuer\n1,小\n2," + "长" * 140_000 + "\n", encoding="utf-8")
    result = run("metadata", "import", "--db", str(db), str(sheet))
    assert "Traceback" not in result.stderr and "line 3" in result.stdout and "nothing stored" in result.stdout
    # metadata export onto a link, a folder, a folder that is not there.
    link = tmp_path / "link.csv"
    link.symlink_to(sheet)
    for target, reason in ((link, "not a regular file"), (tmp_path, "not a regular file")):
        one_line_error(run("metadata", "export", "--db", str(db), "-o", str(target)), reason)
    one_line_error(run("metadata", "export", "--db", str(db), "-o", str(tmp_path / "no" / "m.csv")), "does not exist")
    # A search query whose bytes are not UTF-8 (as a shell passes them).
    one_line_error(run("search", "--db", str(db), "\udcff\udcfe"), "not UTF-8")
    # An annotation file with a lone surrogate: reported by line, printed without a traceback.
    lone = tmp_path / "lone.jsonl"
    lone.write_text('{"text": "\\ud800甲乙丙", "label": [[1, 3, "project"]]}\n', encoding="utf-8")
    result = run("import-annotations", "--db", str(db), str(lone))
    assert "Traceback" not in result.stderr and "line 1" in result.stdout
    # A .qdpx whose extra file has every part of the wrong type.
    project = tmp_path / "odd.qdpx"
    with zipfile.ZipFile(project, "w") as archive:
        archive.writestr(
            "project.qde",
            '<Project xmlns="urn:QDA-XML:project:1.0"><Sources>'
            '<TextSource guid="11111111-2222-3333-4444-555555555555" name="t">'
            "<PlainTextContent>甲乙丙丁</PlainTextContent></TextSource></Sources></Project>",
        )
        archive.writestr(
            "policy-annotator.json",
            json.dumps({"format": "policy-annotator-qdpx/1", "codes": [], "sources": "x", "selections": 5}),
        )
    result = run("import-annotations", "--db", str(db), str(project))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    # Output piped to a reader that stops early.
    pipeline = subprocess.run(
        f"{sys.executable} -m desktop export --db {db} --format jsonl | head -c 10",
        shell=True,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in pipeline.stderr and "BrokenPipe" not in pipeline.stderr


def test_the_database_is_never_read_as_an_import_nor_replaced_by_an_export(tmp_path: Path) -> None:
    db = tmp_path / "a.jsonl"  # named as an export would be, so that only the guard stands in the way
    evil_db(db)
    one_line_error(run("export", "--db", str(db), "-o", str(db), "--annotator", "all"), "is the database itself")
    for suffix in ("-wal", "-shm"):
        one_line_error(run("export", "--db", str(db), "--format", "csv", "-o", f"{db}{suffix}", "--annotator", "all"))
    one_line_error(run("import-annotations", "--db", str(db), str(db)), "is the database itself")
    one_line_error(run("codebook", "import", "--db", str(db), str(db)), "is the database itself")
    with Store.open(db, create=False) as store:
        assert store.articles.count() == 2 and span_count(store) == 4


def test_a_disk_that_fills_part_way_through_an_annotation_file_reports_what_was_stored(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    evil_db(db)
    lines = [
        json.dumps({"text": f"第{n}篇新文章。" + "推进创新发展，实施乡村振兴战略。" * 40, "label": [[0, 2, "project"]]})
        for n in range(40)
    ]
    annotations = tmp_path / "many.jsonl"
    annotations.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The file may grow by a few pages only: some records fit, then the disk is full.
    roomy = FULL_DISK.replace('f"pragma max_page_count = {pages}"', 'f"pragma max_page_count = {pages + 12}"')
    # Batches of two records, so that some batches fit before the disk is full.
    roomy += "\nimport desktop.core.exchange.attach as attach\nattach.BATCH_RECORDS = 2\n"
    result = run("import-annotations", "--db", str(db), str(annotations), fault=roomy)
    assert result.returncode == 1 and "disk is full" in result.stdout
    created = int(re.search(r"(\d+) created", result.stdout).group(1))  # type: ignore[union-attr]
    imported = int(re.search(r"spans: (\d+) imported", result.stdout).group(1))  # type: ignore[union-attr]
    assert 0 < created < 40 and created % 2 == 0 and "the ones before them were" in result.stdout
    with Store.open(db, create=False) as store:
        assert store.articles.count() == 2 + created
        assert span_count(store) == 4 + imported


# Every option that takes a number, with what its command needs besides.
NUMBER_OPTIONS = [
    ("units", "--article", []),
    ("export", "--article", []),
    ("export", "--context", []),
    ("reprocess", "--article", []),
    ("search", "--limit", ["项目"]),
    ("search", "--timeout", ["项目"]),
    ("tag-hits", "--timeout", ["项目", "--category", "project"]),
    ("batches", "--undo", []),
    ("batches", "--redo", []),
    ("batches", "--limit", []),
    ("suggest", "--article", []),
    ("sample", "--size", ["s"]),
    ("sample", "--seed", ["s", "--size", "1"]),
    ("import", "--workers", ["x"]),
    ("import", "--max-size", ["x"]),
    ("import-annotations", "--workers", ["x"]),
]


@pytest.mark.parametrize(("command", "option", "besides"), NUMBER_OPTIONS)
def test_a_number_option_refuses_what_no_command_can_use_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, option: str, besides: list[str]
) -> None:
    """Past SQLite's 64 bits, past Python's 4,300 digits, negative, not a number, or a time limit of
    nan: each is named with its option before anything is opened (they ended in tracebacks, or in a
    search with no time limit)."""
    from desktop.cli.main import main

    db = tmp_path / "never.db"
    # (a time limit of 10^23 s is a time limit; one of 0, inf or nan is none)
    big = "inf" if option == "--timeout" else "99999999999999999999999"
    for value in (big, "9" * 5000, "-1", "0" if option == "--timeout" else "x", "nan"):
        with pytest.raises(SystemExit) as stopped:
            main([command, "--db", str(db), *besides, option, value])
        said = capsys.readouterr().err
        assert stopped.value.code == 2 and f"argument {option}: " in said and "Traceback" not in said, (value, said)
        assert len(said.splitlines()[-1]) < 200  # (the 5,000 digits are not printed back)
    assert not db.exists()
