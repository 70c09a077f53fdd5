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
  offset map and import record; span ids) goes into ``policy-annotator.json`` beside
  ``project.qde``. Other programs ignore the file; this tool reads it back, so a round trip
  loses nothing, and a project saved again by another program still comes back from the
  standard's own elements.
"""

from __future__ import annotations

import json
import re
import uuid
import zipfile
from datetime import UTC, datetime
from typing import IO, Any
from xml.etree import ElementTree as ET

from desktop.core.exchange.outgoing import ExportOptions, flag_records, span_records
from desktop.core.exchange.refi_codebook import ORIGIN, PROJECT_NS, code_elements
from desktop.core.store import Store

SIDECAR = "policy-annotator.json"
SIDECAR_FORMAT = "policy-annotator-qdpx/1"
_NAMES = uuid.UUID("0b7c3f5e-8a4d-4f0e-b6f1-2d9e5c7a1b38")
# xsd:dateTime: a date, a time and an optional zone; the stamps this tool writes have that shape.
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
ORIGINAL_NOTE = "原文 (original text)"


def name_guid(kind: str, name: str) -> str:
    """The same guid for the same user, article or span in every export of one database."""
    return str(uuid.uuid5(_NAMES, f"{kind}:{name}"))


def _q(tag: str) -> str:
    return f"{{{PROJECT_NS}}}{tag}"


def _stamp(attributes: dict[str, str], name: str, value: str) -> None:
    if value and _DATE_TIME.match(value):
        attributes[name] = value


class _Project:
    def __init__(self, store: Store, options: ExportOptions) -> None:
        self.store = store
        self.options = options
        self.root = ET.Element(_q("Project"), {"name": "Policy Annotator project", "origin": ORIGIN})
        self.users: dict[str, str] = {}
        self.notes: list[ET.Element] = []
        self.sidecar: dict[str, Any] = {"format": SIDECAR_FORMAT, "codes": {}, "sources": {}, "selections": {}}
        self.texts: dict[str, str] = {}
        # The export's own time: the date of a note whose span has none.
        self.now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def user(self, name: str) -> str:
        if name not in self.users:
            self.users[name] = name_guid("user", name)
        return self.users[name]

    def note(self, name: str, text: str, user: str | None, created: str = "", modified: str = "") -> str:
        guid = name_guid("note", f"{name}\n{text}\n{len(self.notes)}")
        attributes = {"guid": guid, "name": name}
        if user:
            attributes["creatingUser"] = user
        created = created if _DATE_TIME.match(created or "") else self.now
        attributes["creationDateTime"] = created
        attributes["modifiedDateTime"] = modified if _DATE_TIME.match(modified or "") else created
        note = ET.Element(_q("Note"), attributes)
        ET.SubElement(note, _q("PlainTextContent")).text = text
        self.notes.append(note)
        return guid

    def build(self) -> int:
        codebook = self.store.categories.codebook()
        users = ET.SubElement(self.root, _q("Users"))
        codes = ET.SubElement(ET.SubElement(self.root, _q("CodeBook")), _q("Codes"))
        code_elements(codes, codebook, PROJECT_NS)
        guids = {category.id: category.guid for category in codebook}
        for category in codebook:
            self.sidecar["codes"][category.guid] = {
                "id": category.id,
                "label_en": category.label_en,
                "key": category.shortcut,
            }
        sources = ET.SubElement(self.root, _q("Sources"))
        count = 0
        for article_id in self.store.exports.article_ids(self.options.filters):
            self.source(sources, article_id, guids)
            count += 1
        for name, guid in self.users.items():
            attributes = {"guid": guid}
            if name:
                attributes["name"] = name
            ET.SubElement(users, _q("User"), attributes)
        if not self.users:
            self.root.remove(users)
        if not len(sources):
            self.root.remove(sources)
        if self.notes:
            notes = ET.Element(_q("Notes"))
            notes.extend(self.notes)
            self.root.insert(list(self.root).index(sources) + 1 if len(sources) else len(self.root), notes)
        return count

    def source(self, sources: ET.Element, article_id: int, guids: dict[str, str]) -> None:
        record = self.store.articles.record(article_id)
        guid = name_guid("article", record["sha256"])
        attributes = {"guid": guid, "name": record["title"] or f"article {article_id}"}
        attributes["plainTextPath"] = f"internal://{guid}.txt"
        _stamp(attributes, "creationDateTime", record["imported_at"] or "")
        source = ET.SubElement(sources, _q("TextSource"), attributes)
        ET.SubElement(source, _q("Description")).text = f"{ORIGINAL_NOTE}:\n{record['original_text']}"
        self.texts[guid] = record["text"]
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
            selection = ET.SubElement(source, _q("PlainTextSelection"), selection_attributes)
            if span["note"]:
                ET.SubElement(selection, _q("Description")).text = span["note"]
            coding_attributes = {"guid": name_guid("coding", selection_guid), "creatingUser": user}
            _stamp(coding_attributes, "creationDateTime", span["created_at"] or "")
            coding = ET.SubElement(selection, _q("Coding"), coding_attributes)
            ET.SubElement(coding, _q("CodeRef"), {"targetGUID": guids.get(span["category"], "")})
            if span["note"]:
                name = f"Note on “{span['text'][:20]}”"
                note = self.note(name, span["note"], user, span["created_at"] or "", span["updated_at"] or "")
                ET.SubElement(selection, _q("NoteRef"), {"targetGUID": note})
            self.sidecar["selections"][selection_guid] = {"span_id": span["span_id"]}
        original_name = f"{ORIGINAL_NOTE}: {attributes['name']}"
        original = self.note(original_name, record["original_text"], None, record["imported_at"] or "")
        ET.SubElement(source, _q("NoteRef"), {"targetGUID": original})
        kept = ("article_id", "original_title", "source_path", "status", "encoding", "converter")
        self.sidecar["sources"][guid] = {
            **{name: record[name] if name != "article_id" else article_id for name in kept},
            "converter_version": record["converter_version"],
            "pipeline_version": record["pipeline_version"],
            "rules": json.loads(record["rules"] or "[]"),
            "imported_at": record["imported_at"],
            "title": record["title"],
            "offset_map": json.loads(record["offset_map"]),
            "original_note": original,
            "flags": flag_records(self.store, article_id),
        }


def write(store: Store, out: IO[bytes], options: ExportOptions) -> int:
    """The project as a .qdpx zip; returns the number of articles (sources)."""
    project = _Project(store, options)
    count = project.build()
    ET.register_namespace("", PROJECT_NS)
    ET.indent(project.root)
    qde = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(
        project.root, encoding="utf-8", xml_declaration=False
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", qde)
        for guid, text in project.texts.items():
            archive.writestr(f"sources/{guid}.txt", text.encode("utf-8"))
        archive.writestr(SIDECAR, json.dumps(project.sidecar, ensure_ascii=False, indent=1).encode("utf-8"))
    return count
