"""The Reports menu."""
