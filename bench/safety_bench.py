"""What keeping the database safe and the inputs bounded costs, against bare baselines in the same run.

    python bench/safety_bench.py [--articles 100000]

Prints:
- opening a database: Store.open (the full integrity_check below 16 MiB, none before use above it)
  against a bare sqlite3 connect and one query, for a small and a large database, and how long the
  background check of the large one takes (writes wait for it);
- the window's lock check (read every two seconds and after each file dialog) against one os.stat;
- a checked backup (SQLite's backup API, then integrity_check of the copy) against the bare backup;
- merging codebook files of 1,000 to 8,000 codes (time per code stays flat: the merge is linear)
  against a bare executemany of the same rows;
- a regular-expression search over the corpus with the time-limited engine against Python's re.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.window_bench import build_many_articles_db
from desktop.core.exchange.codebook_files import READERS
from desktop.core.exchange.codebook_merge import merge_codes
from desktop.core.search.user_patterns import UserPattern
from desktop.core.store import Store
from desktop.core.store.backups import BackupKind, make_backup
from desktop.core.store.integrity import SYNC_CHECK_BYTES, gate_for


def median_of(work: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def bare_open(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("select count(*) from sqlite_master").fetchone()
    conn.close()


def ours_open(path: Path) -> None:
    Store.open(path, create=False).close()


def small_db(path: Path) -> None:
    from desktop.core.coding.importing import prepare_article

    with Store.open(path) as store:
        text = "加大财政资金投入，设立产业引导基金，完善人才培养体系，优化营商环境。\n" * 40
        store.articles.add([prepare_article(f"第{n}篇\n{text}", f"{n}.txt", "utf-8") for n in range(500)])


def opening(folder: Path, large: Path) -> None:
    small = folder / "small.db"
    small_db(small)
    for name, path in (("small", small), ("large", large)):
        size = path.stat().st_size / 2**20
        bare, ours = median_of(lambda p=path: bare_open(p)), median_of(lambda p=path: ours_open(p))
        how = "integrity_check before use" if path.stat().st_size <= SYNC_CHECK_BYTES else "checked in the background"
        print(f"open {name} ({size:.0f} MiB, {how}): ours {ms(ours)}, bare {ms(bare)}, ratio {ours / bare:.1f}")
    started = time.perf_counter()
    with Store.open(large, create=False) as store:
        gate_for(store.path).admit()
        waited = time.perf_counter() - started
    print(f"large database: first write possible after {ms(waited)} (the background check)")


def lock_check(path: Path) -> None:
    with Store.open(path, create=False) as store:
        check = median_of(store.file_problem, runs=201)
        stat = median_of(lambda: path.stat(), runs=201)
    print(f"lock check: {ms(check)}, os.stat {ms(stat)}, ratio {check / stat:.0f}")


def backup(folder: Path, path: Path) -> None:
    def bare() -> None:
        target = folder / "bare-copy.db"
        target.unlink(missing_ok=True)
        source, copy = sqlite3.connect(path), sqlite3.connect(target)
        source.backup(copy)
        copy.close()
        source.close()

    plain = median_of(bare, runs=3)
    checked = median_of(lambda: make_backup(path, BackupKind.OPENED), runs=3)
    print(f"backup of {path.stat().st_size / 2**20:.0f} MiB: checked {ms(checked)}, bare {ms(plain)},"
          f" ratio {checked / plain:.1f}")  # fmt: skip


def codebook_merges(folder: Path) -> None:
    for codes in (1000, 2000, 4000, 8000):
        parents = codes // 100
        rows = [{"id": f"p{n}", "label_zh": f"父{n}", "parent_id": None} for n in range(parents)]
        rows += [{"id": f"c{n}", "label_zh": f"子{n}", "parent_id": f"p{n % parents}"} for n in range(codes - parents)]
        text = json.dumps({"format": "policy-annotator-codebook/1", "categories": rows}, ensure_ascii=False)
        path = folder / f"codes{codes}.db"
        with Store.open(path) as store:
            started = time.perf_counter()
            report = merge_codes(store, list(READERS["json"](text)))
            ours = time.perf_counter() - started
            assert len(report.created) == codes, report.failed
        conn = sqlite3.connect(":memory:")
        conn.execute("create table categories (id text primary key, label_zh text, parent_id text, position int)")
        started = time.perf_counter()
        conn.executemany(
            "insert into categories values (?, ?, ?, ?)",
            [(r["id"], r["label_zh"], r["parent_id"], n) for n, r in enumerate(rows)],
        )
        conn.commit()
        bare = time.perf_counter() - started
        print(f"codebook of {codes:5d} codes: merge {ms(ours)} ({ours / codes * 1e6:.0f} µs a code),"
              f" bare insert {ms(bare)}, ratio {ours / bare:.0f}")  # fmt: skip


def regex_search(path: Path) -> None:
    with Store.open(path, create=False) as store:
        texts = [row[0] for row in store.db.execute("select text from articles limit 20000")]
    source = r"建[设設].{0,6}园"
    ours, theirs = UserPattern.compile(source, re.MULTILINE), re.compile(source, re.MULTILINE)
    bounded = median_of(lambda: sum(len(ours.spans(text)) for text in texts), runs=3)
    bare = median_of(lambda: sum(1 for text in texts for _ in theirs.finditer(text)), runs=3)
    print(f"regex over {len(texts)} articles: time-limited {ms(bounded)}, re {ms(bare)}, ratio {bounded / bare:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        large = folder / "large.db"
        import bench.window_bench as window_bench

        window_bench.ARTICLES = args.articles
        build_many_articles_db(large)
        opening(folder, large)
        lock_check(large)
        backup(folder, large)
        codebook_merges(folder)
        regex_search(large)


if __name__ == "__main__":
    main()
