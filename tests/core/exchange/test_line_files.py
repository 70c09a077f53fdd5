"""JSON Lines files read line by line from disk: past the whole-file limit, a line that is not UTF-8
skipped alone, and files whose start is not plain UTF-8 still read whole as before."""

from __future__ import annotations

import gc
import json
import os
import warnings
from pathlib import Path

import pytest

from desktop.core.exchange import incoming, line_files
from desktop.core.exchange.attach import import_annotations
from desktop.core.exchange.formats import format_by_key
from desktop.core.exchange.outgoing import ExportOptions
from desktop.core.store import Store
from tests.core.exchange.test_exchange import fill

TEXTS = ["推進項目建設發展規劃", "加快建設智能製造產業園", "全面完成年度目標任務", "落實惠企政策措施"]


def doccano_line(text: str) -> dict:
    return {"text": text, "label": [[0, 2, "project"]]}


def write_lines(path: Path, lines: list[bytes], end: bytes = b"\n") -> Path:
    path.write_bytes(end.join(lines) + end)
    return path


@pytest.fixture
def small_head(monkeypatch: pytest.MonkeyPatch) -> None:
    """A head of a few bytes: what a file of a few lines shows here, a large file shows past its first megabyte."""
    monkeypatch.setattr(line_files, "HEAD_BYTES", 10)


def test_a_jsonl_export_past_the_whole_file_limit_comes_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_head: None
) -> None:
    source = Store.in_memory()
    fill(source, TEXTS, [(i, 0, 4, 1, 0, "要點") for i in range(len(TEXTS))])
    path = tmp_path / "all.jsonl"
    with path.open("w", encoding="utf-8") as out:
        format_by_key("jsonl").write(source, out, ExportOptions())
    # Read whole, the file would be refused as over the limit.
    monkeypatch.setattr(incoming, "MAX_EXCHANGE_BYTES", path.stat().st_size // 3)
    target = Store.in_memory()
    report = import_annotations(target, path, "x")
    assert not report.failed and report.skipped == [], list(report.lines())
    assert len(report.created) == len(TEXTS) and report.spans_imported == len(TEXTS)
    assert [target.articles.get(i) for i in target.articles.ids()] == [
        source.articles.get(i) for i in source.articles.ids()
    ]
    assert not open_here(path)  # (closed when its last line was read)
    # A file whose first line says it is not read line by line is closed before it is read whole.
    csv_path = tmp_path / "spans.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        format_by_key("csv").write(source, out, ExportOptions())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)  # (what an unclosed file says when it is freed)
        assert import_annotations(target, csv_path, "x").format_name == "Policy Annotator CSV"
        gc.collect()
    assert not open_here(csv_path) and not [w for w in caught if issubclass(w.category, ResourceWarning)]


def open_here(path: Path) -> bool:
    """Whether this process holds a descriptor of the file."""
    return str(path.resolve()) in {os.path.realpath(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")}


def test_a_line_that_is_not_utf8_is_skipped_by_number_and_the_lines_after_it_are_read(
    tmp_path: Path, small_head: None
) -> None:
    lines = [json.dumps(doccano_line(text), ensure_ascii=False).encode("utf-8") for text in TEXTS]
    lines[2] = json.dumps(doccano_line(TEXTS[2]), ensure_ascii=False).encode("gb18030")
    store = Store.in_memory()
    report = import_annotations(store, write_lines(tmp_path / "mixed.jsonl", lines), "x")
    assert report.format_name == "doccano JSONL"
    assert [line for line, _ in report.skipped] == [3]
    assert "not UTF-8" in report.skipped[0][1]
    assert len(report.created) == 3 and report.spans_imported == 3


def test_crlf_line_ends_and_a_first_line_longer_than_the_head(tmp_path: Path, small_head: None) -> None:
    lines = [json.dumps(doccano_line(text * 20), ensure_ascii=False).encode("utf-8") for text in TEXTS]
    store = Store.in_memory()
    report = import_annotations(store, write_lines(tmp_path / "crlf.jsonl", lines, b"\r\n"), "x")
    assert report.format_name == "doccano JSONL"
    assert not report.skipped and len(report.created) == len(TEXTS)
    assert all("\r" not in store.articles.get(i).original_text for i in store.articles.ids())


def test_a_line_past_the_limit_is_skipped_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_head: None
) -> None:
    lines = [json.dumps(doccano_line(text), ensure_ascii=False).encode("utf-8") for text in TEXTS]
    lines[1] = json.dumps(doccano_line(TEXTS[1] * 200), ensure_ascii=False).encode("utf-8")
    monkeypatch.setattr(line_files, "MAX_EXCHANGE_BYTES", 1000)
    monkeypatch.setattr(line_files, "_SKIP_CHUNK", 100)
    store = Store.in_memory()
    report = import_annotations(store, write_lines(tmp_path / "long.jsonl", lines), "x")
    assert [line for line, _ in report.skipped] == [2]
    assert "longer than the limit" in report.skipped[0][1]
    assert len(report.created) == 3


@pytest.mark.parametrize(
    ("encoding", "end"),
    [("gb18030", b"\n"), ("big5", b"\n"), ("utf-16", b"\n"), ("utf-8-sig", b"\n"), ("utf-8", b"\r")],
)
def test_files_in_other_encodings_or_with_other_line_ends_import_as_before(
    tmp_path: Path, encoding: str, end: bytes, small_head: None
) -> None:
    """Legacy encodings, UTF-16 and bare CR line ends are read whole; a UTF-8 byte order mark line by line."""
    lines = [json.dumps(doccano_line(text), ensure_ascii=False) for text in TEXTS]
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(end.decode().join([*lines, ""]).encode(encoding))
    store = Store.in_memory()
    report = import_annotations(store, path, "x")
    assert report.format_name == "doccano JSONL" and not report.skipped, list(report.lines())
    assert len(report.created) == len(TEXTS)


def test_streamed_lines_leaves_what_is_not_plain_utf8_to_a_whole_read(tmp_path: Path) -> None:
    plain = tmp_path / "plain.jsonl"
    plain.write_bytes(b'{"a": 1}\r\n\n{"b": "\xe2\x80\xa8"}')
    lines = line_files.streamed_lines(plain)
    assert lines is not None
    assert list(lines) == ['{"a": 1}', "", '{"b": "\u2028"}'] and lines.head.startswith('{"a"')
    for name, data in [("nul", b'{"a": 1}\x00\n'), ("blank", b"  \n\n"), ("control", b'{"a": "\x07"}\n')]:
        path = tmp_path / name
        path.write_bytes(data)
        assert line_files.streamed_lines(path) is None, name
