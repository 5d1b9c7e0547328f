"""GitHub Actions workflow commands: one annotation per finding (and per unknown failure).

``::error file=F,line=N,title=T::message``: ``error`` for critical/high findings and every
regression, ``warning`` for medium/low (and unknown failures), ``notice`` for info. GitHub
shows at most 10 annotations of each level per step, so the most useful go first
(regressions, then severity, then position); the rest are listed in a collapsed log group and
counted in the job summary. ``file=`` is only given for paths inside the workspace.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO

from matcher.engine.scanner import ScanStats
from matcher.model import Finding, Severity, UnknownFailure
from matcher.text import neutralize

LIMIT_PER_LEVEL = 10
LEVELS = ("error", "warning", "notice")
# Where unknown failures rank among severities: after critical/high, before medium.
_UNKNOWN_RANK = Severity.MEDIUM + 0.5


def escape_data(text: str) -> str:
    """The message part of a workflow command (as @actions/core ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A ``key=value`` property (as @actions/core ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def default_workspace(environ: Mapping[str, str] | None = None) -> str:
    """``$GITHUB_WORKSPACE`` when set, else the working directory."""
    env = os.environ if environ is None else environ
    return env.get("GITHUB_WORKSPACE") or os.getcwd()


def workspace_path(source: str, workspace: str) -> str | None:
    """``source`` relative to ``workspace`` (with ``/``), or None when it is outside it or is
    not a file (``<stdin>``)."""
    if not source or source.startswith("<"):
        return None
    try:
        rel = os.path.relpath(os.path.abspath(source), os.path.abspath(workspace))
    except ValueError:  # another drive on Windows
        return None
    if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
        return None
    return rel.replace(os.sep, "/")


def level_of(finding: Finding) -> str:
    if finding.is_regression or finding.signature.severity >= Severity.HIGH:
        return "error"
    if finding.signature.severity >= Severity.LOW:
        return "warning"
    return "notice"


@dataclass(frozen=True)
class Annotation:
    level: str
    title: str
    message: str
    source: str
    line: int
    rank: tuple[int, float, int, int]

    def command(self, workspace: str) -> str:
        props = []
        path = workspace_path(self.source, workspace)
        if path is not None:
            props.append(f"file={escape_property(path)}")
            if self.line > 0:
                props.append(f"line={self.line}")
        props.append(f"title={escape_property(self.title)}")
        return f"::{self.level} {','.join(props)}::{escape_data(self.message)}"


def _lines(*parts: str | None) -> str:
    return "\n".join(neutralize(p) for part in parts if part for p in part.split("\n"))


def annotate_finding(finding: Finding, order: int) -> Annotation:
    sig = finding.signature
    regression = finding.is_regression
    title = f"{'Regression of ' if regression else ''}{sig.id}: {sig.title}"
    message = _lines(
        f"{sig.id} [{sig.severity}] {sig.title}",
        "REGRESSION: this incident was marked resolved and it is back" if regression else None,
        f"test: {finding.testcase}" if finding.testcase else None,
        f"at: {finding.source}:{finding.line}",
        f"log: {finding.text}",
        f"resolution: {sig.resolution_summary}",
        f"runbook: {sig.runbook}" if sig.runbook else None,
        "retryable: yes (a known flake)" if sig.retryable else None,
    )
    rank = (0 if regression else 1, -float(sig.severity), order, finding.line)
    return Annotation(level_of(finding), title, message, finding.source, finding.line, rank)


def annotate_unknown(failure: UnknownFailure, order: int) -> Annotation:
    message = _lines(
        f"Unknown failure ({failure.kind}): no known incident explains it",
        f"test: {failure.testcase}" if failure.testcase else None,
        f"at: {failure.source}:{failure.line}",
        f"log: {failure.text}",
    )
    title = "Unknown failure" + (f" in {failure.testcase}" if failure.testcase else "")
    rank = (1, -_UNKNOWN_RANK, order, failure.line)
    return Annotation("warning", title, message, failure.source, failure.line, rank)


@dataclass(frozen=True)
class AnnotationPlan:
    shown: tuple[Annotation, ...]
    hidden: tuple[Annotation, ...]

    def hidden_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(LEVELS, 0)
        for annotation in self.hidden:
            counts[annotation.level] += 1
        return counts


def plan_annotations(
    findings: Iterable[Finding], unknown: Iterable[UnknownFailure] = ()
) -> AnnotationPlan:
    """Order all annotations and split off what exceeds GitHub's per-level limit."""
    sources: dict[str, int] = {}
    annotations = [
        annotate_finding(f, sources.setdefault(f.source, len(sources))) for f in findings
    ]
    annotations += [
        annotate_unknown(u, sources.setdefault(u.source, len(sources))) for u in unknown
    ]
    annotations.sort(key=lambda a: a.rank)
    shown: list[Annotation] = []
    hidden: list[Annotation] = []
    used = dict.fromkeys(LEVELS, 0)
    for annotation in annotations:
        fits = used[annotation.level] < LIMIT_PER_LEVEL
        used[annotation.level] += fits
        (shown if fits else hidden).append(annotation)
    return AnnotationPlan(tuple(shown), tuple(hidden))


def describe_hidden(counts: Mapping[str, int]) -> str:
    """``"3 errors and 1 warning"``; empty when nothing was held back."""
    parts = [f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items() if n]
    return " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)


class GithubReporter:
    """Buffers findings; writes the commands in ``finish`` (ordering needs all of them)."""

    def __init__(self, out: TextIO, *, unknown: bool = True, workspace: str | None = None) -> None:
        self.out = out
        self.unknown = unknown
        self.workspace = workspace if workspace is not None else default_workspace()
        self.findings: list[Finding] = []

    def finding(self, finding: Finding) -> None:
        self.findings.append(finding)

    def finish(self, stats: ScanStats) -> None:
        plan = plan_annotations(self.findings, stats.unknown if self.unknown else ())
        self.out.writelines(a.command(self.workspace) + "\n" for a in plan.shown)
        if plan.hidden:
            self._write_hidden(plan.hidden, plan.hidden_counts())
        if self.unknown and stats.unknown_omitted:  # a plain log line, as the hidden ones
            self.out.write(
                f"matcher: {stats.unknown_omitted} more unknown failure(s) of the kinds "
                "annotated were counted, not kept\n"
            )
        self.out.flush()

    def _write_hidden(self, hidden: Sequence[Annotation], counts: Mapping[str, int]) -> None:
        what = describe_hidden(counts)
        self.out.write(
            f"::group::matcher: {what} not annotated "
            f"(GitHub shows {LIMIT_PER_LEVEL} per level and step)\n"
        )
        for a in hidden:
            head = escape_data(f"{a.source}:{a.line}: {a.level}: {a.title}")
            # Plain log lines; a leading "::" could otherwise be read as a command.
            self.out.write(f"  {head}\n")
        self.out.write("::endgroup::\n")
