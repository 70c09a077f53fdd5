"""A code as a codebook file describes it, before it is merged into the store."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class IncomingCode:
    """One code of a codebook file. ``None`` for a field the file does not give (left as it is).

    ``key`` names the code within the file (its id, guid or path) and ``parent_key`` its parent's,
    so every format's tree comes in the same shape.
    """

    where: str  # "line 4", "code 资金投入": how the report names it
    key: str
    parent_key: str | None = None
    label_zh: str | None = None
    label_en: str | None = None
    colour: str | None = None
    shortcut: str | None = None
    description: str | None = None
    codable: bool | None = None
    id: str | None = None
    guid: str | None = None
    problem: str = ""  # set when the code cannot be taken; the report names it
