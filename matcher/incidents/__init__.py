"""Incident logs (Markdown postmortems) read into Incident records and written as signatures."""
