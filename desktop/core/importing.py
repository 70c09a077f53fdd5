"""Article files -> stored articles, one outcome per file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop.core.models import NewArticle
from desktop.core.store import Store
from desktop.core.text.cleaning import DEFAULT_RULES
from desktop.core.text.convert import converter_info
from desktop.core.text.pipeline import PIPELINE_VERSION, process, sha256
from desktop.core.text.reading import ReadError, find_article_files, read_article

BATCH_SIZE = 64


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
) -> NewArticle:
    """Run the pipeline over one original text and package the result for the store."""
    processed = process(original, rules)
    info = converter_info()
    return NewArticle(
        title=processed.title,
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
    )


def import_paths(
    store: Store,
    paths: Iterable[Path],
    rules: Sequence[str] = DEFAULT_RULES,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[ImportOutcome]:
    """Import files and folders; yields each outcome once it is final (stored, skipped or failed).

    Articles are written in small batches, each in one transaction, so that memory
    stays flat and an interruption leaves only whole articles behind.
    """
    # Outcomes wait here, in file order, until the articles among them are committed.
    queue: list[ImportOutcome | tuple[str, NewArticle]] = []
    pending_hashes: dict[str, str] = {}

    def flush() -> Iterator[ImportOutcome]:
        articles = [item[1] for item in queue if isinstance(item, tuple)]
        ids = iter(store.articles.add(articles)) if articles else iter(())
        for item in queue:
            if isinstance(item, tuple):
                yield ImportOutcome(item[0], Result.IMPORTED, article_id=next(ids))
            else:
                yield item
        queue.clear()
        pending_hashes.clear()

    for found in find_article_files(paths):
        if cancelled():
            break
        path = str(found.path)
        if found.problem:
            queue.append(ImportOutcome(path, Result.FAILED, found.problem))
            continue
        try:
            decoded = read_article(found.path)
            digest = sha256(decoded.text)
            existing = store.articles.id_for_sha256(digest)
            if existing is not None:
                queue.append(ImportOutcome(path, Result.DUPLICATE, f"same text as article {existing}", existing))
                continue
            if digest in pending_hashes:
                queue.append(ImportOutcome(path, Result.DUPLICATE, f"same text as {pending_hashes[digest]}"))
                continue
            article = prepare_article(decoded.text, path, decoded.encoding, rules, digest)
        except ReadError as error:
            queue.append(ImportOutcome(path, Result.FAILED, str(error)))
            continue
        except Exception as error:
            queue.append(ImportOutcome(path, Result.FAILED, f"could not process: {type(error).__name__}: {error}"))
            continue
        queue.append((path, article))
        pending_hashes[digest] = path
        if len(pending_hashes) >= BATCH_SIZE:
            yield from flush()
    yield from flush()
