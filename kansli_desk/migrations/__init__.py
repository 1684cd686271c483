"""Alembic migrations, shipped inside the package so the app upgrades its own database."""
