"""The catalog: materials, search, attachments and their text, import and export."""
