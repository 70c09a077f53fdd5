"""What every writer shares: the export options, spans as named records, the all-or-nothing file write."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.models import SpanFilter
from desktop.core.store import Store

# The fields of a span in every export, in the order CSV columns have them.
SPAN_FIELDS = (
    "span_id",
    "article_id",
    "article_title",
    "source_path",
    "category",
    "category_label",
    "category_path",
    "start",
    "end",
    "text",
    "original_start",
    "original_end",
    "original_text",
    "note",
    "annotator",
    "created_at",
    "updated_at",
)


@dataclass(frozen=True)
class ExportOptions:
    filters: SpanFilter = field(default_factory=SpanFilter)
    # The rest apply to the formats whose registry record lists them (CSV).
    context: int = 0
    with_status: bool = False
    with_metadata: bool = False
    # Guard cells a spreadsheet would run as formulas (OWASP); off writes them untouched.
    neutralise_formulas: bool = True
    # The workbook's report sheets: what the spans sheet holds, the whole corpus (in the same layers), or none.
    reports: str = "filtered"


REPORTS_FILTERED, REPORTS_CORPUS, REPORTS_NONE = "filtered", "corpus", "none"


# The stream is text, or bytes for a format whose only encoding is BINARY (a zip such as .qdpx).
Writer = Callable[[Store, Any, ExportOptions], int]
BINARY = "binary"


def span_records(store: Store, article_id: int, filters: SpanFilter) -> list[dict[str, Any]]:
    """The spans of one article that pass the filters, as dicts of SPAN_FIELDS."""
    rows = store.exports.span_rows(SPAN_FIELDS, filters, article_id=article_id)
    return [dict(zip(SPAN_FIELDS, row, strict=True)) for row in rows]


def flag_records(store: Store, article_id: int) -> list[dict[str, Any]]:
    """An article's import flags as the lossless formats carry them (JSONL, the .qdpx extra file)."""
    return [
        {
            "kind": f.kind.value,
            "original_start": f.original_start,
            "original_end": f.original_end,
            "start": f.start,
            "end": f.end,
            "excerpt": f.excerpt,
        }
        for f in store.articles.flags(article_id)
    ]


class Counted:
    """Passes rows through, counting them (keeps a fast path a single writerows call)."""

    def __init__(self, rows: Iterator[Any]) -> None:
        self._rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[Any]:
        for row in self._rows:
            self.count += 1
            yield row


def _mode_for(path: Path) -> int:
    """The permissions the export gets: those of the file it replaces, else what the umask allows."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_to_path(writer: Writer, store: Store, path: Path, options: ExportOptions, encoding: str) -> int:
    """Write an export to ``path``; the file appears only once it is complete.

    Only a regular file is ever replaced: a link, a pipe, a device or a folder at ``path`` is
    refused (OSError naming the reason), because the rename would put a file in its place; so is
    the database itself and SQLite's files beside it. Every OSError names ``path``.
    """
    if store.owns_file(path):
        raise OSError(errno.EEXIST, "is the database itself (or one of SQLite's files); choose another name", str(path))
    try:
        kind = path.lstat().st_mode
    except FileNotFoundError:
        kind = None
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    if kind is not None and not stat.S_ISREG(kind):
        raise OSError(
            errno.EEXIST, "is not a regular file (a link, pipe, device or folder); choose another name", str(path)
        )
    if not path.parent.is_dir():
        raise OSError(errno.ENOENT, "its folder does not exist", str(path))
    mode = _mode_for(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    try:
        if encoding == BINARY:
            with os.fdopen(handle, "wb") as binary:
                count = writer(store, binary, options)
        else:
            with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
                count = writer(store, stream, options)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        # A full disk or a lost folder while writing: named by the file asked for, not the temporary one.
        raise OSError(error.errno, error.strerror, str(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return count
