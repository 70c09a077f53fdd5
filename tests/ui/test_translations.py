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
TS_EN = TS.with_name("policy_annotator_en.ts")


def messages(path: Path) -> dict[tuple[str, str, str], str]:
    """(context, source, comment) -> translation; a phrase with plural forms gives them joined by "|"."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is None or translation.get("type") == "unfinished"
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            if unfinished:
                found[key] = ""
            elif message.get("numerus") == "yes":
                forms = [form.text or "" for form in translation.iter("numerusform")]
                found[key] = "|".join(forms) if all(forms) else ""
            else:
                found[key] = translation.text or ""
    return found


def fresh_messages(tmp_path: Path, *options: str) -> dict[tuple[str, str, str], str]:
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (PROJECT / "desktop" / "ui").rglob("*.py"))
    subprocess.run([lupdate, *options, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    return messages(fresh)


def test_every_source_string_is_translated(tmp_path: Path) -> None:
    shipped = messages(TS)
    untranslated = [key for key in fresh_messages(tmp_path) if not shipped.get(key)]
    assert untranslated == [], "run pyside6-lupdate and translate these"


def test_every_count_has_its_english_plural_forms(tmp_path: Path) -> None:
    """English is the source, but "%n hit(s)" needs "1 hit" and "2 hits": the English file gives both."""
    shipped = messages(TS_EN)
    counted = fresh_messages(tmp_path, "-pluralonly")
    assert counted, "no phrase with %n found: lupdate did not read the sources"
    missing = [key for key in counted if len(shipped.get(key, "").split("|")) != 2]
    assert missing == [], "run pyside6-lupdate -pluralonly for policy_annotator_en.ts and give both forms"


# Ours, and the strings Qt's own catalogue lacks (written by hand).
@pytest.mark.parametrize("ts", [TS, TS.with_name("qt_gaps_zh_CN.ts"), TS_EN], ids=lambda path: path.stem)
def test_compiled_translation_matches_the_source_file(qapp, ts: Path) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    found = messages(ts)
    assert found
    for (context, source, comment), translation in found.items():
        assert translation, source
        forms = translation.split("|") if "%n" in source else [translation]
        for n, expected in ((1, forms[0]), (2, forms[-1])):
            assert translator.translate(context, source, comment or None, n if "%n" in source else -1) == expected


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
