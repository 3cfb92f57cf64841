"""lo-desktop: the learning corner of a Bangkok district office."""

__version__ = "0.2.0"
