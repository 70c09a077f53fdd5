"""Article metadata: the fields a policy study samples documents by, and what a value may be.

Seven fields come with every database (date, issuing body, document number, region, level,
type, URL); analysts add their own, each a text, a number, a date or one of a list of choices.
Values are stored as text: a date as ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY`` when the source
gives no more), a number in Python's own spelling, a choice as one of its choices.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class FieldKind(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"


@dataclass(frozen=True)
class MetadataField:
    name: str  # the key in files and on the command line: a letter, then letters, digits or _
    label: str  # as the window shows it
    kind: FieldKind = FieldKind.TEXT
    choices: tuple[str, ...] = ()
    builtin: bool = False
    position: int = 0


class ArticleData(NamedTuple):
    """An article as a metadata sheet lists it: what names it, its status and note, its field values."""

    id: int
    title: str
    original_title: str
    source_path: str
    status: str
    note: str
    values: dict[str, str]


DATE = "date"
ISSUER = "issuer"
DOCUMENT_NUMBER = "document_number"
REGION = "region"
LEVEL = "level"
TYPE = "type"
URL = "url"
# The year of the date: not stored, but every report can group by it.
YEAR = "year"

BUILTIN_FIELDS: tuple[MetadataField, ...] = tuple(
    MetadataField(name, label, kind, builtin=True, position=position)
    for position, (name, label, kind) in enumerate(
        (
            (DATE, "日期", FieldKind.DATE),
            (ISSUER, "发文机关", FieldKind.TEXT),
            (DOCUMENT_NUMBER, "文号", FieldKind.TEXT),
            (REGION, "地区", FieldKind.TEXT),
            (LEVEL, "层级", FieldKind.TEXT),
            (TYPE, "类型", FieldKind.TEXT),
            (URL, "网址", FieldKind.TEXT),
        )
    )
)
FIELD_NAME = re.compile(r"[^\W\d_]\w{0,39}")
_DATE = re.compile(r"(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?")


class ValueProblem(ValueError):
    """A value a field cannot hold; the message says why, for the record that gave it."""


def parse_date(text: str) -> str | None:
    """``2021-03-05`` for 2021年3月5日, 2021/3/5, 2021.03.05 …; year-month or a year alone as far as given.

    None when the text is not a whole date or names a day that does not exist.
    """
    match = _DATE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        if day is not None:
            return dt.date(int(year), int(month), int(day)).isoformat()
        if month is not None:
            return dt.date(int(year), int(month), 1).isoformat()[:7]
    except ValueError:
        return None
    return year


def checked_value(field: MetadataField, value: str) -> str:
    """The value as stored for this field ('' clears it); ValueProblem when the field cannot hold it."""
    value = value.strip()
    if not value:
        return ""
    if field.kind is FieldKind.DATE:
        date = parse_date(value)
        if date is None:
            raise ValueProblem(f"{field.name}: {value!r} is not a date (YYYY-MM-DD, YYYY年M月D日, YYYY-MM or YYYY)")
        return date
    if field.kind is FieldKind.NUMBER:
        try:
            number = float(value.replace(",", ""))
        except ValueError:
            raise ValueProblem(f"{field.name}: {value!r} is not a number") from None
        if not math.isfinite(number):  # (float reads nan, inf and 1e999: no count or sum can use them)
            raise ValueProblem(f"{field.name}: {value!r} is not a finite number")
        return str(int(number)) if number.is_integer() and abs(number) < 2**53 else repr(number)
    if field.kind is FieldKind.CHOICE and value not in field.choices:
        raise ValueProblem(f"{field.name}: {value!r} is not one of {', '.join(field.choices)}")
    return value


def year_of(date: str) -> str:
    """The year of a stored date ('' when there is none)."""
    return date[:4] if len(date) >= 4 and date[:4].isdigit() else ""
