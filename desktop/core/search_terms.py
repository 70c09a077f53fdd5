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
exactly the terms it was given).
"""

from __future__ import annotations

import re
from operator import add

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


def index_terms(text: str) -> str:
    """The terms of a text, separated by spaces, each once (any order)."""
    terms: set[str] = set()
    for run in folded(text).split():
        terms.update(run)
        # The pairs are made in C (str + str over two views of the run), not by slicing in a loop.
        terms.update(map(add, run, run[1:]))
    return " ".join(terms)


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
