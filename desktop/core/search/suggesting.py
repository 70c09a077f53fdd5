"""Suggestions: passages that look like a category, offered for the analyst to accept or reject.

Two sources, neither needing a model server or the network:

- strings already tagged with a category, wherever they occur untagged in the open article
  (the longest first, one per place and category);
- pattern rules from a small TOML file that ships with the program and can be edited
  (``resources/suggestion_rules.toml``; a copy in the user's data folder wins).

A suggestion is never stored as a span until accepted; decisions are logged per source
(``store.suggestions``) so that a rule that misleads shows a low acceptance and can be switched off.
Suggestions that overlap a span of their own category, or were rejected at that place, are not made.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from desktop.core.environment import APP_NAME, resource_path
from desktop.core.search.required_literals import required_literals
from desktop.core.search.user_patterns import PatternError, PatternTimeout, UserPattern
from desktop.core.units import trimmed

TAGGED = "tagged elsewhere"
RULES_FILE = "suggestion_rules.toml"


@dataclass(frozen=True)
class Rule:
    name: str
    category_id: str
    pattern: re.Pattern[str] | UserPattern  # from a file the analyst edits: run with a time limit per article
    description: str = ""
    enabled: bool = True
    # Strings every match holds: a text without one of them is not scanned (most rules end in 项目, 工程…).
    required: tuple[str, ...] = ()


_Tagged = tuple[str, str, int]  # a tagged string, its category, how often it was tagged


class Suggestion(NamedTuple):
    """A passage [start, end) of the Simplified text that may be ``category_id``; ``source`` says why."""

    start: int
    end: int
    category_id: str
    source: str  # a rule's name, or TAGGED
    detail: str = ""


def default_rules_path() -> Path:
    return resource_path(RULES_FILE)


def user_rules_path() -> Path:
    """Where an analyst's own copy of the rules lives (made from the shipped file when first edited)."""
    from platformdirs import user_data_dir  # loaded with the rules, not with the window

    return Path(user_data_dir(APP_NAME, appauthor=False)) / RULES_FILE


def rules_path() -> Path:
    own = user_rules_path()
    return own if own.is_file() else default_rules_path()


def load_rules(path: Path, categories: Iterable[str] | None = None) -> tuple[list[Rule], list[str]]:
    """The rules of a file, and one message per rule skipped (or for a file that cannot be read)."""
    import tomllib  # loaded when rules are read: the window starts with suggestions off

    known = None if categories is None else set(categories)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        return [], [f"{path}: cannot read the rules ({error.strerror or error})"]
    except UnicodeDecodeError:
        return [], [f"{path}: not UTF-8 text"]
    except tomllib.TOMLDecodeError as error:
        return [], [f"{path}: not valid TOML ({error})"]
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        return [], [f"{path}: 'rule' must be a list of [[rule]] tables"]
    rules: list[Rule] = []
    problems: list[str] = []
    names: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: rule {number}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not a table")
            continue
        name, category, pattern = entry.get("name"), entry.get("category"), entry.get("pattern")
        if isinstance(name, str) and name:
            where += f" ({name})"
        problem = _problem(name, category, pattern, names, known)
        if problem is None:
            try:
                compiled = UserPattern.compile(str(pattern))
            except PatternError as error:
                problem = f"bad pattern {pattern!r}: {error}"
        if problem is not None:
            problems.append(f"{where}: {problem}; skipped")
            continue
        names.add(str(name))
        description = entry.get("description", "")
        enabled = entry.get("enabled", True)
        required = tuple(required_literals(compiled.source, compiled.flags))
        rules.append(Rule(str(name), str(category), compiled, str(description), enabled is not False, required))
    return rules, problems


def _problem(name: object, category: object, pattern: object, names: set[str], known: set[str] | None) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return "no name"
    if name in names:
        return f"a second rule named {name!r}"
    if name == TAGGED:
        return f"the name {TAGGED!r} is taken by tagged strings"
    if not isinstance(category, str) or not category:
        return "no category"
    if known is not None and category not in known:
        return f"unknown category {category!r}"
    if not isinstance(pattern, str) or not pattern:
        return "no pattern"
    return None


class Suggester:
    """Finds suggestions in a text, from the rules and the strings tagged so far."""

    def __init__(
        self, rules: Sequence[Rule], tagged: Iterable[tuple[str, str, int]] = (), off: Iterable[str] = ()
    ) -> None:
        switched_off = set(off)
        self.rules = [rule for rule in rules if rule.enabled and rule.name not in switched_off]
        self.problems: list[str] = []
        # Tagged strings by their first two characters, then (four characters or more) by their first four:
        # a place in the text is looked up twice at most, and few strings share both keys.
        self._by_pair: dict[str, tuple[dict[str, list[_Tagged]], list[_Tagged]]] = {}
        if TAGGED not in switched_off:
            for category_id, text, times in tagged:
                if len(text) >= 2 and text.strip() == text:
                    longer, shorter = self._by_pair.setdefault(text[:2], ({}, []))
                    entry = (text, category_id, times)
                    if len(text) >= 4:
                        longer.setdefault(text[:4], []).append(entry)
                    else:
                        shorter.append(entry)

    def suggest(
        self, text: str, spans: Iterable[tuple[int, int, str]] = (), rejected: Iterable[tuple[int, int, str]] = ()
    ) -> list[Suggestion]:
        """Suggestions in text order; none that overlaps a span of its category or was rejected there."""
        found: dict[tuple[int, int, str], Suggestion] = {}
        for suggestion in self._tagged(text):
            found.setdefault(suggestion[:3], suggestion)
        for rule in self.rules:
            if not all(literal in text for literal in rule.required):
                continue
            try:
                matches = list(rule.pattern.finditer(text))
            except PatternTimeout as error:
                # One rule out of time on this text: the others still suggest; the reason is kept to show.
                self.problems.append(f"rule {rule.name}: {error}")
                continue
            for match in matches:
                start, end = trimmed(text, *match.span())
                if end > start:
                    found.setdefault(
                        (start, end, rule.category_id), Suggestion(start, end, rule.category_id, rule.name)
                    )
        taken = _Coverage(spans)
        refused = set(rejected)
        kept = [
            s for key, s in found.items() if key not in refused and not taken.overlaps(s.category_id, s.start, s.end)
        ]
        return sorted(kept, key=lambda s: (s.start, s.end, s.category_id))

    def _tagged(self, text: str) -> list[Suggestion]:
        if not self._by_pair:
            return []
        found: list[tuple[int, int, str, int]] = []  # (start, -length, category, times)
        by_pair = self._by_pair
        pairs = list(map(operator.add, text, text[1:]))
        for start in [i for i, pair in enumerate(pairs) if pair in by_pair]:
            longer, shorter = by_pair[pairs[start]]
            for string, category_id, times in (*longer.get(text[start : start + 4], ()), *shorter):
                if text.startswith(string, start):
                    found.append((start, -len(string), category_id, times))
        found.sort()
        suggestions: list[Suggestion] = []
        covered_until: dict[str, int] = {}  # per category: the longest string at a place, none overlapping
        for start, negative, category_id, times in found:
            if covered_until.get(category_id, 0) <= start:
                covered_until[category_id] = start - negative
                suggestions.append(Suggestion(start, start - negative, category_id, TAGGED, f"{times}×"))
        return suggestions


class _Coverage:
    """The spans of an article per category, asked whether a range overlaps any."""

    def __init__(self, spans: Iterable[tuple[int, int, str]]) -> None:
        by_category: dict[str, list[tuple[int, int]]] = {}
        for start, end, category_id in spans:
            by_category.setdefault(category_id, []).append((start, end))
        self._starts: dict[str, list[int]] = {}
        self._reach: dict[str, list[int]] = {}  # the furthest end among the spans starting up to here
        for category_id, ranges in by_category.items():
            ranges.sort()
            reach, furthest = [], 0
            for _start, end in ranges:
                furthest = max(furthest, end)
                reach.append(furthest)
            self._starts[category_id] = [start for start, _end in ranges]
            self._reach[category_id] = reach

    def overlaps(self, category_id: str, start: int, end: int) -> bool:
        starts = self._starts.get(category_id)
        if not starts:
            return False
        before = bisect_left(starts, end)
        return before > 0 and self._reach[category_id][before - 1] > start
