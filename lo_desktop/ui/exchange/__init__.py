"""Exchange package dialogs."""
