"""Loading Qt translation files (QtCore only: usable from the command line)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from kansli_desk import paths

TRANSLATION_BASENAME = "kansli_desk"


def load_translator(language: str) -> QTranslator | None:
    """The translator for ``language`` (None for English, the source language)."""
    if language == "en":
        return None
    translator = QTranslator()
    directory = paths.resource("translations")
    if translator.load(f"{TRANSLATION_BASENAME}_{language}", str(directory)):
        return translator
    return None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's own translation (its standard buttons: Stäng, Avbryt…) and ours on
    ``app``, and make :func:`kansli_desk.i18n.translate` use them (none for English).

    Returns the translators: the caller keeps them for as long as they are installed.
    """
    from kansli_desk.i18n import set_translator

    installed: list[QTranslator] = []
    ours = load_translator(language)
    if ours is not None:
        qt_own = QTranslator(app)
        directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", directory):
            installed.append(qt_own)
        installed.append(ours)
    for translator in installed:
        app.installTranslator(translator)
    set_translator(QCoreApplication.translate)
    return installed
