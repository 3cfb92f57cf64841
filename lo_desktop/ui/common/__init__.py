"""Widgets and helpers every page shares: messages, tasks, tables, dates, fonts, QR."""
