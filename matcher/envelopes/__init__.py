"""Envelopes: what container runtimes, collectors and CI wrap around a log line (CRI, docker
json-file, compose, kubectl, stern, syslog, journald, GitHub/GitLab) and structured app logs
(JSON, logfmt), recognised on the first lines and taken off, with every span mapped back to
the raw bytes. See docs/envelopes.md."""
