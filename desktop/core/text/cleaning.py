"""Crawl-artifact rules. Each returns edits on the text it is given, never a new string.

The rules run in order, each on the text the previous ones left; the pipeline
applies their edits and extends the article's offset map with each step.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from desktop.core.offsets import Edit
from desktop.core.text.chinese import CLOSING_MARKS, HAN_CLASS
from desktop.core.text.headlines import repeated_title
from desktop.core.text.pinyin_notes import pinyin_note_edits
from desktop.core.text.tails import boilerplate_tail

Rule = Callable[[str], list[Edit]]


# doubled punctuation -----------------------------------------------------------------

_DOUBLED_PUNCTUATION = re.compile(rf"(?<=[{HAN_CLASS}{CLOSING_MARKS}])[,，](?P<real>[,，、。；;：:！!？?])")


def doubled_punctuation(text: str) -> list[Edit]:
    """A stray comma in front of the real mark between Chinese text: ``,、`` ``,,`` ``,。``."""
    return [Edit(m.start(), m.end(), m.group("real")) for m in _DOUBLED_PUNCTUATION.finditer(text)]


# the rule set --------------------------------------------------------------------------

# Pinyin notes go first: they split the words the other rules look for (版權(quán)).
RULES: dict[str, Rule] = {
    "pinyin_notes": pinyin_note_edits,
    "doubled_punctuation": doubled_punctuation,
    "repeated_title": repeated_title,
    "boilerplate_tail": boilerplate_tail,
}
DEFAULT_RULES: tuple[str, ...] = tuple(RULES)


def check_rules(names: Sequence[str]) -> tuple[str, ...]:
    unknown = [name for name in names if name not in RULES]
    if unknown:
        raise ValueError(f"unknown cleaning rule(s): {', '.join(unknown)}; known: {', '.join(RULES)}")
    # Rules always run in their fixed order, whatever order they were named in.
    return tuple(name for name in RULES if name in names)
