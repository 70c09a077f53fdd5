"""Annotation files with the wrong types in them: reported by line and field, never a traceback, never a
category named ``None`` or ``5`` or one per letter, and nothing of a bad record stored."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.exchange.attach import import_annotations
from desktop.core.exchange.formats import format_by_key
from desktop.core.exchange.outgoing import ExportOptions
from desktop.core.store import Store
from tests.core.exchange.test_exchange import export

DEFAULTS = {"project", "target", "measure"}
GOOD_TEXT = "甲乙丙丁戊己"
LONE = "\ud800"


def doccano(second: dict) -> str:
    first = {"text": GOOD_TEXT, "label": [[0, 2, "project"]]}
    return "\n".join(json.dumps(line) for line in (first, second)) + "\n"


def label_studio(second: object) -> str:
    def task(text: str, result: object) -> dict:
        return {"data": {"text": text}, "annotations": [{"completed_by": {"email": "b"}, "result": result}]}

    good = task(GOOD_TEXT, [{"value": {"start": 0, "end": 2, "text": "甲乙", "labels": ["project"]}}])
    # One task per line, so that the second one is line 2.
    return f"[{json.dumps(good)},\n{json.dumps(second)}]"


def ls_result(value: object) -> dict:
    return {"data": {"text": "庚辛壬癸"}, "annotations": [{"result": [{"value": value}]}]}


CASES = {
    "doccano label null": (doccano({"text": "庚辛壬癸", "label": None}), "label is not a list: null"),
    "doccano category null": (doccano({"text": "庚辛壬癸", "label": [[0, 2, None]]}), "label is not text: null"),
    "doccano category number": (doccano({"text": "庚辛壬癸", "label": [[0, 2, 5]]}), "label is not text: 5"),
    "doccano category list": (doccano({"text": "庚辛壬癸", "label": [[0, 2, ["list"]]]}), "label is not text"),
    "doccano category object": (doccano({"text": "庚辛壬癸", "label": [[0, 2, {"a": 1}]]}), "label is not text"),
    "doccano lone surrogate in text": (doccano({"text": "庚" + LONE, "label": []}), "text holds a lone surrogate"),
    "doccano lone surrogate in category": (
        doccano({"text": "庚辛壬癸", "label": [[0, 2, "p" + LONE]]}),
        "label holds a lone surrogate",
    ),
    "doccano label not a triple": (doccano({"text": "庚辛壬癸", "label": [[0, 2]]}), "not [start, end, label]"),
    "label studio value 5": (label_studio(ls_result(5)), "value is not an object: 5"),
    "label studio result string": (
        label_studio({"data": {"text": "庚辛壬癸"}, "annotations": [{"result": "str"}]}),
        "result is not a list",
    ),
    "label studio labels string": (
        label_studio(ls_result({"start": 0, "end": 2, "labels": "project"})),
        'labels is not a list: "project"',
    ),
    "label studio label number": (label_studio(ls_result({"start": 0, "end": 2, "labels": [5]})), "label is not text"),
    "label studio annotations object": (
        label_studio({"data": {"text": "庚辛壬癸"}, "annotations": {"result": []}}),
        "annotations is not a list",
    ),
    "label studio lone surrogate": (label_studio({"data": {"text": LONE + "辛"}}), "lone surrogate"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_record_is_reported_by_line_and_field(store: Store, tmp_path: Path, name: str) -> None:
    content, reason = CASES[name]
    path = tmp_path / "hostile.json"
    path.write_text(content, encoding="utf-8")
    report = import_annotations(store, path, "me")
    assert report.failed == ""
    assert any(line == 2 and reason in why for line, why in report.skipped), report.skipped
    assert store.categories.ids() == DEFAULTS, "no category made from a value that is not a name"
    assert report.spans_imported == 1, "the good record before it is imported"
    texts = {store.articles.get(article_id).text for article_id in store.articles.ids()}
    assert all(LONE not in text for text in texts)
    spans = [span for article_id in store.articles.ids() for span in store.spans.of_article(article_id)]
    assert [(span.text, span.category_id) for span in spans] == [("甲乙", "project")]


def our_jsonl_line(store: Store) -> dict:
    [article_id] = store.articles.add([prepare_article(GOOD_TEXT, "a.txt", "utf-8")])
    store.spans.insert(store.document(article_id).span_from_text(0, 2, "project", "a"))
    out = io.StringIO()
    format_by_key("jsonl").write(store, out, ExportOptions())
    # The first line is the codebook; the article is the last.
    return json.loads(out.getvalue().splitlines()[-1])


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"spans": None}, "spans is not a list: null"),
        ({"text": 5}, "text is not text: 5"),
        ({"title": ["x"]}, "title is not text"),
        ({"status": "finished"}, "status is not one of"),
        ({"status": ["done"]}, "status is not one of"),
        ({"offset_map": {"original_length": 4, "text_length": 4.0, "blocks": []}}, "offset_map is not an object"),
        ({"offset_map": {"original_length": 4, "text_length": 4, "blocks": [0.0, 1, 0, 1]}}, "offset_map is not"),
        ({"flags": [{"kind": "nonsense", "original_start": 0, "original_end": 1}]}, "flag kind is unknown"),
        ({"flags": [{"kind": {"k": 1}, "original_start": 0, "original_end": 1}]}, "flag kind is unknown"),
        ({"flags": [{"kind": "mojibake", "original_start": 0.5, "original_end": 1}]}, "flag original_start is not"),
        ({"flags": [{"kind": "mojibake", "original_start": 0, "original_end": True}]}, "flag original_end is not"),
        ({"flags": [{"kind": "mojibake", "original_start": 0, "original_end": 1, "end": None}]}, "flag end is not"),
        ({"flags": [{"kind": "mojibake", "original_start": 2**70, "original_end": 2**70}]}, "out of range"),
        ({"flags": [{"kind": "mojibake", "original_start": 3, "original_end": 999}]}, "outside the original text"),
        (
            {"flags": [{"kind": "mojibake", "original_start": 0, "original_end": 1, "start": 2, "end": 999}]},
            "outside the Simplified text",
        ),
        (
            {"flags": [{"kind": "mojibake", "original_start": 0, "original_end": 1, "excerpt": "甲" + LONE}]},
            "flag excerpt holds a lone surrogate",
        ),
        ({"original_text": "甲" + LONE}, "original_text holds a lone surrogate"),
    ],
)
def test_our_jsonl_checks_every_field_type(tmp_path: Path, change: dict, reason: str) -> None:
    with Store.in_memory() as source:
        line = our_jsonl_line(source)
    bad = {**line, **change, "sha256": "x", "original_text": change.get("original_text", "别的文章。")}
    path = tmp_path / "ours.jsonl"
    # \u escapes, as a program writing broken UTF-16 into JSON produces them.
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with Store.in_memory() as store:
        report = import_annotations(store, path, "me")
        assert [(n, why) for n, why in report.skipped if reason in why] and report.skipped[0][0] == 1
        assert store.articles.count() == 0 and store.categories.ids() == DEFAULTS


def test_a_span_with_a_bad_category_in_our_jsonl_is_skipped_alone(tmp_path: Path) -> None:
    with Store.in_memory() as source:
        line = our_jsonl_line(source)
    line["spans"].append({**line["spans"][0], "category": None, "start": 2, "end": 4})
    path = tmp_path / "ours.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store.in_memory() as store:
        report = import_annotations(store, path, "me")
        assert report.skipped == [(1, "bad span: category is not text: null")]
        assert report.spans_imported == 1 and store.categories.ids() == DEFAULTS


def test_a_file_that_breaks_half_way_stores_nothing(store: Store, tmp_path: Path) -> None:
    """The whole file is read and checked before the first record is stored."""
    good = label_studio({"data": {"text": "庚辛壬癸"}})
    path = tmp_path / "broken.json"
    path.write_text(good[:-1] + ', {"data": {"text": "x"', encoding="utf-8")
    report = import_annotations(store, path, "me")
    assert "broken JSON" in report.failed or "not closed" in report.failed
    assert store.articles.count() == 0


def test_a_project_that_declares_more_than_the_limit_unpacked_is_refused_before_reading(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from desktop.core.exchange import qdpx_archive

    monkeypatch.setattr(qdpx_archive, "MAX_UNPACKED_BYTES", 1_000_000)
    project = tmp_path / "many.qdpx"
    with zipfile.ZipFile(project, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", '<Project xmlns="urn:QDA-XML:project:1.0"/>')
        for number in range(8):
            archive.writestr(f"sources/{number}.txt", " " * 400_000)  # eight sources of 0.4 MB: 3.2 MB in all
    report = import_annotations(store, project, "a")
    assert "unpacks to 3.1 MB, over the limit of 1.0 MB" in report.failed
    assert store.articles.count() == 0


# Values a hand-edited or foreign file can hold where this tool writes something else: a number
# past SQLite's 64 bits, one past the 4,300 digits Python converts, and nesting past the recursion limit.
HOSTILE_VALUES = [None, True, 1.5, -1, 0, 2**63, "x", "", [], {}, ["x"], {"k": "v"}, [[1]]]
TOO_LONG_NUMBER = "9" * 5000
TOO_DEEP = "[" * 100_000 + "]" * 100_000


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON value (the first item of each list stands for all of them)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list) and value:
        found += _paths(value[0], (*prefix, 0))
    return found


def _with(value: object, path: tuple, new: object) -> object:
    if not path:
        return new
    changed = json.loads(json.dumps(value))
    target = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return changed


def _written(fmt: str) -> list[object]:
    with Store.in_memory() as source:
        # (a pinyin reading, doubled punctuation, mojibake, a missing number: every part a line can have)
        text = "推進項目建設(tuī jìn)，，發展規劃。推行“青禾?qū)嵺`”督查，投資億元。\n\n分享到:"
        [article_id] = source.articles.add([prepare_article(text, "a.txt", "utf-8")])
        source.spans.insert(source.document(article_id).span_from_text(0, 2, "project", "a", "要點"))
        source.metadata.set(article_id, "issuer", "县")
        out = io.StringIO()
        format_by_key(fmt).write(source, out, ExportOptions())
    text = out.getvalue()
    return [json.loads(text)] if fmt == "labelstudio" else [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "labelstudio"])
def test_any_value_in_any_field_is_reported_never_raised(tmp_path: Path, fmt: str) -> None:
    """Each field of each line (the codebook's, the article's, a span's, a flag's) given each hostile value."""
    written = _written(fmt)
    path = tmp_path / f"hostile.{fmt}"
    tried = 0
    for index, line in enumerate(written):
        for where in _paths(line):
            for value in HOSTILE_VALUES:
                lines = [*written[:index], _with(line, where, value), *written[index + 1 :]]
                path.write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in lines) + "\n", "utf-8")
                with Store.in_memory() as store:
                    report = import_annotations(store, path, "me")  # (raising fails the test)
                    assert report.failed == "" or report.failed.startswith(str(path)), (where, value)
                tried += 1
    assert tried >= 4 * len(HOSTILE_VALUES)  # (the file had fields to try)
    if fmt == "jsonl":
        assert written[1]["flags"], "the article has flags, so that their fields are tried too"


def test_any_value_in_any_field_of_a_projects_extra_data_is_reported_never_raised(tmp_path: Path) -> None:
    """This tool's extra data in a .qdpx (the codebook's entry and each source's), edited by hand: each
    field given each hostile value. An article id past 64 bits stopped the whole import with a traceback."""
    import zipfile

    with Store.in_memory() as source:
        text = "推進項目建設(tuī jìn)，，發展規劃。推行“青禾?qū)嵺`”督查，投資億元。\n\n分享到:"
        [article_id] = source.articles.add([prepare_article(text, "a.txt", "utf-8")])
        source.spans.insert(source.document(article_id).span_from_text(0, 2, "project", "a", "要點"))
        out = io.BytesIO()
        format_by_key("qdpx").write(source, out, ExportOptions())
    written = zipfile.ZipFile(out)
    entries = {name: written.read(name) for name in written.namelist()}
    extras = [name for name in entries if name.endswith(".json")]
    assert len(extras) == 2  # the codebook's and the one source's
    path = tmp_path / "hostile.qdpx"
    tried = 0
    for name in extras:
        for where in _paths(json.loads(entries[name])):
            for value in HOSTILE_VALUES:
                changed = json.dumps(_with(json.loads(entries[name]), where, value), ensure_ascii=False)
                with zipfile.ZipFile(path, "w") as archive:
                    for other, data in entries.items():
                        archive.writestr(other, changed if other == name else data)
                with Store.in_memory() as store:
                    report = import_annotations(store, path, "me")  # (raising fails the test)
                    assert report.failed == "", (name, where, value, report.failed)
                    # The source comes in with its span, or is reported (an offset map that does not fit).
                    stored = store.articles.count() == 1 and report.spans_imported == 1
                    assert stored or report.skipped, (name, where, value)
                tried += 1
    assert tried >= 20 * len(HOSTILE_VALUES)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "doccano",
            f'{{"text": "推進", "label": []}}\n{{"text": "推進", "label": [[0, {TOO_LONG_NUMBER}, "p"]]}}\n',
            "line 2: skipped: broken JSON (a number of over 4,300 digits)",
        ),
        ("jsonl", f'{{"text": "推進", "label": []}}\n{TOO_DEEP}\n', "line 2: skipped: broken JSON (nested too deeply)"),
        (
            "labelstudio",
            f'[{{"data": {{"text": "推進"}}}},\n{{"x": {TOO_LONG_NUMBER}}}]',
            "line 2: broken JSON (a number",
        ),
        ("codebook", f'{{"categories": {TOO_DEEP}}}', "broken JSON (nested too deeply)"),
    ],
)
def test_json_past_pythons_limits_is_reported(tmp_path: Path, name: str, content: str, reason: str) -> None:
    from desktop.core.exchange.codebook_merge import import_codebook

    path = tmp_path / f"{name}.json"
    path.write_text(content, encoding="utf-8")
    with Store.in_memory() as store:
        if name == "codebook":
            report = import_codebook(store, path)
            assert reason in report.failed and store.categories.ids() == DEFAULTS
        else:
            lines = list(import_annotations(store, path, "me").lines())
            assert any(reason in line for line in lines), lines


HOSTILE_CELLS = ["", "x", "-1", "1.5", "9" * 30, "9" * 5000, "²", "=1+1", "\x01", "\u2028"]


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.mark.parametrize("kind", ["spans", "metadata", "codebook"])
def test_any_cell_of_a_csv_is_reported_never_raised(tmp_path: Path, kind: str) -> None:
    """Each cell of the first row of our spans CSV, metadata CSV and codebook CSV given each hostile value."""
    from desktop.core.exchange import metadata_csv
    from desktop.core.exchange.codebook_merge import export_codebook, import_codebook

    def coded() -> Store:
        store = Store.in_memory()
        [article_id] = store.articles.add([prepare_article("推進項目建設，發展規劃。", "a.txt", "utf-8")])
        store.spans.insert(store.document(article_id).span_from_text(0, 2, "project", "a", "要點"))
        store.metadata.set(article_id, "issuer", "县")
        return store

    source, path = coded(), tmp_path / f"{kind}.csv"
    if kind == "codebook":
        export_codebook(source, path)
        written = path.read_text(encoding="utf-8-sig")
    elif kind == "metadata":
        out = io.StringIO()
        metadata_csv.write(source, out)
        written = out.getvalue()
    else:
        written = export(source, "csv")
    rows = _csv_rows(written)
    for column in range(len(rows[0])):
        for value in HOSTILE_CELLS:
            changed = [list(row) for row in rows]
            changed[1][column] = value
            with path.open("w", encoding="utf-8", newline="") as out_file:
                csv.writer(out_file).writerows(changed)
            with coded() as store:  # (raising fails the test)
                if kind == "spans":
                    report = import_annotations(store, path, "me")
                    assert report.failed == "" or report.failed.startswith(str(path)), (rows[0][column], value)
                elif kind == "metadata":
                    metadata_csv.import_metadata(store, path)
                else:
                    import_codebook(store, path)


def test_an_offset_map_that_fits_its_texts_but_holds_a_float_is_refused(tmp_path: Path) -> None:
    """15.0 passes every comparison the map's check makes: stored, it broke slicing the texts later."""
    [codebook, line] = _written("jsonl")
    blocks = line["offset_map"]["blocks"]  # type: ignore[index]
    assert blocks, "the article's map has blocks"
    blocks[0] = float(blocks[0])
    path = tmp_path / "float.jsonl"
    path.write_text(f"{json.dumps(codebook)}\n{json.dumps(line, ensure_ascii=False)}\n", encoding="utf-8")
    with Store.in_memory() as store:
        report = import_annotations(store, path, "me")
        assert report.skipped == [(2, "offset_map is not an object of whole numbers")]
        assert store.articles.count() == 0


def test_a_project_whose_project_qde_entry_is_damaged_is_named_and_stores_nothing(tmp_path: Path) -> None:
    """The zip's directory is whole, the entry it points to is not: reported, never raised."""
    import zipfile

    with Store.in_memory() as source:
        source.articles.add([prepare_article("推進項目建設。", "a.txt", "utf-8")])
        out = io.BytesIO()
        format_by_key("qdpx").write(source, out, ExportOptions())
    data = bytearray(out.getvalue())
    at = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("project.qde").header_offset
    data[at : at + 4] = b"XXXX"  # the entry's own header
    path = tmp_path / "damaged.qdpx"
    path.write_bytes(bytes(data))
    with Store.in_memory() as store:
        report = import_annotations(store, path, "me")
        assert "project.qde cannot be read from the zip" in report.failed
        assert store.articles.count() == 0
