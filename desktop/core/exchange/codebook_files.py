"""Codebook files: ``.json`` (this tool's, lossless), ``.csv`` (one row per code, with a path column,
as MAXQDA and Excel users write codebooks) and ``.qdc`` (REFI-QDA), read and written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO
from xml.etree import ElementTree as ET

from desktop.core.codebook import Codebook, split_path
from desktop.core.exchange.codebook_model import IncomingCode
from desktop.core.exchange.csv_cells import GuardedWriter, restore
from desktop.core.exchange.incoming import JSON_LIMITS, FormatError, past_json_limit, shown
from desktop.core.exchange.refi_codebook import CODEBOOK_NS, codebook_document, read_codes

JSON_FORMAT = "policy-annotator-codebook/1"
CSV_COLUMNS = ("id", "path", "label_zh", "label_en", "colour", "key", "codable", "description")
SUFFIXES = ("json", "csv", "qdc")
_YES = {"1", "true", "yes", "y", "是", "x", "✓"}
_NO = {"0", "false", "no", "n", "否", ""}


def suffix_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in SUFFIXES:
        raise FormatError(f"{path.name}: a codebook file ends in .json, .csv or .qdc")
    return suffix


# writing ------------------------------------------------------------------------------------------


def category_records(codebook: Codebook) -> list[dict[str, Any]]:
    """Every category in tree order, every stored field: the codebook as JSON and JSONL carry it."""
    return [
        {
            "id": c.id,
            "label_zh": c.label_zh,
            "label_en": c.label_en,
            "colour": c.colour,
            "key": c.shortcut,
            "description": c.description,
            "parent_id": c.parent_id,
            "codable": c.codable,
            "guid": c.guid,
            "position": c.position,
        }
        for c in codebook
    ]


def write_json(codebook: Codebook, out: TextIO) -> None:
    json.dump({"format": JSON_FORMAT, "categories": category_records(codebook)}, out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_csv(codebook: Codebook, out: TextIO) -> None:
    writer = GuardedWriter(out)
    writer.writerow(CSV_COLUMNS)
    for c in codebook:
        row = [c.id, codebook.path(c.id), c.label_zh, c.label_en, c.colour, c.shortcut, "yes" if c.codable else "no"]
        writer.writerow([*row, c.description])


def write_qdc(codebook: Codebook, out: TextIO) -> None:
    out.write('<?xml version="1.0" encoding="utf-8"?>\n')
    codebook_document(codebook).write(out, encoding="unicode")
    out.write("\n")


WRITERS = {"json": write_json, "csv": write_csv, "qdc": write_qdc}
# Excel opens a UTF-8 CSV right only with the byte order mark.
ENCODINGS = {"json": "utf-8", "csv": "utf-8-sig", "qdc": "utf-8"}


# reading ------------------------------------------------------------------------------------------


def _text(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{name} is not text: {shown(value)}")
    return value


def read_json(text: str) -> Iterator[IncomingCode]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(f"broken JSON ({error.msg} at line {error.lineno})") from None
    except JSON_LIMITS as error:
        raise FormatError(f"broken JSON ({past_json_limit(error)})") from None
    if not isinstance(value, dict) or not isinstance(value.get("categories"), list):
        raise FormatError(f"not a codebook: expected an object with a list of categories ({JSON_FORMAT})")
    yield from codes_of_records(value["categories"], "category")


def codes_of_records(records: list[Any], name: str) -> Iterator[IncomingCode]:
    """Codes from the records ``category_records`` writes (a JSON codebook, JSONL's codebook line)."""
    for number, record in enumerate(records, start=1):
        where = f"{name} {number}"
        try:
            if not isinstance(record, dict):
                raise ValueError("not an object")
            category_id = _text(record.get("id"), "id")
            if not category_id or not category_id.strip():
                raise ValueError("has no id")
            codable = record.get("codable")
            if codable is not None and not isinstance(codable, bool):
                raise ValueError(f"codable is not true or false: {shown(codable)}")
            yield IncomingCode(
                f"{where} ({category_id})",
                key=category_id,
                parent_key=_text(record.get("parent_id"), "parent_id"),
                label_zh=_text(record.get("label_zh"), "label_zh"),
                label_en=_text(record.get("label_en"), "label_en"),
                colour=_text(record.get("colour"), "colour"),
                shortcut=_text(record.get("key"), "key"),
                description=_text(record.get("description"), "description"),
                codable=codable,
                id=category_id,
                guid=_text(record.get("guid"), "guid"),
            )
        except ValueError as error:
            yield IncomingCode(where, key=where, problem=str(error))


def _yes_no(cell: str, where: str) -> bool:
    lowered = cell.strip().lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    raise ValueError(f"codable is not yes or no: {cell!r}")


def read_csv(text: str) -> Iterator[IncomingCode]:
    """Rows with a ``path`` (or only a ``label_zh``); missing parents of a path are made as codes too."""
    rows = csv.reader(io.StringIO(text))
    header = [cell.strip().lower().lstrip("\ufeff") for cell in next(rows, [])]
    if "path" not in header and "label_zh" not in header:
        raise FormatError("a codebook CSV needs a path or a label_zh column (path like 政策工具 > 供给型 > 资金投入)")
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: (row[i] if i < len(row) else "") for i, name in enumerate(header)}
        where = f"line {number}"
        # The formula guard's apostrophe, put there by this tool's own CSV writer, comes off again.
        cells = {name: restore(value) for name, value in cells.items()}
        parts = split_path(cells.get("path", "")) or split_path(cells.get("label_zh", ""))
        if not parts:
            yield IncomingCode(where, key=where, problem="has neither a path nor a label")
            continue
        for depth in range(1, len(parts)):
            ancestor = " > ".join(parts[:depth])
            if ancestor not in seen:
                seen.add(ancestor)
                parent = " > ".join(parts[: depth - 1]) or None
                yield IncomingCode(
                    f"{where} (parent {ancestor})", key=ancestor, parent_key=parent, label_zh=parts[depth - 1]
                )
        key = " > ".join(parts)
        seen.add(key)
        try:
            codable = _yes_no(cells["codable"], where) if cells.get("codable", "").strip() else None
        except ValueError as error:
            yield IncomingCode(where, key=key, problem=str(error))
            continue

        def given(name: str, cells: dict[str, str] = cells) -> str | None:
            return cells.get(name, "").strip() or None

        yield IncomingCode(
            where,
            key=key,
            parent_key=" > ".join(parts[:-1]) or None,
            label_zh=given("label_zh") or parts[-1],
            label_en=given("label_en"),
            colour=given("colour") or given("color"),
            shortcut=given("key"),
            description=cells.get("description") if cells.get("description") else None,
            codable=codable,
            id=given("id"),
        )


# ATLAS.ti still writes codebooks in the standard's draft namespace; the codes read the same.
QDC_NAMESPACES = (CODEBOOK_NS, "urn:QDA-XML:codebook:0:4")


def skipped_sets(root: ET.Element, namespace: str) -> Iterator[IncomingCode]:
    """Code groups (REFI-QDA Sets) have no place here: one problem line names them."""
    names = [element.get("name") or "?" for element in root.iterfind(f"{{{namespace}}}Sets/{{{namespace}}}Set")]
    if names:
        yield IncomingCode(
            "Sets", "", problem=f"{len(names)} code group(s) not kept (no place for them here): {', '.join(names)}"
        )


def read_qdc(text: str) -> Iterator[IncomingCode]:
    try:
        root = ET.fromstring(text.lstrip("\ufeff"))
    except ET.ParseError as error:
        raise FormatError(f"broken XML ({error})") from None
    namespace = next((ns for ns in QDC_NAMESPACES if root.tag == f"{{{ns}}}CodeBook"), "")
    codes = root.find(f"{{{namespace}}}Codes") if namespace else None
    if codes is None:
        raise FormatError(f"not a REFI-QDA codebook (a CodeBook element in {' or '.join(QDC_NAMESPACES)} with Codes)")
    yield from read_codes(codes, namespace)
    yield from skipped_sets(root, namespace)


READERS = {"json": read_json, "csv": read_csv, "qdc": read_qdc}
