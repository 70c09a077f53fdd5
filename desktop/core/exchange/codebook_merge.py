"""Merging a codebook file into the store: match by id, guid or path; create, update or leave; never delete.

The whole file goes in as one transaction: a failure part-way leaves the codebook as it was.
"""

from __future__ import annotations

import csv
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.core.codebook import MAX_CODES, MAX_DEPTH, Codebook, free_id, guid_for, key_refusal
from desktop.core.colours import ColourPicker
from desktop.core.exchange.codebook_files import ENCODINGS, READERS, WRITERS, suffix_of
from desktop.core.exchange.codebook_model import IncomingCode
from desktop.core.exchange.incoming import FormatError, read_incoming
from desktop.core.models import Category
from desktop.core.store import STORE_FAILURES, Store, explain
from desktop.core.text.reading import ReadError, decode

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_FIELDS = ("label_zh", "label_en", "colour", "shortcut", "description", "codable")


@dataclass
class CodebookReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    failed: str = ""
    # The file's name for each code (id, guid or path) -> the category id it is in the store.
    mapping: dict[str, str] = field(default_factory=dict)
    # (code id, field, ours, the file's): what an update changed, and what it kept of ours.
    changes: list[tuple[str, str, str, str]] = field(default_factory=list)
    kept: list[tuple[str, str, str, str]] = field(default_factory=list)

    def lines(self) -> Iterator[str]:
        for where, reason in self.problems:
            yield f"{where}: {reason}"
        if self.failed:
            yield f"failed: {self.failed}"
        for label, ids in (("created", self.created), ("updated", self.updated)):
            if ids:
                yield f"{label}: {', '.join(ids)}"
        for code, name, ours, theirs in self.changes:
            yield f"changed: {code} {name} {ours!r} → {theirs!r}"
        for code, name, ours, theirs in self.kept:
            yield f"kept ours: {code} {name} {ours!r} (the file says {theirs!r}; --take-theirs takes it)"
        yield (
            f"codes: {len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} left as they were,"
            f" {len(self.problems)} problems"
        )


class _Merger:
    """Works the merge out on a copy of the codebook in memory; the store is written once, at the end.

    Every code costs a few dictionary lookups, so a file of thousands of codes merges in a moment.
    """

    def _colour(self, given: str | None) -> str:
        """The file's colour for a new code, else one far from the colours already in use."""
        if given is None:
            return self.colours.next()
        self.colours.take(given)
        return given

    def __init__(self, codebook: Codebook, report: CodebookReport, take_theirs: bool = False) -> None:
        self.report = report
        self.take_theirs = take_theirs
        self.by_id: dict[str, Category] = {c.id: c for c in codebook}
        self.by_guid: dict[str, str] = {}
        self.by_label: dict[tuple[str | None, str], str] = {}
        self.by_key: dict[str, str] = {}
        self.next_position: dict[str | None, int] = {}
        for category in codebook:
            if category.guid:
                self.by_guid.setdefault(category.guid, category.id)
            self.by_label.setdefault((codebook.parent_of(category.id), category.label_zh), category.id)
            if category.shortcut:
                self.by_key[category.shortcut] = category.id
            parent = codebook.parent_of(category.id)
            self.next_position[parent] = max(self.next_position.get(parent, 0), category.position + 1)
        self.created: dict[str, Category] = {}
        self.changed: dict[str, Category] = {}
        self.colours = ColourPicker(category.colour for category in codebook)

    def depth(self, category_id: str | None) -> int:
        """Levels from the top down to ``category_id`` (0 for the top itself)."""
        levels, seen = 0, set()
        while category_id is not None and category_id in self.by_id and category_id not in seen:
            seen.add(category_id)
            levels += 1
            category_id = self.by_id[category_id].parent_id
        return levels

    def under_itself(self, category_id: str, parent_id: str | None) -> bool:
        seen = set()
        while parent_id is not None and parent_id not in seen:
            if parent_id == category_id:
                return True
            seen.add(parent_id)
            parent_id = self.by_id[parent_id].parent_id if parent_id in self.by_id else None
        return False

    def match(self, code: IncomingCode, parent_id: str | None) -> str | None:
        if code.id and code.id in self.by_id:
            return code.id
        if code.guid and code.guid in self.by_guid:
            return self.by_guid[code.guid]
        return self.by_label.get((parent_id, code.label_zh or ""))

    def checked(self, code: IncomingCode, category_id: str | None) -> dict[str, Any]:
        """The fields the file gives, less any the codebook refuses (each refusal reported)."""
        given = {name: getattr(code, name) for name in _FIELDS if getattr(code, name) is not None}
        if "colour" in given and not _COLOUR.match(given["colour"]):
            self.report.problems.append((code.where, f"colour {given.pop('colour')!r} is not #rrggbb; not taken"))
        if given.get("shortcut"):
            holder = self.by_key.get(given["shortcut"])
            other = self.by_id[holder] if holder is not None and holder != category_id else None
            problem = key_refusal(given["shortcut"], other)
            if problem:
                given.pop("shortcut")
                self.report.problems.append((code.where, f"key not set: {problem}"))
        return given

    def _keep(self, category: Category, new: bool) -> None:
        before = self.by_id.get(category.id)
        if before is not None and before.shortcut and self.by_key.get(before.shortcut) == category.id:
            del self.by_key[before.shortcut]
        if category.shortcut:
            self.by_key[category.shortcut] = category.id
        self.by_id[category.id] = category
        (self.created if new or category.id in self.created else self.changed)[category.id] = category

    def _place(self, parent_id: str | None) -> int:
        position = self.next_position.get(parent_id, 0)
        self.next_position[parent_id] = position + 1
        return position

    def take(self, code: IncomingCode, parent_id: str | None) -> bool:
        """Merge one code; whether it is now in the codebook (its children can go under it)."""
        if self.depth(parent_id) + 1 > MAX_DEPTH:
            self.report.problems.append((code.where, f"it would be deeper than {MAX_DEPTH} levels; not taken"))
            return False
        existing = self.match(code, parent_id)
        if existing is None:
            return self.create(code, parent_id)
        self.report.mapping[code.key] = existing
        current = self.by_id[existing]
        changes = {k: v for k, v in self.checked(code, existing).items() if getattr(current, k) != v}
        if "colour" in changes and not self.take_theirs:
            # Another program's palette (QualCoder replaces colours with its own) must not
            # repaint a study's codes: ours stays unless asked.
            self.report.kept.append((existing, "colour", current.colour, changes.pop("colour")))
        self.report.changes += [
            (existing, name, str(getattr(current, name)), str(value)) for name, value in changes.items()
        ]
        if current.parent_id != parent_id and not self.under_itself(existing, parent_id):
            self.report.changes.append((existing, "parent", current.parent_id or "(top)", parent_id or "(top)"))
        moved = current.parent_id != parent_id and not self.under_itself(existing, parent_id)
        if changes or moved:
            updated = replace(current, **changes)
            if moved:
                updated = replace(updated, parent_id=parent_id, position=self._place(parent_id))
            self._keep(updated, new=False)
        (self.report.updated if changes or moved else self.report.unchanged).append(existing)
        return True

    def create(self, code: IncomingCode, parent_id: str | None) -> bool:
        if not code.label_zh:
            self.report.problems.append((code.where, "a new code needs a name (label_zh); not created"))
            return False
        taken = self.by_id.keys()
        category_id = (
            code.id if code.id and code.id not in taken else free_id(code.label_zh, code.label_en or "", set(taken))
        )
        given = self.checked(code, category_id)
        label_zh = given.get("label_zh", code.label_zh)
        category = Category(
            category_id,
            label_zh,
            given.get("label_en", "") or label_zh,
            self._colour(given.get("colour")),
            given.get("shortcut", ""),
            self._place(parent_id),
            given.get("description", ""),
            parent_id,
            given.get("codable", True),
            code.guid or guid_for(category_id),
        )
        self._keep(category, new=True)
        if category.guid:
            self.by_guid.setdefault(category.guid, category_id)
        self.by_label.setdefault((parent_id, label_zh), category_id)
        self.report.mapping[code.key] = category_id
        self.report.created.append(category_id)
        return True


def _in_tree_order(codes: list[IncomingCode], known: set[str]) -> Iterator[tuple[IncomingCode, bool]]:
    """Each code after its parent (when the file holds the parent); the flag: its parent was found."""
    in_file = {code.key for code in codes}
    children: dict[str, list[IncomingCode]] = {}
    ready: list[IncomingCode] = []
    for code in codes:
        if code.parent_key is not None and code.parent_key in in_file:
            children.setdefault(code.parent_key, []).append(code)
        else:
            ready.append(code)
    queue = deque((code, code.parent_key is None or code.parent_key in known) for code in ready)
    while queue:
        code, found = queue.popleft()
        yield code, found
        queue.extend((child, True) for child in children.pop(code.key, []))
    # What is left hangs under codes that form a loop in the file: each comes with its parent unfound.
    for waiting in children.values():
        yield from ((code, False) for code in waiting)


def merge_codes(
    store: Store, codes: Iterable[IncomingCode], report: CodebookReport | None = None, take_theirs: bool = False
) -> CodebookReport:
    """Merge codes (parents before children, or in any order) into the store's codebook, in one write.

    Every field an update changes is reported; a code's colour stays ours unless ``take_theirs``.
    """
    report = report or CodebookReport()
    waiting = []
    for code in codes:
        if code.problem:
            report.problems.append((code.where, code.problem))
        else:
            waiting.append(code)
    if len(waiting) > MAX_CODES:
        report.failed = f"the file holds {len(waiting)} codes, over the limit of {MAX_CODES}; nothing imported"
        return report
    try:
        with store.transaction():
            merger = _Merger(store.categories.codebook(), report, take_theirs)
            refused: set[str] = set()
            for code, found in _in_tree_order(waiting, set(merger.by_id)):
                if code.parent_key in refused:
                    refused.add(code.key)
                    report.problems.append((code.where, f"its parent {code.parent_key} was not taken; not taken"))
                    continue
                parent_id = report.mapping.get(code.parent_key or "") or (code.parent_key if found else None)
                if code.parent_key is not None and not found:
                    report.problems.append(
                        (code.where, f"its parent {code.parent_key} is in neither file nor database; put at the top")
                    )
                if not merger.take(code, parent_id):
                    refused.add(code.key)
            store.categories.write_many(list(merger.created.values()), list(merger.changed.values()))
    except STORE_FAILURES as error:
        report.failed = str(explain(error, store.path))
        report.created, report.updated, report.mapping, report.changes = [], [], {}, []
    return report


def import_codebook(store: Store, path: Path, take_theirs: bool = False) -> CodebookReport:
    """A codebook file (.json, .csv in any encoding Excel writes, .qdc) merged into the store."""
    report = CodebookReport()
    try:
        data = read_incoming(store, path)
        codes = list(READERS[suffix_of(path)](decode(data, separators_too=False).text))
    except (ReadError, FormatError) as error:
        report.failed = f"{path}: {error}"
        return report
    except csv.Error as error:
        report.failed = f"{path}: broken CSV ({error}); nothing stored"
        return report
    return merge_codes(store, codes, report, take_theirs)


def export_codebook(store: Store, path: Path) -> int:
    """Write the codebook to ``path`` in the format its suffix names; returns the number of codes."""
    from desktop.core.exchange.outgoing import ExportOptions, write_to_path

    suffix = suffix_of(path)
    codebook = store.categories.codebook()

    def writer(_store: Store, out: Any, _options: ExportOptions) -> int:
        WRITERS[suffix](codebook, out)
        return len(codebook)

    return write_to_path(writer, store, path, ExportOptions(), ENCODINGS[suffix])
