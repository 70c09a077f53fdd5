"""The codebook as a tree: order, paths, subtrees and the keys categories answer to.

Categories are stored flat (a parent id and a position among siblings); everything that
depends on the shape of the tree is worked out here, once, from that list.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import replace

from desktop.core.models import Category

# Deeper than any codebook a study uses (five or six levels); a file nested further is refused, not followed.
MAX_DEPTH = 32
# Codes in one codebook file at most (MAXQDA studies reach a few thousand).
MAX_CODES = 20_000
# Keys 1–9 and 0 go to the first ten codable categories in tree order, unless set by hand.
AUTOMATIC_KEYS = tuple("1234567890")
# What an analyst may set by hand: a digit, or Alt and a digit for codebooks of more than ten codes.
MANUAL_KEYS = AUTOMATIC_KEYS + tuple(f"Alt+{digit}" for digit in AUTOMATIC_KEYS)
PATH_SEPARATOR = " > "
# Codes made here get a REFI-QDA guid derived from their id, so that exports of one
# database always name a code the same way.
_GUIDS = "6f6c1e2a-3b1d-4d8e-9a52-6b1f0c6a2d10"


def guid_for(category_id: str) -> str:
    import uuid  # loaded when a code is made: reading a codebook needs none

    return str(uuid.uuid5(uuid.UUID(_GUIDS), category_id))


class Codebook:
    """The categories of a database as a tree."""

    def __init__(self, categories: Iterable[Category]) -> None:
        self.by_id: dict[str, Category] = {}
        for category in categories:
            self.by_id[category.id] = category
        self._children: dict[str | None, list[Category]] = {}
        for category in self.by_id.values():
            # A parent that is gone makes its children top-level rather than invisible.
            parent = category.parent_id if category.parent_id in self.by_id else None
            self._children.setdefault(parent, []).append(category)
        for siblings in self._children.values():
            siblings.sort(key=lambda c: (c.position, c.id))
        self.order: list[Category] = list(self._walk(None, set()))
        self._paths: dict[str, str] | None = None

    def _walk(self, parent: str | None, seen: set[str]) -> Iterator[Category]:
        """Depth first, parents before children, without recursion (a codebook may be deep)."""
        stack = list(reversed(self._children.get(parent, [])))
        while stack:
            category = stack.pop()
            if category.id in seen:  # a cycle written by hand into the database: shown once
                continue
            seen.add(category.id)
            yield category
            stack.extend(reversed(self._children.get(category.id, [])))

    def __iter__(self) -> Iterator[Category]:
        return iter(self.order)

    def __len__(self) -> int:
        return len(self.order)

    def __contains__(self, category_id: object) -> bool:
        return category_id in self.by_id

    def children(self, parent_id: str | None) -> list[Category]:
        return list(self._children.get(parent_id, []))

    def parent_of(self, category_id: str) -> str | None:
        parent = self.by_id[category_id].parent_id
        return parent if parent in self.by_id else None

    def ancestors(self, category_id: str) -> list[str]:
        """From the top of the tree down to the category's parent."""
        found: list[str] = []
        parent = self.parent_of(category_id)
        while parent is not None and parent not in found:
            found.append(parent)
            parent = self.parent_of(parent)
        return found[::-1]

    def depth(self, category_id: str) -> int:
        return len(self.ancestors(category_id))

    def path(self, category_id: str, *, english: bool = False) -> str:
        """``政策工具 > 供给型 > 资金投入``: the labels from the top of the tree down to the category."""
        ids = [*self.ancestors(category_id), category_id]
        return PATH_SEPARATOR.join(self.by_id[i].label_en if english else self.by_id[i].label_zh for i in ids)

    def paths(self) -> dict[str, str]:
        """Every category's path, worked out once (an export asks for them row by row)."""
        if self._paths is None:
            self._paths = {category.id: self.path(category.id) for category in self.order}
        return self._paths

    def by_path(self, path: str) -> Category | None:
        wanted = split_path(path)
        for category in self.order:
            if split_path(self.path(category.id)) == wanted:
                return category
        return None

    def subtree(self, category_id: str) -> list[str]:
        """The category and every category below it, in tree order."""
        return [category_id, *(category.id for category in self._walk(category_id, {category_id}))]

    def expand(self, category_ids: Iterable[str]) -> tuple[str, ...]:
        """Categories as a filter means them: a parent stands for itself and all below it."""
        found: dict[str, None] = {}
        for category_id in category_ids:
            for member in self.subtree(category_id) if category_id in self.by_id else [category_id]:
                found[member] = None
        return tuple(found)

    def keys(self) -> dict[str, str]:
        """The key each category answers to: its own, else the next free of 1–9, 0 in tree order."""
        taken = {c.shortcut for c in self.order if c.shortcut}
        free = iter([key for key in AUTOMATIC_KEYS if key not in taken])
        keys: dict[str, str] = {}
        for category in self.order:
            if category.shortcut:
                keys[category.id] = category.shortcut
            elif category.codable:
                keys[category.id] = next(free, "")
        return keys

    def resolved(self) -> list[Category]:
        """The categories in tree order, each with the key it answers to."""
        keys = self.keys()
        return [replace(category, key=keys.get(category.id, "")) for category in self.order]

    def key_problem(self, category_id: str, key: str) -> str:
        """Why ``key`` cannot be set by hand on the category ('' when it can)."""
        holder = next((other for other in self.order if other.id != category_id and other.shortcut == key), None)
        return key_refusal(key, holder)

    def move_problem(self, category_id: str, parent_id: str | None) -> str:
        """Why the category cannot go under ``parent_id`` ('' when it can)."""
        if parent_id is None:
            return ""
        if parent_id not in self.by_id:
            return f"there is no category {parent_id}"
        if parent_id in self.subtree(category_id):
            return "a category cannot go under itself or one of its own sub-codes"
        return ""

    def totals(self, counts: dict[str, int]) -> dict[str, int]:
        """Counts with every parent holding its own and all below it."""
        return {category.id: sum(counts.get(i, 0) for i in self.subtree(category.id)) for category in self.order}


def key_refusal(key: str, holder: Category | None) -> str:
    """Why ``key`` cannot be set by hand ('' when it can), ``holder`` being another code that has it."""
    if not key:
        return ""
    if key not in MANUAL_KEYS:
        return f"“{key}” is not a key a code can have (a digit, or Alt and a digit)"
    if holder is not None:
        return f"the key {key} is already set on “{holder.label_zh}”"
    return ""


def free_id(label_zh: str, label_en: str, taken: Container[str]) -> str:
    """A free id for a new code: its English label as a slug, else its Chinese label."""
    slug = re.sub(r"[^a-z0-9]+", "-", label_en.lower()).strip("-")
    base = slug or label_zh.strip() or "code"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def split_path(path: str) -> tuple[str, ...]:
    """A path as written by hand or by Excel: ``>`` with or without spaces, full-width ``＞`` too."""
    return tuple(part.strip() for part in path.replace("＞", ">").split(">") if part.strip())
