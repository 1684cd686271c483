"""Kansli Desk: help-desk tool for Regionstab Kansli, Region Kalmar län.

The package is layered (see CONTRIBUTING.md):

* ``kansli_desk.models``: SQLAlchemy models, no Qt.
* ``kansli_desk.services``: use cases taking a Session, no Qt, never committing.
* ``kansli_desk.ui``: everything Qt.

Importing this package is cheap on purpose: the GUI shows its window before
SQLAlchemy is imported.
"""

__version__ = "0.1.0"

APP_NAME = "Kansli Desk"
APP_ID = "kansli-desk"
