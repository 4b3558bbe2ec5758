"""Tally: casualty and figures extraction as a service, a library and a batch CLI."""

__version__ = "0.1.0"
