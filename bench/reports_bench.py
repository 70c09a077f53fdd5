"""The reports a study hands in, at corpus size, against bare SQL GROUP BYs of the same counts.

    python bench/reports_bench.py [--articles 100000] [--spans 10]

Builds a database of generated articles (rows written directly: no text pipeline), each with
ten coding units, a date and a region, and ``--spans`` spans per article over a codebook of
ten codes, two of them headings with codes below (parents count their subtree), all by one
analyst (so that the layer a report counts is every span, as the bare SQL counts). Then prints,
in one run, each report's time (built and every row read) beside the bare SQL that counts the
same thing, and their ratio; the Excel export of a fifth of the spans (its report sheets counting
that fifth) beside writing the same spans sheet alone with XlsxWriter (goal: 2x); and the peak
memory of the Excel export for a fifth of the spans and for all of them (flat memory: the two
peaks should be about equal).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.codebook_bench import timed as best_of
from desktop.core.corpus.reporting import ReportKind, ReportRequest, build_report
from desktop.core.exchange import xlsx_workbook
from desktop.core.exchange.outgoing import BINARY, ExportOptions, write_to_path
from desktop.core.layers import Layer
from desktop.core.models import SpanFilter
from desktop.core.store import Store
from desktop.core.store.units import SPAN_IN_UNIT

SENTENCE = "加大财政资金投入，设立产业引导基金。"  # 18 characters: one unit
UNITS = 10
CODES = ["project", "target", "measure", "supply", "funding", "talent", "demand", "procurement"]
ANALYST = "a"
LAYER = (Layer(ANALYST),)


def insert_articles(store: Store, articles: int, units: int) -> str:
    """Articles 1..N of ``units`` copies of SENTENCE, one coding unit each, written as rows; returns the text."""
    text = SENTENCE * units
    length = len(text)
    offset_map = json.dumps({"original_length": length, "text_length": length, "blocks": []})
    db = store.db
    db.conn.executemany(
        "insert into articles (id, title, original_text, text, offset_map, sha256, status)"
        " values (?, ?, ?, ?, ?, ?, 'todo')",
        ((i, f"文章{i}", text, text, offset_map, f"{i:064x}") for i in range(1, articles + 1)),
    )
    db.conn.executemany(
        "insert into units (article_id, start, end, original_start, original_end, chapter, clause, sentence)"
        " values (?, ?, ?, ?, ?, 0, 0, ?)",
        ((a, u * 18, u * 18 + 18, u * 18, u * 18 + 18, u + 1) for a in range(1, articles + 1) for u in range(units)),
    )
    return text


def insert_spans(store: Store, rows: Iterable[tuple[object, ...]]) -> None:
    """Spans as rows (article, code, start, end, text, original start, original end, original text, analyst)."""
    store.db.conn.executemany(
        "insert into spans (article_id, category_id, start, end, text, original_start, original_end,"
        " original_text, annotator) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def build(path: Path, articles: int, spans: int) -> Store:
    store = Store.open(path)
    store.categories.add("tools", "政策工具", codable=False)
    store.categories.add("supply", "供给型", parent_id="tools")
    store.categories.add("funding", "资金投入", parent_id="supply")
    store.categories.add("talent", "人才培养", parent_id="supply")
    store.categories.add("demand", "需求型", parent_id="tools")
    store.categories.add("procurement", "政府采购", parent_id="demand")
    text = SENTENCE * UNITS
    length = len(text)
    chance = random.Random(7)
    db = store.db
    with store.transaction():
        insert_articles(store, articles, UNITS)
        db.conn.executemany(
            "insert into article_metadata (article_id, field, value) values (?, ?, ?)",
            (
                row
                for a in range(1, articles + 1)
                for row in ((a, "date", f"{2018 + a % 6}-0{1 + a % 9}-1{a % 10}"), (a, "region", f"省{a % 12}"))
            ),
        )

        def span_rows():  # type: ignore[no-untyped-def]
            for a in range(1, articles + 1):
                for _ in range(spans):
                    start = chance.randrange(0, length - 30)
                    end = start + chance.randrange(2, 30)
                    piece = text[start:end]
                    yield (a, chance.choice(CODES), start, end, piece, start, end, piece, ANALYST)

        insert_spans(store, span_rows())
    db.execute("analyze")
    return store


def bare_spans_sheet(store: Store, filters: SpanFilter, path: Path) -> None:
    """The workbook's spans sheet and nothing else, written with XlsxWriter as plainly as it goes."""
    import xlsxwriter

    from desktop.core.exchange.ours_csv import CSV_COLUMNS

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet("spans")
    sheet.write_row(0, 0, CSV_COLUMNS)
    for number, row in enumerate(store.exports.span_rows(CSV_COLUMNS, filters), start=1):
        sheet.write_row(number, 0, row)
    book.close()


def peak_rss_during(work: Callable[[], object]) -> tuple[float, float]:
    """(resident memory before, highest resident memory while ``work`` ran), in MiB."""

    def rss() -> float:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * 4096 / 2**20

    before, peak, done = rss(), [rss()], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], rss())
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        work()
    finally:
        done.set()
        sampler.join()
    return before, peak[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=10)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    started = time.perf_counter()
    store = build(folder / "bench.db", args.articles, args.spans)
    total = args.articles * args.spans
    print(f"built {args.articles} articles, {total} spans, {args.articles * UNITS} units"
          f" in {time.perf_counter() - started:.1f} s")  # fmt: skip
    sql = store.db.conn
    span_units = f"join units u on {SPAN_IN_UNIT}"
    cases = [
        ("frequencies", ReportRequest(ReportKind.FREQUENCIES, layers=LAYER),
         "select category_id, count(*), count(distinct article_id) from spans group by category_id"),
        ("frequencies, study", ReportRequest(ReportKind.FREQUENCIES, layers=(Layer(ANALYST, study=True),)),
         "select category_id, count(*), count(distinct article_id) from spans group by category_id"),
        ("matrix", ReportRequest(ReportKind.MATRIX, layers=LAYER),
         "select article_id, category_id, count(*) from spans group by article_id, category_id"),
        ("matrix once", ReportRequest(ReportKind.MATRIX, once=True, layers=LAYER),
         "select article_id, category_id, count(*) from spans group by article_id, category_id"),
        ("crosstab year", ReportRequest(ReportKind.CROSSTAB, by="year", layers=LAYER),
         "select substr(m.value, 1, 4), s.category_id, count(*) from spans s left join article_metadata m"
         " on m.article_id = s.article_id and m.field = 'date' group by 1, 2"),
        ("crosstab region once", ReportRequest(ReportKind.CROSSTAB, by="region", once=True, layers=LAYER),
         "select m.value, s.category_id, count(distinct s.article_id) from spans s left join article_metadata m"
         " on m.article_id = s.article_id and m.field = 'region' group by 1, 2"),
        ("cooccurrence article", ReportRequest(ReportKind.COOCCURRENCE, by="article", layers=LAYER),
         "with p as (select distinct category_id c, article_id a from spans)"
         " select x.c, y.c, count(*) from p x join p y on x.a = y.a group by 1, 2"),
        ("cooccurrence unit", ReportRequest(ReportKind.COOCCURRENCE, by="unit", layers=LAYER),
         f"with p as (select distinct s.category_id c, u.article_id a, u.start q from spans s {span_units})"
         " select x.c, y.c, count(*) from p x join p y on x.a = y.a and x.q = y.q group by 1, 2"),
        ("coding table", ReportRequest(ReportKind.CODING_TABLE, layers=LAYER),
         f"select u.article_id, u.start, s.annotator, group_concat(distinct s.category_id) from spans s {span_units}"
         " group by u.article_id, u.start, s.annotator order by u.article_id, u.start, s.annotator"),
    ]  # fmt: skip
    # A parent's articles are distinct articles over its subtree: the same counts in bare SQL need
    # one more GROUP BY per parent. Printed both ways: leaf counts only, and the same counts.
    subtrees = {"tools": CODES[3:], "supply": ["supply", "funding", "talent"], "demand": ["demand", "procurement"]}
    parents = {name: ", ".join(f"'{c}'" for c in codes) for name, codes in subtrees.items()}

    def with_parents(bare: str, by_field: str = "") -> Callable[[], object]:
        def run() -> None:
            sql.execute(bare).fetchall()
            for listed in parents.values():
                if by_field:
                    sql.execute(
                        f"select m.value, count(distinct s.article_id) from spans s left join article_metadata m"
                        f" on m.article_id = s.article_id and m.field = '{by_field}'"
                        f" where s.category_id in ({listed}) group by 1"
                    ).fetchall()
                else:
                    sql.execute(
                        f"select count(*), count(distinct article_id) from spans where category_id in ({listed})"
                    ).fetchall()

        return run

    print(f"{'report':<22}{'ours':>10}{'bare SQL':>10}{'ratio':>8}{'same counts':>13}{'ratio':>8}")
    for name, request, bare in cases:
        runs = 1 if "unit" in name or "coding" in name else 3
        baseline = best_of(lambda bare=bare: sql.execute(bare).fetchall(), runs)
        same = baseline
        if name.startswith("frequencies"):
            same = best_of(with_parents(bare), runs)
        elif name == "crosstab region once":
            same = best_of(with_parents(bare, "region"), runs)
        ours = best_of(lambda request=request: list(build_report(store, request).rows), runs)
        print(
            f"{name:<22}{ours * 1000:>8.0f}ms{baseline * 1000:>8.0f}ms{ours / baseline:>8.2f}"
            f"{same * 1000:>11.0f}ms{ours / same:>8.2f}"
        )
    fifth = SpanFilter(article_ids=tuple(range(1, args.articles // 5 + 1)), layers=LAYER)
    target = folder / "study.xlsx"
    spans_sheet = best_of(lambda: bare_spans_sheet(store, fifth, folder / "bare.xlsx"), 1)
    workbook = best_of(lambda: write_to_path(xlsx_workbook.write, store, target, ExportOptions(fifth), BINARY), 1)
    print(
        f"xlsx of a fifth ({total // 5} spans, report sheets of that fifth): {workbook:.1f} s;"
        f" its spans sheet alone with XlsxWriter {spans_sheet:.1f} s; ratio {workbook / spans_sheet:.2f}"
    )
    for label, filters in ((f"{total // 5} spans", fifth), (f"{total} spans", SpanFilter(layers=LAYER))):
        clock = time.perf_counter()
        before, peak = peak_rss_during(
            lambda filters=filters: write_to_path(xlsx_workbook.write, store, target, ExportOptions(filters), BINARY)
        )
        size = target.stat().st_size / 2**20
        print(
            f"xlsx export of {label:<16} {time.perf_counter() - clock:>6.1f} s, peak RSS {peak:.0f} MiB"
            f" ({peak - before:+.0f} MiB over the {before:.0f} MiB before), {size:.0f} MiB file"
        )
    store.close()


if __name__ == "__main__":
    main()
