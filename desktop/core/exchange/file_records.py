"""Which exchange format a file is in, and its records as they are read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

from desktop.core.exchange.formats import detect, detect_bytes
from desktop.core.exchange.incoming import OWN_FILE, FormatError, IncomingRecord, read_incoming
from desktop.core.exchange.line_files import streamed_lines
from desktop.core.store import Store
from desktop.core.text.reading import ReadError, decode


def read_records(store: Store, path: Path, annotator: str) -> tuple[str, Iterator[IncomingRecord]]:
    """The file's format and its records, each checked before it is stored.

    A format of one record per line (``read_lines``) gives its records as the file's lines are read
    (``line_files``); any other is read and checked whole first, since it could still turn out
    broken at its end. The file's bytes are let go once decoded: held through the import, they and
    every record at once made a large file's import slower as it went.
    """
    if store.owns_file(path):
        raise ReadError(OWN_FILE)
    lines = streamed_lines(path)
    if lines is not None:
        with suppress(FormatError):  # (read whole below, which names what is wrong)
            fmt = detect(lines.head)
            if fmt.read_lines is not None:
                return fmt.name, fmt.read_lines(lines, annotator)
        lines.close()
    data = read_incoming(store, path)
    binary = detect_bytes(data[:8])
    if binary is not None and binary.read_bytes is not None:
        return binary.name, iter(list(binary.read_bytes(data, annotator)))
    text = decode(data, separators_too=False).text
    del data
    fmt = detect(text)
    return fmt.name, iter(list(fmt.read(text, annotator)))
