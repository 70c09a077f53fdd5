"""A REFI-QDA project (``.qdpx``): a zip of ``project.qde`` and the articles' texts in ``sources/``.

What goes where, and why:
- each article is one TextSource, its Simplified text (the text spans count in);
- its original text is a Note attached to the source, not a second source: a second source
  would double every document count and code frequency the QDA program reports, and carry no
  codings of its own;
- its original text is also the source's Description: QualCoder shows a source's Description
  as its memo and drops Notes attached to sources;
- each span is a PlainTextSelection with one Coding (its code, its analyst) and, when it has a
  note, the note twice: as the selection's Description (what QualCoder and MAXQDA read as the
  coding's memo) and as a NoteRef to a Note (what NVivo and ATLAS.ti read); a reader takes
  identical texts as one note;
- every Note carries creationDateTime and modifiedDateTime (the span's own stamps, else the
  export's time): QualCoder's import stops on a Note without a date;
- positions count characters (Unicode code points) of the plain text, as the standard says; a
  character outside the BMP such as 𠮷 counts one, not two UTF-16 units;
- what the standard has no place for (category ids, English labels, keys; the article's status,
  offset map and import record; span ids) goes into ``policy-annotator.json`` (the codebook's) and
  one ``policy-annotator/<source guid>.json`` per source beside ``project.qde``. Other programs
  ignore them; this tool reads them back, so a round trip loses nothing, and a project saved again
  by another program still comes back from the standard's own elements;
- the project is written as it is read from the database, one article at a time: its source and
  notes go to temporary files as XML, and ``project.qde`` is put together from them at the end
  (the users, which come first, are known only then). Built as one tree in memory, 10,000
  articles took 1.1 GB to export and a project of ~20,000 was past what a reader would take.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import uuid
import zipfile
from datetime import UTC, datetime
from typing import IO, Any
from xml.etree import ElementTree as ET

from desktop.core.exchange.outgoing import ExportOptions, flag_records, span_records
from desktop.core.exchange.refi_codebook import ORIGIN, PROJECT_NS, code_elements, project_tag
from desktop.core.store import Store

SIDECAR = "policy-annotator.json"
SIDECAR_FORMAT = "policy-annotator-qdpx/2"
# Each source's entry in the extra data: read one source at a time on import.
SOURCE_EXTRAS = "policy-annotator/{}.json"
_NAMES = uuid.UUID("0b7c3f5e-8a4d-4f0e-b6f1-2d9e5c7a1b38")
# xsd:dateTime: a date, a time and an optional zone; the stamps this tool writes have that shape.
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
ORIGINAL_NOTE = "原文 (original text)"
# Where the sources and notes go in the project's outline, which is written around them.
_PARTS = "PARTS"
# A zip entry of unknown size past this needs the zip's 64-bit sizes.
_ZIP32_SAFE = 2**31
_COPY_CHUNK = 1024 * 1024


def name_guid(kind: str, name: str) -> str:
    """The same guid for the same user, article or span in every export of one database."""
    return str(uuid.uuid5(_NAMES, f"{kind}:{name}"))


def _compact(value: Any) -> bytes:
    """JSON for programs only: an offset map indented one number per line was twice the size."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _stamp(attributes: dict[str, str], name: str, value: str) -> None:
    if value and _DATE_TIME.match(value):
        attributes[name] = value


def _xml(element: ET.Element, level: int) -> bytes:
    """One element of the project as it stands ``level`` deep in it. Its tags carry no namespace:
    inside the project they are in its default namespace."""
    ET.indent(element, level=level)
    return b"\n" + b"  " * level + ET.tostring(element, encoding="utf-8", xml_declaration=False)


class _Project:
    def __init__(self, store: Store, options: ExportOptions, sources: IO[bytes], notes: IO[bytes]) -> None:
        self.store = store
        self.options = options
        self.sources = sources
        self.notes = notes
        self.codebook = store.categories.codebook()
        self.guids = {category.id: category.guid for category in self.codebook}
        self.users: dict[str, str] = {}
        self.note_count = 0
        # The export's own time: the date of a note whose span has none.
        self.now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def user(self, name: str) -> str:
        if name not in self.users:
            self.users[name] = name_guid("user", name)
        return self.users[name]

    def note(self, name: str, text: str, user: str | None, created: str = "", modified: str = "") -> str:
        guid = name_guid("note", f"{name}\n{text}\n{self.note_count}")
        self.note_count += 1
        attributes = {"guid": guid, "name": name}
        if user:
            attributes["creatingUser"] = user
        created = created if _DATE_TIME.match(created or "") else self.now
        attributes["creationDateTime"] = created
        attributes["modifiedDateTime"] = modified if _DATE_TIME.match(modified or "") else created
        note = ET.Element("Note", attributes)
        ET.SubElement(note, "PlainTextContent").text = text
        self.notes.write(_xml(note, 2))
        return guid

    def source(self, archive: zipfile.ZipFile, article_id: int) -> None:
        """One article: its text and extra data into the zip, its source and notes into the parts."""
        record = self.store.articles.record(article_id)
        guid = name_guid("article", record["sha256"])
        attributes = {"guid": guid, "name": record["title"] or f"article {article_id}"}
        attributes["plainTextPath"] = f"internal://{guid}.txt"
        _stamp(attributes, "creationDateTime", record["imported_at"] or "")
        source = ET.Element("TextSource", attributes)
        ET.SubElement(source, "Description").text = f"{ORIGINAL_NOTE}:\n{record['original_text']}"
        span_ids: dict[str, int] = {}
        for span in span_records(self.store, article_id, self.options.filters):
            user = self.user(span["annotator"] or "")
            selection_guid = name_guid("span", f"{record['sha256']}:{span['span_id']}")
            selection_attributes = {
                "guid": selection_guid,
                "name": span["text"],
                "startPosition": str(span["start"]),
                "endPosition": str(span["end"]),
                "creatingUser": user,
            }
            _stamp(selection_attributes, "creationDateTime", span["created_at"] or "")
            _stamp(selection_attributes, "modifiedDateTime", span["updated_at"] or "")
            selection = ET.SubElement(source, "PlainTextSelection", selection_attributes)
            if span["note"]:
                ET.SubElement(selection, "Description").text = span["note"]
            coding_attributes = {"guid": name_guid("coding", selection_guid), "creatingUser": user}
            _stamp(coding_attributes, "creationDateTime", span["created_at"] or "")
            coding = ET.SubElement(selection, "Coding", coding_attributes)
            ET.SubElement(coding, "CodeRef", {"targetGUID": self.guids.get(span["category"], "")})
            if span["note"]:
                name = f"Note on “{span['text'][:20]}”"
                note = self.note(name, span["note"], user, span["created_at"] or "", span["updated_at"] or "")
                ET.SubElement(selection, "NoteRef", {"targetGUID": note})
            span_ids[selection_guid] = span["span_id"]
        original_name = f"{ORIGINAL_NOTE}: {attributes['name']}"
        original = self.note(original_name, record["original_text"], None, record["imported_at"] or "")
        ET.SubElement(source, "NoteRef", {"targetGUID": original})
        self.sources.write(_xml(source, 2))
        archive.writestr(f"sources/{guid}.txt", record["text"].encode("utf-8"))
        kept = ("article_id", "original_title", "source_path", "status", "encoding", "converter")
        extras = {
            **{name: record[name] if name != "article_id" else article_id for name in kept},
            "converter_version": record["converter_version"],
            "pipeline_version": record["pipeline_version"],
            "rules": json.loads(record["rules"] or "[]"),
            "imported_at": record["imported_at"],
            "title": record["title"],
            "offset_map": json.loads(record["offset_map"]),
            "original_note": original,
            "flags": flag_records(self.store, article_id),
            "span_ids": span_ids,
        }
        archive.writestr(SOURCE_EXTRAS.format(guid), _compact(extras))

    def outline(self) -> tuple[bytes, bytes]:
        """The project around its sources and notes: what comes before them and what after."""
        ET.register_namespace("", PROJECT_NS)
        root = ET.Element(project_tag("Project"), {"name": "Policy Annotator project", "origin": ORIGIN})
        if self.users:
            users = ET.SubElement(root, project_tag("Users"))
            for name, guid in self.users.items():
                ET.SubElement(users, project_tag("User"), {"guid": guid, **({"name": name} if name else {})})
        codes = ET.SubElement(ET.SubElement(root, project_tag("CodeBook")), project_tag("Codes"))
        code_elements(codes, self.codebook, PROJECT_NS)
        root.append(ET.Comment(_PARTS))
        ET.indent(root)
        written = ET.tostring(root, encoding="utf-8", xml_declaration=False)
        before, _, after = written.partition(f"<!--{_PARTS}-->".encode())
        return b'<?xml version="1.0" encoding="utf-8"?>\n' + before.rstrip(), b"\n" + after.lstrip()


def _copy(part: IO[bytes], out: IO[bytes]) -> None:
    part.seek(0)
    shutil.copyfileobj(part, out, _COPY_CHUNK)


def write(store: Store, out: IO[bytes], options: ExportOptions) -> int:
    """The project as a .qdpx zip; returns the number of articles (sources)."""
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        tempfile.TemporaryFile() as sources,
        tempfile.TemporaryFile() as notes,
    ):
        project = _Project(store, options, sources, notes)
        count = 0
        for article_id in store.exports.article_ids(options.filters):
            project.source(archive, article_id)
            count += 1
        codes = {c.guid: {"id": c.id, "label_en": c.label_en, "key": c.shortcut} for c in project.codebook}
        archive.writestr(SIDECAR, _compact({"format": SIDECAR_FORMAT, "codes": codes}))
        before, after = project.outline()
        size = len(before) + sources.tell() + notes.tell() + len(after) + 64
        with archive.open("project.qde", "w", force_zip64=size >= _ZIP32_SAFE) as qde:
            qde.write(before)
            if count:
                qde.write(b"\n  <Sources>")
                _copy(sources, qde)
                qde.write(b"\n  </Sources>")
            if notes.tell():
                qde.write(b"\n  <Notes>")
                _copy(notes, qde)
                qde.write(b"\n  </Notes>")
            qde.write(after)
    return count
