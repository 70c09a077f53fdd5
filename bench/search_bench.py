"""Corpus search at corpus size, against a bare instr() scan of the same texts in the same run.

    python bench/search_bench.py [--articles 100000] [--length 3000]

Builds a database of generated articles (~3,000 characters each, rows written directly), then
indexes them as a database from before the index is indexed (``store.search.build``, batch by
batch) and prints, in one run:

- for queries of 1, 2 and 4 characters, a phrase that matches nothing and one that matches every
  article: the time to the first page (100 hits) and to the full count, beside a bare
  ``count(*) ... where instr(text, ?) > 0`` over the same texts, and their ratio;
- the article list's filter: the ids of the matching articles (off the window's thread) beside the
  old filter's per-keystroke scan (instr on title, text and original);
- tagging 1,000 hits as one batch (planned and stored) beside a bare executemany of 1,000 rows;
- suggestions for a 50,000-character article (the shipped rules and 5,000 tagged strings) beside
  one pass of one regular expression over the same text.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.coding.batch_commands import TagHits, plan_batch
from desktop.core.search.searching import count, hits, matching_articles, prepare
from desktop.core.search.suggesting import Suggester, default_rules_path, load_rules
from desktop.core.store import Store

COMMON = "的和在是为了对与要推进建设发展"
PLANTED = "乡村振兴"  # in one article of a hundred
EVERYWHERE = "政策文件"  # in every article


def vocabulary(chance: random.Random, size: int = 3000) -> list[str]:
    """Words of 2-4 characters drawn from the common CJK block (frequent characters more often)."""
    pool = [chr(code) for code in range(0x4E00, 0x4E00 + 2500)]
    words = []
    for _ in range(size):
        length = chance.choice((2, 2, 2, 3, 4))
        words.append(
            "".join(chance.choice(COMMON) if chance.random() < 0.15 else chance.choice(pool) for _ in range(length))
        )
    return words


def paragraphs(chance: random.Random, words: list[str], count_: int = 2000, length: int = 300) -> list[str]:
    blocks = []
    for _ in range(count_):
        parts: list[str] = []
        size = 0
        while size < length:
            word = chance.choice(words)
            parts.append(word)
            size += len(word)
            if chance.random() < 0.12:
                parts.append(chance.choice("，，，。；"))
                size += 1
        blocks.append("".join(parts) + "\n")
    return blocks


def build(path: Path, articles: int, length: int) -> tuple[Store, list[str]]:
    chance = random.Random(11)
    words = vocabulary(chance)
    blocks = paragraphs(chance, words)
    store = Store.open(path)
    per_article = max(1, length // 300)

    def rows():  # type: ignore[no-untyped-def]
        for article_id in range(1, articles + 1):
            text = EVERYWHERE + "\n" + "".join(chance.choice(blocks) for _ in range(per_article))
            if article_id % 100 == 0:
                cut = chance.randrange(len(text))
                text = text[:cut] + PLANTED + text[cut:]
            offset_map = json.dumps({"original_length": len(text), "text_length": len(text), "blocks": []})
            yield article_id, f"文章{article_id}", text, text, offset_map, f"{article_id:064x}"

    with store.transaction():
        store.db.conn.executemany(
            "insert into articles (id, title, original_text, text, offset_map, sha256, status)"
            " values (?, ?, ?, ?, ?, ?, 'todo')",
            rows(),
        )
        # Written directly, so waiting for the index as a database from before it would be.
        store.db.execute("insert or ignore into search_pending (article_id) select id from articles")
    return store, words


def seconds(work: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def ms(value: float) -> str:
    return f"{value * 1000:8.1f} ms"


def absent_phrase(store: Store) -> str:
    """Four frequent characters in an order no article has."""
    for a in COMMON:
        for b in COMMON:
            phrase = a + b + b + a
            row = store.db.execute("select 1 from articles where instr(text, ?) > 0 limit 1", [phrase]).fetchone()
            if row is None:
                return phrase
    return "量子纠缠"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--length", type=int, default=3000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="search-bench-"))
    path = folder / "bench.db"
    took, (store, words) = seconds(lambda: build(path, args.articles, args.length))  # type: ignore[misc]
    chars = store.db.execute("select sum(length(text)) from articles").fetchone()[0]
    print(f"{args.articles} articles, {chars / args.articles:.0f} characters each; built in {took:.1f} s")
    size_before = os.path.getsize(path)
    started = time.perf_counter()
    while store.search.build(1000):
        pass
    indexed = time.perf_counter() - started
    store.db.execute("insert into search_index (search_index) values ('optimize')")
    store.db.execute("pragma wal_checkpoint(truncate)")
    grown = os.path.getsize(path) - size_before
    print(
        f"index built in {indexed:.1f} s ({indexed / args.articles * 1000:.2f} ms per article),"
        f" {grown / 2**20:.0f} MiB ({grown / size_before:.0%} of the database without it)"
    )
    print()
    absent = absent_phrase(store)
    queries = [
        ("1 character", COMMON[0]),
        ("1 character, rare", "兴"),
        ("2 characters", PLANTED[:2]),
        ("4 characters (Traditional)", "鄉村振興"),
        ("phrase in no article", absent),
        ("phrase in every article", EVERYWHERE),
    ]
    print(
        f"{'query':28} {'first page':>11} {'full count':>11} {'instr scan':>11}"
        f" {'first/scan':>10} {'count/scan':>10}  hits"
    )
    for name, query in queries:
        search = prepare(query)
        first, _page = seconds(lambda s=search: list(islice(hits(store, s), 100)))  # type: ignore[misc]
        full, counts = seconds(lambda s=search: count(store, s))  # type: ignore[misc]
        bare, _ = seconds(
            lambda q=search.query: store.db.execute(
                "select count(*) from articles where instr(text, ?) > 0", [q]
            ).fetchone()
        )
        assert counts is not None
        print(
            f"{name:28} {ms(first)} {ms(full)} {ms(bare)} {first / bare:10.3f} {full / bare:10.2f}"
            f"  {counts.hits} in {counts.articles}"
        )
    print()
    search = prepare("鄉村振興")
    listed, ids = seconds(lambda: matching_articles(store, search))
    old, _ = seconds(
        lambda: store.db.execute(
            "select count(*) from articles a where instr(a.title, ?) > 0 or instr(a.text, ?) > 0"
            " or instr(a.original_text, ?) > 0",
            ["鄉村振興"] * 3,
        ).fetchone()
    )
    print(
        f"article list filter '鄉村振興': {ms(listed)} ({len(ids or [])} articles, off the window's thread);"
        f" old per-keystroke scan {ms(old)}; ratio {listed / old:.3f}"
    )
    common = prepare(COMMON[0])
    listed, ids = seconds(lambda: matching_articles(store, common))
    old, _ = seconds(
        lambda: store.db.execute(
            "select count(*) from articles a where instr(a.title, ?) > 0 or instr(a.text, ?) > 0"
            " or instr(a.original_text, ?) > 0",
            [COMMON[0]] * 3,
        ).fetchone()
    )
    print(
        f"article list filter '{COMMON[0]}': {ms(listed)} ({len(ids or [])} articles); old scan {ms(old)};"
        f" ratio {listed / old:.3f}"
    )
    print()
    places = [(h.article_id, h.start, h.end) for h in islice(hits(store, prepare(EVERYWHERE)), 1000)]
    tagged, change = seconds(
        lambda: TagHits(plan_batch(store, places, "measure", "bench"), "measure", "bench", EVERYWHERE).do(store)
    )
    rows = [(1, "measure", 0, 1, "x", 0, 1, "x", "bench") for _ in range(1000)]

    def bare_insert() -> None:
        with store.transaction():
            store.db.conn.executemany(
                "insert into spans (article_id, category_id, start, end, text, original_start, original_end,"
                " original_text, annotator) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    bare, _ = seconds(bare_insert)
    print(
        f"tag {len(places)} hits as one batch: {ms(tagged)} ({change.detail}); bare insert of 1,000 rows {ms(bare)};"  # type: ignore[attr-defined]
        f" ratio {tagged / bare:.1f}"
    )
    print()
    text = "".join(store.articles.text(i) for i in range(1, 40))[:50_000]
    rules, problems = load_rules(default_rules_path(), ["project", "target", "measure"])
    assert not problems, problems
    # Analysts tag phrases, not single words: two or three words of the vocabulary in a row.
    chance = random.Random(5)
    tagged_strings = [("measure", "".join(chance.sample(words, chance.choice((2, 3)))), 1) for _ in range(5000)]
    suggester = Suggester(rules, tagged_strings)
    # As generated the text holds none of the rules' words (项目, 到20…); planted, every rule scans it.
    extra = "，到2025年增长8%以上，加快建设智慧产业园和重点项目工程，实施推进基础建设"
    planted = "，".join(part + extra for part in text.split("，"))[:50_000]
    for name, article in (("as generated", text), ("with every rule's words planted", planted)):
        took, found = seconds(lambda a=article: suggester.suggest(a))  # type: ignore[misc]
        bare, _ = seconds(lambda a=article: sum(1 for _ in rules[0].pattern.finditer(a)))  # type: ignore[misc]
        print(
            f"suggestions, {len(article)}-character article {name} ({len(rules)} rules,"
            f" {len(tagged_strings)} tagged strings): {ms(took)}, {len(found)} suggestions;"  # type: ignore[arg-type]
            f" one regex pass {ms(bare)}; ratio {took / bare:.1f}"
        )
    store.close()
    for leftover in folder.iterdir():
        leftover.unlink()
    folder.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
