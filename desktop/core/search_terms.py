"""The terms the search index keeps for a text: every character, and every pair of neighbours.

Chinese writes words without spaces and most of its words are two characters long, so the
index keeps each character (a one-character query) and each pair of neighbouring characters
(a longer query asks for all its pairs). It keeps presence only, not positions: the index
narrows a search to the articles that hold every term of the query, and the text itself then
says where, and whether, the query occurs.

The terms are read by FTS5's ``ascii`` tokenizer, which splits at ASCII punctuation and
spaces and keeps every other character. ASCII punctuation is therefore moved to a private-use
plane first, so that ``%`` and ``.`` are terms too, and ASCII letters are lower-cased: search
ignores the case of ASCII letters only, as ``re.ASCII | re.IGNORECASE`` does.

Changing what these functions return changes the index: a database built with the old terms
needs a migration that builds its index again (deleting a row of a contentless index needs
exactly the terms it was given). Their order does not matter: the index keeps no positions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from desktop.core.code_points import as_codes, as_text, flagged, lookup_flags, mapped

_PRIVATE_PLANE = 0xF0000


def _fold_table() -> dict[int, int]:
    table: dict[int, int] = {}
    for code in range(128):
        char = chr(code)
        if char.isspace():
            continue
        if char.isalnum():
            table[code] = ord(char.lower())
        else:
            table[code] = _PRIVATE_PLANE + code
    return table


_FOLD = _fold_table()
# What the table changes: upper-case ASCII letters, and ASCII that is neither a letter, a digit
# nor a space. A Chinese text holds few of them: finding their runs and translating those alone
# is a quarter of the time of translating every character through the table.
_FOLDED_RUN = re.compile(
    "[A-Z]+|[" + re.escape("".join(chr(code) for code, to in _FOLD.items() if to >= _PRIVATE_PLANE)) + "]+"
)


def _fold_run(found: re.Match[str]) -> str:
    return found.group().translate(_FOLD)


def folded(text: str) -> str:
    """The text as the index sees it: ASCII letters lower-cased, ASCII punctuation made a term character."""
    return _FOLDED_RUN.sub(_fold_run, text)


# The highest code point Python counts as a space (IDEOGRAPHIC SPACE); a test checks that none above is.
LAST_SPACE = 0x3000


@lru_cache(maxsize=1)
def _term_tables() -> tuple[Any, Any, Any]:
    """numpy, the folding of ASCII as a lookup array, and which code points are spaces (all up to U+3000)."""
    import numpy  # ~60 ms: imported where articles are indexed, never at start-up

    ascii_folded = numpy.array([_FOLD.get(code, code) for code in range(128)], dtype=numpy.uint32)
    is_space = lookup_flags(code for code in range(LAST_SPACE + 1) if chr(code).isspace())
    return numpy, ascii_folded, is_space


def index_terms(text: str) -> str:
    """The terms of a text, separated by spaces, each once: its characters, then its pairs, in code-point order.

    What it returns is the set of the characters and neighbouring pairs of ``folded(text).split()``;
    it is worked out on an array of code points, because a 5,000-character article has ~5,000 pairs
    and making each one a Python string cost ten times as long.
    """
    np, ascii_folded, is_space = _term_tables()
    codes = as_codes(text)
    if codes.size == 0:
        return ""
    codes = mapped(ascii_folded, codes)
    space = flagged(is_space, codes)
    characters = np.unique(codes[~space])
    # A pair as one 64-bit number (first character in the high half), so numpy sorts and dedupes it.
    pairs = np.unique(((codes[:-1].astype(np.uint64) << np.uint64(32)) | codes[1:])[~(space[:-1] | space[1:])])
    # "a b ... ab bc ...": two code points per character, three per pair, each followed by a space.
    out = np.full(characters.size * 2 + pairs.size * 3, ord(" "), dtype=np.uint32)
    out[0 : characters.size * 2 : 2] = characters
    pair_cells = out[characters.size * 2 :].reshape(-1, 3)
    pair_cells[:, 0] = pairs >> np.uint64(32)
    pair_cells[:, 1] = pairs & np.uint64(0xFFFFFFFF)
    return as_text(out[:-1])


def document_terms(title: str, text: str) -> str:
    """The terms an article is indexed by: its title's and its Simplified text's."""
    return index_terms(f"{title}\n{text}")


def query_terms(literal: str) -> list[str]:
    """Terms every text that contains ``literal`` holds: its pairs, or the character of a one-character run."""
    terms: list[str] = []
    for run in folded(literal).split():
        pieces = [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
        terms.extend(piece for piece in pieces if piece not in terms)
    return terms


def match_expression(terms: list[str]) -> str:
    """An FTS5 query asking for all the terms (ASCII quotes cannot occur in them: they were folded away)."""
    return " AND ".join(f'"{term}"' for term in terms)
