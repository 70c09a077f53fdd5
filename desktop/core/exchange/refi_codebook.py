"""REFI-QDA codes: the ``<Code>`` tree of a ``.qdc`` codebook and of a ``.qdpx`` project's CodeBook.

Written and read with the standard library's ElementTree; the tests validate what is written
against the standard's XSDs with lxml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from desktop.core.codebook import Codebook
from desktop.core.exchange.codebook_model import IncomingCode

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
ORIGIN = "Policy Annotator"
_GUID = re.compile(r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$")
_RGB = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def project_tag(tag: str) -> str:
    """An element's name in a REFI-QDA project, as ElementTree spells it (with its namespace)."""
    return f"{{{PROJECT_NS}}}{tag}"


def valid_guid(value: str) -> bool:
    return bool(_GUID.match(value))


def plain_guid(value: str) -> str:
    """A guid as this tool keeps it: lower case, no braces (MAXQDA writes braces, others do not)."""
    return value.strip("{}").lower()


def code_elements(parent: ET.Element, codebook: Codebook, namespace: str) -> None:
    """The codebook's tree as nested ``<Code>`` elements under ``parent``."""

    def add(under: ET.Element, parent_id: str | None) -> None:
        for category in codebook.children(parent_id):
            attributes = {
                "guid": category.guid,
                "name": category.label_zh,
                "isCodable": "true" if category.codable else "false",
            }
            if _RGB.match(category.colour):
                attributes["color"] = category.colour
            code = ET.SubElement(under, f"{{{namespace}}}Code", attributes)
            if category.description:
                ET.SubElement(code, f"{{{namespace}}}Description").text = category.description
            add(code, category.id)

    add(parent, None)


def codebook_document(codebook: Codebook) -> ET.ElementTree:
    """A ``.qdc`` file: the codebook alone."""
    ET.register_namespace("", CODEBOOK_NS)
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": ORIGIN})
    code_elements(ET.SubElement(root, f"{{{CODEBOOK_NS}}}Codes"), codebook, CODEBOOK_NS)
    ET.indent(root)
    return ET.ElementTree(root)


def read_codes(codes: ET.Element, namespace: str) -> Iterator[IncomingCode]:
    """Each ``<Code>`` under ``codes``, parents before their children; bad ones named by guid or name.

    Walked without recursion: a file nested thousands deep is read (and refused by depth when merged).
    """
    tag = f"{{{namespace}}}Code"
    # (element, its parent's key, its number among its siblings), in document order.
    stack: list[tuple[ET.Element, str | None, int]] = [
        (code, None, number) for number, code in reversed(list(enumerate(codes.findall(tag), start=1)))
    ]
    while stack:
        code, parent, number = stack.pop()
        guid = code.get("guid") or ""
        name = (code.get("name") or "").strip()
        where = f"code {name or guid or number}"
        if not valid_guid(guid) or not name:
            yield IncomingCode(where, problem="has no valid guid or no name", key=guid or where, parent_key=parent)
            continue
        colour = code.get("color") or None
        description = code.findtext(f"{{{namespace}}}Description")
        yield IncomingCode(
            where,
            key=plain_guid(guid),
            parent_key=parent,
            label_zh=name,
            colour=colour if colour and _RGB.match(colour) else None,
            description=description,
            codable=(code.get("isCodable") or "true").strip().lower() not in ("false", "0"),
            guid=plain_guid(guid),
        )
        children = list(enumerate(code.findall(tag), start=1))
        stack.extend((child, plain_guid(guid), n) for n, child in reversed(children))
