"""The codebook at corpus size: exports with a nested codebook, and the reads the codebook panel makes.

    python bench/codebook_bench.py [--articles 2000] [--spans 20]

Builds a database of generated articles (no text pipeline: texts are stored as they are), a
three-level codebook of 40 codes and ``--spans`` spans per article, then prints in one run:
- the lossless JSONL export (the baseline) and the .qdpx project of the same articles, and the
  .qdpx round trip into a fresh database, with their ratios to the JSONL export;
- CSV with and without the ``category_path`` column;
- what the panel reads after every change (the tree with keys, span counts per code).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.exchange.attach import import_annotations
from desktop.core.exchange.formats import format_by_key
from desktop.core.exchange.outgoing import BINARY, ExportOptions, write_to_path
from desktop.core.models import NewArticle
from desktop.core.offsets import OffsetMap
from desktop.core.store import Store
from desktop.core.text.pipeline import sha256

SENTENCE = "加大财政资金投入，设立产业引导基金，完善人才培养体系，优化营商环境。"


def timed(work: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def build(store: Store, articles: int, spans: int) -> None:
    store.categories.add("tools", "政策工具", "Policy tools", codable=False)
    leaves = []
    for kind in ("supply", "demand", "environment"):
        store.categories.add(kind, kind, kind, parent_id="tools")
        for n in range(12):
            store.categories.add(f"{kind}-{n}", f"{kind}{n}", f"{kind} {n}", parent_id=kind)
            leaves.append(f"{kind}-{n}")
    text = SENTENCE * 60
    new = [
        NewArticle(
            f"文章{i}", f"{i}{text}", f"{i}{text}", OffsetMap.identity(len(text) + len(str(i))),
            sha256(f"{i}{text}"), sha256(f"{i}{text}"), "utf-8", "none", "0", 2, (), f"{i}.txt", (),
        )
        for i in range(articles)
    ]  # fmt: skip
    ids = store.articles.add(new)
    with store.transaction():
        for article_id in ids:
            document = store.document(article_id)
            for n in range(spans):
                start = 1 + (n * len(SENTENCE)) % (len(text) - 10)
                store.spans.insert(document.span_at(start, start + 4, leaves[n % len(leaves)], f"coder{n % 2}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--spans", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
        build(store, args.articles, args.spans)
        print(f"{args.articles} articles, {args.articles * args.spans} spans, {len(store.categories.all())} codes")
        options = ExportOptions()
        jsonl = timed(lambda: format_by_key("jsonl").write(store, io.StringIO(), options))
        project = Path(folder) / "p.qdpx"
        qdpx = timed(lambda: write_to_path(format_by_key("qdpx").write, store, project, options, BINARY))
        print(f"JSONL export (baseline): {jsonl * 1000:.0f} ms")
        print(f".qdpx export: {qdpx * 1000:.0f} ms; ratio {qdpx / jsonl:.2f}")

        def round_trip() -> None:
            fresh = Path(folder) / f"fresh{time.perf_counter_ns()}.db"
            with Store.open(fresh) as target:
                import_annotations(target, project, "bench")

        back = timed(round_trip, runs=1)
        print(f".qdpx into a fresh database: {back * 1000:.0f} ms; ratio {back / jsonl:.2f}")
        csv = format_by_key("csv")
        plain_columns = ["span_id", "article_id", "category", "start", "end", "text"]
        without = timed(lambda: sum(1 for _ in store.exports.span_rows(plain_columns)))
        with_path = timed(lambda: sum(1 for _ in store.exports.span_rows([*plain_columns, "category_path"])))
        print(f"span rows without / with category_path: {without * 1000:.0f} / {with_path * 1000:.0f} ms;"
              f" ratio {with_path / without:.2f}")  # fmt: skip
        full_csv = timed(lambda: csv.write(store, io.StringIO(), options))
        print(f"CSV export (all columns): {full_csv * 1000:.0f} ms")
        tree = timed(lambda: store.categories.all(), runs=9)
        counts = timed(lambda: store.categories.span_counts(None), runs=9)
        print(f"panel refresh: tree with keys {tree * 1000:.1f} ms, span counts {counts * 1000:.1f} ms")


if __name__ == "__main__":
    main()
