"""The exchange formats, each declared once: the command line, the File menu and the export
dialog build their choices from this list, and import-annotations detects by it.

A new format is one module with ``read``, ``write`` and ``recognises`` and one record here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from desktop.core.exchange import doccano, label_studio, ours_csv, ours_jsonl, qdpx_reader, qdpx_writer, xlsx_workbook
from desktop.core.exchange.incoming import FormatError, IncomingRecord, Sample
from desktop.core.exchange.outgoing import BINARY, Writer

# (file text, analyst for spans the file names none for) -> records
Reader = Callable[[str, str], Iterator[IncomingRecord]]
# The same for a format that is not text (a zip): recognised by its first bytes.
BytesReader = Callable[[bytes, str], Iterator[IncomingRecord]]

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

    @property
    def binary(self) -> bool:
        return self.encodings == (BINARY,)

    @property
    def default_encoding(self) -> str:
        return self.encodings[0]


def _binary_only(text: str, annotator: str) -> Iterator[IncomingRecord]:
    raise FormatError("a .qdpx project is a zip file, not text")


def _not_read(text: str, annotator: str) -> Iterator[IncomingRecord]:
    raise FormatError("an Excel workbook is a report: export the spans as CSV or JSONL to import them again")


FORMATS: tuple[ExchangeFormat, ...] = (
    ExchangeFormat(
        key="csv",
        name="Policy Annotator CSV",
        label="CSV",
        suffix="csv",
        unit="spans",
        recognises=ours_csv.recognises,
        read=ours_csv.read,
        write=ours_csv.write,
        # Excel recognises UTF-8 only by its byte order mark; Chinese Excel also reads GB18030.
        encodings=("utf-8-sig", "utf-8", "gb18030"),
        options=(CONTEXT, WITH_STATUS, WITH_METADATA, FORMULA_GUARD),
    ),
    ExchangeFormat(
        key="jsonl",
        name="Policy Annotator JSONL",
        label="JSONL",
        suffix="jsonl",
        unit="articles",
        recognises=ours_jsonl.recognises,
        read=ours_jsonl.read,
        write=ours_jsonl.write,
    ),
    ExchangeFormat(
        key="doccano",
        name="doccano JSONL",
        label="doccano JSONL",
        suffix="jsonl",
        unit="articles",
        recognises=doccano.recognises,
        read=doccano.read,
        write=doccano.write,
    ),
    ExchangeFormat(
        key="labelstudio",
        name="Label Studio JSON",
        label="Label Studio JSON",
        suffix="json",
        unit="articles",
        recognises=label_studio.recognises,
        read=label_studio.read,
        write=label_studio.write,
    ),
    ExchangeFormat(
        key="qdpx",
        name="REFI-QDA project",
        label="REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, QualCoder)",
        suffix="qdpx",
        unit="articles",
        recognises=lambda sample: False,  # a zip: recognised by its bytes
        read=_binary_only,
        write=qdpx_writer.write,
        encodings=(BINARY,),
        read_bytes=qdpx_reader.read_bytes,
    ),
    ExchangeFormat(
        key="xlsx",
        name="Excel workbook",
        label="Excel workbook (spans, articles, reports)",
        suffix="xlsx",
        unit="spans",
        recognises=lambda sample: False,  # written for people; not read back
        read=_not_read,
        write=xlsx_workbook.write,
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
    if qdpx_reader.recognises_bytes(data):
        return format_by_key("qdpx")
    return None


def detect(text: str) -> ExchangeFormat:
    """The format a file's content is in; FormatError names what was expected."""
    sample = Sample(text)
    for fmt in FORMATS:
        if fmt.recognises(sample):
            return fmt
    names = ", ".join(fmt.name for fmt in READABLE_FORMATS)
    if sample.looks_like_json:
        raise FormatError(f"JSON, but in none of the formats this tool reads ({names})")
    raise FormatError(f"unrecognised format: expected one of {names}")
