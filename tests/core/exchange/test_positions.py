"""Positions proven against quotes: each way programs count is recognised and named; a file no
way of counting matches is refused, naming the first selection that fails."""

from __future__ import annotations

import pytest

from desktop.core.exchange.positions import PositionError, Quoted, prove

WRITTEN = "祥街区在这里\r\n推进项目建设，建设新𠮷宁德。\r\n第二段：增长8%以上。"
TEXT = WRITTEN.replace("\r\n", "\n")
QUOTES = ["项目建设", "增长8%以上", "祥街区"]


def quoted(positions: list[tuple[int, int]]) -> list[Quoted]:
    return [Quoted(f"selection {n}", s, e, q) for n, ((s, e), q) in enumerate(zip(positions, QUOTES, strict=True))]


def where(count) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return [(count(TEXT.index(q)), count(TEXT.index(q) + len(q))) for q in QUOTES]


def utf16(position: int) -> int:
    return len(TEXT[:position].encode("utf-16-le")) // 2


def utf8(position: int) -> int:
    return len(TEXT[:position].encode("utf-8"))


def crlf(position: int) -> int:
    return position + TEXT[:position].count("\n")


@pytest.mark.parametrize(
    ("count", "name"),
    [
        (lambda p: p, "code points, line ends as LF"),
        (crlf, "code points, CRLF line ends counted as two"),
        (utf16, "UTF-16 units"),
        (utf8, "UTF-8 bytes"),
        (lambda p: p + 1, "code points with a byte-order mark counted"),
    ],
)
def test_each_way_of_counting_is_recognised_and_named(count, name: str) -> None:  # type: ignore[no-untyped-def]
    text, convention = prove(WRITTEN, quoted(where(count)))
    assert text == TEXT and convention.name == name
    for (start, end), quote in zip(where(count), QUOTES, strict=True):
        found = convention.convert(start, end)
        assert found is not None and text[found[0] : found[1]] == quote


def test_quotes_no_way_of_counting_matches_refuse_naming_the_first_failure() -> None:
    positions = where(lambda p: p)
    positions[1] = (positions[1][0] + 3, positions[1][1] + 3)
    with pytest.raises(PositionError, match=r"selection 1 at .* where the file quotes “增长8%以上”"):
        prove(WRITTEN, quoted(positions))


def test_selections_without_quotes_are_taken_as_counted_in_code_points() -> None:
    text, convention = prove(WRITTEN, [Quoted("selection 0", 2, 5, None)])
    assert convention.name == "code points, line ends as LF" and text == TEXT
