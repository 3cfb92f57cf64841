"""File ▸ Publish to the intranet."""
