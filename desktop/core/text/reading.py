"""Bytes on disk to article text: encoding detection and newline normalisation."""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md")
# An article file past this is not a news page (a crawled page is well under 1 MB); --max-size raises it.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024
# An annotation, codebook or metadata file (a whole corpus as JSONL can be large) is read whole: past this it is not.
MAX_EXCHANGE_BYTES = 1024 * 1024 * 1024
_MIB = 1024 * 1024
# Chinese web text comes in these; anything else is more likely a wrong guess than a real encoding.
_LEGACY_CANDIDATES = ("gb18030", "big5")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that do not occur in text files; their presence means binary data.
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_NEWLINES = re.compile("\r\n|[\r\u2028\u2029]")
_LINE_ENDS = re.compile("\r\n?")


class ReadError(Exception):
    """A file that cannot become an article; the message is the reason, for the user."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def normalise_newlines(text: str) -> str:
    """``\\r\\n``, ``\\r``, U+2028 and U+2029 become ``\\n`` (Qt would treat each as a block break)."""
    return _NEWLINES.sub("\n", text) if ("\r" in text or "\u2028" in text or "\u2029" in text) else text


def normalise_line_ends(text: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n``; U+2028 and U+2029 stay (see ``decode``)."""
    return _LINE_ENDS.sub("\n", text) if "\r" in text else text


def looks_binary(text: str) -> bool:
    return _BINARY_CONTROLS.search(text) is not None


def declared_encoding(data: bytes) -> str | None:
    """The encoding the byte order mark at the start of ``data`` names, if it has one."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _detect_legacy(data: bytes) -> str:
    decodable = []
    for encoding in _LEGACY_CANDIDATES:
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        decodable.append(encoding)
    if not decodable:
        raise ReadError("cannot decode: the bytes are not valid UTF-8, UTF-16, GB18030/GBK or Big5")
    if len(decodable) == 1:
        return decodable[0]
    import charset_normalizer  # only for files no declared or tried encoding decodes

    best = charset_normalizer.from_bytes(data, cp_isolation=list(_LEGACY_CANDIDATES)).best()
    if best is not None and best.encoding in _LEGACY_CANDIDATES:
        return best.encoding
    return decodable[0]


def decode(data: bytes, separators_too: bool = True) -> DecodedText:
    """Decode the bytes of an article file, newlines normalised to ``\\n``.

    ``separators_too=False`` (an exchange file: JSON, CSV) leaves U+2028 and U+2029 as they are:
    there they are characters of a value, and a JSON string holds them unescaped. Made ``\\n``,
    they split a note's JSON line in two, and its whole record was refused on the way back in.
    """
    encoding = declared_encoding(data)
    if encoding is None:
        if b"\x00" in data:
            raise ReadError("binary file: it contains NUL bytes and no UTF-16 byte order mark")
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = _detect_legacy(data)
            text = data.decode(encoding)
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise ReadError(f"cannot decode as {encoding} despite its byte order mark: {error.reason}") from None
    if looks_binary(text):
        raise ReadError("binary file: it contains control characters that text does not have")
    text = normalise_newlines(text) if separators_too else normalise_line_ends(text)
    if not text or text.isspace():  # (strip would copy a large file's text to find out)
        raise ReadError("empty file: no text in it")
    return DecodedText(text, encoding)


def shown_path(path: str | Path) -> str:
    """A path as text that can be printed and stored: bytes of a name that are not UTF-8 shown as ``\\xe9``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def megabytes(size: int) -> str:
    return f"{size / _MIB:.1f} MB" if size < 10 * _MIB else f"{size // _MIB} MB"


def regular_file_size(path: Path) -> int:
    """The size of a regular file; ReadError for a folder, a pipe, a device or a socket (reading one
    may never end), or a file that is not there."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError("is not a regular file (a pipe, device or socket); only files are read")
    return info.st_size


_GROWTH_PIECE = 1024 * 1024


def read_limited(path: Path, limit: int, raise_it: str = "") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ReadError naming the reason otherwise.

    A pipe, device or socket is refused before it is opened (reading one may never end), and a
    file is never read past the limit, even one that grows while it is read.
    """
    size = regular_file_size(path)
    too_large = f"is over the limit of {megabytes(limit)}" + (f" ({raise_it})" if raise_it else "")
    if size > limit:
        raise ReadError(f"is {megabytes(size)}, {too_large}")
    try:
        with open(path, "rb") as stream:
            # What the file holds and one byte more: asked for the limit, Python sets aside the whole
            # limit first (16 MB for every article, 1 GB for every exchange file, whatever its size).
            data = stream.read(size + 1)
            if len(data) > size:  # it grew since it was measured: read on a piece at a time, to the limit
                grown = bytearray(data)
                while len(grown) <= limit and (piece := stream.read(min(_GROWTH_PIECE, limit + 1 - len(grown)))):
                    grown += piece
                data = bytes(grown)
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    if len(data) > limit:
        raise ReadError(f"grew while it was read and {too_large}")
    return data


def read_article(path: Path, limit: int = MAX_ARTICLE_BYTES, raise_it: str = "") -> DecodedText:
    return decode(read_limited(path, limit, raise_it))


@dataclass(frozen=True)
class FoundFile:
    path: Path
    problem: str | None = None


def _unreadable_folders(errors: list[OSError]) -> Iterator[FoundFile]:
    for error in errors:
        yield FoundFile(Path(error.filename or "?"), f"cannot read this folder: {error.strerror or error}")
    errors.clear()


def find_article_files(paths: Iterable[Path]) -> Iterator[FoundFile]:
    """Each article file named or inside a named folder (recursively, in name order).

    A named path that is missing or not an article file is yielded with its problem,
    so that the caller reports it instead of silently skipping it.
    """
    for path in paths:
        if path.is_dir():
            # os.walk passes over a folder it cannot list; each one is reported instead.
            unreadable: list[OSError] = []
            for root, folders, files in os.walk(path, onerror=unreadable.append):
                yield from _unreadable_folders(unreadable)
                folders[:] = sorted(f for f in folders if not f.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                        yield FoundFile(Path(root) / name)
            yield from _unreadable_folders(unreadable)
        elif not path.exists():
            yield FoundFile(path, "no such file or folder")
        elif path.suffix.lower() not in ARTICLE_SUFFIXES:
            yield FoundFile(path, f"not an article file: only {', '.join(ARTICLE_SUFFIXES)} are imported")
        else:
            yield FoundFile(path)
