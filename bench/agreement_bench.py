"""Agreement at corpus size: two analysts, 100,000 spans on 10,000 articles, against a bare SQL join.

    python bench/agreement_bench.py [--articles 10000] [--spans 5]

Builds a database of generated articles (rows written directly: no text pipeline), each with
50 coding units, where analyst A makes ``--spans`` spans per article and analyst B follows A as
a second coder does (most spans alike, some with other ends or another code, some of B's own),
so both together hold articles × spans × 2 spans. Then prints, in one run, the bare SQL join that
pairs the spans both made alike (the least any agreement must do), reading the coding the
figures need, every figure of every level, and the whole report (figures, confusion table and
the disagreements), each as min / median / max of five runs with its ratio to the bare join. The
goal is the whole report in 1 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.reports_bench import insert_articles, insert_spans
from desktop.core.analysts.agreement import agreement
from desktop.core.analysts.double_coding import coding_data, report
from desktop.core.collector import collector_paused
from desktop.core.store import Store

UNITS = 50
RUNS = 5


def spread(work: Callable[[], object]) -> tuple[float, float, float]:
    """(fastest, median, slowest) of RUNS runs."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times), max(times)


CODES = ["project", "target", "measure"]


def build(path: Path, articles: int, spans: int) -> Store:
    store = Store.open(path)
    chance = random.Random(11)
    db = store.db
    with store.transaction():
        text = insert_articles(store, articles, UNITS)
        length = len(text)

        def row(article: int, category: str, start: int, end: int, analyst: str) -> tuple[object, ...]:
            piece = text[start:end]
            return (article, category, start, end, piece, start, end, piece, analyst)

        def span_rows():  # type: ignore[no-untyped-def]
            for a in range(1, articles + 1):
                for _ in range(spans):
                    start = chance.randrange(0, length - 40)
                    end = start + chance.randrange(4, 40)
                    category = chance.choice(CODES)
                    yield row(a, category, start, end, "A")
                    roll = chance.random()
                    if roll < 0.6:
                        yield row(a, category, start, end, "B")
                    elif roll < 0.8:
                        yield row(a, category, start, end + chance.randrange(1, 6), "B")
                    elif roll < 0.9:
                        yield row(a, chance.choice([c for c in CODES if c != category]), start, end, "B")
                    else:
                        other = chance.randrange(0, length - 40)
                        yield row(a, category, other, other + chance.randrange(4, 40), "B")

        insert_spans(store, span_rows())
    db.execute("analyze")
    return store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=5, help="spans per article by A (B makes as many)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store = build(Path(folder) / "agreement.db", args.articles, args.spans)
        total = store.db.execute("select count(*) from spans").fetchone()[0]
        print(f"built {args.articles} articles, {total} spans in {time.perf_counter() - started:.1f} s")

        def bare() -> int:
            return int(
                store.db.execute(
                    "select count(*) from spans a join spans b on b.article_id = a.article_id and b.start = a.start"
                    " and b.end = a.end and b.category_id = a.category_id where a.annotator = 'A' and b.annotator = 'B'"
                ).fetchone()[0]
            )

        print(f"spans both made alike (bare join): {bare()}")
        baseline = spread(bare)
        rows = [("bare SQL join pairing the same spans", baseline)]
        # The report pauses the cycle collector while it works; its parts are timed the same way.
        with collector_paused():
            rows.append(("read the coding (lengths, units, spans)", spread(lambda: coding_data(store, ["A", "B"]))))
            data, _coverage = coding_data(store, ["A", "B"])
            rows.append(("every figure, data in hand", spread(lambda: agreement(data))))
        rows.append(
            ("figures as `agreement --format csv` gives them", spread(lambda: report(store, ["A", "B"], details=False)))
        )
        rows.append(("whole report (goal <= 1 s)", spread(lambda: report(store, ["A", "B"]))))
        result = report(store, ["A", "B"])
        print(f"disagreements: {len(result.comparison.disagreements)}, agreed: {len(result.comparison.agreed)}")
        print(
            "ALL: " + ", ".join(f"{f.measure} {f.value:.4f}" for f in result.figures if f.category == "ALL" and f.value)
        )
        print()
        print(f"{'what':<48} {'min / median / max':>24} {'ratio (medians)':>16}")
        for name, (fastest, median, slowest) in rows:
            shown = f"{fastest * 1000:.0f} / {median * 1000:.0f} / {slowest * 1000:.0f} ms"
            print(f"{name:<48} {shown:>24} {median / baseline[1]:>16.2f}")
        store.close()


if __name__ == "__main__":
    main()
