"""The backup / restore / check menu."""
