"""Crawl-artifact rules. Each returns edits on the text it is given, never a new string.

The rules run in order, each on the text the previous ones left; the pipeline
applies their edits and extends the article's offset map with each step.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence

from desktop.core.offsets import Edit
from desktop.core.text.chinese import CLOSING_MARKS, HAN_CLASS

Rule = Callable[[str], list[Edit]]


# doubled punctuation -----------------------------------------------------------------

# The comma first and what precedes it checked after it: the engine skips to commas.
_DOUBLED_PUNCTUATION = re.compile(rf"[,，](?<=[{HAN_CLASS}{CLOSING_MARKS}][,，])(?P<real>[,，、。；;：:！!？?])")


def doubled_punctuation(text: str) -> list[Edit]:
    """A stray comma in front of the real mark between Chinese text: ``,、`` ``,,`` ``,。``."""
    return [Edit(m.start(), m.end(), m.group("real")) for m in _DOUBLED_PUNCTUATION.finditer(text)]


# the rule set --------------------------------------------------------------------------

# Where each rule lives, imported when a rule first runs: a command that only lists the
# rules (--help, stats) never loads pypinyin's tables.
# Text in the wrong code page is read again first: the other rules need its characters. Pinyin
# notes go next: they split the words the other rules look for (版權(quán)).
_RULE_PLACES: dict[str, tuple[str, str]] = {
    "mojibake": ("desktop.core.text.mojibake", "mojibake_edits"),
    "pinyin_notes": ("desktop.core.text.pinyin_notes", "pinyin_note_edits"),
    "doubled_punctuation": (__name__, "doubled_punctuation"),
    "repeated_title": ("desktop.core.text.headlines", "repeated_title"),
    "boilerplate_tail": ("desktop.core.text.tails", "boilerplate_tail"),
}
RULES: tuple[str, ...] = tuple(_RULE_PLACES)
DEFAULT_RULES: tuple[str, ...] = RULES


def rule(name: str) -> Rule:
    """The function of a cleaning rule, by name."""
    module, function = _RULE_PLACES[name]
    found: Rule = getattr(importlib.import_module(module), function)
    return found


def check_rules(names: Sequence[str]) -> tuple[str, ...]:
    unknown = [name for name in names if name not in RULES]
    if unknown:
        raise ValueError(f"unknown cleaning rule(s): {', '.join(unknown)}; known: {', '.join(RULES)}")
    # Rules always run in their fixed order, whatever order they were named in.
    return tuple(name for name in RULES if name in names)
