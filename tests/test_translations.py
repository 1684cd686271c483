"""Translation files and translatable labels (tools/i18n.py, resources/translations)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from enum import StrEnum
from types import ModuleType

import pytest

from kansli_desk import i18n
from kansli_desk.core import enums
from tests.conftest import ROOT

LABELLED_ENUMS: list[type[StrEnum]] = [
    enums.Role,
    enums.CallerKind,
    enums.Outcome,
    enums.FormType,
    enums.Initiator,
    enums.Measure,
    enums.SealScope,
    enums.FormStatus,
    enums.PartyRole,
    enums.IdKind,
    enums.AuditAction,
]


@pytest.fixture(scope="module")
def i18n_tool() -> Iterator[ModuleType]:
    """tools/i18n.py, imported as a module."""
    tools = str(ROOT / "tools")
    sys.path.insert(0, tools)
    try:
        tool = importlib.import_module("i18n")  # the tool, not kansli_desk.i18n
        assert tool.__file__ is not None and tool.__file__.startswith(tools)
        yield tool
    finally:
        sys.path.remove(tools)
        sys.modules.pop("i18n", None)


@pytest.fixture
def swedish() -> Iterator[None]:
    """Labels and messages translated to Swedish, as the GUI and CLI do it."""
    from kansli_desk.ui.translation import load_translator

    translator = load_translator("sv")
    assert translator is not None

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    i18n.set_translator(translate)
    yield
    i18n.set_translator(None)


def test_translation_files_are_up_to_date_and_complete(i18n_tool: ModuleType) -> None:
    """Every string in the source is in the .ts file, translated, and compiled into the .qm."""
    assert i18n_tool.check() == []


def test_every_enum_is_covered_here() -> None:
    declared = {
        value
        for value in vars(enums).values()
        if isinstance(value, type) and issubclass(value, enums._Labelled)
    } - {enums._Labelled}
    assert declared == set(LABELLED_ENUMS)


@pytest.mark.parametrize("enum_cls", LABELLED_ENUMS, ids=lambda cls: cls.__name__)
def test_every_enum_member_has_an_english_label(enum_cls: type[StrEnum]) -> None:
    labels = [member.label for member in enum_cls]  # type: ignore[attr-defined]
    assert all(label.strip() for label in labels)
    assert len(set(labels)) == len(labels)  # two choices never look the same


@pytest.mark.parametrize("enum_cls", LABELLED_ENUMS, ids=lambda cls: cls.__name__)
def test_every_enum_member_has_a_swedish_label(swedish: None, enum_cls: type[StrEnum]) -> None:
    from kansli_desk.ui.translation import load_translator

    translator = load_translator("sv")
    assert translator is not None
    for member in enum_cls:
        source = enums._LABELS[enum_cls.__name__][member.value]
        assert translator.translate("Enums", source), f"{enum_cls.__name__}.{member.name}"
    labels = [member.label for member in enum_cls]  # type: ignore[attr-defined]
    assert len(set(labels)) == len(labels)


def test_swedish_translator_translates_enum_labels() -> None:
    from kansli_desk.ui.translation import load_translator

    translator = load_translator("sv")
    assert translator is not None
    assert translator.translate("Enums", "Answered") == "Besvarat"
    assert translator.translate("Enums", "No such text anywhere") == ""


def test_installed_translator_changes_labels(swedish: None) -> None:
    assert enums.Outcome.ANSWERED.label == "Besvarat"
    i18n.set_translator(None)
    assert enums.Outcome.ANSWERED.label == "Answered"


def test_english_needs_no_translator() -> None:
    from kansli_desk.ui.translation import load_translator

    assert load_translator("en") is None
    assert load_translator("xx") is None
