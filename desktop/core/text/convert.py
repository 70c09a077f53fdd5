"""Traditional -> Simplified conversion, behind one function.

Both opencc-python-reimplemented and the upstream C++ ``opencc`` package install
the module ``opencc``; whichever is installed is used, and its name and version
are recorded with every article.
"""

from __future__ import annotations

import importlib.metadata
import re
from dataclasses import dataclass
from functools import lru_cache

from opencc import OpenCC

from desktop.core.offsets import Edit

# Conversion never crosses these, so text between them can be converted on its own.
_CHUNK_BOUNDARY = re.compile("[\n。！？；，、,.!?;：:“”「」《》()（）]")


@dataclass(frozen=True)
class ConverterInfo:
    name: str
    version: str


@lru_cache(maxsize=1)
def converter_info() -> ConverterInfo:
    distributions = importlib.metadata.packages_distributions().get("opencc", [])
    name = distributions[0] if distributions else "opencc"
    try:
        version = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    return ConverterInfo(name, version)


@lru_cache(maxsize=8)
def _converter(config: str) -> OpenCC:
    if converter_info().name == "opencc-python-reimplemented":
        return OpenCC(config)
    return OpenCC(f"{config}.json")


def convert(text: str, config: str = "t2s") -> str:
    """Convert with an OpenCC configuration (``t2s``, ``tw2s``, ``hk2s`` ...)."""
    return _converter(config).convert(text)


def to_simplified(text: str) -> tuple[str, list[Edit]]:
    """The Simplified text and, where conversion changed a length, the edits that say so.

    Almost always conversion maps character to character and no edit is needed.
    When a phrase changes length, the text is converted piece by piece between
    punctuation, so that each changed piece becomes one edit and the rest keeps an
    exact character map.
    """
    simplified = convert(text)
    if len(simplified) == len(text):
        return simplified, []
    pieces: list[str] = []
    edits: list[Edit] = []
    position = 0
    for match in _CHUNK_BOUNDARY.finditer(text + "\n"):
        end = min(match.end(), len(text))
        if end <= position:
            continue
        piece = text[position:end]
        converted = convert(piece)
        if len(converted) != len(piece):
            edits.append(Edit(position, end, converted))
        pieces.append(converted)
        position = end
    return "".join(pieces), edits
