"""Imported once, in the fork server that import workers are forked from (see ``in_workers``): the
modules a worker runs, and what they build on first use, made before any worker exists.

A spawned worker started a Python, imported our modules and numpy, read the conversion and
readings tables and compiled the pipeline's patterns before its first article: ~0.2 s of CPU per
worker and per import. A worker forked from this server has all of it already.

Importing this module runs the pipeline over a short made-up page; that is its purpose. Nothing
that goes wrong here stops the server: a worker then builds what it needs itself, and meets the
same fault on its own files, where it is reported per file.
"""

from __future__ import annotations

from contextlib import suppress
from importlib import import_module

# Where the functions workers are given live: an import's files, a restore's units and terms.
_WORKER_MODULES = ("desktop.core.coding.importing", "desktop.core.exchange.derived_rows")

# Written for this purpose: Traditional script, a pinyin reading after its character, doubled
# punctuation, a metadata line, a chapter and a clause, and a breadcrumb line.
_PAGE = (
    "首頁 > 新聞中心 > 政策解讀\n"
    "青禾縣推進數字產業園建設\n"
    "發布時間：2024年3月1日  來源：縣發展和改革局\n"
    "第一章 總則\n"
    "第一條 為推進創(chuang4)業園區項目建設，，制定本辦法。\n"
    "（一）到2025年，全縣數字經濟規模達到十億元。\n"
)


def _warm() -> None:
    for name in _WORKER_MODULES:
        import_module(name)
    from desktop.core.coding.importing import prepare_article
    from desktop.core.text.reading import decode

    decoded = decode(_PAGE.encode("big5"))  # (not UTF-8: the legacy-encoding detector too)
    prepare_article(decoded.text, "preload.txt", decoded.encoding)  # (units and index terms too)


with suppress(Exception):
    _warm()
