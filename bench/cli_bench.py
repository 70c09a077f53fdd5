"""Command-line start-up: `stats` and `export --help` against a bare `python -c "import sqlite3"` and a bare
`python -c pass`.

    python bench/cli_bench.py [--python PATH] [--runs 25] [--articles 100000]

Every figure is the wall time of a whole process, as a user waits for it: the median of
several runs, with the fastest and the slowest. Give ``--python`` a plain ``pip install .``
environment's interpreter: the test environment has pandas, which sqlite-utils imports
when it is present, so start-up there says more about pandas than about this program.
The goals: `stats` on a small database <= 0.3 s and <= 10x a bare `python -c pass`; on a
database of ``--articles`` articles (100,000 unless 0; rows written directly) <= 12x.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = ROOT / "sample_data"


def command(python: str) -> list[str]:
    """The installed entry point beside the interpreter, else the package run as a module."""
    script = Path(python).with_name("policy-annotator")
    return [str(script)] if script.exists() else [python, "-m", "desktop"]


def wall(args: list[str], runs: int) -> tuple[float, float, float]:
    """(fastest, median, slowest) of ``runs`` runs: on a shared virtual machine one run varies by half."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times), max(times)


def show(times: tuple[float, float, float]) -> str:
    fastest, median, slowest = (round(value * 1000) for value in times)
    return f"{median} ms ({fastest}-{slowest})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=sys.executable, help="interpreter of the environment to measure")
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--articles", type=int, default=100_000, help="the large database's articles (0: none)")
    args = parser.parse_args()
    program = command(args.python)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "small.db"
        subprocess.run(
            [*program, "import", "--db", str(db), "--workers", "1", str(SAMPLE_DATA)], check=True, capture_output=True
        )
        large = Path(folder) / "large.db"
        if args.articles:
            build_large(large, args.articles)
        bare = wall([args.python, "-c", "import sqlite3"], args.runs)
        empty = wall([args.python, "-c", "pass"], args.runs)
        print(f"environment: {args.python}  ({' '.join(program)}); {args.runs} runs each, median (fastest-slowest)")
        print(f"bare python -c 'import sqlite3': {show(bare)}; bare python -c pass: {show(empty)}")
        cases = [
            ("stats (6 articles)", ["stats", "--db", str(db)], "  (goals <= 300 ms, <= 10x pass)"),
            ("export --help", ["export", "--help"], ""),
        ]
        if args.articles:
            cases.append((f"stats ({args.articles:,} articles)", ["stats", "--db", str(large)], "  (goal <= 12x pass)"))
        for label, extra, goal in cases:
            elapsed = wall([*program, *extra], args.runs)
            print(
                f"{label}: {show(elapsed)}; ratio of medians {elapsed[1] / bare[1]:.1f} to import sqlite3,"
                f" {elapsed[1] / empty[1]:.1f} to pass{goal}"
            )


def build_large(path: Path, articles: int) -> None:
    """Articles written as rows (one short processed article repeated), statuses mixed, a span in each tenth."""
    sys.path.insert(0, str(ROOT))
    from bench.many_articles import add_many_articles
    from desktop.core.models import Status
    from desktop.core.store import Store

    store = Store.open(path)
    for ids in add_many_articles(store, articles, "第0篇文章\n\n正文:加快建设智能制造产业园,到2025年增长8%以上。"):
        for article_id in ids[::3]:
            store.articles.set_status(article_id, Status.DONE)
        for article_id in ids[::10]:
            store.spans.insert(store.document(article_id).span_at(10, 17, "project", "bench"))
    store.close()


if __name__ == "__main__":
    main()
