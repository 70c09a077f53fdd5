"""REFI-QDA: .qdc codebooks and .qdpx projects, valid against the standard's XSDs, and back losslessly."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from desktop.core.coding.importing import prepare_article
from desktop.core.exchange import qdpx_reader
from desktop.core.exchange.attach import import_annotations
from desktop.core.exchange.codebook_files import write_qdc
from desktop.core.exchange.formats import format_by_key
from desktop.core.exchange.outgoing import BINARY, ExportOptions, write_to_path
from desktop.core.exchange.qdpx_writer import SIDECAR
from desktop.core.store import Store

SCHEMAS = Path(__file__).resolve().parents[2] / "data" / "refi-qda"
NS = {"q": "urn:QDA-XML:project:1.0"}
# An astral character (𠮷, two UTF-16 units) before the tagged words, in both articles.
ARTICLES = (
    "青禾縣𠮷祥街區加大財政資金投入，設立產業引導基金。\n完善人才培養體系，到2025年引進人才500名。",
    "白沙县推进生态文明建设，实施乡村振兴战略。𠮷\n设立专项资金支持企业创新。",
)


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def nested_store(store: Store) -> None:
    """A two-level codebook, two analysts, notes, astral characters before the spans."""
    store.categories.add("tools", "政策工具", "Policy tools", "#999999", codable=False, description="按工具分类")
    store.categories.add("supply", "供给型", "Supply", "#aa0000", parent_id="tools", shortcut="Alt+1")
    store.categories.add("funding", "资金投入", "Funding", "#00aa00", parent_id="supply", description="财政资金、基金")
    ids = store.articles.add([prepare_article(text, f"{n}.txt", "utf-8") for n, text in enumerate(ARTICLES)])
    first, second = (store.document(i) for i in ids)
    at = first.article.text.index("财政资金")
    store.spans.insert(first.span_from_text(at, at + 4, "funding", "li")._replace(note="见第三条"))
    store.spans.insert(first.span_from_text(at, at + 6, "supply", "wang"))
    at = first.article.text.index("人才")
    store.spans.insert(first.span_from_text(at, at + 2, "target", "wang")._replace(note="人才 & <目标>"))
    at = second.article.text.index("专项资金")
    store.spans.insert(second.span_from_text(at, at + 4, "funding", "li"))


def jsonl(store: Store) -> str:
    out = io.StringIO()
    format_by_key("jsonl").write(store, out, ExportOptions())
    return out.getvalue()


def qdpx(store: Store, path: Path) -> zipfile.ZipFile:
    write_to_path(format_by_key("qdpx").write, store, path, ExportOptions(), BINARY)
    return zipfile.ZipFile(path)


def test_the_qdc_codebook_is_valid_and_nests_as_the_tree_does(store: Store) -> None:
    nested_store(store)
    out = io.StringIO()
    write_qdc(store.categories.codebook(), out)
    document = etree.fromstring(out.getvalue().encode("utf-8"))
    codebook_schema = schema("Codebook.xsd")
    assert codebook_schema.validate(document), codebook_schema.error_log
    cb = {"c": "urn:QDA-XML:codebook:1.0"}
    funding = document.find("c:Codes/c:Code[@name='政策工具']/c:Code[@name='供给型']/c:Code[@name='资金投入']", cb)
    assert funding is not None and funding.findtext("c:Description", namespaces=cb) == "财政资金、基金"
    assert document.find("c:Codes/c:Code[@name='政策工具']", cb).get("isCodable") == "false"


def test_the_qdpx_project_is_valid_with_users_codings_notes_and_code_point_positions(
    store: Store, tmp_path: Path
) -> None:
    nested_store(store)
    archive = qdpx(store, tmp_path / "project.qdpx")
    document = etree.fromstring(archive.read("project.qde"))
    project_schema = schema("Project.xsd")
    assert project_schema.validate(document), project_schema.error_log
    assert sorted(u.get("name") for u in document.iterfind("q:Users/q:User", NS)) == ["li", "wang"]
    sources = document.findall("q:Sources/q:TextSource", NS)
    assert len(sources) == 2
    notes = {
        n.get("guid"): n.findtext("q:PlainTextContent", namespaces=NS) for n in document.iterfind("q:Notes/q:Note", NS)
    }
    users = {u.get("guid"): u.get("name") for u in document.iterfind("q:Users/q:User", NS)}
    codes = {c.get("guid"): c.get("name") for c in document.iter("{urn:QDA-XML:project:1.0}Code")}
    found = []
    for source in sources:
        text = archive.read("sources/" + source.get("plainTextPath").removeprefix("internal://")).decode("utf-8")
        assert "𠮷" in text
        # The original text rides along as the source's note.
        [original] = [notes[ref.get("targetGUID")] for ref in source.iterfind("q:NoteRef", NS)]
        assert original in ARTICLES
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            coding = selection.find("q:Coding", NS)
            note = [notes[ref.get("targetGUID")] for ref in selection.iterfind("q:NoteRef", NS)]
            found.append(
                (
                    text[start:end],
                    codes[coding.find("q:CodeRef", NS).get("targetGUID")],
                    users[coding.get("creatingUser")],
                    note,
                )
            )
            # Characters, not UTF-16 units: 𠮷 before the span counts one.
            assert len(text[:start].encode("utf-16-le")) // 2 == start + text[:start].count("𠮷")
    assert sorted(found) == sorted(
        [
            ("财政资金", "资金投入", "li", ["见第三条"]),
            ("财政资金投入", "供给型", "wang", []),
            ("人才", "目标", "wang", ["人才 & <目标>"]),
            ("专项资金", "资金投入", "li", []),
        ]
    )


def test_qdpx_into_a_fresh_database_gives_back_the_same_jsonl(store: Store, tmp_path: Path) -> None:
    nested_store(store)
    qdpx(store, tmp_path / "project.qdpx")
    with Store.open(tmp_path / "fresh.db") as fresh:
        report = import_annotations(fresh, tmp_path / "project.qdpx", "someone-else")
        assert report.spans_imported == 4 and not report.skipped and not report.failed
        assert jsonl(fresh) == jsonl(store)
        # A second import finds everything there already.
        again = import_annotations(fresh, tmp_path / "project.qdpx", "someone-else")
        assert again.spans_imported == 0 and again.spans_present == 4


def test_the_extra_data_is_one_compact_file_per_source_with_its_map(store: Store, tmp_path: Path) -> None:
    """Read by programs only, one source at a time: no indentation (an offset map indented one number
    per line doubled the file), and no part that holds every source."""
    nested_store(store)
    archive = qdpx(store, tmp_path / "project.qdpx")
    per_source = [name for name in archive.namelist() if name.startswith("policy-annotator/")]
    assert len(per_source) == 2
    written = [archive.read(name).decode("utf-8") for name in [SIDECAR, *per_source]]
    assert all("\n" not in part and ", " not in part and ": " not in part for part in written)
    assert set(json.loads(written[0])) == {"format", "codes"}
    maps = [json.loads(part)["offset_map"] for part in written[1:]]
    assert all(store.articles.offset_map(i).to_json() in maps for i in store.articles.ids())
    span_ids = {span_id for part in written[1:] for span_id in json.loads(part)["span_ids"].values()}
    assert span_ids == {span.id for i in store.articles.ids() for span in store.spans.of_article(i)}


def test_a_project_of_the_first_format_with_one_extra_file_still_comes_back_whole(store: Store, tmp_path: Path) -> None:
    """Projects written before the extra data was split per source: every source in one file."""
    nested_store(store)
    archive = qdpx(store, tmp_path / "new.qdpx")
    sources, selections = {}, {}
    for name in archive.namelist():
        if name.startswith("policy-annotator/"):
            extras = json.loads(archive.read(name))
            selections.update({guid: {"span_id": span_id} for guid, span_id in extras.pop("span_ids").items()})
            sources[name.removeprefix("policy-annotator/").removesuffix(".json")] = extras
    first_format = json.loads(archive.read(SIDECAR)) | {
        "format": "policy-annotator-qdpx/1",
        "sources": sources,
        "selections": selections,
    }
    old = tmp_path / "old.qdpx"
    with zipfile.ZipFile(old, "w") as out:
        for name in archive.namelist():
            if not name.startswith("policy-annotator"):
                out.writestr(name, archive.read(name))
        out.writestr(SIDECAR, json.dumps(first_format, ensure_ascii=False, indent=1))
    with Store.open(tmp_path / "fresh.db") as fresh:
        report = import_annotations(fresh, old, "someone-else")
        assert not report.failed and not report.skipped and report.spans_imported == 4
        assert jsonl(fresh) == jsonl(store)


def test_a_project_saved_again_by_another_program_comes_back_from_the_standard_alone(
    store: Store, tmp_path: Path
) -> None:
    """Without this tool's extra file: codes, texts, positions, analysts and notes still come back."""
    nested_store(store)
    archive = qdpx(store, tmp_path / "ours.qdpx")
    bare = tmp_path / "other.qdpx"
    with zipfile.ZipFile(bare, "w") as out:
        for name in archive.namelist():
            if name != SIDECAR:
                out.writestr(name, archive.read(name))
    with Store.open(tmp_path / "fresh.db") as fresh:
        report = import_annotations(fresh, bare, "me")
        assert report.spans_imported == 4 and not report.skipped
        codebook = fresh.categories.codebook()
        funding = codebook.by_path("政策工具 > 供给型 > 资金投入")
        assert funding is not None and funding.description == "财政资金、基金" and funding.colour == "#00aa00"
        rows = fresh.db.execute(
            "select s.text, c.label_zh, s.annotator, s.note from spans s join categories c on c.id = s.category_id"
            " order by s.text, c.label_zh"
        ).fetchall()
    assert rows == [
        ("专项资金", "资金投入", "li", ""),
        ("人才", "目标", "wang", "人才 & <目标>"),
        ("财政资金", "资金投入", "li", "见第三条"),
        ("财政资金投入", "供给型", "wang", ""),
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "not a readable zip"),
        (None, "must hold project.qde"),
        ("<Project", "broken XML"),
        ("<Other xmlns='urn:x'/>", "not a REFI-QDA project"),
    ],
)
def test_a_broken_qdpx_is_named_and_stores_nothing(store: Store, tmp_path: Path, content, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "broken.qdpx"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        with zipfile.ZipFile(path, "w") as out:
            out.writestr("other.txt", "x") if content is None else out.writestr("project.qde", content)
    before = jsonl(store)
    report = import_annotations(store, path, "me")
    assert str(path) in report.failed and reason in report.failed
    assert jsonl(store) == before


def _edited(archive: zipfile.ZipFile, target: Path, qde: str) -> Path:
    with zipfile.ZipFile(target, "w") as out:
        for name in archive.namelist():
            out.writestr(name, qde if name == "project.qde" else archive.read(name))
    return target


def test_a_selection_whose_quote_does_not_match_refuses_the_file_and_stores_nothing(
    store: Store, tmp_path: Path
) -> None:
    nested_store(store)
    archive = qdpx(store, tmp_path / "ours.qdpx")
    qde = archive.read("project.qde").decode("utf-8").replace('endPosition="', 'endPosition="9999', 1)
    broken = _edited(archive, tmp_path / "shifted.qdpx", qde)
    with Store.open(tmp_path / "fresh.db") as fresh:
        report = import_annotations(fresh, broken, "me")
        assert "positions do not match the quotes" in report.failed and "selection" in report.failed
        assert "where the file quotes" in report.failed
        assert report.spans_imported == 0 and fresh.articles.ids() == []


def test_a_selection_outside_its_text_without_a_quote_is_skipped_and_named(store: Store, tmp_path: Path) -> None:
    nested_store(store)
    archive = qdpx(store, tmp_path / "ours.qdpx")
    qde = archive.read("project.qde").decode("utf-8").replace('endPosition="', 'endPosition="9999', 1)
    qde = re.sub(r'(<PlainTextSelection[^>]*?) name="[^"]*"', r"\1", qde)
    broken = _edited(archive, tmp_path / "shifted.qdpx", qde)
    with Store.open(tmp_path / "fresh.db") as fresh:
        report = import_annotations(fresh, broken, "me")
        assert report.spans_imported == 3
        assert len(report.skipped) == 1 and "outside the text" in report.skipped[0][1]


def test_jsonl_carries_the_codebook_and_brings_it_into_a_fresh_database(store: Store, tmp_path: Path) -> None:
    nested_store(store)
    text = jsonl(store)
    first = json.loads(text.splitlines()[0])
    assert [c["id"] for c in first["codebook"]] == ["project", "target", "measure", "tools", "supply", "funding"]
    path = tmp_path / "all.jsonl"
    path.write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "fresh.db") as fresh:
        import_annotations(fresh, path, "me")
        assert jsonl(fresh) == text


def test_the_project_gives_qualcoder_what_its_import_reads(store: Store, tmp_path: Path) -> None:
    """QualCoder stops on a Note without a date, reads a coding's memo from the selection's
    Description and a source's memo from the source's Description, and ignores Notes on sources."""
    nested_store(store)
    archive = qdpx(store, tmp_path / "ours.qdpx")
    document = etree.fromstring(archive.read("project.qde"))
    assert schema("Project.xsd").validate(document)
    stamp = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
    notes = document.findall("q:Notes/q:Note", NS)
    assert notes and all(stamp.match(n.get("creationDateTime", "")) for n in notes)
    assert all(stamp.match(n.get("modifiedDateTime", "")) for n in notes)
    memos = {
        selection.get("name"): selection.findtext("q:Description", namespaces=NS)
        for selection in document.iter(f"{{{NS['q']}}}PlainTextSelection")
    }
    assert memos["财政资金"] == "见第三条" and memos["人才"] == "人才 & <目标>"
    assert memos["专项资金"] is None  # no note, no memo
    for source, article in zip(document.iterfind("q:Sources/q:TextSource", NS), ARTICLES, strict=True):
        assert source.findtext("q:Description", namespaces=NS).endswith(article)
    # Back in: each span's note once, though the file holds it twice.
    with Store.open(tmp_path / "back.db") as back:
        import_annotations(back, tmp_path / "ours.qdpx", "me")
        assert sorted(s.note for i in back.articles.ids() for s in back.spans.of_article(i) if s.note) == [
            "人才 & <目标>",
            "见第三条",
        ]


def test_a_large_project_is_read_one_source_at_a_time_not_held_whole(store: Store, tmp_path: Path) -> None:
    """The reader holds the notes and selections, not the project: a tree of the whole project.qde
    (and its bytes) took several times its size, and refused projects past 512 MB (~20,000 articles)."""
    body = "".join(ARTICLES) * 40
    store.articles.add([prepare_article(f"第{n}篇\n{n}{body}", f"{n}.txt", "utf-8") for n in range(120)])
    qdpx(store, tmp_path / "large.qdpx")
    data = (tmp_path / "large.qdpx").read_bytes()
    qde_size = zipfile.ZipFile(io.BytesIO(data)).getinfo("project.qde").file_size
    tracemalloc.start()
    try:
        records = 0
        for record in qdpx_reader.read_bytes(data, "me"):
            records += record.article is not None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert records == 120
    assert peak < qde_size / 2, (peak, qde_size)


def _open_files() -> set[str]:
    found = set()
    for descriptor in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            found.add(os.readlink(f"/proc/self/fd/{descriptor}"))
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to list open files")
def test_a_project_is_read_from_its_file_past_the_whole_file_limit_and_closed_after(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A project is read from the file as its records are made, not loaded whole first (a 1 GB
    limit held for the whole zip); the file is closed when the import ends, stored or refused."""
    from desktop.core.exchange import incoming

    nested_store(store)
    project = tmp_path / "project.qdpx"
    qdpx(store, project)
    monkeypatch.setattr(incoming, "MAX_EXCHANGE_BYTES", project.stat().st_size // 2)
    with Store.open(tmp_path / "fresh.db") as fresh:
        report = import_annotations(fresh, project, "me")
        assert not report.failed and report.spans_imported == 4
        assert jsonl(fresh) == jsonl(store)
        assert str(project) not in _open_files()
        broken = tmp_path / "broken.qdpx"
        broken.write_bytes(project.read_bytes()[:-100])
        assert import_annotations(fresh, broken, "me").failed
        assert str(broken) not in _open_files()
    # A text format is still held to the limit.
    labelled = tmp_path / "tasks.json"
    labelled.write_text("[" + ",".join(['{"data": {"text": "甲乙丙"}}'] * 2000) + "]", encoding="utf-8")
    with Store.open(tmp_path / "other.db") as other:
        assert "over the limit" in import_annotations(other, labelled, "me").failed
