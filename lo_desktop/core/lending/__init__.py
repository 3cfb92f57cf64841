"""Lending copies to colleagues, borrowers, and the yearly stocktake."""
