"""Interface languages: English in the source, Chinese (zh_CN) from a compiled Qt translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.environment import resource_path

LANGUAGES = {"en": "English", "zh_CN": "中文（简体）"}
SYSTEM = "system"

_installed: list[QTranslator] = []
_current = "en"


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve(choice: str) -> str:
    return system_language() if choice in ("", SYSTEM) else choice if choice in LANGUAGES else "en"


def install(choice: str) -> str:
    """Install the translation for a choice ("system", "en", "zh_CN"); returns the language used.

    Ours, and Qt's own beside it (qtbase_zh_CN.qm from PySide6's translations folder) for the
    buttons and file dialogs Qt draws, with the few strings Qt's catalogue lacks filled in from
    ours (qt_gaps_zh_CN.qm: the file dialog's "Look in" and "Files of type", "Folder").
    """
    global _current
    language = resolve(choice)
    app = QCoreApplication.instance()
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
    _installed.clear()
    if language != "en" and app is not None:
        ours = QTranslator(app)
        if ours.load(str(resource_path(f"i18n/policy_annotator_{language}.qm"))):
            qt_own = QTranslator(app)
            if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(qt_own)
                _installed.append(qt_own)
            # Installed later, asked first: it answers only for the strings it holds.
            gaps = QTranslator(app)
            if gaps.load(str(resource_path(f"i18n/qt_gaps_{language}.qm"))):
                app.installTranslator(gaps)
                _installed.append(gaps)
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            language = "en"
    if language == "en" and app is not None:
        # English is the source; its file holds only the plural forms (1 hit, 2 hits) of %n phrases.
        plurals = QTranslator(app)
        if plurals.load(str(resource_path("i18n/policy_annotator_en.qm"))):
            app.installTranslator(plurals)
            _installed.append(plurals)
    _current = language
    return language


def current_language() -> str:
    return _current
