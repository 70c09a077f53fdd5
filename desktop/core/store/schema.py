"""Database schema, one migration per version (sqlite-utils ``Migrations``)."""

from __future__ import annotations

import json
import sqlite3
from itertools import repeat

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop.core.codebook import guid_for
from desktop.core.metadata import BUILTIN_FIELDS
from desktop.core.offsets import OffsetMap, OffsetMapError
from desktop.core.store.migration_names import MIGRATION_SET
from desktop.core.units import UnitColumns, unit_columns

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    db["articles"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "title": str,
            "original_text": str,
            "text": str,
            "offset_map": str,
            "sha256": str,
            "text_sha256": str,
            "encoding": str,
            "converter": str,
            "converter_version": str,
            "pipeline_version": int,
            "rules": str,
            "source_path": str,
            "imported_at": str,
            "status": str,
        },
        pk="id",
        not_null={"title", "original_text", "text", "offset_map", "sha256", "status"},
        defaults={"status": "todo"},
    )
    db["articles"].create_index(["sha256"], unique=True)  # type: ignore[union-attr]
    db["articles"].create_index(["status"])  # type: ignore[union-attr]
    db["categories"].create(  # type: ignore[union-attr]
        {"id": str, "label_zh": str, "label_en": str, "colour": str, "shortcut": str, "position": int},
        pk="id",
        not_null={"label_zh", "label_en", "colour"},
    )
    db["flags"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "article_id": int,
            "kind": str,
            "original_start": int,
            "original_end": int,
            "start": int,
            "end": int,
            "excerpt": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "kind", "original_start", "original_end"},
    )
    db["flags"].create_index(["article_id"])  # type: ignore[union-attr]
    db["spans"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "article_id": int,
            "category_id": str,
            "start": int,
            "end": int,
            "text": str,
            "original_start": int,
            "original_end": int,
            "original_text": str,
            "note": str,
            "annotator": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("category_id", "categories", "id")],
        not_null={"article_id", "category_id", "start", "end", "text", "original_start", "original_end"},
        defaults={"note": "", "annotator": ""},
    )
    db["spans"].create_index(["article_id", "start"])  # type: ignore[union-attr]
    db["spans"].create_index(["category_id"])  # type: ignore[union-attr]


@migrations()
def m002_find_by_text(db: Database) -> None:
    """Imported annotations attach to an article by its Simplified text as well as its original."""
    db["articles"].create_index(["text_sha256"])  # type: ignore[union-attr]
    db["spans"].create_index(["annotator"])  # type: ignore[union-attr]


@migrations()
def m003_article_counts(db: Database) -> None:
    """Articles per status, kept by triggers: the window shows totals of 100,000 articles without counting them."""
    db.execute("create table article_counts (status text primary key, n integer not null default 0)")
    db.execute("insert into article_counts (status, n) select status, count(*) from articles group by status")
    db.execute(
        "create trigger article_counts_insert after insert on articles begin"
        " insert or ignore into article_counts (status, n) values (new.status, 0);"
        " update article_counts set n = n + 1 where status = new.status; end"
    )
    db.execute(
        "create trigger article_counts_delete after delete on articles begin"
        " update article_counts set n = n - 1 where status = old.status; end"
    )
    db.execute(
        "create trigger article_counts_status after update of status on articles"
        " when old.status is not new.status begin"
        " update article_counts set n = n - 1 where status = old.status;"
        " insert or ignore into article_counts (status, n) values (new.status, 0);"
        " update article_counts set n = n + 1 where status = new.status; end"
    )


@migrations()
def m004_span_ids_never_reused(db: Database) -> None:
    """AUTOINCREMENT: an undo in one window can never delete a span another window or import added later."""
    columns = (
        "id, article_id, category_id, start, end, text, original_start, original_end, original_text,"
        " note, annotator, created_at, updated_at"
    )
    db.execute(
        "create table spans_new (id integer primary key autoincrement,"
        " article_id integer not null references articles(id), category_id text not null references categories(id),"
        " start integer not null, end integer not null, text text not null,"
        " original_start integer not null, original_end integer not null, original_text text,"
        " note text default '', annotator text default '', created_at text, updated_at text)"
    )
    db.execute(f"insert into spans_new ({columns}) select {columns} from spans")
    db.execute("drop table spans")
    db.execute("alter table spans_new rename to spans")
    db.execute("create index idx_spans_article_id_start on spans (article_id, start)")
    db.execute("create index idx_spans_category_id on spans (category_id)")
    db.execute("create index idx_spans_annotator on spans (annotator)")


@migrations()
def m005_original_title(db: Database) -> None:
    """Titles become the clean Simplified headline; the headline as the page wrote it is kept.

    Existing articles keep their line as the original title, and their title becomes
    that line as it reads in the Simplified text (readings dropped, converted), found
    through the stored offset map. ``reprocess`` re-detects the headline itself.
    """
    db.execute("alter table articles add column original_title text default ''")
    db.execute("update articles set original_title = title")
    rows = db.execute(
        "select id, title, instr(original_text, title) - 1, offset_map from articles"
        " where instr(original_text, title) > 0"
    ).fetchall()
    for article_id, title, start, map_json in rows:
        try:
            offset_map = OffsetMap.from_json(json.loads(map_json))
            t_start, t_end = offset_map.from_original(start, start + len(title))
        except (OffsetMapError, ValueError, KeyError, TypeError):
            continue
        if t_end <= t_start:
            continue
        [clean] = db.execute(
            "select substr(text, ?, ?) from articles where id = ?", [t_start + 1, t_end - t_start, article_id]
        ).fetchone()
        if clean and clean.strip():
            db.execute("update articles set title = ? where id = ?", [clean.strip(), article_id])


@migrations()
def m006_spans_in_text_order(db: Database) -> None:
    """Indexes that hand out an article's spans in text order without sorting them.

    Rows come out of (article_id, start, end) already ordered by ``start, end, id`` (the
    id is the rowid every index entry ends with), so opening an article pages through its
    spans from the top; (article_id, original_start) finds those on screen in the original pane.
    """
    db.execute("drop index if exists idx_spans_article_id_start")
    db.execute("create index idx_spans_article_text_order on spans (article_id, start, end)")
    db.execute("create index idx_spans_article_original_start on spans (article_id, original_start)")


@migrations()
def m007_codebook(db: Database) -> None:
    """Categories become a codebook: a coding rule, a parent (a tree of any depth), headings that
    are not codable, and the REFI-QDA guid other tools know a code by.

    Existing categories stay top-level in their order, keep their keys (now keys set by hand)
    and get a guid derived from their id.
    """
    db.execute("alter table categories add column description text not null default ''")
    db.execute("alter table categories add column parent_id text references categories(id)")
    db.execute("alter table categories add column codable integer not null default 1")
    db.execute("alter table categories add column guid text not null default ''")
    for (category_id,) in db.execute("select id from categories").fetchall():
        db.execute("update categories set guid = ? where id = ?", [guid_for(category_id), category_id])
    db.execute("create index idx_categories_parent on categories (parent_id, position)")


@migrations()
def m008_articles_as_data(db: Database) -> None:
    """Articles become data a study reports by: metadata fields and their values, a note per
    article, and the numbered coding units of each Simplified text (worked out here for the
    articles already stored). Spans are counted per category and article from one index."""
    db.execute("alter table articles add column note text not null default ''")
    db.execute(
        "create table metadata_fields (name text primary key, label text not null,"
        " kind text not null default 'text', choices text not null default '[]',"
        " position integer not null default 0, builtin integer not null default 0)"
    )
    db.conn.executemany(
        "insert into metadata_fields (name, label, kind, position, builtin) values (?, ?, ?, ?, 1)",
        [(f.name, f.label, f.kind.value, f.position) for f in BUILTIN_FIELDS],
    )
    db.execute(
        "create table article_metadata (article_id integer not null references articles(id) on delete cascade,"
        " field text not null references metadata_fields(name), value text not null,"
        " primary key (article_id, field)) without rowid"
    )
    db.execute("create index idx_article_metadata_field on article_metadata (field, value)")
    db.execute(
        "create table units (article_id integer not null references articles(id) on delete cascade,"
        " start integer not null,"
        " end integer not null, original_start integer not null, original_end integer not null,"
        " chapter integer not null, clause integer not null, sentence integer not null, label text not null,"
        " primary key (article_id, start)) without rowid"
    )
    for article_id, text, map_json in db.execute("select id, text, offset_map from articles").fetchall():
        _units_with_stored_ids(db, article_id, unit_columns(text, OffsetMap.from_json(json.loads(map_json))))
    db.execute("drop index if exists idx_spans_category_id")
    db.execute("create index idx_spans_category_article on spans (category_id, article_id)")


def _units_with_stored_ids(db: Database, article_id: int, units: UnitColumns) -> None:
    """The units as m008 stored them: with each unit's id in a column of its own (m013 works it out instead)."""
    db.conn.executemany(
        "insert into units (article_id, start, end, original_start, original_end, chapter, clause, sentence, label)"
        " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        zip(repeat(article_id), *units, units.labels(article_id), strict=False),  # (repeat has no end)
    )


@migrations()
def m009_corpus_search(db: Database) -> None:
    """Finding passages across the corpus: a search index of every article's terms (built in the
    background for the articles already stored: they wait in ``search_pending``), the batches of
    spans that tagging search hits made (undone later, after the window was closed), and the
    analysts' decisions on suggestions, so that a rule that misleads can be switched off."""
    db.execute("create virtual table search_index using fts5(terms, content='', detail=none, tokenize='ascii')")
    # How many articles hold each term: a search asks the index for its rarest terms only.
    db.execute("create virtual table search_vocabulary using fts5vocab(search_index, 'row')")
    db.execute("create table search_pending (article_id integer primary key)")
    db.execute("insert into search_pending (article_id) select id from articles")
    db.execute(
        "create table batches (id integer primary key autoincrement, created_at text not null,"
        " annotator text not null default '', category_id text not null, description text not null,"
        " tagged integer not null default 0, skipped integer not null default 0,"
        " state text not null default 'done')"
    )
    db.execute(
        "create table batch_spans (batch_id integer not null references batches(id) on delete cascade,"
        " span_id integer not null, article_id integer not null, span text not null,"
        " removed integer not null default 0, primary key (batch_id, span_id)) without rowid"
    )
    db.execute(
        "create table suggestion_decisions (id integer primary key autoincrement, article_id integer not null,"
        " start integer not null, end integer not null, category_id text not null, source text not null,"
        " accepted integer not null, span_id integer, decided_at text not null)"
    )
    db.execute("create index idx_suggestion_decisions_article on suggestion_decisions (article_id, start)")
    db.execute("create table suggestion_sources_off (source text primary key)")


@migrations()
def m010_several_analysts(db: Database) -> None:
    """Several analysts on one corpus: each analyst's own status per article, the samples drawn for
    double coding, and the adjudicator's decisions on the passages two analysts coded differently."""
    db.execute(
        "create table analyst_status (article_id integer not null references articles(id) on delete cascade,"
        " annotator text not null, status text not null, primary key (article_id, annotator)) without rowid"
    )
    db.execute(
        "create table samples (name text primary key, seed integer not null, size integer not null,"
        " stratify text not null default '', created_at text not null)"
    )
    db.execute(
        "create table sample_articles (sample text not null references samples(name) on delete cascade,"
        " article_id integer not null references articles(id) on delete cascade,"
        " primary key (sample, article_id)) without rowid"
    )
    db.execute(
        "create table adjudications (first text not null, second text not null, key text not null,"
        " article_id integer not null references articles(id) on delete cascade, decision text not null,"
        " span_ids text not null default '[]', decided_at text not null,"
        " primary key (first, second, key)) without rowid"
    )


@migrations()
def m011_spans_by_analyst(db: Database) -> None:
    """Each analyst's span count per article from the index alone.

    The article list counts them for its rows after every tag; read from the table, an
    article of 2,000 spans cost a few milliseconds between the key press and the paint.
    """
    db.execute("create index idx_spans_article_annotator on spans (article_id, annotator)")


@migrations()
def m012_spans_by_layer(db: Database) -> None:
    """Every count of one layer (one analyst's spans, the consensus, the study layer) from an index alone.

    Reports, the codebook's counts and stats count one layer at a time; without this index each
    count read the whole table to find each span's analyst.
    """
    db.execute("create index idx_spans_layer_category on spans (annotator, category_id, article_id)")


# SQLite learned DROP COLUMN in 3.35; before it, m013 builds the table again (~4 times as long).
DROPS_COLUMNS = sqlite3.sqlite_version_info >= (3, 35, 0)


@migrations()
def m013_unit_ids_worked_out(db: Database) -> None:
    """A unit's id (``article-chapter-clause-sentence``) is worked out from its numbers when it is read
    (``store.units.unit_id``), not stored: writing it was a third of storing an article's ~180 units
    (0.07 of 0.22 ms), for a column that only repeats the others. A generated column in its place
    cost as much as the stored one (measured), so there is none."""
    if DROPS_COLUMNS:
        db.execute("alter table units drop column label")
        return
    db.execute(
        "create table units_rebuilt (article_id integer not null references articles(id) on delete cascade,"
        " start integer not null, end integer not null, original_start integer not null,"
        " original_end integer not null, chapter integer not null, clause integer not null,"
        " sentence integer not null, primary key (article_id, start)) without rowid"
    )
    numbers = "article_id, start, end, original_start, original_end, chapter, clause, sentence"
    db.execute(f"insert into units_rebuilt ({numbers}) select {numbers} from units")
    db.execute("drop table units")
    db.execute("alter table units_rebuilt rename to units")
