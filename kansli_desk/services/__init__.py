"""Qt-free service layer.

Services take a :class:`~sqlalchemy.orm.Session` and never commit: the caller
owns one transaction per user action (``with database.transaction() as s:``).
"""

import kansli_desk.lean_imports  # noqa: F401  (before SQLAlchemy: see lean_imports)
