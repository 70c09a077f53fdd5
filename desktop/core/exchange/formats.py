"""The exchange formats, each declared once: the command line, the File menu and the export
dialog build their choices from this list, and import-annotations detects by it.

A new format is one module with ``read``, ``write`` and ``recognises`` and one record here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import import_module
from typing import IO, TYPE_CHECKING, Any

from desktop.core.exchange.outgoing import BINARY

if TYPE_CHECKING:  # the readers' module loads at the first read: most commands never read a file
    from desktop.core.exchange.incoming import IncomingRecord, Sample
    from desktop.core.exchange.line_files import Line
    from desktop.core.exchange.outgoing import Writer

# (file text, analyst for spans the file names none for) -> records
Reader = Callable[[str, str], "Iterator[IncomingRecord]"]
# The same for a format that is not text (a zip), recognised by its first bytes: read from the file
# open (closed once its records are read), or from its bytes.
BytesReader = Callable[["IO[bytes] | bytes", str], "Iterator[IncomingRecord]"]
# The same for a format of one record per line, from the file's lines as they are read.
LinesReader = Callable[["Iterable[Line]", str], "Iterator[IncomingRecord]"]

# The ExportOptions fields beyond the filters that a format honours.
CONTEXT = "context"
WITH_STATUS = "with_status"
WITH_METADATA = "with_metadata"
FORMULA_GUARD = "neutralise_formulas"


@dataclass(frozen=True)
class ExchangeFormat:
    key: str  # on the command line: --format KEY
    name: str  # as import-annotations reports what it detected
    label: str  # in menus and file dialogs; a format's own name, not translated
    suffix: str  # file name ending, without the dot
    unit: str  # what the writer's count counts: "spans" or "articles"
    recognises: Callable[[Sample], bool]
    read: Reader
    write: Writer
    encodings: tuple[str, ...] = ("utf-8",)  # the first is the default
    options: tuple[str, ...] = ()  # the ExportOptions fields it honours beyond the filters
    read_bytes: BytesReader | None = None  # a binary format: read from the file's bytes, not its text
    readable: bool = True  # False: written for people (a workbook), never imported
    # Read line by line, each record checked on its own (a broken line is one skipped record): an
    # import stores records as they are read from the file instead of holding the whole file first.
    read_lines: LinesReader | None = None
    # False: the format may be in another encoding (a CSV from Chinese Excel in GB18030), so its lines
    # are read as they come only from a file that is UTF-8 throughout, checked before the first.
    utf8_by_definition: bool = True

    @property
    def binary(self) -> bool:
        return self.encodings == (BINARY,)

    @property
    def default_encoding(self) -> str:
        return self.encodings[0]


def _binary_only(text: str, annotator: str) -> Iterator[IncomingRecord]:
    from desktop.core.exchange.incoming import FormatError

    raise FormatError("a .qdpx project is a zip file, not text")


def _not_read(text: str, annotator: str) -> Iterator[IncomingRecord]:
    from desktop.core.exchange.incoming import FormatError

    raise FormatError("an Excel workbook is a report: export the spans as CSV or JSONL to import them again")


def _deferred(module: str, name: str) -> Any:
    """A format module's function, imported at its first call: the command line builds its choices from
    this list at every start, and most commands never read or write a file of any format."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(import_module(f"desktop.core.exchange.{module}"), name)(*args, **kwargs)

    call.__qualname__ = call.__name__ = f"{module}.{name}"
    return call


FORMATS: tuple[ExchangeFormat, ...] = (
    ExchangeFormat(
        key="csv",
        name="Policy Annotator CSV",
        label="CSV",
        suffix="csv",
        unit="spans",
        recognises=_deferred("ours_csv", "recognises"),
        read=_deferred("ours_csv", "read"),
        write=_deferred("ours_csv", "write"),
        # Excel recognises UTF-8 only by its byte order mark; Chinese Excel also reads GB18030.
        encodings=("utf-8-sig", "utf-8", "gb18030"),
        options=(CONTEXT, WITH_STATUS, WITH_METADATA, FORMULA_GUARD),
        read_lines=_deferred("ours_csv", "read_lines"),
        utf8_by_definition=False,
    ),
    ExchangeFormat(
        key="jsonl",
        name="Policy Annotator JSONL",
        label="JSONL",
        suffix="jsonl",
        unit="articles",
        recognises=_deferred("ours_jsonl", "recognises"),
        read=_deferred("ours_jsonl", "read"),
        write=_deferred("ours_jsonl", "write"),
        read_lines=_deferred("ours_jsonl", "read_lines"),
    ),
    ExchangeFormat(
        key="doccano",
        name="doccano JSONL",
        label="doccano JSONL",
        suffix="jsonl",
        unit="articles",
        recognises=_deferred("doccano", "recognises"),
        read=_deferred("doccano", "read"),
        write=_deferred("doccano", "write"),
        read_lines=_deferred("doccano", "read_lines"),
    ),
    ExchangeFormat(
        key="labelstudio",
        name="Label Studio JSON",
        label="Label Studio JSON",
        suffix="json",
        unit="articles",
        recognises=_deferred("label_studio", "recognises"),
        read=_deferred("label_studio", "read"),
        write=_deferred("label_studio", "write"),
    ),
    ExchangeFormat(
        key="qdpx",
        name="REFI-QDA project",
        label="REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, QualCoder)",
        suffix="qdpx",
        unit="articles",
        recognises=lambda sample: False,  # a zip: recognised by its bytes
        read=_binary_only,
        write=_deferred("qdpx_writer", "write"),
        encodings=(BINARY,),
        read_bytes=_deferred("qdpx_reader", "read_bytes"),
    ),
    ExchangeFormat(
        key="xlsx",
        name="Excel workbook",
        label="Excel workbook (spans, articles, reports)",
        suffix="xlsx",
        unit="spans",
        recognises=lambda sample: False,  # written for people; not read back
        read=_not_read,
        write=_deferred("xlsx_workbook", "write"),
        encodings=(BINARY,),
        readable=False,
    ),
)
# The formats import-annotations reads.
READABLE_FORMATS = tuple(fmt for fmt in FORMATS if fmt.readable)


def format_by_key(key: str) -> ExchangeFormat:
    for fmt in FORMATS:
        if fmt.key == key:
            return fmt
    raise KeyError(f"unknown format {key!r}; known: {', '.join(f.key for f in FORMATS)}")


def detect_bytes(data: bytes) -> ExchangeFormat | None:
    """The binary format a file's first bytes announce, or None for a text file."""
    if _deferred("qdpx_reader", "recognises_bytes")(data):
        return format_by_key("qdpx")
    return None


def detect(text: str) -> ExchangeFormat:
    """The format a file's content is in; FormatError names what was expected."""
    from desktop.core.exchange.incoming import FormatError, Sample

    sample = Sample(text)
    for fmt in FORMATS:
        if fmt.recognises(sample):
            return fmt
    names = ", ".join(fmt.name for fmt in READABLE_FORMATS)
    if sample.looks_like_json:
        raise FormatError(f"JSON, but in none of the formats this tool reads ({names})")
    raise FormatError(f"unrecognised format: expected one of {names}")
