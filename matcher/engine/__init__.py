"""The streaming engine: lines into events (tracebacks, panics, pytest sections), symptoms
confirmed and evaluated per event, findings and unknown failures out. No I/O."""
