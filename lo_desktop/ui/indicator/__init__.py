"""Indicator 4.1 pages: dashboard, exchange sessions, communities, channels, agencies."""
