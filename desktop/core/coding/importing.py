"""Article files -> stored articles, one outcome per file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path

from desktop.core.coding.in_workers import in_order
from desktop.core.collector import collector_paused
from desktop.core.models import NewArticle
from desktop.core.search_terms import document_terms
from desktop.core.store import Store
from desktop.core.store.articles import map_json
from desktop.core.text.cleaning import DEFAULT_RULES, check_rules
from desktop.core.text.convert import DEFAULT_CONVERTER, converter_info
from desktop.core.text.pipeline import PIPELINE_VERSION, process, sha256
from desktop.core.text.reading import MAX_ARTICLE_BYTES, ReadError, find_article_files, read_article, shown_path
from desktop.core.units import unit_columns

BATCH_SIZE = 64
# Files per task sent to a worker process.
_CHUNK_FILES = 16


class Result(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class ImportOutcome:
    path: str
    result: Result
    detail: str = ""
    article_id: int | None = None


def prepare_article(
    original: str,
    source_path: str,
    encoding: str,
    rules: Sequence[str] = DEFAULT_RULES,
    digest: str | None = None,
    converter: str = DEFAULT_CONVERTER,
) -> NewArticle:
    """Run the pipeline over one original text and package the result for the store."""
    processed = process(original, rules, converter)
    info = converter_info(converter)
    # Worked out here, in the worker process when there are several: the writer only inserts.
    return NewArticle(
        title=processed.title,
        original_title=processed.original_title,
        original_text=original,
        text=processed.text,
        offset_map=processed.offset_map,
        sha256=digest or sha256(original),
        text_sha256=sha256(processed.text),
        encoding=encoding,
        converter=info.name,
        converter_version=info.version,
        pipeline_version=PIPELINE_VERSION,
        rules=processed.rules,
        source_path=source_path,
        flags=processed.flags,
        metadata=processed.metadata,
        units=unit_columns(processed.text, processed.offset_map),
        index_terms=document_terms(processed.title, processed.text),
        map_json=map_json(processed.offset_map),
    )


@dataclass(frozen=True)
class _Prepared:
    """What a worker made of one file: an article ready to store, or why not."""

    path: str
    digest: str = ""
    article: NewArticle | None = None
    problem: str = ""
    note: str = ""


RAISE_LIMIT = "import it with --max-size MB to raise the limit"
# Found files as workers get them: (path, problem found already, size limit in bytes).
Found = tuple[str, str | None, int]


def _prepare_file(found: Found, rules: tuple[str, ...], converter: str) -> _Prepared:
    path, problem, limit = found
    # A name that is not UTF-8 is read by its bytes, and stored and reported with them shown escaped.
    shown = shown_path(path)
    if problem:
        return _Prepared(shown, problem=problem)
    try:
        decoded = read_article(Path(path), limit, RAISE_LIMIT)
        digest = sha256(decoded.text)
        article = prepare_article(decoded.text, shown, decoded.encoding, rules, digest, converter)
    except ReadError as error:
        return _Prepared(shown, problem=str(error))
    except Exception as error:
        return _Prepared(shown, problem=f"could not process: {type(error).__name__}: {error}")
    note = "its name is not UTF-8: kept with those bytes shown as \\x.." if shown != path else ""
    return _Prepared(shown, digest, article.without_map(), note=note)


def _prepare_chunk(chunk: list[Found], rules: tuple[str, ...], converter: str) -> list[_Prepared]:
    # (In a worker process: see import_paths on the collector.)
    with collector_paused():
        return [_prepare_file(found, rules, converter) for found in chunk]


def _prepared_in_order(
    paths: Iterator[Found],
    rules: tuple[str, ...],
    converter: str,
    workers: int,
    cancelled: Callable[[], bool],
) -> Iterator[_Prepared]:
    """Each file prepared, in file order; by a pool of worker processes when ``workers`` > 1."""
    # One file at a time in this process: a cancel is seen between any two files.
    chunk = _CHUNK_FILES if workers > 1 else 1
    yield from in_order(paths, partial(_prepare_chunk, rules=rules, converter=converter), workers, chunk, cancelled)


def import_paths(
    store: Store,
    paths: Iterable[Path],
    rules: Sequence[str] = DEFAULT_RULES,
    cancelled: Callable[[], bool] = lambda: False,
    converter: str = DEFAULT_CONVERTER,
    workers: int = 1,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[ImportOutcome]:
    """Import files and folders; yields each outcome once it is final (stored, skipped or failed).

    Worker processes read, decode, clean, convert and map (``workers``; 1 works in this
    process); this process alone writes, in small batches, each in one transaction, so
    that memory stays flat and an interruption leaves only whole articles behind.
    """
    rules = check_rules(rules)
    converter_info(converter)  # an unknown converter fails here, before any file is read
    # Outcomes wait here, in file order, until the articles among them are committed.
    queue: list[ImportOutcome | tuple[str, NewArticle, str]] = []
    pending_hashes: dict[str, str] = {}

    def stored_batch() -> list[ImportOutcome]:
        articles = [item[1] for item in queue if isinstance(item, tuple)]
        ids = iter(store.articles.add(articles)) if articles else iter(())
        outcomes = [
            ImportOutcome(item[0], Result.IMPORTED, item[2], article_id=next(ids)) if isinstance(item, tuple) else item
            for item in queue
        ]
        queue.clear()
        pending_hashes.clear()
        return outcomes

    def next_batch(prepared: Iterator[_Prepared]) -> bool:
        """Queue prepared files until a batch is full; False when there are no more."""
        for item in prepared:
            if cancelled():
                return False
            if item.problem or item.article is None:
                queue.append(ImportOutcome(item.path, Result.FAILED, item.problem))
                continue
            existing = store.articles.id_for_sha256(item.digest)
            if existing is not None:
                queue.append(ImportOutcome(item.path, Result.DUPLICATE, f"same text as article {existing}", existing))
                continue
            if item.digest in pending_hashes:
                queue.append(ImportOutcome(item.path, Result.DUPLICATE, f"same text as {pending_hashes[item.digest]}"))
                continue
            queue.append((item.path, item.article, item.note))
            pending_hashes[item.digest] = item.path
            if len(pending_hashes) >= BATCH_SIZE:
                return True
        return False

    own_files = store.own_files()
    found = (
        (
            str(f.path),
            f.problem or ("is the database being imported into" if f.path in own_files else None),
            max_bytes,
        )
        for f in find_article_files(paths)
    )
    prepared = _prepared_in_order(found, rules, converter, workers, cancelled)
    more = True
    while more:
        # A batch's articles, units, maps and terms are thousands of small objects and no cycles:
        # the cycle collector walking them as they piled up was 5-7% of an import. It runs again
        # before the outcomes go to the caller.
        with collector_paused():
            more = next_batch(prepared)
            outcomes = stored_batch()
        yield from outcomes
