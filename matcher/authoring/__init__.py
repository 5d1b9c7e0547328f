"""Drafting signatures from logs: template mining for ``matcher suggest``."""
