"""Export benchmark: CSV of 1,000,000 spans against a bare sqlite3 query + csv.writer.

    python bench/export_bench.py [--articles 100000] [--spans-per-article 10]

Builds a database of 100,000 articles and 1,000,000 spans (built with bare inserts: the
building is not measured), then in one run times
  * ours: the CSV format's writer (the same code as `policy-annotator export`), formula guard on,
  * baseline: the same rows read with sqlite3 and written with csv.writer, nothing else,
and prints both, the ratio (goal <= 1.5) and the peak memory growth of each (goal: flat).
"""

from __future__ import annotations

import argparse
import csv
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.import_bench import PeakRss
from desktop.core.coding.importing import prepare_article
from desktop.core.exchange.formats import format_by_key
from desktop.core.exchange.ours_csv import CSV_COLUMNS
from desktop.core.exchange.outgoing import ExportOptions
from desktop.core.store import Store

CSV = format_by_key("csv")
CSV_ENCODING = CSV.default_encoding
BODY = "青禾縣推進智能製造產業園建設,確保全年增長8%以上。𠮷祥街區改造,-15號泊位開發。" * 4


def build(path: Path, articles: int, per_article: int) -> int:
    Store.open(path).close()  # schema and categories
    template = prepare_article(BODY, "x.txt", "utf-8")
    text, original = template.text, template.original_text
    conn = sqlite3.connect(path)
    conn.execute("pragma synchronous = off")
    conn.executemany(
        "insert into articles (id, title, original_text, text, offset_map, sha256, text_sha256, encoding, converter,"
        " converter_version, pipeline_version, rules, source_path, imported_at, status)"
        " values (?, ?, ?, ?, '{\"original_length\":0,\"text_length\":0,\"blocks\":[]}', ?, ?, 'utf-8', 'x', '1',"
        " 1, '[]', ?, '2026-01-01', 'todo')",
        ((i, f"第{i}篇", original, text, f"{i:064x}", f"{i:064x}", f"{i}.txt") for i in range(1, articles + 1)),
    )
    categories = ("project", "target", "measure")

    def spans():  # type: ignore[no-untyped-def]
        for article in range(1, articles + 1):
            for k in range(per_article):
                start = (k * 7) % (len(text) - 8)
                yield (
                    article,
                    categories[k % 3],
                    start,
                    start + 6,
                    text[start : start + 6],
                    start,
                    start + 6,
                    original[start : start + 6],
                    "=备注" if k == 0 else "",
                    "li",
                    "2026-01-01",
                    "2026-01-01",
                )

    conn.executemany(
        "insert into spans (article_id, category_id, start, end, text, original_start, original_end, original_text,"
        " note, annotator, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        spans(),
    )
    conn.commit()
    count = conn.execute("select count(*) from spans").fetchone()[0]
    conn.close()
    return int(count)


BASELINE_SQL = (
    "select s.id, s.article_id, a.title, a.source_path, s.category_id, c.label_zh, s.start, s.end, s.text,"
    " s.original_start, s.original_end, s.original_text, s.note, s.annotator, s.created_at, s.updated_at"
    " from spans s join articles a on a.id = s.article_id left join categories c on c.id = s.category_id"
    " order by s.article_id, s.start, s.end, s.id"
)


def baseline(db: Path, out: Path) -> tuple[float, float]:
    conn = sqlite3.connect(db)
    with PeakRss() as memory:
        started = time.perf_counter()
        with out.open("w", encoding=CSV_ENCODING, newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(CSV_COLUMNS)
            writer.writerows(conn.execute(BASELINE_SQL))
        elapsed = time.perf_counter() - started
    conn.close()
    return elapsed, memory.growth_mib


def ours(db: Path, out: Path) -> tuple[float, float, int]:
    store = Store.open(db)
    with PeakRss() as memory:
        started = time.perf_counter()
        with out.open("w", encoding=CSV_ENCODING, newline="") as stream:
            rows = CSV.write(store, stream, ExportOptions())
        elapsed = time.perf_counter() - started
    store.close()
    return elapsed, memory.growth_mib, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--spans-per-article", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workspace:
        folder = Path(workspace)
        small_db, db = folder / "small.db", folder / "big.db"
        build(small_db, max(1, args.articles // 10), args.spans_per_article)
        spans = build(db, args.articles, args.spans_per_article)
        print(f"database: {args.articles:,} articles, {spans:,} spans")
        _, small_growth, _ = ours(small_db, folder / "small.csv")
        base, base_growth = baseline(db, folder / "baseline.csv")
        mine, growth, rows = ours(db, folder / "ours.csv")
        print(
            f"baseline sqlite3 + csv.writer: {base:7.2f} s  {spans / base:10,.0f} rows/s  memory +{base_growth:.1f} MiB"
        )
        print(f"export CSV (ours):            {mine:7.2f} s  {rows / mine:10,.0f} rows/s  memory +{growth:.1f} MiB")
        print(f"ratio ours/baseline: {mine / base:.2f}  (goal <= 1.5)")
        print(
            f"memory growth: +{small_growth:.1f} MiB at {spans // 10:,} spans, +{growth:.1f} MiB at {spans:,}"
            "  (goal: flat)"
        )
        print(f"file size: {os.path.getsize(folder / 'ours.csv') / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
