"""jxtargets: check reported statistics against the targets of a city's development plans."""

__version__ = "0.1.0"
