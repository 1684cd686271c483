"""The call log area."""
