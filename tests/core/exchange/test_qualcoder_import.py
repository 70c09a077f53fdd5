"""Our ``.qdpx`` read by QualCoder's own import, run in QualCoder's Python (opt-in).

Set ``QUALCODER_PYTHON`` (a Python with QualCoder's requirements: PyQt6, pymupdf, Pillow) and
``QUALCODER_SRC`` (the ``src`` folder of a QualCoder checkout); without them the test is skipped.
CI installs neither: PyQt6 cannot share an environment with PySide6, and QualCoder is not a package.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from desktop.core.coding.importing import import_paths, prepare_article
from desktop.core.exchange.formats import format_by_key
from desktop.core.exchange.outgoing import ExportOptions, write_to_path
from desktop.core.store import Store
from tests.conftest import SAMPLE_DATA

DRIVER = Path(__file__).with_name("qualcoder_driver.py")
PYTHON, SOURCE = os.environ.get("QUALCODER_PYTHON", ""), os.environ.get("QUALCODER_SRC", "")

pytestmark = pytest.mark.skipif(
    not (PYTHON and SOURCE and Path(PYTHON).exists() and (Path(SOURCE) / "qualcoder" / "refi.py").exists()),
    reason="QUALCODER_PYTHON and QUALCODER_SRC name no QualCoder to run",
)


def test_qualcoder_reads_every_source_and_every_coding_of_our_project_on_its_characters(tmp_path: Path) -> None:
    expected = []
    with Store.open(tmp_path / "ours.db") as store:
        list(import_paths(store, [SAMPLE_DATA]))
        # A character outside the BMP before and inside spans: QualCoder counts code points, as we do.
        store.articles.add(
            [prepare_article("𠮷野家的項目\n\n𠮷野家推進項目建設，完成投資七億元。第二句。", "a.txt", "utf-8")]
        )
        codes, coders = ["project", "target", "measure"], ["alice", "bob"]
        for n, article_id in enumerate(store.articles.ids()):
            document = store.document(article_id)
            text = document.article.text
            for k in range(3):
                start = (k * 37 + n) % max(1, len(text) - 10)
                end = start + 4 + k
                if not text[start:end].strip():
                    continue
                note = f"备注 {n}-{k}" if k == 1 else ""
                store.spans.insert(document.span_at(start, end, codes[k], coders[k % 2], note=note))
                expected.append((document.article.title, text[start:end], start, end, k, note))
        titles = {article.title: article for article in store.articles.iter_all()}
        chosen = format_by_key("qdpx")
        write_to_path(chosen.write, store, tmp_path / "ours.qdpx", ExportOptions(), chosen.default_encoding)
        labels = {category.id: category.label_zh for category in store.categories.all()}

    done = subprocess.run(
        [PYTHON, str(DRIVER), SOURCE, str(tmp_path / "ours.qdpx"), str(tmp_path / "qualcoder")],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])

    sources = {source["name"]: source for source in found["sources"]}
    assert set(sources) == set(titles), found["log"]
    for title, article in titles.items():
        assert sources[title]["text"] == article.text
        # The original text is the source's memo (with the line ends XML reads: CR LF and CR as LF).
        original = article.original_text.replace("\r\n", "\n").replace("\r", "\n")
        assert original in sources[title]["memo"]
    codings = {(c["source"], c["start"], c["end"]): c for c in found["codings"]}
    assert len(codings) == len(expected) == len(found["codings"])
    for title, quote, start, end, k, note in expected:
        coding = codings[(title, start, end)]
        assert coding["quote"] == quote == sources[title]["text"][start:end]
        assert coding["code"] == labels[codes[k]]
        assert coding["coder"] == coders[k % 2]
        assert coding["memo"] == note
