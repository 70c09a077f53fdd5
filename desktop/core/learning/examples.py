"""What a model learns from: the coding units of the articles an analyst marked done, each with the
codes the analyst's own spans give it, and the units it is asked about.

A unit is an example of a code when a span of that code, or of a code under it, by that analyst
overlaps it; every other unit of a done article is an example of the code's absence. Only the
analyst's own layer is read (blind coding: a colleague's choices never teach the model).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from desktop.core.codebook import Codebook
from desktop.core.store.coded_units import CodedUnits


@dataclass(frozen=True)
class Examples:
    """Units with their texts, the article each belongs to, and the codes present in each."""

    analyst: str
    codes: tuple[str, ...]  # the codes a model may be trained for: codable ones, in codebook order
    texts: list[str]
    articles: list[int]
    labels: list[frozenset[str]]
    codebook_state: str  # names the codebook the labels were read under (ids, parents, codability)
    places: list[tuple[int, int, int]] = field(default_factory=list)  # (article, start, end) of each unit

    def __len__(self) -> int:
        return len(self.texts)

    def positives(self, code: str) -> int:
        return sum(1 for present in self.labels if code in present)

    def articles_with(self, code: str) -> int:
        return len({article for article, present in zip(self.articles, self.labels, strict=True) if code in present})


def codebook_state(codebook: Codebook) -> str:
    """A short name for the codebook's shape: it changes when a code is added, removed, moved or made a heading."""
    import hashlib  # loaded when learning is used: the window imports this module at start

    shape = "\n".join(f"{c.id}\t{c.parent_id or ''}\t{int(c.codable)}" for c in codebook.order)
    return hashlib.sha256(shape.encode("utf-8")).hexdigest()[:12]


def read_examples(units: CodedUnits, analyst: str, codebook: Codebook) -> Examples:
    """The units of the articles ``analyst`` marked done, each with the codes of the analyst's spans over it."""
    codes = tuple(c.id for c in codebook.order if c.codable)
    wanted = set(codes)
    # A span counts for its own code and every code above it (sub-codes are included in their parent).
    lifted = {c.id: {c.id, *codebook.ancestors(c.id)} for c in codebook.order}
    article_ids = units.done_articles(analyst)
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for article_id, start, end, category_id in units.spans(analyst, article_ids):
        spans[int(article_id)].append((int(start), int(end), str(category_id)))
    texts: list[str] = []
    articles: list[int] = []
    labels: list[frozenset[str]] = []
    places: list[tuple[int, int, int]] = []
    for article_id, start, end, text in units.unit_texts(article_ids):
        present: set[str] = set()
        for span_start, span_end, category_id in spans.get(article_id, ()):
            if span_start < end and start < span_end:
                present.update(lifted.get(category_id, (category_id,)))
        texts.append(text)
        articles.append(article_id)
        labels.append(frozenset(present & wanted))
        places.append((article_id, start, end))
    return Examples(analyst, codes, texts, articles, labels, codebook_state(codebook), places)
