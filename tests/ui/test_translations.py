"""Every user-visible string has a Chinese translation, and the compiled file says the same."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from tests.conftest import PROJECT

TS = PROJECT / "resources" / "i18n" / "policy_annotator_zh_CN.ts"


def messages(path: Path) -> dict[tuple[str, str, str], str]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is not None and translation.get("type") == "unfinished"
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = "" if unfinished else (translation.text or "")
    return found


def test_every_source_string_is_translated(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (PROJECT / "desktop" / "ui").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    shipped = messages(TS)
    untranslated = [key for key in messages(fresh) if not shipped.get(key)]
    assert untranslated == [], "run pyside6-lupdate and translate these"


# Ours, and the strings Qt's own catalogue lacks (written by hand).
@pytest.mark.parametrize("ts", [TS, TS.with_name("qt_gaps_zh_CN.ts")], ids=lambda path: path.stem)
def test_compiled_translation_matches_the_source_file(qapp, ts: Path) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    found = messages(ts)
    assert found
    for (context, source, comment), translation in found.items():
        assert translation and translator.translate(context, source, comment or None) == translation, source


def test_system_language_is_followed(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QLocale

    from desktop.ui.widgets import i18n

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Chinese)))
    try:
        assert i18n.install(i18n.SYSTEM) == "zh_CN"
        assert QCoreApplication.translate("labels", "done") == "已完成"
        monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German)))
        assert i18n.install(i18n.SYSTEM) == "en"
        assert QCoreApplication.translate("labels", "done") == "done"
    finally:
        i18n.install("en")
