"""Diplomatic-event timeline and alerting bot."""

__version__ = "0.1.0"
