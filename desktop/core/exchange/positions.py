"""Selections proven against their quotes before anything is stored.

A file that quotes what each selection covers (REFI-QDA's ``PlainTextSelection@name``, Label
Studio's ``value.text``) says which characters its positions mean. Programs count differently:
code points of the text with LF line ends (the standard, and this tool), code points of the text
as written with CRLF line ends, UTF-16 units, UTF-8 bytes, or with a byte-order mark counted. The
convention under which every quote matches is used, and named; when none makes them all match,
the file is refused, naming the first selection that fails. A span is never stored on characters
its quote does not match.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from desktop.core.offsets import Utf16Index
from desktop.core.text.reading import normalise_newlines

Positions = tuple[int, int]


@dataclass(frozen=True)
class Quoted:
    """A selection as the file gives it: where it says, and what it says is there."""

    name: str  # how the refusal names it: "selection 3f2a…"
    start: int
    end: int
    quote: str | None


@dataclass(frozen=True)
class Convention:
    name: str
    # Positions as counted in the written text -> positions in the text as stored (LF, code points).
    convert: Callable[[int, int], Positions | None]


class PositionError(ValueError):
    """No counting convention makes every quote match."""


def _utf8_starts(text: str) -> list[int]:
    starts, byte = [], 0
    for ch in text:
        starts.append(byte)
        byte += len(ch.encode("utf-8"))
    starts.append(byte)
    return starts


def _by_table(starts: list[int]) -> Callable[[int, int], Positions | None]:
    """Units counted by ``starts`` (each character's first unit) back to characters."""

    def convert(start: int, end: int) -> Positions | None:
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if first >= len(starts) or last >= len(starts) or starts[first] != start or starts[last] != end:
            return None  # inside a character: not this convention
        return first, last

    return convert


def _crlf_counted(written: str) -> Callable[[int, int], Positions | None]:
    """Positions in the text as written (CRLF counted as two) to positions in the LF text."""
    breaks = [index for index in range(len(written) - 1) if written[index : index + 2] == "\r\n"]

    def convert(start: int, end: int) -> Positions | None:
        return start - bisect.bisect_left(breaks, start), end - bisect.bisect_left(breaks, end)

    return convert


def _utf16(text: str) -> Callable[[int, int], Positions | None]:
    """UTF-16 units to characters, through the project's one converter (a position inside a
    character is no position of this convention)."""
    units = Utf16Index(text)

    def convert(start: int, end: int) -> Positions | None:
        first, last = units.to_codepoint(start), units.to_codepoint(end)
        return (first, last) if (units.to_utf16(first), units.to_utf16(last)) == (start, end) else None

    return convert


def conventions(written: str, text: str) -> Iterator[Convention]:
    """The counting conventions to try, ours first; ``written`` is the text as the file holds it.

    Each is built when it is tried: most files match the first, and need no table of units.
    """
    yield Convention("code points, line ends as LF", lambda start, end: (start, end))
    if "\r\n" in written:
        yield Convention("code points, CRLF line ends counted as two", _crlf_counted(written))
    if any(ord(ch) > 0xFFFF for ch in text):
        yield Convention("UTF-16 units", _utf16(text))
    if any(ord(ch) > 0x7F for ch in text):
        yield Convention("UTF-8 bytes", _by_table(_utf8_starts(text)))
    yield Convention("code points with a byte-order mark counted", lambda start, end: (start - 1, end - 1))


def _matches(text: str, where: Positions | None, quote: str) -> bool:
    if where is None:
        return False
    start, end = where
    return 0 <= start < end <= len(text) and text[start:end] == quote


def prove(written: str, selections: Sequence[Quoted]) -> tuple[str, Convention]:
    """The text with line ends as in article import, and the convention every quote matches under.

    Raises PositionError naming the first selection that fails under our own convention.
    """
    text = normalise_newlines(written)
    quoted = [(item, normalise_newlines(item.quote)) for item in selections if item.quote]
    tried = []
    for convention in conventions(written, text):
        if all(_matches(text, convention.convert(item.start, item.end), quote) for item, quote in quoted):
            return text, convention
        tried.append(convention.name)
    item, quote = next((i, q) for i, q in quoted if not _matches(text, (i.start, i.end), q))
    found = text[item.start : item.end] if 0 <= item.start < item.end <= len(text) else ""
    raise PositionError(
        f"{item.name} at {item.start}–{item.end} reads “{found[:40]}” where the file quotes “{quote[:40]}”; "
        f"no way of counting positions ({', '.join(tried)}) makes every quote match"
    )


def utf16_fixed(text: str, start: int, end: int, quote: str) -> tuple[int, int]:
    """Offsets that only match their quote when read as UTF-16 units are converted to code points."""
    if text[start:end] == quote:
        return start, end
    units = Utf16Index(text)
    converted = units.to_codepoint(start), units.to_codepoint(end, round_up=True)
    return converted if text[converted[0] : converted[1]] == quote else (start, end)
