"""import-annotations: attach spans from another tool or another analyst to the store.

A record whose text equals an article's Simplified or original text attaches to that
article; otherwise the text becomes a new article. Spans are checked against the
quoted text where the format carries it; a span already there (same article, offsets,
category and annotator) is not added twice, so an import can be run again safely. Each
record is written in one transaction; bad records are reported by line and skipped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from desktop.core.coding.importing import prepare_article
from desktop.core.collector import collector_paused
from desktop.core.colours import ColourPicker
from desktop.core.document import Document
from desktop.core.exchange.codebook_merge import merge_codes
from desktop.core.exchange.derived_rows import Derived, carries_map, with_derived
from desktop.core.exchange.file_records import read_records
from desktop.core.exchange.import_report import ImportReport, SkipRecord
from desktop.core.exchange.incoming import FormatError, IncomingRecord, IncomingSpan
from desktop.core.exchange.positions import utf16_fixed
from desktop.core.models import Script, Span
from desktop.core.offsets import OffsetMap, OffsetMapError
from desktop.core.store import STORE_FAILURES, Conflict, Store, StoreError, explain
from desktop.core.text.pipeline import sha256
from desktop.core.text.reading import ReadError

# (undo steps, spans imported, spans present, codes created, skipped, articles to index): lengths and
# counts only, so that taking a snapshot per record costs the same however many came before.
Snapshot = tuple[int, int, int, int, int, int]
# Records stored per commit: a batch reported as imported is on disk; a failure stops the import
# with the batches before it stored and this one not.
BATCH_RECORDS = 200


class _Importer:
    def __init__(self, store: Store, annotator: str, report: ImportReport, take_theirs: bool = False) -> None:
        self.store = store
        self.annotator = annotator
        self.take_theirs = take_theirs
        self.report = report
        self.categories = store.categories.ids()
        # A code of the file's codebook -> the category it became here (merged by id, guid or path).
        self.category_ids: dict[str, str] = {}
        self._documents: dict[int, Document] = {}
        self._colours: ColourPicker | None = None
        # Titles -> article ids, read once when a CSV row's article id does not fit its quote.
        self._titled: dict[str, list[int]] | None = None
        # Articles restored in this batch, (id, title, text, terms), indexed together at its end
        # (see ArticleTable.add); a record rolled back takes its article out again (take_back).
        self.unindexed: list[tuple[int, str, str, str]] = []
        # How to undo each addition to the report's sets and the known codes, in order (take_back).
        self._undo: list[Callable[[], None]] = []

    def _note(self, found: set[Any], item: Any) -> None:
        """Add to one of the sets a rollback must restore."""
        if item not in found:
            found.add(item)
            self._undo.append(partial(found.discard, item))

    def forget_documents(self) -> None:
        """Drop the documents read so far (after a batch): memory stays flat over a long file."""
        self._documents.clear()

    def document(self, article_id: int) -> Document:
        if article_id not in self._documents:
            self._documents[article_id] = self.store.document(article_id)
        return self._documents[article_id]

    # articles ---------------------------------------------------------------------------

    def article_for_text(self, text: str, title: str | None) -> tuple[int, Script]:
        """(article id, which text the offsets count in), creating the article when none matches."""
        found = self.store.articles.find_by_digest(sha256(text))
        if found is not None:
            self._note(self.report.attached, found[0])
            return found
        # A text from another tool is what its annotators saw: convert it, but clean nothing.
        new = prepare_article(text, "", "utf-8", rules=())
        if title:
            new = replace(new, title=title)
        [article_id] = self.store.articles.add([new])
        self._note(self.report.created, article_id)
        return article_id, Script.ORIGINAL

    def article_from_record(self, data: dict, derived: Derived | None = None) -> int:
        original = data["original_text"]
        digest = sha256(original)
        existing = self.store.articles.id_for_sha256(digest)
        if existing is not None:
            self._note(self.report.attached, existing)
            return existing
        if "offset_map" in data:
            try:
                stored = data["offset_map"]
                if derived is None:  # (units worked out from the map mean it was read, and checked, already)
                    OffsetMap.from_json(stored)
                lengths = (int(stored["original_length"]), int(stored["text_length"]))
                consistent = lengths == (len(original), len(data["text"]))
            except (OffsetMapError, KeyError, TypeError, ValueError):
                consistent = False
            if not consistent:
                raise SkipRecord("its offset map does not fit its texts")
            # As rows, not Flag objects: their fields were checked with the record (ours_jsonl.checked_article).
            flags = [
                (
                    f["kind"],
                    f["original_start"],
                    f["original_end"],
                    f.get("start", -1),
                    f.get("end", -1),
                    f.get("excerpt", ""),
                )
                for f in data.get("flags", [])
            ]
            record = {
                "id": data.get("article_id"),
                "title": data.get("title") or "",
                "original_title": data.get("original_title") or data.get("title") or "",
                "original_text": original,
                "text": data["text"],
                "offset_map": json.dumps(data["offset_map"], separators=(",", ":")),
                "sha256": digest,
                "text_sha256": sha256(data["text"]),
                "encoding": data.get("encoding") or "",
                "converter": data.get("converter") or "",
                "converter_version": data.get("converter_version") or "",
                "pipeline_version": data.get("pipeline_version") or 0,
                "rules": json.dumps(data.get("rules") or []),
                "source_path": data.get("source_path") or "",
                "imported_at": data.get("imported_at") or "",
                "status": data.get("status") or "todo",
                "note": data.get("note") or "",
                "metadata": data.get("metadata") or {},
            }
            units, terms = derived or (None, "")
            article_id = self.store.articles.restore(record, flags, units, terms, index=False)
            self.unindexed.append((article_id, record["title"], record["text"], terms))
        else:
            [article_id] = self.store.articles.add([prepare_article(original, data.get("source_path") or "", "utf-8")])
        self._note(self.report.created, article_id)
        return article_id

    def article_for_csv(self, record: IncomingRecord, span: IncomingSpan) -> int:
        """The article a CSV row names, checked by its quote; else one with the same title and quote."""
        tried: set[int] = set()
        for article_id in self._named_by(record):
            if article_id in tried:
                continue
            tried.add(article_id)
            try:
                text = self.document(article_id).article.text  # type: ignore[arg-type]
            except StoreError:
                continue
            if 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.quote:
                self._note(self.report.attached, article_id)
                return article_id  # type: ignore[return-value]
        raise SkipRecord(f"no article here has “{span.quote}” at {span.start}:{span.end}")

    def _named_by(self, record: IncomingRecord) -> Iterator[int]:
        """The article a row's id names, then those with its title (looked up only when needed)."""
        if record.article_id is not None:
            yield record.article_id
        if record.title:
            if self._titled is None:
                # (a CSV only attaches spans: no article it adds can be missing from this)
                self._titled = self.store.articles.ids_by_title()
            yield from self._titled.get(record.title, [])

    # spans ------------------------------------------------------------------------------

    def category(self, category_id: str) -> str:
        if category_id not in self.categories:
            if self._colours is None:
                self._colours = ColourPicker(category.colour for category in self.store.categories.all())
            self.store.categories.add(category_id, colour=self._colours.next())
            self._note(self.categories, category_id)
            self.report.categories_created.append(category_id)
        return category_id

    def span(self, document: Document, incoming: IncomingSpan, coordinates: Script, source_text: str | None) -> Span:
        start, end = incoming.start, incoming.end
        if source_text is not None and incoming.quote is not None and incoming.maybe_utf16:
            start, end = utf16_fixed(source_text, start, end, incoming.quote)
        article = document.article
        if coordinates is Script.ORIGINAL:
            if not 0 <= start < end <= len(article.original_text):
                raise SkipRecord(f"offsets {start}:{end} outside the text (length {len(article.original_text)})")
            if incoming.quote is not None and article.original_text[start:end] != incoming.quote:
                raise SkipRecord(f"the quoted text does not match the text at {start}:{end}")
            start, end = document.text_range_of_original(start, end)
            if start >= end:
                raise SkipRecord("the span lies in text removed from the Simplified version")
        else:
            if not 0 <= start < end <= len(article.text):
                raise SkipRecord(f"offsets {start}:{end} outside the text (length {len(article.text)})")
            if incoming.quote is not None and article.text[start:end] != incoming.quote:
                raise SkipRecord(f"the quoted text does not match the text at {start}:{end}")
        category = self.category_ids.get(incoming.category, incoming.category)
        span = document.span_at(start, end, category, incoming.annotator or self.annotator, incoming.note)
        if (
            incoming.original_quote is not None
            and coordinates is Script.SIMPLIFIED
            and span.original_text != incoming.original_quote
        ):
            raise SkipRecord(f"the quoted original text does not match the original at {span.original_start}")
        return span._replace(created_at=incoming.created_at, updated_at=incoming.updated_at)

    def add(self, span: Span, wanted_id: int | None) -> None:
        if self.store.spans.duplicate_of(span) is not None:
            self.report.spans_present += 1
            return
        self.category(span.category_id)
        try:
            # The insert itself refuses an id that is taken here; the span then comes in under a new one.
            self.store.spans.insert(span._replace(id=wanted_id))
        except Conflict:
            self.store.spans.insert(span._replace(id=None))
        self.report.spans_imported += 1

    # records ----------------------------------------------------------------------------

    def import_codes(self, record: IncomingRecord) -> None:
        codebook = merge_codes(self.store, record.codes, take_theirs=self.take_theirs)
        self.report.codebook = codebook
        self.category_ids.update(codebook.mapping)
        before, self.categories = self.categories, self.store.categories.ids()
        self._undo.append(partial(setattr, self, "categories", before))

    def import_record(self, record: IncomingRecord, derived: Derived | None = None) -> None:
        self.report.skipped.extend(record.problems)
        self.report.notices.extend(record.notices)
        if record.codes:
            self.import_codes(record)
            return
        if not record.spans and record.article is None and record.text is None:
            return
        # What the report said before this record: a record rolled back takes its counts back with it.
        before = self.snapshot()
        try:
            with self.store.transaction():
                self._import_record(record, derived)
        except SkipRecord as reason:
            self.take_back(before)
            self.report.skipped.append((record.line, str(reason)))
        except (KeyError, TypeError, ValueError, OffsetMapError) as error:
            # A shape the format's checks let through: this record is left out, the rest go on.
            self.take_back(before)
            self.report.skipped.append((record.line, f"malformed record ({error})"))
        # A store failure goes up to the batch, which takes back the counts of all its records.

    def snapshot(self) -> Snapshot:
        """What the report (and the list of articles to index) says now, to take back to when what
        follows is rolled back."""
        return (
            len(self._undo),
            self.report.spans_imported,
            self.report.spans_present,
            len(self.report.categories_created),
            len(self.report.skipped),
            len(self.unindexed),
        )

    def take_back(self, before: Snapshot) -> None:
        undo, imported, present, categories_created, skipped, unindexed = before
        while len(self._undo) > undo:
            self._undo.pop()()
        self.report.spans_imported, self.report.spans_present = imported, present
        del self.report.categories_created[categories_created:]
        del self.report.skipped[skipped:]
        del self.unindexed[unindexed:]
        # A document read since may be of an article that is no longer there.
        self._documents.clear()

    def _import_record(self, record: IncomingRecord, derived: Derived | None) -> None:
        """By what the record carries: a whole article, a text with spans, or spans naming their article."""
        if record.article is not None:
            article_id = self.article_from_record(record.article, derived)
            if record.spans:  # (an article without spans is not read back)
                document = self.document(article_id)
                same_text = document.article.text == record.article["text"]
                for incoming in record.spans:
                    self._add_one(document, incoming, same_text)
            return
        if record.text is not None:
            article_id, coordinates = self.article_for_text(record.text, record.title)
            document = self.document(article_id)
            for incoming in record.spans:
                try:
                    self.add(self.span(document, incoming, coordinates, record.text), None)
                except SkipRecord as reason:
                    self.report.skipped.append((incoming.line, str(reason)))
            return
        incoming = record.spans[0]
        article_id = self.article_for_csv(record, incoming)
        self._add_one(self.document(article_id), incoming, True)

    def _add_one(self, document: Document, incoming: IncomingSpan, same_text: bool) -> None:
        """Our own formats: offsets in the Simplified text, or through the original when that text differs."""
        try:
            if same_text:
                span = self.span(document, incoming, Script.SIMPLIFIED, None)
            else:
                if incoming.original_start is None or incoming.original_end is None:
                    raise SkipRecord("the article's Simplified text differs and the row has no original offsets")
                moved = IncomingSpan(
                    **{
                        **incoming.__dict__,
                        "start": incoming.original_start,
                        "end": incoming.original_end,
                        "quote": incoming.original_quote,
                    }
                )
                span = self.span(document, moved, Script.ORIGINAL, None)
            self.add(span, incoming.span_id)
        except SkipRecord as reason:
            self.report.skipped.append((incoming.line, str(reason)))


def import_annotations(
    store: Store,
    path: Path,
    annotator: str,
    take_theirs: bool = False,
    workers: int = 1,
    progress: Callable[[int], object] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Read an annotation file of any supported format into the store (``take_theirs``: the file's
    codebook colours replace ours). With ``workers`` > 1, processed articles' coding units and
    search-index terms are worked out in worker processes while this one stores.

    ``progress`` is told the last line of each batch once it is stored; ``cancelled`` is asked
    before each batch, and a Yes stops the import there with the batches before it stored.
    """
    report = ImportReport()
    try:
        report.format_name, records = read_records(store, path, annotator)
    except (ReadError, FormatError) as error:
        report.failed = f"{path}: {error}"
        return report
    importer = _Importer(store, annotator, report, take_theirs)
    for_writer, derived = with_derived(records, workers)
    try:
        with store.savepoint_journals_in_memory():
            _store_in_batches(store, importer, for_writer, derived, progress, cancelled)
    finally:
        derived.close()  # a stop before the end: the workers' pending chunks are cancelled
    return report


def _store_in_batches(
    store: Store,
    importer: _Importer,
    records: Iterator[IncomingRecord],
    derived: Iterator[Derived | None],
    progress: Callable[[int], object] | None,
    cancelled: Callable[[], bool],
) -> None:
    report = importer.report
    while batch := list(islice(records, BATCH_RECORDS)):
        if cancelled():
            report.cancelled_at = batch[0].line
            break
        before = importer.snapshot()
        try:
            # One commit per batch (a full-sync commit per record was half the time of an import);
            # each record is a savepoint inside it, so a record that fails its checks leaves alone.
            # A batch's records, maps and units are many small objects and no cycles (see collector).
            with collector_paused(), store.transaction():
                for record in batch:
                    importer.import_record(record, next(derived, None) if carries_map(record) else None)
                store.search.add(importer.unindexed)
            importer.unindexed.clear()
            importer.forget_documents()
            if progress is not None:
                progress(batch[-1].line)
        except STORE_FAILURES as error:
            # Batches stored so far stay and are counted below; this batch is not stored at all.
            importer.take_back(before)
            report.failed = (
                f"stopped in lines {batch[0].line}–{batch[-1].line}: those records were not stored, the ones"
                f" before them were (counted below): {explain(error, store.path)}"
            )
            break
