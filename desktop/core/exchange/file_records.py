"""Which exchange format a file is in, and its records as they are read."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import suppress
from itertools import chain
from pathlib import Path
from typing import IO

from desktop.core.exchange.formats import BytesReader, detect, detect_bytes
from desktop.core.exchange.incoming import OWN_FILE, FormatError, IncomingRecord, read_incoming
from desktop.core.exchange.line_files import streamed_lines
from desktop.core.store import Store
from desktop.core.text.reading import ReadError, decode

_SCAN_CHUNK = 1024 * 1024


def read_records(store: Store, path: Path, annotator: str) -> tuple[str, Iterator[IncomingRecord]]:
    """The file's format and its records, each checked before it is stored.

    A format of one record per line (``read_lines``) gives its records as the file's lines are read
    (``line_files``), and a .qdpx project once its ``project.qde`` has been read through; any other is
    read and checked whole first, since it could still turn out broken at its end. The file's bytes
    are let go once decoded: held through the import, they and every record at once made a large
    file's import slower as it went.
    """
    if store.owns_file(path):
        raise ReadError(OWN_FILE)
    lines = streamed_lines(path)
    if lines is not None:
        with suppress(FormatError):  # (read whole below, which names what is wrong)
            fmt = detect(lines.head)
            if fmt.read_lines is not None and (fmt.utf8_by_definition or _utf8_throughout(path)):
                return fmt.name, fmt.read_lines(lines, annotator)
        lines.close()
    opened = _opened_binary(path)
    if opened is not None:
        name, reader, stream = opened
        # Read from the file as records are made (a project is not held in memory). Whatever refuses
        # the file is checked before its first record.
        records = reader(stream, annotator)
        try:
            first = next(records)
        except BaseException:
            stream.close()  # (the reader's own close, when it got as far as opening it)
            raise
        return name, chain([first], records)
    data = read_incoming(store, path)
    text = decode(data, separators_too=False).text
    del data
    fmt = detect(text)
    return fmt.name, iter(list(fmt.read(text, annotator)))


def _utf8_throughout(path: Path) -> bool:
    """Whether the whole file decodes as UTF-8, read a megabyte at a time (~1 GB/s): a file whose start
    is UTF-8 can still be GB18030 further on, and is then read whole to work out its encoding."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(_SCAN_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, OSError):
        return False
    return True


def _opened_binary(path: Path) -> tuple[str, BytesReader, IO[bytes]] | None:
    """The file open at its start, with the binary format its first bytes announce; None for text."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 (the reader closes it once its records are read)
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    try:
        found = detect_bytes(stream.read(8))
        stream.seek(0)
    except OSError:
        found = None
    if found is None or found.read_bytes is None:
        stream.close()
        return None
    return found.name, found.read_bytes, stream
