"""Human-readable findings, grep-like: ``source:line: INCIDENT [severity] title`` then details."""

from __future__ import annotations

from typing import TextIO

from matcher.engine.scanner import ScanStats
from matcher.model import Finding, UnknownFailure
from matcher.text import neutralize

BOLD, RED, YELLOW, CYAN, DIM, RESET = (
    "\x1b[1m",
    "\x1b[31m",
    "\x1b[33m",
    "\x1b[36m",
    "\x1b[2m",
    "\x1b[0m",
)
# Without colour the matched part is still visible.
MARK_OPEN, MARK_CLOSE = ">>>", "<<<"


class TextReporter:
    def __init__(
        self, out: TextIO, *, color: bool = False, context: int = 0, unknown: bool = False
    ) -> None:
        self.out = out
        self.color = color
        self.context = context
        self.unknown = unknown

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.color else text

    def finding(self, finding: Finding) -> None:
        sig = finding.signature
        where = self._c(CYAN, f"{neutralize(finding.source)}:{finding.line}:")
        flags = "".join(
            f" ({flag})"
            for flag, on in (
                ("regression", finding.is_regression),
                ("truncated", finding.truncated),
                ("partial", finding.partial),
            )
            if on
        )
        title = neutralize(sig.title)
        head = f"{where} {self._c(BOLD, neutralize(sig.id))} [{sig.severity}] {title}{flags}"
        lines = [head, *self._event_lines(finding)]
        if finding.captures:
            values = " ".join(f"{k}={v}" for k, v in finding.captures.items())
            lines.append(f"    captures: {neutralize(values)}")
        if finding.testcase:
            lines.append(f"    test: {neutralize(finding.testcase)}")
        # Signature text is not log text, but a YAML "\e" escape can put ESC in it too.
        lines.append(f"    resolution: {neutralize(sig.resolution_summary)}")
        if sig.runbook:
            lines.append(f"    runbook: {neutralize(sig.runbook)}")
        self.out.write("\n".join(lines) + "\n")

    def _event_lines(self, finding: Finding) -> list[str]:
        """The finding's line, highlighted; for a multi-line event also its first line, the
        other matched lines and ``context`` lines around them, numbered like ``grep -n``."""
        if len(finding.event) <= 1 and not self.context:
            return ["    " + self._highlight(finding)]
        if finding.event_lines:  # streams taken apart: the event's own lines, by their numbers
            return self._demuxed_lines(finding)
        first = finding.first_line - len(finding.context_before)
        lines = (*finding.context_before, *finding.event, *finding.context_after)
        wanted = {finding.first_line}
        for n in finding.matched_lines:
            wanted.update(range(n - self.context, n + self.context + 1))
        shown = sorted(n for n in wanted if first <= n < first + len(lines))
        width = len(str(shown[-1]))
        out: list[str] = []
        previous = None
        for n in shown:
            if previous is not None and n > previous + 1:
                out.append(f"    {'':>{width}}   ...")
            mark = ">" if n in finding.matched_lines else " "
            text = self._highlight(finding) if n == finding.line else neutralize(lines[n - first])
            out.append(f"  {mark} {n:>{width}} | {text}")
            previous = n
        return out

    def _demuxed_lines(self, finding: Finding) -> list[str]:
        """An event whose lines are not consecutive in the file (one writer's lines out of an
        interleaved log, a JSON record's multi-line field): its first line and matched lines,
        each with its own line number (a line of a multi-line record shown once)."""
        width = len(str(finding.last_line))
        out: list[str] = []
        seen: set[int] = set()
        best = finding.event_lines.index(finding.line)
        for i, (n, text) in enumerate(zip(finding.event_lines, finding.event, strict=True)):
            if (i and n not in finding.matched_lines) or (n in seen and i != best):
                continue
            seen.add(n)
            mark = ">" if n in finding.matched_lines else " "
            shown = self._highlight(finding) if i == best else neutralize(text)
            out.append(f"  {mark} {n:>{width}} | {shown}")
        return out

    def _highlight(self, finding: Finding) -> str:
        text = finding.text
        start, end = finding.span
        before, match, after = text[:start], text[start:end], text[end:]
        if self.color:
            marked = self._c(RED + BOLD, neutralize(match))
        else:
            marked = f"{MARK_OPEN}{neutralize(match)}{MARK_CLOSE}"
        return f"{neutralize(before)}{marked}{neutralize(after)}"

    def finish(self, stats: ScanStats) -> None:
        if self.unknown:
            for failure in stats.unknown:
                self.unknown_failure(failure)
            if stats.unknown_omitted:
                more = f"... and {stats.unknown_omitted} more unknown failure(s), not listed"
                self.out.write(f"{self._c(YELLOW + BOLD, more)}\n")
        self.out.flush()

    def unknown_failure(self, failure: UnknownFailure) -> None:
        where = self._c(CYAN, f"{neutralize(failure.source)}:{failure.line}:")
        label = self._c(YELLOW + BOLD, "unknown failure")
        test = f" [{neutralize(failure.testcase)}]" if failure.testcase else ""
        self.out.write(f"{where} {label} ({failure.kind}){test}\n")
        self.out.write(f"    {neutralize(failure.text)}\n")
