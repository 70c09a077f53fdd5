"""Articles restored from this tool's JSONL enter the search index with their batch: all of them, or none."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.coding.importing import import_paths
from desktop.core.exchange import attach, file_records
from desktop.core.exchange.attach import import_annotations
from desktop.core.exchange.formats import format_by_key
from desktop.core.exchange.import_report import ImportReport
from desktop.core.exchange.outgoing import ExportOptions
from desktop.core.models import ArticleFilter
from desktop.core.search.searching import matching_articles, prepare
from desktop.core.search_terms import document_terms
from desktop.core.store import Store
from desktop.core.store.search_index import SearchIndex
from tests.conftest import SAMPLE_DATA


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "all.jsonl"
    with Store.open(tmp_path / "source.db") as store:
        list(import_paths(store, [SAMPLE_DATA]))
        for number in range(6):
            list(import_paths(store, [_own_article(tmp_path, number)]))
        with path.open("w", encoding="utf-8") as out:
            format_by_key("jsonl").write(store, out, ExportOptions())
    return path


def _own_article(folder: Path, number: int) -> Path:
    path = folder / f"own{number}.txt"
    path.write_text(f"第{number}篇\n\n推进第{number}号项目建设,发展新产业。", encoding="utf-8")
    return path


def indexed_ids(path: Path) -> list[int]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("select id from search_index_docsize order by id")]


def test_every_restored_article_is_indexed_once_with_its_own_terms(
    tmp_path: Path, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attach, "BATCH_RECORDS", 4)  # several batches, the last one short
    with Store.open(tmp_path / "restored.db") as store:
        report = import_annotations(store, exported, "li")
        assert not report.failed and not report.skipped
        ids = store.articles.ids()
        assert len(ids) == len(report.created) > 8
        for article_id in ids:
            article = store.articles.get(article_id)
            assert article_id in matching_articles(store, prepare(article.text[-6:-1]))
            # The index holds exactly these terms: deleting the row with them must succeed.
            store.db.execute(
                "insert into search_index (search_index, rowid, terms) values ('delete', ?, ?)",
                [article_id, document_terms(article.title, article.text)],
            )
        store.db.execute("insert into search_index (search_index) values ('integrity-check')")
    assert indexed_ids(tmp_path / "restored.db") == []


def test_a_batch_that_fails_leaves_neither_its_articles_nor_their_index_rows(
    tmp_path: Path, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attach, "BATCH_RECORDS", 4)
    calls = []
    add = SearchIndex.add

    def full_on_the_second_batch(self: SearchIndex, articles: list[tuple[int, str, str, str]]) -> None:
        calls.append(len(articles))
        add(self, articles)  # the rows are written, then the disk fills before the commit
        if len(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SearchIndex, "add", full_on_the_second_batch)
    db = tmp_path / "restored.db"
    with Store.open(db) as store:
        report = import_annotations(store, exported, "li")
        assert "stopped in lines" in report.failed and "full" in report.failed
        kept = store.articles.ids()
    assert len(calls) == 2  # the third batch was never started
    # The first batch's articles (its first record is the codebook) stay, indexed; the second's are gone.
    assert len(kept) == calls[0] == len(report.created) > 0
    assert indexed_ids(db) == kept


def test_taking_back_a_record_undoes_only_what_came_after_its_snapshot(store: Store) -> None:
    importer = attach._Importer(store, "li", ImportReport())
    importer._note(importer.report.created, 1)
    before = importer.snapshot()
    importer._note(importer.report.created, 2)
    importer._note(importer.report.attached, 1)
    importer._note(importer.categories, "new-code")
    importer.report.categories_created.append("new-code")
    importer.report.skipped.append((3, "bad"))
    importer.take_back(before)
    assert importer.report.created == {1} and importer.report.attached == set()
    assert "new-code" not in importer.categories and importer.report.categories_created == []
    assert importer.report.skipped == []


def test_a_jsonl_file_is_stored_batch_by_batch_as_it_is_read(
    exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.exchange import ours_jsonl

    read_so_far: list[int] = []
    lines = [line for line in exported.read_text(encoding="utf-8").splitlines() if line.strip()]

    def counting_read(lines: Iterable[str], annotator: str):  # type: ignore[no-untyped-def]
        for record in ours_jsonl.read_lines(lines, annotator):
            read_so_far.append(record.line)
            yield record

    stored_when: list[int] = []
    add = SearchIndex.add

    def noting_add(self: SearchIndex, articles: list) -> None:  # type: ignore[type-arg]
        stored_when.append(len(read_so_far))
        add(self, articles)

    from desktop.core.exchange import derived_rows

    # Small batches and a short look-ahead, so that a file of a few records shows what a large one does.
    monkeypatch.setattr(attach, "BATCH_RECORDS", 3)
    monkeypatch.setattr(derived_rows, "WORKERS_FROM", 2)
    monkeypatch.setattr(derived_rows, "_DERIVED_CHUNK", 2)
    monkeypatch.setattr(SearchIndex, "add", noting_add)
    monkeypatch.setattr(file_records, "detect", lambda text: replace(format_by_key("jsonl"), read_lines=counting_read))
    with Store.open(tmp_path / "fresh.db") as fresh:
        report = import_annotations(fresh, exported, "li")
        assert not report.failed and len(report.created) == len(lines) - 1  # (the first line is the codebook)
    # The first batch was stored when only the records up to it (and the workers' look-ahead) were read.
    assert stored_when[0] < len(lines) == len(read_so_far)
    assert stored_when == sorted(stored_when) and len(stored_when) > 3


def test_progress_is_told_each_stored_batch_and_a_cancel_stops_before_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attach, "BATCH_RECORDS", 3)
    path = tmp_path / "doccano.jsonl"
    lines = [{"text": f"第{number}篇推進項目建設", "label": [[0, 2, "project"]]} for number in range(10)]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    told: list[int] = []
    with Store.open(tmp_path / "all.db") as store:
        report = import_annotations(store, path, "li", progress=told.append)
        assert told == [3, 6, 9, 10] and len(report.created) == 10 and report.cancelled_at == 0
    told.clear()
    with Store.open(tmp_path / "cancelled.db") as store:
        report = import_annotations(store, path, "li", progress=told.append, cancelled=lambda: len(told) == 2)
        assert told == [3, 6] and report.cancelled_at == 7
        assert store.articles.count() == 6 and len(report.created) == 6
        assert "cancelled at line 7: the records before it were stored" in "\n".join(report.lines())


def _temp_store(store: Store) -> int:
    return int(store.db.execute("pragma temp_store").fetchone()[0])


def test_a_restore_keeps_its_savepoint_journals_in_memory_and_the_setting_is_put_back(
    tmp_path: Path, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attach, "BATCH_RECORDS", 4)
    with Store.open(tmp_path / "restored.db") as store:
        before = _temp_store(store)
        during: list[int] = []
        report = import_annotations(store, exported, "li", progress=lambda _line: during.append(_temp_store(store)))
        assert not report.failed and len(during) > 2
        assert set(during) == {2}  # (2: memory)
        assert _temp_store(store) == before != 2


def test_the_setting_is_put_back_after_a_restore_that_fails(
    tmp_path: Path, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: SearchIndex, articles: list[tuple[int, str, str, str]]) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SearchIndex, "add", full)
    with Store.open(tmp_path / "restored.db") as store:
        before = _temp_store(store)
        report = import_annotations(store, exported, "li")
        assert "full" in report.failed
        assert _temp_store(store) == before


def test_the_article_list_of_found_articles_still_works_after_a_restore_into_the_same_store(
    tmp_path: Path, exported: Path
) -> None:
    """Changing where temporary files go drops the connection's temporary tables, the list's among them."""
    with Store.open(tmp_path / "restored.db") as store:
        list(import_paths(store, [_own_article(tmp_path, 99)]))
        [own] = store.articles.ids()
        found = ArticleFilter(ids=(own,), order=(own,))
        assert [row.id for row in store.summaries.page(listed=found)] == [own]
        report = import_annotations(store, exported, "li")
        assert not report.failed and len(store.articles.ids()) > 8
        assert [row.id for row in store.summaries.page(listed=found)] == [own]
        assert store.summaries.count(found) == 1
