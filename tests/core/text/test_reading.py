"""Encodings, byte order marks, newlines and files that are not articles."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from desktop.core.text.reading import ReadError, decode, find_article_files, normalise_newlines, read_article

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
