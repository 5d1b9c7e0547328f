"""Patterns: symptoms compiled to exact and prefilter patterns, literal chains, the multi-pattern
prefilter engines, the error-marker vocabulary and the compiled Ruleset."""
