"""Label printing dialog, preview and sheet choice."""
