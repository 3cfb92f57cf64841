"""Keeping the records safe: backups, restore and its drill, integrity check, the lock, history."""
