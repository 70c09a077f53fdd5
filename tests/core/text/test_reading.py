"""Encodings, byte order marks, newlines and files that are not articles."""

from __future__ import annotations

import builtins
import codecs
import tracemalloc
from pathlib import Path

import pytest

from desktop.core.text import reading
from desktop.core.text.reading import (
    ReadError,
    decode,
    find_article_files,
    normalise_newlines,
    read_article,
    read_limited,
)

TRADITIONAL = "靜海區召開領導幹部會議,解放思想、強化擔當,推動高質量發展。全區上下要認真學習會議精神。"
SIMPLIFIED = "唐坊镇全面推进经济社会发展再上新台阶,全镇规模以上工业总产值完成亿元,同比增长百分之四十。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (TRADITIONAL.encode("big5"), "big5"),
        (TRADITIONAL.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TRADITIONAL.encode("utf-16-be"), "utf-16"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text in (SIMPLIFIED, TRADITIONAL)


def test_astral_characters_survive_gb18030() -> None:
    text = "𠮷祥街區改造,𡈼城片區。" * 3
    assert decode(text.encode("gb18030")).text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028", "\u2029"])
def test_newlines_are_normalised(newline: str) -> None:
    assert normalise_newlines(f"一{newline}二{newline}{newline}三") == "一\n二\n\n三"
    assert decode(f"標題{newline}正文".encode()).text == "標題\n正文"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\r\n\t", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\x01\x02\x03\x04abc\x05", "binary file"),
        (b"\x80\x80\x80\xff", "cannot decode"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "cannot decode as utf-8-sig"),
    ],
)
def test_unusable_bytes_get_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        decode(data)


def test_missing_file_and_folder_reasons(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_article(tmp_path / "absent.txt")
    found = list(find_article_files([tmp_path / "absent", tmp_path]))
    assert found[0].problem == "no such file or folder"


def test_folders_are_walked_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.md").write_text("二")
    (tmp_path / "a.txt").write_text("一")
    (tmp_path / "c.html").write_text("<p>")
    (tmp_path / ".hidden.txt").write_text("x")
    names = [f.path.relative_to(tmp_path).as_posix() for f in find_article_files([tmp_path])]
    assert names == ["a.txt", "b/2.md"]
    explicit = list(find_article_files([tmp_path / "c.html"]))
    assert explicit[0].problem is not None and "only .txt, .md" in explicit[0].problem


def test_a_small_file_is_read_without_setting_aside_its_limit(tmp_path: Path) -> None:
    """Asked for the limit, Python allocated all of it first: 16 MB for each article, 1 GB for each
    exchange file, however small."""
    path = tmp_path / "a.txt"
    path.write_text("第一篇\n" + SIMPLIFIED, encoding="utf-8")
    tracemalloc.start()
    try:
        data = read_limited(path, 1024 * 1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data == path.read_bytes()
    assert peak < 1024 * 1024, peak


class _Growing:
    """A file that grows by ``extra`` bytes between being measured and being read."""

    def __init__(self, path: Path, extra: int) -> None:
        self.path, self.extra = path, extra

    def __call__(self, *args: object, **kwargs: object) -> object:
        with self.path.open("ab") as out:
            out.write(b"x" * self.extra)
        return builtins.open(*args, **kwargs)  # type: ignore[call-overload]


@pytest.mark.parametrize(("extra", "refused"), [(10, False), (3_000_000, True)])
def test_a_file_that_grows_while_it_is_read_is_read_to_its_limit_and_no_further(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: int, refused: bool
) -> None:
    path = tmp_path / "growing.txt"
    path.write_bytes(b"y" * 1000)
    monkeypatch.setattr(reading, "open", _Growing(path, extra), raising=False)
    limit = 2 * 1024 * 1024
    if refused:
        with pytest.raises(ReadError, match="grew while it was read"):
            read_limited(path, limit)
    else:
        assert read_limited(path, limit) == b"y" * 1000 + b"x" * extra
