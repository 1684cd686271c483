"""The form register area."""
