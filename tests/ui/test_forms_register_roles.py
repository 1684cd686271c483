"""The form register offers entering and importing forms only to those who may."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from kansli_desk.core.enums import Role
from kansli_desk.services.database import DatabaseLocation
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.forms_register.panel import FormsRegisterPanel
from tests.ui.conftest import open_and_wait


@pytest.mark.parametrize(
    ("role", "may_enter", "may_import"),
    [
        (Role.ADVISOR, False, False),
        (Role.REGISTRAR, True, True),
        (Role.SUPERVISOR, True, True),
    ],
)
def test_change_buttons_follow_the_role(
    qtbot: Any,
    context: AppContext,
    location: DatabaseLocation,
    role: Role,
    may_enter: bool,
    may_import: bool,
) -> None:
    open_and_wait(qtbot, context, location)
    assert context.user is not None
    context.user = dataclasses.replace(context.user, role=role)
    panel = FormsRegisterPanel(context)
    qtbot.addWidget(panel)
    assert panel.new_button.isEnabled() is may_enter
    assert panel.new_form_action.isEnabled() is may_enter
    assert panel.import_button.isEnabled() is may_import
    assert panel.import_button.isHidden() is not may_import
    assert panel.blank_button.isEnabled()  # empty paper forms are for everyone
    if not may_enter:
        assert "registry clerk" in panel.new_button.toolTip()
        assert panel.new_form() is None
        assert panel.show_import() is None
        assert panel.dialogs == []
