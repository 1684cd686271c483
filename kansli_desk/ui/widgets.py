"""Small widget helpers shared by the panels."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def name_widget(widget: QWidget, object_name: str, accessible_name: str) -> None:
    """Give a widget its stable objectName (tests, style) and its accessible name."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)


def make_list_view(parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting table view with the look every list shares."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def ask_yes_no(parent: QWidget, title: str, text: str, *, default_yes: bool = False) -> bool:
    """A Yes/No question; True for Yes. "No" is the default unless ``default_yes``."""
    from PySide6.QtWidgets import QMessageBox  # looked up when asked: start-up time

    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, default)
    return answer == QMessageBox.StandardButton.Yes
