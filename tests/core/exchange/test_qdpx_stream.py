"""project.qde walked as a stream: parts handed over and let go, a source's Description never read."""

from __future__ import annotations

import io
import tracemalloc
from xml.etree import ElementTree as ET

import pytest

from desktop.core.exchange.incoming import FormatError
from desktop.core.exchange.qdpx_stream import walk_project
from desktop.core.exchange.refi_codebook import PROJECT_NS, project_tag


def _project(description: str, sources: int = 1) -> bytes:
    source = (
        '<TextSource guid="s{n}" name="第{n}篇" plainTextPath="internal://s{n}.txt">'
        f"<Description>{description}</Description>"
        '<PlainTextSelection guid="p{n}" startPosition="0" endPosition="2">'
        "<Description>见第三条 &amp; &lt;目标&gt;</Description>"
        '<Coding guid="c{n}"><CodeRef targetGUID="k1"/></Coding>'
        "</PlainTextSelection></TextSource>"
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="{PROJECT_NS}" name="p">'
        '<CodeBook><Codes><Code guid="k1" name="目标" isCodable="true"><Description>政策目标</Description></Code>'
        "</Codes></CodeBook>"
        f"<Sources>{''.join(source.format(n=n) for n in range(sources))}</Sources>"
        '<Notes><Note guid="n1" name="原文"><PlainTextContent>原文一</PlainTextContent></Note></Notes>'
        "</Project>"
    ).encode()


def _walk(data: bytes) -> tuple[ET.Element, list[ET.Element], list[ET.Element]]:
    sources: list[ET.Element] = []
    notes: list[ET.Element] = []
    root = walk_project(io.BytesIO(data), sources.append, notes.append)
    return root, sources, notes


def test_each_source_and_note_is_handed_over_and_left_out_of_the_tree() -> None:
    root, sources, notes = _walk(_project("原文", sources=3))
    assert [source.get("name") for source in sources] == ["第0篇", "第1篇", "第2篇"]
    assert [note.findtext(project_tag("PlainTextContent")) for note in notes] == ["原文一"]
    assert len(root.find(project_tag("Sources"))) == 0 and len(root.find(project_tag("Notes"))) == 0
    # What stays in the tree keeps its texts: the codebook's descriptions.
    assert (
        root.findtext(
            f"{project_tag('CodeBook')}/{project_tag('Codes')}/{project_tag('Code')}/{project_tag('Description')}"
        )
        == "政策目标"
    )


def test_a_source_comes_without_its_description_and_its_selections_keep_theirs() -> None:
    _, [source], _ = _walk(_project("原文 (original text):\n原文"))
    assert source.find(project_tag("Description")) is None
    selection = source.find(project_tag("PlainTextSelection"))
    assert selection is not None
    assert selection.findtext(project_tag("Description")) == "见第三条 & <目标>"
    assert selection.find(f"{project_tag('Coding')}/{project_tag('CodeRef')}").get("targetGUID") == "k1"


def test_a_sources_description_is_never_decoded() -> None:
    """A Description of 30 MB is passed over without being held: a tree builder given its text
    would hold it once as bytes in expat and once as a string."""
    data = _project("政" * 10_000_000)
    tracemalloc.start()
    try:
        _, sources, _ = _walk(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(sources) == 1
    assert peak < 2_000_000, peak


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<Project", "broken XML"),
        (b"", "broken XML"),
        (f"<Project xmlns='{PROJECT_NS}'><Sources></Project>".encode(), "broken XML"),
        (b"<Other xmlns='urn:x'/>", "not a REFI-QDA project"),
        (b"<Project/>", "not a REFI-QDA project"),
    ],
)
def test_a_broken_or_foreign_project_is_a_format_error(data: bytes, reason: str) -> None:
    with pytest.raises(FormatError, match=reason):
        _walk(data)
