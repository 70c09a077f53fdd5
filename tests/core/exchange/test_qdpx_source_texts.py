"""A .qdpx source's text is read from the zip once, and twice only when its quotes must be proven
before anything is stored; what the texts tell (CRLF line ends, a text that cannot be read) is
still reported."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.exchange.attach import import_annotations
from desktop.core.exchange.qdpx_archive import ProjectArchive
from desktop.core.exchange.refi_codebook import PROJECT_NS
from desktop.core.store import Store
from tests.core.exchange.test_refi_qda import jsonl, qdpx

CODED = "青禾县加大财政资金投入。\n完善人才培养体系。"
UNCODED = ("白沙县推进生态文明建设。", "红河县实施乡村振兴战略。")


@pytest.fixture
def read_texts(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each source text (``sources/…``) is read from a project's zip."""
    counted: Counter[str] = Counter()
    original = ProjectArchive.text

    def counting(self: ProjectArchive, name: str, limit: int = 2**40) -> str:
        if name.startswith("sources/"):
            counted[name] += 1
        return original(self, name, limit)

    monkeypatch.setattr(ProjectArchive, "text", counting)
    return counted


def test_a_coded_source_is_read_twice_and_an_uncoded_one_once(
    store: Store, tmp_path: Path, read_texts: Counter[str]
) -> None:
    ids = store.articles.add([prepare_article(text, f"{n}.txt", "utf-8") for n, text in enumerate((CODED, *UNCODED))])
    document = store.document(ids[0])
    at = document.article.text.index("财政资金")
    store.spans.insert(document.span_from_text(at, at + 4, "measure", "li"))
    project = tmp_path / "p.qdpx"
    qdpx(store, project)
    coded_path = next(
        name
        for name in zipfile.ZipFile(project).namelist()
        if name.startswith("sources/") and "财政资金" in zipfile.ZipFile(project).read(name).decode()
    )
    with Store.open(tmp_path / "fresh.db") as fresh:
        report = import_annotations(fresh, project, "me")
        assert not report.failed and not report.skipped and report.spans_imported == 1
        assert jsonl(fresh) == jsonl(store)
    assert read_texts.pop(coded_path) == 2
    assert sorted(read_texts.values()) == [1, 1]


def _foreign_project(path: Path, texts: dict[str, bytes]) -> Path:
    """A project as another program writes it: sources with texts and no selections, no extra data."""
    sources = "".join(
        f'<TextSource guid="{guid}" name="{guid}" plainTextPath="internal://{guid}.txt"/>' for guid in texts
    )
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("project.qde", f'<Project xmlns="{PROJECT_NS}" name="p"><Sources>{sources}</Sources></Project>')
        for guid, data in texts.items():
            if data:
                out.writestr(f"sources/{guid}.txt", data)
    return path


def test_crlf_line_ends_of_sources_without_selections_are_still_reported(store: Store, tmp_path: Path) -> None:
    project = _foreign_project(
        tmp_path / "crlf.qdpx",
        {"a": "第一行\r\n第二行".encode(), "b": "第三行\n第四行".encode(), "c": "第五行\r\n".encode()},
    )
    report = import_annotations(store, project, "me")
    assert not report.failed and not report.skipped
    assert "line ends: 2 source(s) written with CRLF, read with LF as articles are" in report.notices
    texts = sorted(store.articles.texts(i)[1] for i in store.articles.ids())
    assert texts == ["第一行\n第二行", "第三行\n第四行", "第五行\n"]


def test_a_source_without_selections_whose_text_is_missing_is_named_and_the_rest_stored(
    store: Store, tmp_path: Path
) -> None:
    project = _foreign_project(tmp_path / "missing.qdpx", {"a": "第一篇".encode(), "gone": b"", "c": "第三篇".encode()})
    report = import_annotations(store, project, "me")
    assert not report.failed
    [(line, reason)] = report.skipped
    assert line == 2 and reason.startswith("source gone:") and "gone.txt" in reason
    assert sorted(store.articles.texts(i)[1] for i in store.articles.ids()) == ["第一篇", "第三篇"]
