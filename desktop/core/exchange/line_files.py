"""The lines of a JSON Lines file, read from disk as they are used: memory stays flat however large
the file, and a file is not bounded by what could be held whole.

Read whole, a 10,000-article export (~320 MB) was held as bytes and then as text, and decoding and
checking that text was ~9% of importing it. JSON Lines are UTF-8 by definition, so the first
megabyte (to the end of its last line) is decoded to tell the format, and the lines are decoded
one at a time after it. A file whose start is not plain UTF-8 lines (another byte order mark, NUL
or control bytes, a bare CR line end, bytes that are not UTF-8) is left to be read whole, as any
other exchange file is: its encoding is then worked out from all of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from desktop.core.text.reading import (
    MAX_EXCHANGE_BYTES,
    ReadError,
    declared_encoding,
    looks_binary,
    megabytes,
    regular_file_size,
)

HEAD_BYTES = 1024 * 1024
_SKIP_CHUNK = 1024 * 1024


class UndecodedLine(NamedTuple):
    """A line that could not be read: why, for the import report (the lines after it are read on)."""

    reason: str


Line = str | UndecodedLine


def text_lines(text: str) -> Iterator[str]:
    """The lines of a text one at a time: a processed article's line is ~40 kB, and a list of every
    line beside the text was as large as the file again."""
    position = 0
    while position <= len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        yield text[position:end]
        position = end + 1


class LinesOfFile:
    """A file's lines, read as they are iterated (once); ``head``: its first lines as text, to detect
    its format by; ``close``: the file is not read after all."""

    def __init__(self, head: str, stream: BinaryIO) -> None:
        self.head = head
        self._stream = stream

    def __iter__(self) -> Iterator[Line]:
        return _lines(self.head, self._stream)

    def close(self) -> None:
        self._stream.close()


def streamed_lines(path: Path) -> LinesOfFile | None:
    """The file's lines as they are read, or None when it must be read whole (see the module's docstring).

    Raises ReadError for what is not a regular file, or a file that cannot be opened.
    """
    regular_file_size(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed once its lines are read, or by LinesOfFile.close)
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    try:
        head = stream.read(HEAD_BYTES) + stream.readline(MAX_EXCHANGE_BYTES)
        # A head that stops mid-line stops at the end of the file, or at a line past the limit.
        text = _plain_utf8(head) if head.endswith(b"\n") or not stream.read(1) else None
    except OSError:
        text = None
    if text is None:
        stream.close()
        return None
    return LinesOfFile(text, stream)


def _plain_utf8(head: bytes) -> str | None:
    encoding = declared_encoding(head)
    if encoding not in (None, "utf-8-sig") or b"\x00" in head or not head.strip():
        return None
    if b"\r" in head.replace(b"\r\n", b""):
        return None
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return None if looks_binary(text) else text


def _lines(head: str, stream: BinaryIO) -> Iterator[Line]:
    with stream:
        ends_in_line = not head.endswith("\n")
        pieces = head.split("\n")
        yield from (piece.removesuffix("\r") for piece in (pieces if ends_in_line else pieces[:-1]))
        if ends_in_line:
            return  # the head ran to the end of the file
        while True:
            try:
                raw = stream.readline(MAX_EXCHANGE_BYTES + 1)
                if not raw:
                    return
                if len(raw) > MAX_EXCHANGE_BYTES:
                    _skip_rest_of_line(stream)
                    yield UndecodedLine(f"longer than the limit of {megabytes(MAX_EXCHANGE_BYTES)}: not read")
                    continue
            except OSError as error:
                yield UndecodedLine(f"the file could not be read from here on ({error.strerror or error})")
                return
            yield _decoded(raw.removesuffix(b"\n").removesuffix(b"\r"))


def _decoded(raw: bytes) -> Line:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return UndecodedLine(f"not UTF-8 at byte {error.start + 1} of the line")


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while (chunk := stream.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
        pass
