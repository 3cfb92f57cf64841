"""Catalog page, material dialog, import/export dialogs, attachments."""
