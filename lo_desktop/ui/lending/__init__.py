"""Lending and stocktake pages, lend dialog, borrowers."""
