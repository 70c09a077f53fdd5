"""Search across the corpus: a query typed in either script finds the passages of every article.

The query is converted to Simplified (OpenCC, as the articles were) and matched against the
Simplified texts; each hit carries its offsets in both scripts (through the article's offset map)
and the words around it. The search index narrows the articles to read (``core.search_terms``);
the text decides. Hits come in article order, lazily, so the first page is ready long before
the last article is read.

Plain queries: words separated by spaces must all occur in an article (each one is a hit);
``"an exact phrase"`` (or “…”) keeps its spaces. ASCII letters match in either case. A regular
expression (Python's syntax) is matched as written, line by line (``^``/``$`` at line ends).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from desktop.core.layers import Layers
from desktop.core.models import Status
from desktop.core.search.required_literals import required_literals
from desktop.core.search.user_patterns import MATCH_TIMEOUT_S, PatternError, PatternTimeout, UserPattern
from desktop.core.search_terms import query_terms
from desktop.core.store import Store
from desktop.core.store.queries import layers_clause

CONTEXT = 20
HIT_FIELDS = (
    "article_id",
    "start",
    "end",
    "text",
    "original_start",
    "original_end",
    "original_text",
    "context_before",
    "context_after",
)
_WORDS = re.compile(r'"([^"]*)"|“([^”]*)”|(\S+)')
_PLAIN_FLAGS = re.ASCII | re.IGNORECASE


class SearchError(ValueError):
    """A query that cannot be run; the message says why, for the user."""


@dataclass(frozen=True)
class SearchFilter:
    """Which articles a search reads; an empty field means all."""

    statuses: tuple[Status, ...] = ()
    with_categories: tuple[str, ...] = ()  # articles with a span of any of these (already expanded to subtrees)
    without_categories: tuple[str, ...] = ()  # articles with no span of these
    # Whose spans the category conditions count (one layer, or any of several); alone: articles
    # where they have spans. None: any analyst's.
    layers: Layers = ()
    metadata: tuple[tuple[str, str], ...] = ()  # (field, value); a date field matches by prefix (a year)

    def clauses(self) -> tuple[list[str], list[Any]]:
        """SQL conditions on articles ``a`` (the search index module reads with them)."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.statuses:
            clauses.append(f"a.status in ({', '.join('?' * len(self.statuses))})")
            params.extend(status.value for status in self.statuses)
        by, by_params = layers_clause(self.layers)
        whose = "".join(f" and {clause}" for clause in by)
        for categories, negation in ((self.with_categories, ""), (self.without_categories, "not ")):
            if categories:
                clauses.append(
                    f"{negation}exists (select 1 from spans s where s.article_id = a.id"
                    f" and s.category_id in ({', '.join('?' * len(categories))}){whose})"
                )
                params.extend(categories)
                params.extend(by_params)
        if self.layers and not (self.with_categories or self.without_categories):
            clauses.append(f"exists (select 1 from spans s where s.article_id = a.id{whose})")
            params.extend(by_params)
        for name, value in self.metadata:
            clauses.append(
                "exists (select 1 from article_metadata m where m.article_id = a.id and m.field = ?"
                " and (m.value = ? or m.value like ? || '-%'))"
            )
            params.extend([name, value, value])
        return clauses, params


@dataclass(frozen=True)
class Search:
    """A query made ready: what an article must contain, the pattern whose matches are hits."""

    query: str
    pattern: re.Pattern[str] | UserPattern  # a user's regular expression runs with a time limit per article
    required: tuple[str, ...]  # literals every matching article holds (the index narrows by them)
    regex: bool = False
    _checks: tuple[re.Pattern[str], ...] = field(default=(), repr=False)

    def index_terms(self) -> list[str] | None:
        """Index terms every article with a hit holds, or None when the index cannot help."""
        terms = [term for literal in self.required for term in query_terms(literal)]
        return list(dict.fromkeys(terms)) or None

    def qualifies(self, text: str) -> bool:
        """Whether an article holds every word of a plain query (always true for a regular expression)."""
        return all(check.search(text) for check in self._checks)


def prepare(
    query: str,
    *,
    regex: bool = False,
    convert: Callable[[str], str] | None = None,
    timeout: float = MATCH_TIMEOUT_S,
) -> Search:
    """A query typed in either script, made ready to run; SearchError when it is empty or not a valid pattern."""
    typed = query.strip()
    if not typed:
        raise SearchError("the query is empty")
    if any("\ud800" <= ch <= "\udfff" for ch in typed):
        # A command-line argument whose bytes are not UTF-8 arrives with lone surrogates in it.
        shown = typed.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise SearchError(f"the query “{shown}” holds bytes that are not UTF-8 text")
    if convert is None:
        from desktop.core.text.convert import convert as opencc_convert

        convert = opencc_convert
    simplified = convert(typed)
    if regex:
        try:
            bounded = UserPattern.compile(simplified, re.MULTILINE, timeout)
        except PatternError as error:
            raise SearchError(f"not a valid regular expression: {error}") from None
        required = tuple(required_literals(simplified, re.MULTILINE))
        return Search(simplified, bounded, required, regex=True)
    words = [next(group for group in match.groups() if group is not None) for match in _WORDS.finditer(simplified)]
    literals = tuple(dict.fromkeys(word for word in words if word.strip()))
    if not literals:
        raise SearchError("the query is empty")
    ordered = sorted(literals, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(literal) for literal in ordered), _PLAIN_FLAGS)
    checks = tuple(re.compile(re.escape(literal), _PLAIN_FLAGS) for literal in literals) if len(literals) > 1 else ()
    return Search(simplified, pattern, literals, _checks=checks)


class Hit(NamedTuple):
    """One match: offsets in code points, end exclusive, in both scripts, and the words around it."""

    article_id: int
    start: int
    end: int
    text: str
    original_start: int
    original_end: int
    original_text: str
    context_before: str
    context_after: str
    title: str = ""

    def record(self) -> dict[str, object]:
        """The fields of the command line's csv and jsonl output."""
        return {name: getattr(self, name) for name in HIT_FIELDS}


def _matches(search: Search, text: str) -> list[tuple[int, int]]:
    if not search.qualifies(text):
        return []
    try:
        return [match.span() for match in search.pattern.finditer(text) if match.end() > match.start()]
    except PatternTimeout as error:
        raise SearchError(str(error)) from None


def hits(
    store: Store,
    search: Search,
    filters: SearchFilter = SearchFilter(),
    after: int = 0,
) -> Iterator[Hit]:
    """Every hit in article order (then text order), read lazily; ``after`` skips articles up to that id."""
    clauses, params = filters.clauses()
    for article_id, title, text in store.search.texts(search.index_terms(), clauses, params, after):
        found = _matches(search, text)
        if not found:
            continue
        # The Simplified text is in hand already: only the original and the map are read.
        original, offset_map = store.articles.original_text(article_id), store.articles.offset_map(article_id)
        for start, end in found:
            o_start, o_end = offset_map.to_original(start, end)
            yield Hit(
                article_id,
                start,
                end,
                text[start:end],
                o_start,
                o_end,
                original[o_start:o_end],
                text[max(0, start - CONTEXT) : start],
                text[end : end + CONTEXT],
                title,
            )


class Counts(NamedTuple):
    hits: int
    articles: int


def count(
    store: Store,
    search: Search,
    filters: SearchFilter = SearchFilter(),
    cancelled: Callable[[], bool] = lambda: False,
    after: int = 0,
) -> Counts | None:
    """How many hits and articles a search has after article ``after`` (None when cancelled before the end)."""
    clauses, params = filters.clauses()
    total = articles = 0
    for _article_id, _title, text in store.search.texts(search.index_terms(), clauses, params, after):
        if cancelled():
            return None
        found = len(_matches(search, text))
        total += found
        articles += bool(found)
    return Counts(total, articles)


def matching_articles(
    store: Store,
    search: Search,
    filters: SearchFilter = SearchFilter(),
    cancelled: Callable[[], bool] = lambda: False,
) -> list[int] | None:
    """Ids of the articles whose title or Simplified text holds the query (the article list's filter)."""
    clauses, params = filters.clauses()
    literal = search.required[0] if len(search.required) == 1 else ""
    if not search.regex and literal and not any(ch.isascii() and ch.isalpha() for ch in literal):
        # One word with no letter whose case could differ: SQLite's instr() decides, without Python reading texts.
        return store.search.ids_containing(search.index_terms() or [], literal, clauses, params)
    found: list[int] = []
    for article_id, title, text in store.search.texts(search.index_terms(), clauses, params):
        if cancelled():
            return None
        try:
            matched = any(search.pattern.search(part) for part in (title, text))
        except PatternTimeout as error:
            raise SearchError(str(error)) from None
        if matched and search.qualifies(title + "\n" + text):
            found.append(article_id)
    return found
