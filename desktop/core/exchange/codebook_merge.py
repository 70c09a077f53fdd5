"""Merging a codebook file into the store: match by id, guid or path; create, update or leave; never delete.

The whole file goes in as one transaction: a failure part-way leaves the codebook as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.codebook import PALETTE
from desktop.core.exchange.codebook_files import ENCODINGS, READERS, WRITERS, suffix_of
from desktop.core.exchange.codebook_model import IncomingCode
from desktop.core.exchange.incoming import FormatError
from desktop.core.store import STORE_FAILURES, Store, explain
from desktop.core.text.reading import ReadError, read_article

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

    def lines(self) -> Iterator[str]:
        for where, reason in self.problems:
            yield f"{where}: {reason}"
        if self.failed:
            yield f"failed: {self.failed}"
        for label, ids in (("created", self.created), ("updated", self.updated)):
            if ids:
                yield f"{label}: {', '.join(ids)}"
        yield (
            f"codes: {len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} left as they were,"
            f" {len(self.problems)} problems"
        )


class _Merger:
    def __init__(self, store: Store, report: CodebookReport) -> None:
        self.store = store
        self.report = report

    def parent_of(self, code: IncomingCode) -> tuple[bool, str | None]:
        """(known, the store id of the code's parent)."""
        if code.parent_key is None:
            return True, None
        if code.parent_key in self.report.mapping:
            return True, self.report.mapping[code.parent_key]
        if code.parent_key in self.store.categories.ids():
            return True, code.parent_key
        return False, None

    def match(self, code: IncomingCode, parent_id: str | None) -> str | None:
        codebook = self.store.categories.codebook()
        if code.id and code.id in codebook:
            return code.id
        if code.guid:
            found = next((c.id for c in codebook if c.guid == code.guid), None)
            if found:
                return found
        return next((c.id for c in codebook.children(parent_id) if c.label_zh == code.label_zh), None)

    def checked(self, code: IncomingCode, category_id: str | None) -> dict[str, Any]:
        """The fields the file gives, less any the codebook refuses (each refusal reported)."""
        given = {name: getattr(code, name) for name in _FIELDS if getattr(code, name) is not None}
        if "colour" in given and not _COLOUR.match(given["colour"]):
            self.report.problems.append((code.where, f"colour {given.pop('colour')!r} is not #rrggbb; not taken"))
        if given.get("shortcut"):
            problem = self.store.categories.codebook().key_problem(category_id or "", given["shortcut"])
            if problem:
                given.pop("shortcut")
                self.report.problems.append((code.where, f"key not set: {problem}"))
        return given

    def take(self, code: IncomingCode, parent_id: str | None) -> None:
        existing = self.match(code, parent_id)
        if existing is None:
            self.create(code, parent_id)
            return
        self.report.mapping[code.key] = existing
        current = self.store.categories.get(existing)
        changes = {k: v for k, v in self.checked(code, existing).items() if getattr(current, k) != v}
        moved = current.parent_id != parent_id and not self.store.categories.codebook().move_problem(
            existing, parent_id
        )
        if changes:
            self.store.categories.update(existing, **changes)
        if moved:
            self.store.categories.move(existing, parent_id, None)
        (self.report.updated if changes or moved else self.report.unchanged).append(existing)

    def create(self, code: IncomingCode, parent_id: str | None) -> None:
        if not code.label_zh:
            self.report.problems.append((code.where, "a new code needs a name (label_zh); not created"))
            return
        taken = self.store.categories.ids()
        category_id = (
            code.id
            if code.id and code.id not in taken
            else self.store.categories.new_id(code.label_zh, code.label_en or "")
        )
        given = self.checked(code, category_id)
        created = self.store.categories.add(
            category_id,
            given.get("label_zh", code.label_zh),
            given.get("label_en", ""),
            given.get("colour", PALETTE[len(self.report.created) % len(PALETTE)]),
            parent_id=parent_id,
            shortcut=given.get("shortcut", ""),
            description=given.get("description", ""),
            codable=given.get("codable", True),
            guid=code.guid or "",
        )
        self.report.mapping[code.key] = created.id
        self.report.created.append(created.id)


def merge_codes(store: Store, codes: Iterable[IncomingCode], report: CodebookReport | None = None) -> CodebookReport:
    """Merge codes (parents before children, or in any order) into the store's codebook."""
    report = report or CodebookReport()
    merger = _Merger(store, report)
    waiting = []
    for code in codes:
        if code.problem:
            report.problems.append((code.where, code.problem))
        else:
            waiting.append(code)
    try:
        with store.transaction():
            while waiting:
                left = []
                for code in waiting:
                    known, parent_id = merger.parent_of(code)
                    if known:
                        merger.take(code, parent_id)
                    else:
                        left.append(code)
                if len(left) == len(waiting):
                    for code in left:
                        report.problems.append(
                            (
                                code.where,
                                f"its parent {code.parent_key} is in neither file nor database; put at the top",
                            )
                        )
                        merger.take(code, None)
                    left = []
                waiting = left
    except STORE_FAILURES as error:
        report.failed = str(explain(error, store.path))
        report.created, report.updated, report.mapping = [], [], {}
    return report


def import_codebook(store: Store, path: Path) -> CodebookReport:
    """A codebook file (.json, .csv in any encoding Excel writes, .qdc) merged into the store."""
    report = CodebookReport()
    try:
        suffix = suffix_of(path)
        codes = list(READERS[suffix](read_article(path).text))
    except (ReadError, FormatError) as error:
        report.failed = f"{path}: {error}"
        return report
    return merge_codes(store, codes, report)


def export_codebook(store: Store, path: Path) -> int:
    """Write the codebook to ``path`` in the format its suffix names; returns the number of codes."""
    from desktop.core.exchange.outgoing import ExportOptions, write_to_path

    suffix = suffix_of(path)
    codebook = store.categories.codebook()

    def writer(_store: Store, out: Any, _options: ExportOptions) -> int:
        WRITERS[suffix](codebook, out)
        return len(codebook)

    return write_to_path(writer, store, path, ExportOptions(), ENCODINGS[suffix])
