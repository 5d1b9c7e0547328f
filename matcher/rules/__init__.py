"""Signature rules: YAML read safely (with locations), validated into Signature records, loaded
(found, read, cached) as a compiled ruleset."""
