"""Texts as numpy arrays of code points, and lookup arrays over code points.

Per-character work on a whole article (conversion, the search index's terms) costs ten times as
much as a Python loop as on an array. numpy is imported at the first call, never at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def as_codes(text: str) -> Any:
    """The text as an array of code points (lone surrogates kept as they are)."""
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def as_text(codes: Any) -> str:
    """The text an array of code points spells."""
    return str(codes.tobytes().decode("utf-32-le", "surrogatepass"))


def lookup_flags(codes: Iterable[int]) -> Any:
    """A lookup array: True at each of ``codes``, up to the highest of them."""
    import numpy as np

    listed = sorted(set(codes))
    flags = np.zeros(listed[-1] + 1 if listed else 0, dtype=bool)
    flags[listed] = True
    return flags


def mapped(table: Any, codes: Any) -> Any:
    """``codes`` through a lookup array of code points (a code beyond its end stays as it is)."""
    import numpy as np

    if not table.size:
        return codes
    return np.where(codes < table.size, table[np.minimum(codes, table.size - 1)], codes)


def flagged(flags: Any, codes: Any) -> Any:
    """Where ``codes`` are flagged in a lookup array (a code beyond its end is not)."""
    import numpy as np

    if not flags.size:
        return np.zeros(codes.size, dtype=bool)
    return flags[np.minimum(codes, flags.size - 1)] & (codes < flags.size)
