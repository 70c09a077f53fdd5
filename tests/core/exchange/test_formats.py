"""The format registry: each format declared once, each writer's file recognised as its own format."""

from __future__ import annotations

import io
import json

import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.exchange.formats import FORMATS, READABLE_FORMATS, detect, detect_bytes, format_by_key
from desktop.core.exchange.incoming import FormatError
from desktop.core.exchange.outgoing import ExportOptions
from desktop.core.store import Store


@pytest.fixture
def tagged(store: Store) -> Store:
    [article_id] = store.articles.add([prepare_article("推進項目建設,發展新產業。", "a.txt", "utf-8")])
    document = store.document(article_id)
    store.spans.insert(document.span_at(0, 4, "project", "li", note="=要点"))
    store.spans.insert(document.span_at(5, 10, "target", "wang"))
    return store


def test_keys_names_and_suffixes_are_each_declared_once() -> None:
    for field in ("key", "name"):
        values = [getattr(fmt, field) for fmt in FORMATS]
        assert len(values) == len(set(values)), field
    for fmt in FORMATS:
        assert fmt.suffix and not fmt.suffix.startswith(".")
        assert fmt.default_encoding == fmt.encodings[0]
        assert fmt.unit in ("spans", "articles")
        assert set(fmt.options) <= set(ExportOptions.__dataclass_fields__) - {"filters"}
        assert format_by_key(fmt.key) is fmt
    with pytest.raises(KeyError, match="known: csv, jsonl, doccano, labelstudio, qdpx, xlsx"):
        format_by_key("xml")


@pytest.mark.parametrize("fmt", READABLE_FORMATS, ids=[fmt.key for fmt in READABLE_FORMATS])
def test_what_a_format_writes_is_detected_as_that_format(tagged: Store, fmt) -> None:  # type: ignore[no-untyped-def]
    if fmt.binary:
        binary = io.BytesIO()
        count = fmt.write(tagged, binary, ExportOptions())
        assert detect_bytes(binary.getvalue()) is fmt
        records = list(fmt.read_bytes(binary.getvalue(), "someone"))
    else:
        out = io.StringIO()
        count = fmt.write(tagged, out, ExportOptions())
        assert detect(out.getvalue()) is fmt and detect_bytes(out.getvalue().encode("utf-8")) is None
        records = list(fmt.read(out.getvalue(), "someone"))
    assert count == (2 if fmt.unit == "spans" else 1)
    assert sum(len(record.spans) for record in records) == 2
    assert all(not record.problems for record in records)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("just some words", "unrecognised format: expected one of Policy Annotator CSV, Policy Annotator JSONL"),
        (json.dumps({"hello": 1}), "JSON, but in none of the formats this tool reads"),
        ("a,b,c\n1,2,3\n", "unrecognised format"),
    ],
)
def test_unknown_content_names_what_was_expected(text: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        detect(text)
