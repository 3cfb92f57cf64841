"""Indicator 4.1: manual channels, exchange sessions, partner agencies, CoPs, and the judgement."""
