"""Samples for double coding: reproducible from a seed, stratified by a metadata field where there is one."""

from __future__ import annotations

import random
from collections import defaultdict

from desktop.core.store import Store, StoreError


def draw(strata: dict[int, str], size: int, seed: int) -> list[int]:
    """``size`` article ids drawn at random, each stratum given its share (largest remainders round).

    The same ids, strata, size and seed give the same sample on any machine: strata and ids are
    taken in sorted order and the one generator is seeded once.
    """
    if size <= 0:
        return []
    groups: dict[str, list[int]] = defaultdict(list)
    for article_id in sorted(strata):
        groups[strata[article_id]].append(article_id)
    total = len(strata)
    size = min(size, total)
    shares = {name: size * len(ids) / total for name, ids in groups.items()}
    taken = {name: int(share) for name, share in shares.items()}
    by_remainder = sorted(groups, key=lambda name: (-(shares[name] - taken[name]), name))
    for name in by_remainder[: size - sum(taken.values())]:
        taken[name] += 1
    generator = random.Random(seed)
    chosen: list[int] = []
    for name in sorted(groups):
        chosen += generator.sample(groups[name], taken[name])
    return sorted(chosen)


def draw_sample(store: Store, name: str, size: int, seed: int, stratify: str = "") -> list[int]:
    """Draw a sample of the articles in the database and keep it under ``name``; returns its ids."""
    if not name.strip():
        raise StoreError("a sample needs a name")
    if stratify and stratify not in {field.name for field in store.metadata.fields()}:
        raise StoreError(f"no metadata field “{stratify}” to stratify by")
    strata = store.samples.strata(stratify) if stratify else dict.fromkeys(store.articles.ids(), "")
    if not strata:
        raise StoreError("the database holds no articles to sample")
    chosen = draw(strata, size, seed)
    store.samples.save(name.strip(), chosen, seed=seed, size=size, stratify=stratify)
    return chosen
