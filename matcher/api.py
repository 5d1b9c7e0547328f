"""The library entry points the CLI, the watcher and the pytest plugin all go through."""

from __future__ import annotations

from matcher.rules.load import load_ruleset
from matcher.sources.run import ScanRun
from matcher.sources.scan import scan_file, scan_lines, scan_text

__all__ = ["ScanRun", "load_ruleset", "scan_file", "scan_lines", "scan_text"]
