"""Loading Qt translation files (QtCore only: usable from the command line)."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

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
