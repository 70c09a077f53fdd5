"""Reading a REFI-QDA project (``.qdpx``) back: its codebook, then each text source with its codings.

Everything comes from the standard's own elements (codes, users, sources, selections, codings,
notes); ``policy-annotator.json``, when this tool wrote the project, only adds what the
standard has no place for. A project from MAXQDA, NVivo, ATLAS.ti or QualCoder comes in as texts
with spans counted in them, like a doccano file.

``project.qde`` is read as a stream: each source is checked as it is parsed and let go, keeping only
its selections, and its text is read from the zip when its record is made (and once before, as it
is parsed, when its selections quote what they mark: the quotes are proven then). The notes (this
tool's carry the original texts) wait in a temporary file; what stays in memory is the selections.
A tree of the whole project took ~90 KB per article and refused projects of more than ~20,000.
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any
from xml.etree import ElementTree as ET

from desktop.core.exchange.codebook_files import skipped_sets
from desktop.core.exchange.codebook_model import IncomingCode
from desktop.core.exchange.incoming import FormatError, IncomingRecord, IncomingSpan, record_id
from desktop.core.exchange.ours_jsonl import checked_article
from desktop.core.exchange.positions import Convention, PositionError, Quoted, prove
from desktop.core.exchange.qdpx_archive import ZIP_FAULTS, ProjectArchive, ProjectExtras
from desktop.core.exchange.qdpx_stream import walk_project
from desktop.core.exchange.refi_codebook import PROJECT_NS, plain_guid, project_tag, read_codes
from desktop.core.exchange.spilled_texts import SpilledTexts
from desktop.core.text.reading import MAX_ARTICLE_BYTES, megabytes

ZIP_MAGIC = b"PK\x03\x04"
# A source text is an article: the import's limit holds for it too.
MAX_SOURCE_BYTES = MAX_ARTICLE_BYTES


def recognises_bytes(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def _source_text(archive: ProjectArchive, source: ET.Element) -> str:
    path = source.get("plainTextPath") or ""
    if path.startswith("internal://"):
        return archive.text("sources/" + path.removeprefix("internal://"), MAX_SOURCE_BYTES)
    content = source.findtext(project_tag("PlainTextContent"))
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


def _note_text(element: ET.Element, notes: SpilledTexts) -> str:
    """A selection's memo and notes as one note; the same text written both ways (as this tool
    writes a span's note) is one."""
    texts = [notes.get(plain_guid(ref.get("targetGUID") or ""), "") for ref in element.iterfind(project_tag("NoteRef"))]
    description = element.findtext(project_tag("Description")) or ""
    return "\n\n".join(dict.fromkeys(text for text in [description, *texts] if text))


def _stamp(value: str | None) -> str:
    """A date as the standard writes it; QualCoder writes ``…+00:00Z``, two zones at once."""
    value = value or ""
    return value.removesuffix("Z") if value.endswith(("+00:00Z", "-00:00Z")) else value


def _quoted(source: ET.Element) -> list[Quoted]:
    """Each selection of a source with the quote the file gives for it (QualCoder, MAXQDA: ``name``)."""
    found = []
    for selection in source.iterfind(project_tag("PlainTextSelection")):
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
    notes: SpilledTexts,
    span_ids: dict[str, Any],
) -> Iterator[IncomingSpan | tuple[int, str]]:
    for selection in source.iterfind(project_tag("PlainTextSelection")):
        guid = plain_guid(selection.get("guid") or "")
        try:
            written = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
        except ValueError:
            yield number, f"selection {guid}: positions are not whole numbers"
            continue
        start, end = convention.convert(*written) or written
        note = _note_text(selection, notes)
        for coding in selection.iterfind(project_tag("Coding")):
            ref = coding.find(project_tag("CodeRef"))
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
                span_id=_kept_id(span_ids.get(guid)),
            )


def _kept_id(value: Any) -> int | None:
    """A span id the extra file kept; one that is no id (edited by hand) is not kept, the span is."""
    try:
        return record_id(value, "span_id")
    except ValueError:
        return None


def _article(text: str, extra: dict[str, Any], notes: SpilledTexts, name: str) -> dict[str, Any] | None:
    """The article as this tool stored it, when the project's extra file and the original note say so;
    checked as a JSONL line's article is (ValueError naming what is wrong)."""
    note = extra.get("original_note")
    original = notes.get(note) if isinstance(note, str) else None
    if not original or "offset_map" not in extra:
        return None
    article = {key: value for key, value in extra.items() if key != "span_ids"}
    return checked_article(
        {**article, "original_text": original, "text": text, "title": extra.get("title") or name, "spans": []}
    )


@dataclass
class _Parsed:
    """project.qde read through: the root without its sources and notes, and those kept apart."""

    notes: SpilledTexts
    # (number, the source stripped to its selections, or why its text cannot be read)
    sources: deque[tuple[int, ET.Element, str | None]] = field(default_factory=deque)
    # Sources whose quotes were proven, by the counting convention they matched.
    counted: dict[str, int] = field(default_factory=dict)
    # Sources whose text had CRLF line ends (counted as their records are made).
    crlf: int = 0
    root: ET.Element = field(init=False)


def _checked_source(archive: ProjectArchive, source: ET.Element, parsed: _Parsed) -> None:
    """A source's positions proven against its quotes (a file whose quotes no convention matches is
    refused whole, before anything is stored); the source kept without its text.

    A source whose selections quote nothing (most often: none, an article nobody coded) has nothing
    to prove, and its text is read once, when its record is made, not here as well.
    """
    problem = None
    quoted = _quoted(source)
    if any(item.quote for item in quoted):
        try:
            written = _source_text(archive, source)
        except (KeyError, ValueError, FormatError) as error:
            problem = str(error)
        else:
            try:
                _, convention = prove(written, quoted)
            except PositionError as error:
                raise FormatError(f"positions do not match the quotes: {error}") from None
            parsed.counted[convention.name] = parsed.counted.get(convention.name, 0) + 1
    parsed.sources.append((len(parsed.sources) + 1, source, problem))


def _kept_note(archive: ProjectArchive, note: ET.Element, parsed: _Parsed) -> None:
    try:
        text = _source_text(archive, note)
    except (KeyError, ValueError, FormatError):
        text = ""
    parsed.notes[plain_guid(note.get("guid") or "")] = text


def _parsed(archive: ProjectArchive, notes: SpilledTexts) -> _Parsed:
    try:
        stream = archive.stream("project.qde")
    except KeyError:
        raise FormatError("a .qdpx file must hold project.qde; this zip does not") from None
    parsed = _Parsed(notes)
    try:
        with stream:
            parsed.root = walk_project(
                stream,
                on_source=lambda source: _checked_source(archive, source, parsed),
                on_note=lambda note: _kept_note(archive, note, parsed),
            )
    except ZIP_FAULTS as error:
        raise FormatError(f"project.qde cannot be read from the zip ({error})") from None
    return parsed


def _codes(parsed: _Parsed, extras: ProjectExtras) -> list[IncomingCode]:
    codes = parsed.root.find(f"{project_tag('CodeBook')}/{project_tag('Codes')}")
    incoming: list[IncomingCode] = list(read_codes(codes, PROJECT_NS)) if codes is not None else []
    incoming += skipped_sets(parsed.root, PROJECT_NS)
    for code in incoming:
        extra = extras.code(code.guid or "")
        if extra:
            code.id = extra.get("id") if isinstance(extra.get("id"), str) else None
            code.label_en = extra.get("label_en") if isinstance(extra.get("label_en"), str) else code.label_en
            code.shortcut = extra.get("key") if isinstance(extra.get("key"), str) else code.shortcut
    return incoming


def read_bytes(source: IO[bytes] | bytes, default_annotator: str) -> Iterator[IncomingRecord]:
    """The codebook first (one record), then one record per text source; ``source`` is the file,
    open (closed once its records are read), or its bytes.

    Everything that can refuse the file is checked before the first record; what is wrong with one
    source after that is that source's problem.
    """
    with io.BytesIO(source) if isinstance(source, bytes) else source as stream, SpilledTexts() as notes:
        archive = ProjectArchive(stream)
        yield from _records(archive, ProjectExtras(archive), _parsed(archive, notes))


def _records(archive: ProjectArchive, extras: ProjectExtras, parsed: _Parsed) -> Iterator[IncomingRecord]:
    notices = [f"positions counted as {name}: {n} source(s), every quote matched" for name, n in parsed.counted.items()]
    yield IncomingRecord(0, codes=_codes(parsed, extras), notices=notices)
    users = {
        plain_guid(user.get("guid") or ""): user.get("name") or ""
        for user in parsed.root.iterfind(f"{project_tag('Users')}/{project_tag('User')}")
    }
    number = 0
    while parsed.sources:
        number, source, problem = parsed.sources.popleft()
        yield _record(archive, extras, parsed, users, number, source, problem)
    if parsed.crlf:  # (known once every text has been read)
        notice = f"line ends: {parsed.crlf} source(s) written with CRLF, read with LF as articles are"
        yield IncomingRecord(number, notices=[notice])


def _record(
    archive: ProjectArchive,
    extras: ProjectExtras,
    parsed: _Parsed,
    users: dict[str, str],
    number: int,
    source: ET.Element,
    problem: str | None,
) -> IncomingRecord:
    guid = plain_guid(source.get("guid") or "")
    name = source.get("name") or ""
    if problem is None:
        try:  # (read again when its quotes were proven as it was parsed)
            written = _source_text(archive, source)
            text, convention = prove(written, _quoted(source))
            parsed.crlf += "\r" in written
        except (KeyError, ValueError, FormatError) as error:
            problem = str(error)
    if problem is not None:
        return IncomingRecord(number, problems=[(number, f"source {name or guid}: {problem}")])
    extra, span_ids = extras.source(guid)
    record = IncomingRecord(number, title=name or None)
    for found in _spans(number, source, text, convention, users, parsed.notes, span_ids):
        if isinstance(found, tuple):
            record.problems.append(found)
        else:
            record.spans.append(found)
    try:
        article = _article(text, extra, parsed.notes, name) if extra else None
    except ValueError as error:
        # (edited by hand): the source comes in from the standard's elements, as another program's would
        record.problems.append((number, f"source {name or guid}: this tool's extra data for it is not used: {error}"))
        article = None
    if article is not None:
        record.article = article
    else:
        record.text = text
    return record
