"""Reading a REFI-QDA project (``.qdpx``) back: its codebook, then each text source with its codings.

Everything comes from the standard's own elements (codes, users, sources, selections, codings,
notes); ``policy-annotator.json``, when this tool wrote the project, only adds what the
standard has no place for. A project from MAXQDA, NVivo, ATLAS.ti or QualCoder comes in as texts
with spans counted in them, like a doccano file.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree as ET

from desktop.core.exchange.codebook_files import skipped_sets
from desktop.core.exchange.codebook_model import IncomingCode
from desktop.core.exchange.incoming import JSON_LIMITS, FormatError, IncomingRecord, IncomingSpan, record_id
from desktop.core.exchange.positions import Convention, PositionError, Quoted, prove
from desktop.core.exchange.qdpx_writer import SIDECAR, SIDECAR_FORMAT
from desktop.core.exchange.refi_codebook import PROJECT_NS, plain_guid, read_codes
from desktop.core.text.reading import MAX_ARTICLE_BYTES, megabytes

ZIP_MAGIC = b"PK\x03\x04"
# A project.qde beyond this is not one this tool wrote or could hold in memory safely.
_MAX_QDE = 512 * 1024 * 1024
# A source text is an article: the import's limit holds for it too.
MAX_SOURCE_BYTES = MAX_ARTICLE_BYTES
# Everything the zip says it unpacks to: a small file that claims gigabytes is refused before any is read.
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024


def _q(tag: str) -> str:
    return f"{{{PROJECT_NS}}}{tag}"


def recognises_bytes(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


class _Archive:
    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as error:
            raise FormatError(f"not a readable zip ({error})") from None
        self.names = {name.lower(): name for name in self.zip.namelist()}
        unpacked = sum(info.file_size for info in self.zip.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise FormatError(
                f"it unpacks to {megabytes(unpacked)}, over the limit of {megabytes(MAX_UNPACKED_BYTES)}; not read"
            )

    def read(self, name: str, limit: int = _MAX_QDE) -> bytes:
        found = self.names.get(name.lower())
        if found is None:
            raise KeyError(name)
        info = self.zip.getinfo(found)
        # zipfile never unpacks an entry past the size it declares, so the declared size bounds the memory.
        if info.file_size > limit:
            raise FormatError(f"{name} unpacks to {megabytes(info.file_size)}, over the limit of {megabytes(limit)}")
        try:
            return self.zip.read(found)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise FormatError(f"{name} cannot be read from the zip ({error})") from None

    def text(self, name: str, limit: int = _MAX_QDE) -> str:
        try:
            return self.read(name, limit).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FormatError(f"{name} is not UTF-8 ({error.reason} at byte {error.start})") from None


def _source_text(archive: _Archive, source: ET.Element) -> str:
    path = source.get("plainTextPath") or ""
    if path.startswith("internal://"):
        return archive.text("sources/" + path.removeprefix("internal://"), MAX_SOURCE_BYTES)
    content = source.findtext(_q("PlainTextContent"))
    if content is not None:
        if len(content) > MAX_SOURCE_BYTES // 4:  # a character takes up to four bytes
            raise FormatError(f"its text is over the limit of {megabytes(MAX_SOURCE_BYTES)}")
        return content
    if path:
        raise ValueError(f"its text is outside the project file ({path}); only internal:// sources can be read")
    if source.get("richTextPath"):
        raise ValueError(
            f"its text is only in a rich-text file ({source.get('richTextPath')}), which this tool does not read;"
            " export the project with plain text"
        )
    raise ValueError("it has no plain text")


def _notes(archive: _Archive, root: ET.Element) -> dict[str, str]:
    notes: dict[str, str] = {}
    for note in root.iterfind(f"{_q('Notes')}/{_q('Note')}"):
        guid = plain_guid(note.get("guid") or "")
        try:
            notes[guid] = _source_text(archive, note)
        except (KeyError, ValueError, FormatError):
            notes[guid] = ""
    return notes


def _note_text(element: ET.Element, notes: dict[str, str]) -> str:
    """A selection's memo and notes as one note; the same text written both ways (as this tool
    writes a span's note) is one."""
    texts = [notes.get(plain_guid(ref.get("targetGUID") or ""), "") for ref in element.iterfind(_q("NoteRef"))]
    description = element.findtext(_q("Description")) or ""
    return "\n\n".join(dict.fromkeys(text for text in [description, *texts] if text))


def _stamp(value: str | None) -> str:
    """A date as the standard writes it; QualCoder writes ``…+00:00Z``, two zones at once."""
    value = value or ""
    return value.removesuffix("Z") if value.endswith(("+00:00Z", "-00:00Z")) else value


def _quoted(source: ET.Element) -> list[Quoted]:
    """Each selection of a source with the quote the file gives for it (QualCoder, MAXQDA: ``name``)."""
    found = []
    for selection in source.iterfind(_q("PlainTextSelection")):
        try:
            start, end = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
        except ValueError:
            continue  # reported when the spans are read
        name = f"selection {plain_guid(selection.get('guid') or '')} of “{source.get('name') or ''}”"
        found.append(Quoted(name, start, end, selection.get("name")))
    return found


def _spans(
    number: int,
    source: ET.Element,
    text: str,
    convention: Convention,
    users: dict[str, str],
    notes: dict[str, str],
    sidecar: dict[str, Any],
) -> Iterator[IncomingSpan | tuple[int, str]]:
    for selection in source.iterfind(_q("PlainTextSelection")):
        guid = plain_guid(selection.get("guid") or "")
        try:
            written = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
        except ValueError:
            yield number, f"selection {guid}: positions are not whole numbers"
            continue
        start, end = convention.convert(*written) or written
        note = _note_text(selection, notes)
        known = _entry(_section(sidecar, "selections"), guid)
        for coding in selection.iterfind(_q("Coding")):
            ref = coding.find(_q("CodeRef"))
            code = plain_guid(ref.get("targetGUID") or "") if ref is not None else ""
            if not code:
                yield number, f"selection {guid}: a coding names no code"
                continue
            user = coding.get("creatingUser") or selection.get("creatingUser")
            yield IncomingSpan(
                number,
                start,
                end,
                code,
                quote=text[start:end] if 0 <= start < end <= len(text) else None,
                note=note,
                annotator=users.get(plain_guid(user)) if user else None,
                created_at=_stamp(coding.get("creationDateTime") or selection.get("creationDateTime")),
                updated_at=_stamp(selection.get("modifiedDateTime")),
                span_id=_kept_id(known.get("span_id")),
            )


def _kept_id(value: Any) -> int | None:
    """A span id the extra file kept; one that is no id (edited by hand) is not kept, the span is."""
    try:
        return record_id(value, "span_id")
    except ValueError:
        return None


def _section(sidecar: dict[str, Any], name: str) -> dict[str, Any]:
    """A part of this tool's extra file; one of the wrong type (edited by hand, another program's) is ignored."""
    found = sidecar.get(name)
    return found if isinstance(found, dict) else {}


def _entry(section: dict[str, Any], key: str) -> dict[str, Any]:
    found = section.get(key)
    return found if isinstance(found, dict) else {}


def _article(text: str, extra: dict[str, Any], notes: dict[str, str], name: str) -> dict[str, Any] | None:
    """The article as this tool stored it, when the project's extra file and the original note say so."""
    note = extra.get("original_note")
    original = notes.get(note) if isinstance(note, str) else None
    if not original or "offset_map" not in extra:
        return None
    return {**extra, "original_text": original, "text": text, "title": extra.get("title") or name, "spans": []}


def read_bytes(data: bytes, default_annotator: str) -> Iterator[IncomingRecord]:
    """The codebook first (one record), then one record per text source."""
    archive = _Archive(data)
    try:
        qde = archive.read("project.qde")
    except KeyError:
        raise FormatError("a .qdpx file must hold project.qde; this zip does not") from None
    try:
        root = ET.fromstring(qde)
    except ET.ParseError as error:
        raise FormatError(f"project.qde is broken XML ({error})") from None
    if root.tag != _q("Project"):
        raise FormatError(f"project.qde is not a REFI-QDA project (a Project element in {PROJECT_NS})")
    sidecar: dict[str, Any] = {}
    if SIDECAR.lower() in archive.names:
        try:
            loaded = json.loads(archive.text(SIDECAR))
            sidecar = loaded if isinstance(loaded, dict) and loaded.get("format") == SIDECAR_FORMAT else {}
        except (*JSON_LIMITS, FormatError):
            sidecar = {}
    notes = _notes(archive, root)
    # Every source's positions are proven against its quotes before anything is stored: a file
    # whose quotes no convention matches is refused whole.
    # (number, source, its text and how its positions count, or why it cannot be read).
    sources: list[tuple[int, ET.Element, tuple[str, Convention] | str]] = []
    counted: dict[str, int] = {}
    crlf = 0
    for number, source in enumerate(root.iterfind(f"{_q('Sources')}/{_q('TextSource')}"), start=1):
        try:
            written = _source_text(archive, source)
        except (KeyError, ValueError, FormatError) as error:
            sources.append((number, source, str(error)))
            continue
        try:
            text, convention = prove(written, _quoted(source))
        except PositionError as error:
            raise FormatError(f"positions do not match the quotes: {error}") from None
        counted[convention.name] = counted.get(convention.name, 0) + 1
        crlf += "\r" in written
        sources.append((number, source, (text, convention)))
    codes = root.find(f"{_q('CodeBook')}/{_q('Codes')}")
    incoming: list[IncomingCode] = list(read_codes(codes, PROJECT_NS)) if codes is not None else []
    incoming += skipped_sets(root, PROJECT_NS)
    for code in incoming:
        extra = _entry(_section(sidecar, "codes"), code.guid or "")
        if extra:
            code.id = extra.get("id") if isinstance(extra.get("id"), str) else None
            code.label_en = extra.get("label_en") if isinstance(extra.get("label_en"), str) else code.label_en
            code.shortcut = extra.get("key") if isinstance(extra.get("key"), str) else code.shortcut
    notices = [f"positions counted as {name}: {n} source(s), every quote matched" for name, n in counted.items()]
    if crlf:
        notices.append(f"line ends: {crlf} source(s) written with CRLF, read with LF as articles are")
    yield IncomingRecord(0, codes=incoming, notices=notices)
    users = {
        plain_guid(user.get("guid") or ""): user.get("name") or ""
        for user in root.iterfind(f"{_q('Users')}/{_q('User')}")
    }
    for number, source, read in sources:
        guid = plain_guid(source.get("guid") or "")
        name = source.get("name") or ""
        if isinstance(read, str):
            yield IncomingRecord(number, problems=[(number, f"source {name or guid}: {read}")])
            continue
        text, convention = read
        record = IncomingRecord(number, title=name or None)
        for found in _spans(number, source, text, convention, users, notes, sidecar):
            if isinstance(found, tuple):
                record.problems.append(found)
            else:
                record.spans.append(found)
        extra = _entry(_section(sidecar, "sources"), guid)
        article = _article(text, extra, notes, name) if extra else None
        if article is not None:
            record.article = article
        else:
            record.text = text
        yield record
