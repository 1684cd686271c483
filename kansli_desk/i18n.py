"""Qt-free helpers for translatable text.

User-visible text is written in English in the source and translated with Qt's
translation files (``resources/translations/kansli_desk_sv.ts``); Swedish is the
default language. Code outside ``kansli_desk.ui`` cannot call Qt, so it marks text
with :func:`QT_TRANSLATE_NOOP` (which ``pyside6-lupdate`` extracts) and the caller
translates it: the GUI through ``QCoreApplication.translate``, the command line
through :func:`set_translator`.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]

LANGUAGES: dict[str, str] = {"sv": "Svenska", "en": "English"}
DEFAULT_LANGUAGE = "sv"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it now."""
    del context
    return text


def _identity(context: str, text: str) -> str:
    del context
    return text


_translator: Translator = _identity


def set_translator(func: Translator | None) -> None:
    """Install the function that :func:`translate` uses (None restores English)."""
    global _translator  # noqa: PLW0603 (one process-wide translator, as in Qt)
    _translator = func or _identity


def translate(context: str, text: str) -> str:
    """Translate ``text`` with the installed translator (English when none is)."""
    return _translator(context, text)
