"""``project.qde`` read as a stream: its sources and notes handed over one at a time and let go,
the rest of the project kept as a tree.

Driven from expat directly, not through ElementTree's ``iterparse``: iterparse built every
element and decoded every text, and this tool's sources carry their original text twice (as the
source's Description and as a note). A source's own Description is never used on import, so it
is neither built nor decoded here. Reading the project of 1,000 articles took ~140 ms with
iterparse and takes ~60 ms so. Element names are spelled as ElementTree spells them
(``{namespace}name``); an attribute in a namespace (``xsi:schemaLocation``) keeps expat's
``namespace}name``, as the reader reads none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO
from xml.etree import ElementTree as ET
from xml.parsers import expat

from desktop.core.exchange.incoming import FormatError
from desktop.core.exchange.refi_codebook import PROJECT_NS, project_tag

_ROOT = project_tag("Project")
_SOURCE = project_tag("TextSource")
_NOTE = project_tag("Note")
_DESCRIPTION = project_tag("Description")
# (parent, element) of the parts handed over, each directly under the project's Sources or Notes.
_SOURCE_PART = (project_tag("Sources"), _SOURCE)
_NOTE_PART = (project_tag("Notes"), _NOTE)
# What is read from the zip and given to expat at a time (ParseFile would read 2 KB at a time);
# with a megabyte, expat's copies of it outweighed the project of a small import.
_CHUNK = 64 * 1024


def walk_project(
    stream: IO[bytes],
    on_source: Callable[[ET.Element], None],
    on_note: Callable[[ET.Element], None],
) -> ET.Element:
    """The project's root without its text sources and notes: each of those goes to ``on_source``
    or ``on_note`` as soon as it is read (a source without its Description), then out of the tree.

    FormatError when project.qde is broken XML or not a REFI-QDA project; what the stream raises
    (a damaged zip) is raised as it is.
    """
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True  # one call per text, not one per line
    parser.buffer_size = 64 * 1024
    open_elements: list[ET.Element] = []
    unbuilt = 0  # how deep the parser is inside an element left out of the tree

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal unbuilt
        if unbuilt:
            unbuilt += 1
            return
        tag = "{" + name if "}" in name else name
        if not open_elements and tag != _ROOT:
            raise FormatError(f"project.qde is not a REFI-QDA project (a Project element in {PROJECT_NS})")
        if tag == _DESCRIPTION and len(open_elements) == 3 and open_elements[2].tag == _SOURCE:
            unbuilt = 1
            parser.CharacterDataHandler = None
            return
        open_elements.append(builder.start(tag, attributes))

    def end(name: str) -> None:
        nonlocal unbuilt
        if unbuilt:
            unbuilt -= 1
            if not unbuilt:
                parser.CharacterDataHandler = builder.data
            return
        element = builder.end("{" + name if "}" in name else name)
        open_elements.pop()
        if len(open_elements) != 2:
            return
        part = (open_elements[1].tag, element.tag)
        if part == _SOURCE_PART:
            on_source(element)
        elif part == _NOTE_PART:
            on_note(element)
        else:
            return
        open_elements[1].remove(element)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    try:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise FormatError(f"project.qde is broken XML ({error})") from None
    return builder.close()
