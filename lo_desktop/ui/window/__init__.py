"""The main window, its pages and menus, opening files, settings, scanning."""
