"""Interface languages: English in the source, Chinese (zh_CN) from a compiled Qt translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.core.environment import resource_path

LANGUAGES = {"en": "English", "zh_CN": "中文（简体）"}
SYSTEM = "system"

_installed: QTranslator | None = None
_current = "en"


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve(choice: str) -> str:
    return system_language() if choice in ("", SYSTEM) else choice if choice in LANGUAGES else "en"


def install(choice: str) -> str:
    """Install the translation for a choice ("system", "en", "zh_CN"); returns the language used."""
    global _installed, _current
    language = resolve(choice)
    app = QCoreApplication.instance()
    if _installed is not None and app is not None:
        app.removeTranslator(_installed)
        _installed = None
    if language != "en" and app is not None:
        translator = QTranslator(app)
        if translator.load(str(resource_path(f"i18n/policy_annotator_{language}.qm"))):
            app.installTranslator(translator)
            _installed = translator
        else:
            language = "en"
    _current = language
    return language


def current_language() -> str:
    return _current
