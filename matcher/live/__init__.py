"""Live mode: contents identified and tailed through rotation, state kept across restarts, the
follow loop, and the watchdog observer that only says something changed."""
