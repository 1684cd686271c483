"""Pure domain code: no Qt, no SQLAlchemy (cheap to import from the GUI)."""
