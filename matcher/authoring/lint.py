"""What ``matcher lint`` works on and what it reports: the signatures (and every problem that
kept one from loading), their compiled ruleset, the ``--against`` logs, and findings.

The checks themselves are in lint_rules.py, one class each.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from matcher.errors import Problem, SourceError
from matcher.model import Signature
from matcher.patterns.ruleset import Ruleset, compile_ruleset
from matcher.rules.files import decode_signature_files, read_signature_files
from matcher.rules.signatures import parse_signature_texts
from matcher.sources.run import ScanRun
from matcher.sources.scan import scan_text

ERROR, WARNING = "error", "warning"
LEVELS = (ERROR, WARNING)
AGAINST_SHOWN = 20  # places kept per signature of what it flags in --against logs


@dataclass(frozen=True)
class LintFinding:
    """One thing a check found: ``where`` is ``file:line:column``; ``signature`` the id it
    is about (None for a file that did not load)."""

    rule: str
    level: str
    signature: str | None
    where: str
    message: str
    hint: str


@dataclass
class Hits:
    """Lines of the ``--against`` logs one signature flags: how many, and the first places."""

    count: int = 0
    where: list[str] = field(default_factory=list)


class LintContext:
    """The signatures under lint, loaded leniently (a broken file is a finding, the rest is
    still checked), and what the checks ask of them, each computed once."""

    def __init__(
        self,
        signatures: Sequence[Signature],
        problems: Sequence[Problem] = (),
        against: Sequence[str] = (),
        engine: str | None = None,
    ) -> None:
        self.signatures = list(signatures)
        self.problems = list(problems)
        self.against = list(against)
        self.engine = engine
        self.by_id = {s.id: s for s in self.signatures}
        self.errors: list[SourceError] = []
        self._ruleset: Ruleset | None = None
        self._flaggers: dict[str, frozenset[str]] = {}
        self._hits: dict[str, Hits] | None = None

    @property
    def ruleset(self) -> Ruleset:
        if self._ruleset is None:
            self._ruleset = compile_ruleset(self.signatures, self.engine)
        return self._ruleset

    def flaggers(self, line: str) -> frozenset[str]:
        """Ids of the signatures that flag ``line`` (as ``matcher test`` scans an example)."""
        found = self._flaggers.get(line)
        if found is None:
            found = frozenset(f.signature.id for f in scan_text(self.ruleset, line))
            self._flaggers[line] = found
        return found

    def against_hits(self) -> dict[str, Hits]:
        """What each signature flags in the ``--against`` logs (unreadable ones: ``errors``)."""
        if self._hits is None:
            self._hits = {}
            if self.against and self.signatures:
                run = ScanRun(self.ruleset, self.against)
                for finding in run:
                    hits = self._hits.setdefault(finding.signature.id, Hits())
                    hits.count += 1
                    if len(hits.where) < AGAINST_SHOWN:
                        hits.where.append(f"{finding.source}:{finding.line}")
                self.errors = list(run.errors)
        return self._hits


def load_for_lint(
    paths: Iterable[str | os.PathLike[str]],
    against: Sequence[str] = (),
    engine: str | None = None,
) -> LintContext:
    """Every signature that loads, and the problems of those that do not."""
    problems: list[Problem] = []
    texts = decode_signature_files(read_signature_files(paths, problems), problems)
    signatures = parse_signature_texts(texts, problems)
    return LintContext(signatures, problems, against, engine)
