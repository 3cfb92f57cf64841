"""The sample corner (Bang Na, FY 2556) that a first run shows."""
