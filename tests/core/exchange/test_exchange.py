"""Out and back in: our JSONL, doccano and Label Studio round trips; bad records; several analysts."""

from __future__ import annotations

import csv
import gc
import io
import json
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.coding.importing import prepare_article
from desktop.core.exchange import file_records, line_files, metadata_csv
from desktop.core.exchange.attach import import_annotations
from desktop.core.exchange.codebook_merge import export_codebook, import_codebook
from desktop.core.exchange.csv_cells import FORMULA_STARTS, neutralise, restore
from desktop.core.exchange.formats import format_by_key
from desktop.core.exchange.ours_csv import CSV_COLUMNS
from desktop.core.exchange.outgoing import SPAN_FIELDS, ExportOptions
from desktop.core.layers import Layer
from desktop.core.models import SpanFilter, Status
from desktop.core.store import Store

ALPHABET = "發展項目建设创业推進𠮷😀𡈼\n=+-@ ,。'\t"
CATEGORIES = ["project", "target", "measure", "location"]


def export(store: Store, fmt: str, options: ExportOptions | None = None) -> str:
    out = io.StringIO()
    format_by_key(fmt).write(store, out, options or ExportOptions())
    return out.getvalue()


def fill(store: Store, texts: list[str], spans: list[tuple[int, int, int, int, int, str]]) -> None:
    ids = store.articles.add([prepare_article(text, f"{i}.txt", "utf-8") for i, text in enumerate(texts)])
    for article_index, a, b, category, annotator, note in spans:
        article_id = ids[article_index % len(ids)]
        document = store.document(article_id)
        length = len(document.article.text)
        if length < 2:
            continue
        start, end = sorted((a % length, b % length))
        if start == end:
            continue
        span = document.span_at(start, end, CATEGORIES[category], ["li", "wang", "zhao"][annotator], note)
        if CATEGORIES[category] not in {c.id for c in store.categories.all()}:
            store.categories.add(CATEGORIES[category])
        if store.spans.duplicate_of(span) is None:
            store.spans.insert(span)


articles = st.lists(st.text(ALPHABET, min_size=1, max_size=40).filter(str.strip), min_size=1, max_size=4, unique=True)
span_lists = st.lists(
    st.tuples(
        st.integers(0, 3),
        st.integers(0, 200),
        st.integers(0, 200),
        st.integers(0, 3),
        st.integers(0, 2),
        st.text("備註=+\n\u2028\u2029", max_size=5),
    ),
    max_size=12,
)


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "labelstudio"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=articles, spans=span_lists)
def test_out_and_back_in_is_identical(tmp_path_factory, fmt: str, texts: list[str], spans) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("round")
    source = Store.in_memory()
    fill(source, texts, spans)
    first = export(source, fmt)
    path = folder / f"out.{fmt}"
    path.write_text(first, encoding="utf-8")
    target = Store.in_memory()
    report = import_annotations(target, path, "someone")
    assert report.skipped == [] and not report.failed, list(report.lines())
    assert export(target, fmt) == first
    again = import_annotations(target, path, "someone")
    assert again.spans_imported == 0 and again.created == set()
    assert export(target, fmt) == first


def test_jsonl_keeps_everything(tmp_path: Path, store: Store) -> None:
    fill(store, ["創(chuàng)業(yè)推進(jìn)發(fā)展規劃\n\n分享到:\n"], [(0, 0, 4, 1, 0, "要點")])
    store.articles.set_status(1, Status.DONE)
    path = tmp_path / "all.jsonl"
    path.write_text(export(store, "jsonl"), encoding="utf-8")
    fresh = Store.in_memory()
    import_annotations(fresh, path, "x")
    original, copy = store.articles.get(1), fresh.articles.get(1)
    assert copy == original
    assert fresh.articles.offset_map(1) == store.articles.offset_map(1)
    assert fresh.spans.of_article(1) == store.spans.of_article(1)


LINE_SEPARATORS = "第一行\u2028第二行\u2029第三段"


def test_line_and_paragraph_separators_in_values_come_back_unchanged(tmp_path: Path, store: Store) -> None:
    """U+2028 and U+2029 pasted into a note, a metadata value or a code's rule: JSON keeps them
    unescaped and CSV unquoted, so a reader that took them for line ends broke the record."""
    fill(store, ["推進項目建設發展規劃"], [(0, 0, 4, 1, 0, LINE_SEPARATORS)])
    store.articles.set_note(1, LINE_SEPARATORS, expected="")
    store.metadata.set(1, "issuer", LINE_SEPARATORS)
    store.categories.update("target", description=LINE_SEPARATORS)
    restored = Store.in_memory()
    coded_again = Store.in_memory()  # (a CSV holds the spans, not the articles)
    fill(coded_again, ["推進項目建設發展規劃"], [])
    for fmt, fresh in (("jsonl", restored), ("csv", coded_again)):
        path = tmp_path / f"all.{fmt}"
        path.write_text(export(store, fmt), encoding="utf-8")
        report = import_annotations(fresh, path, "x")
        assert report.skipped == [] and not report.failed, list(report.lines())
        assert [span.note for span in fresh.spans.of_article(1)] == [LINE_SEPARATORS], fmt
    assert restored.articles.note(1) == LINE_SEPARATORS
    assert restored.metadata.values(1)["issuer"] == LINE_SEPARATORS
    metadata_path = tmp_path / "metadata.csv"
    with metadata_path.open("w", encoding="utf-8", newline="") as out:
        metadata_csv.write(store, out)
    store.metadata.set(1, "issuer", "")
    assert not metadata_csv.import_metadata(store, metadata_path).failed
    assert store.metadata.values(1)["issuer"] == LINE_SEPARATORS
    for suffix in ("json", "csv"):
        codebook_path = tmp_path / f"codebook.{suffix}"
        export_codebook(store, codebook_path)
        fresh = Store.in_memory()
        assert not import_codebook(fresh, codebook_path).failed
        assert fresh.categories.get("target").description == LINE_SEPARATORS, suffix


def test_bad_records_are_reported_by_line_and_skipped(tmp_path: Path, store: Store) -> None:
    lines = [
        json.dumps({"text": "推進項目建設", "label": [[0, 2, "project"]]}, ensure_ascii=False),
        "{broken json",
        json.dumps({"text": "推進項目建設", "label": [[4, 99, "target"]]}, ensure_ascii=False),
        json.dumps({"text": "另一篇文章", "label": [[0, 3, "location"]]}, ensure_ascii=False),
    ]
    path = tmp_path / "doccano.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_annotations(store, path, "li")
    assert report.format_name == "doccano JSONL"
    assert [line for line, _ in report.skipped] == [2, 3]
    assert "broken JSON" in report.skipped[0][1]
    assert "outside the text" in report.skipped[1][1]
    assert report.spans_imported == 2
    assert report.categories_created == ["location"]
    assert len(report.created) == 2
    assert "location" in {c.id for c in store.categories.all()}


def test_label_studio_quote_mismatch_and_utf16_offsets(tmp_path: Path, store: Store) -> None:
    text = "😀𠮷推進項目建設"
    # Offsets as an older Label Studio wrote them: UTF-16 units (each astral character counts two).
    tasks = [
        {
            "data": {"text": text},
            "annotations": [
                {
                    "completed_by": {"email": "ls@x"},
                    "result": [
                        {"value": {"start": 4, "end": 6, "text": "推進", "labels": ["measure"]}},
                        {"value": {"start": 2, "end": 4, "text": "建设", "labels": ["measure"]}},
                    ],
                }
            ],
        },
    ]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    report = import_annotations(store, path, "li")
    assert report.spans_imported == 1
    assert report.skipped and "does not match" in report.skipped[0][1]
    [span] = store.spans.of_article(next(iter(report.created)))
    assert (span.start, span.end, span.original_text, span.annotator) == (2, 4, "推進", "ls@x")


def test_several_analysts_layers(tmp_path: Path) -> None:
    mine, theirs = Store.in_memory(), Store.in_memory()
    fill(mine, ["推進項目建設,發展新產業。"], [(0, 0, 2, 0, 0, "")])
    fill(theirs, ["推進項目建設,發展新產業。"], [(0, 0, 2, 0, 1, ""), (0, 2, 6, 2, 1, "")])
    path = tmp_path / "wang.jsonl"
    path.write_text(
        export(theirs, "jsonl", ExportOptions(filters=SpanFilter(layers=(Layer("wang"),)))), encoding="utf-8"
    )
    first = import_annotations(mine, path, "li")
    assert (first.spans_imported, len(first.attached), len(first.created)) == (2, 1, 0)
    second = import_annotations(mine, path, "li")
    assert (second.spans_imported, second.spans_present) == (0, 2)
    layers = sorted((s.annotator, s.start, s.end) for s in mine.spans.of_article(1))
    assert layers == [("li", 0, 2), ("wang", 0, 2), ("wang", 2, 6)]
    only_wang = export(mine, "csv", ExportOptions(filters=SpanFilter(layers=(Layer("wang"),))))
    assert only_wang.count("\r\n") == 3 and ",li," not in only_wang


@pytest.mark.parametrize("value", ["=SUM(A1)", "+86 10", "-15号泊位", "@user", "\tx", "\rx", "'=x", "''+y", "普通", ""])
def test_formula_guard_is_reversible(value: str) -> None:
    guarded = neutralise(value)
    assert guarded[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert restore(guarded) == value


def test_csv_context_status_metadata_and_filters(store: Store) -> None:
    fill(store, ["推進項目建設,發展新產業。", "另一篇:建設新城區"], [(0, 2, 4, 0, 0, ""), (1, 3, 5, 1, 0, "")])
    options = ExportOptions(
        context=2, with_status=True, with_metadata=True, filters=SpanFilter(categories=("project",))
    )
    rows = list(csv.reader(io.StringIO(export(store, "csv", options))))
    header, [row] = rows[0], rows[1:]
    record = dict(zip(header, row, strict=True))
    text = store.articles.get(1).text
    assert record["context_before"] == text[0:2] and record["context_after"] == text[4:6]
    assert record["article_status"] == "todo" and record["article_sha256"] == store.articles.get(1).sha256
    assert header[: len(CSV_COLUMNS)] == list(CSV_COLUMNS)


@settings(max_examples=150, deadline=None)
@given(st.text("'=+-@\t\r a中😀", max_size=6))
def test_sql_formula_guard_equals_the_python_one(value: str) -> None:
    store = Store.in_memory()
    fill(store, ["推進項目建設"], [])
    document = store.document(1)
    store.spans.insert(document.span_at(0, 2, "project", "li", note=value))
    [row] = list(store.exports.span_rows(SPAN_FIELDS, formula_starts=FORMULA_STARTS))
    note = dict(zip(SPAN_FIELDS, row, strict=True))["note"]
    assert note == neutralise(value)
    assert restore(note) == value


def test_label_studios_own_converter_reads_every_span_of_our_export(tmp_path: Path, store: Store) -> None:
    converter = pytest.importorskip("label_studio_sdk.converter")
    fill(
        store,
        ["推進項目建設,發展新產業。", "𠮷祥街區改造方案。"],
        [(0, 0, 2, 0, 0, ""), (0, 2, 6, 2, 1, "见"), (1, 0, 3, 1, 0, "")],
    )
    path = tmp_path / "ls.json"
    path.write_text(export(store, "labelstudio", ExportOptions()), encoding="utf-8")
    tasks = json.loads(path.read_text(encoding="utf-8"))
    assert all("id" in task and all("id" in a for a in task["annotations"]) for task in tasks)
    config = (
        '<View><Labels name="label" toName="text">'
        + "".join(f'<Label value="{c.id}"/>' for c in store.categories.all())
        + '</Labels><Text name="text" value="$text"/></View>'
    )
    out = tmp_path / "converted"
    converter.Converter(config=config, project_dir=None, download_resources=False).convert_to_json_min(
        str(path), str(out), is_dir=False
    )
    [written] = list(out.iterdir())
    rows = json.loads(written.read_text(encoding="utf-8"))
    found = sorted((span["text"], tuple(span["labels"])) for row in rows for span in row.get("label", []))
    expected = sorted((s.text, (s.category_id,)) for i in store.articles.ids() for s in store.spans.of_article(i))
    assert found == expected and len(found) == 3


def _statements_about_titles(store: Store) -> list[str]:
    """The statements the store runs from now on that look articles up by title or list every title
    (not those that read one article by its id)."""
    seen: list[str] = []
    store.db.conn.set_trace_callback(lambda sql: seen.append(sql) if "title" in sql and "id = " not in sql else None)
    return seen


def test_a_csv_into_a_database_whose_ids_differ_finds_each_article_by_title_reading_titles_once(
    tmp_path: Path, store: Store
) -> None:
    """Each row whose id names another article is placed by its title; looked up per row, every row
    read every article (100,000 spans took 31.5 s for 2,000 articles, 5.6 s now)."""
    texts = [f"第{n}篇\n推進項目建設，第{n}期完成投資{n * 7}億元。" for n in range(25)]
    ids = store.articles.add([prepare_article(text, f"{n}.txt", "utf-8") for n, text in enumerate(texts)])
    for article_id in ids:
        document = store.document(article_id)
        store.spans.insert(document.span_from_text(4, 8, "project", "li"))
    path = tmp_path / "spans.csv"
    path.write_text(export(store, "csv"), encoding="utf-8")
    with Store.open(tmp_path / "other.db") as other:
        # The same articles in the other order: every row's id names another article.
        other.articles.add([prepare_article(text, f"{n}.txt", "utf-8") for n, text in reversed(list(enumerate(texts)))])
        seen = _statements_about_titles(other)
        report = import_annotations(other, path, "me")
        assert report.spans_imported == 25 and not report.skipped, list(report.lines())
        assert len(seen) <= 1, seen
        placed = other.db.execute(
            "select a.title, s.text from spans s join articles a on a.id = s.article_id order by a.id"
        ).fetchall()
    expected = store.db.execute("select a.title, s.text from spans s join articles a on a.id = s.article_id").fetchall()
    assert sorted(placed) == sorted(expected) and len(set(placed)) == 25


def test_a_metadata_csv_finds_articles_by_title_reading_titles_once(tmp_path: Path, store: Store) -> None:
    ids = store.articles.add([prepare_article(f"第{n}篇\n推進項目建設{n}。", f"{n}.txt", "utf-8") for n in range(25)])
    path = tmp_path / "metadata.csv"
    path.write_text("title,issuer\n" + "".join(f"第{n}篇,县{n}\n" for n in range(25)), encoding="utf-8")
    seen = _statements_about_titles(store)
    report = metadata_csv.import_metadata(store, path)
    assert not report.failed and not report.problems, report
    assert len(seen) <= 1, seen
    assert [store.metadata.values(article_id)["issuer"] for article_id in ids] == [f"县{n}" for n in range(25)]


def _spans_file(path: Path, text: str, article_id: int, rows: int) -> None:
    """Many different spans on one article: a spans CSV, or doccano lines (each carrying the text)."""
    note = "一个很长的备注，写给第二位分析员看。" * 4
    places = [(row % 150, row % 150 + 1 + row // 150) for row in range(rows)]
    with path.open("w", encoding="utf-8", newline="") as out:
        if path.suffix == ".csv":
            writer = csv.writer(out)
            writer.writerow(["span_id", "article_id", "article_title", "category", "start", "end", "text", "note"])
            for start, end in places:
                writer.writerow(["", article_id, "第一篇", "project", start, end, text[start:end], note])
            return
        for start, end in places:
            out.write(json.dumps({"text": text, "label": [[start, end, "project"]]}, ensure_ascii=False) + "\n")


def _peak_of_import(path: Path, tmp_path: Path, rows: int) -> int:
    """Traced memory at its peak while ``rows`` spans are imported from a file of ``path``'s kind."""
    with Store.open(tmp_path / f"{rows}{path.suffix}.db") as store:
        [article_id] = store.articles.add(
            [prepare_article("第一篇\n" + "推進項目建設，完成投資七億元。" * 20, "a.txt", "utf-8")]
        )
        written = path.with_name(f"{rows}{path.suffix}")
        _spans_file(written, store.articles.get(article_id).text, article_id, rows)
        gc.collect()  # (what earlier tests left for the collector is not counted as this import's)
        tracemalloc.start()
        try:
            report = import_annotations(store, written, "me")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert not report.failed and report.spans_imported == rows, list(report.lines())[:3]
    return peak


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_file_without_processed_articles_is_stored_as_it_is_read_not_held_whole(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A spans CSV was read whole (1 GB set aside for any file, every row held), and a doccano file
    read line by line was held whole all the same, by a second reader of its records that never
    moved on (the one that feeds processed articles to the workers): three times the rows took
    three times the memory. Now the memory does not grow with the file."""
    # What is read whole at the start (the first lines, to tell the format; a CSV's check that it is
    # UTF-8 throughout, a piece at a time) is a megabyte each: both files here go past it.
    monkeypatch.setattr(line_files, "HEAD_BYTES", 64 * 1024)
    monkeypatch.setattr(file_records, "_SCAN_CHUNK", 64 * 1024)
    small, large = (_peak_of_import(tmp_path / f"spans{suffix}", tmp_path, rows) for rows in (1500, 4500))
    assert large < small * 1.3, (small, large)


def test_a_csv_that_is_utf8_only_at_its_start_is_read_whole_in_its_own_encoding(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chinese Excel saves GB18030: a file whose first lines happen to be ASCII is not read line by line
    as UTF-8 (its Chinese rows would be lost), but whole, its encoding worked out from all of it."""
    [article_id] = store.articles.add([prepare_article("Report 1\nabcdefgh 推进项目建设。", "a.txt", "utf-8")])
    text = store.articles.get(article_id).text
    header = "span_id,article_id,article_title,category,start,end,text\r\n"
    ascii_row = f",{article_id},Report 1,project,9,14,abcde\r\n"
    at = text.index("推进项目")
    chinese_row = f",{article_id},Report 1,measure,{at},{at + 4},推进项目\r\n"
    path = tmp_path / "from-excel.csv"
    path.write_bytes((header + ascii_row + chinese_row).encode("gb18030"))
    monkeypatch.setattr(line_files, "HEAD_BYTES", len(header + ascii_row) - 5)  # the first lines: ASCII
    report = import_annotations(store, path, "me")
    assert not report.failed and not report.skipped and report.spans_imported == 2, list(report.lines())
    assert sorted(span.text for span in store.spans.of_article(article_id)) == ["abcde", "推进项目"]
