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
