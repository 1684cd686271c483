"""The knowledge panel area."""
