"""Original text -> cleaned Simplified text, with the offset map that joins them."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from desktop.core.models import Flag
from desktop.core.offsets import Edit, OffsetMap, apply_edits
from desktop.core.text.cleaning import DEFAULT_RULES, RULES, check_rules
from desktop.core.text.convert import to_simplified
from desktop.core.text.flags import find_flags

# Raised whenever a rule or the map changes what an import produces for the same input.
PIPELINE_VERSION = 1


@dataclass(frozen=True)
class Processed:
    title: str
    text: str
    offset_map: OffsetMap
    flags: tuple[Flag, ...]
    rules: tuple[str, ...]


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def title_of(text: str) -> str:
    """The first non-empty line."""
    for line in text.split("\n", 64):
        if line.strip():
            return line.strip()
    return ""


def _extended(offset_map: OffsetMap, length: int, edits: Sequence[Edit]) -> OffsetMap:
    return offset_map.then(OffsetMap.from_edits(length, edits))


def process(original: str, rules: Sequence[str] = DEFAULT_RULES) -> Processed:
    """Clean and convert an original text; every step extends one offset map."""
    names = check_rules(rules)
    text = original
    offset_map = OffsetMap.identity(len(original))
    for name in names:
        edits = RULES[name](text)
        if edits:
            offset_map = _extended(offset_map, len(text), edits)
            text = apply_edits(text, edits)
    simplified, edits = to_simplified(text)
    if edits:
        offset_map = _extended(offset_map, len(text), edits)
    flags = []
    for flag in find_flags(original):
        start, end = offset_map.from_original(flag.original_start, flag.original_end)
        flags.append(replace(flag, start=start, end=end))
    return Processed(title_of(original), simplified, offset_map, tuple(flags), names)
