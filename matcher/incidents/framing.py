"""A pasted log line's framing, which the collector adds and the message does not say: a
syslog or journald prefix (`Nov 10 06:01:58 edge-euw-03 nginx[31877]: `), `kubectl logs
--prefix`'s `[pod/x/container] `, `docker compose logs`' `svc-1  | `, kubelet's CRI files'
`2026-…Z stderr F `. The scanner knows these
envelopes (matcher/envelopes/); a symptom that kept one would need this host, this pid, this
pod. The rules are in docs/incident-log-format.md ("Code blocks")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.envelopes.formats import parse_compose, parse_cri, parse_kubectl
from matcher.envelopes.syslog import parse_syslog
from matcher.incidents.build_consoles import build_console_read
from matcher.incidents.ci_jobs import ci_lines_dropped
from matcher.incidents.ci_pages import ci_pages_read
from matcher.incidents.deploy_pastes import deploy_lines_read
from matcher.incidents.doc_views import doc_views_read
from matcher.incidents.errbit_pages import errbit_pages_read
from matcher.incidents.kube_events import kube_events_read
from matcher.incidents.notifications import notifications_read
from matcher.incidents.pipeline_trees import pipeline_trees_read
from matcher.incidents.platform_pastes import platform_lines_read, platform_prefix_dropped
from matcher.incidents.siem_rules import siem_rules_dropped
from matcher.incidents.span_events import span_events_read
from matcher.incidents.status_tables import status_tables_read

# A syslog "host" that is a level or a logger's bracket: `2026-…Z ERROR billing: …` is an
# application's line with its level, not a host and a program.
_NOT_A_HOST = re.compile(
    r"(?i)^\[?(?:debug|info|notice|warn|warning|error|err|crit|critical|alert|emerg|fatal"
    r"|panic|severe|trace)\]?$|^[\[(]|^\d+$"
)


# What a search tool prints before each line it found (copied from its results, never in a
# log file): Loki's label set, after its time or not (`{app="gw",pod="gw-1"} `), Splunk's
# fields and a bar (`host=edge-02 source=/var/log/nginx/error.log | `), CloudWatch Logs
# Insights' time and log stream (`2026-10-09 11:02:41.118  gateway/api/4f1c2e...  `), Datadog's
# columns.
_SEARCH_TOOL = re.compile(
    r"^(?:(?:\d{4}-\d\d-\d\d[T ][\d:.,]+Z?\s+)?\{\w+=\"[^\"]*\"(?:,\s*\w+=\"[^\"]*\")*\}\s+"
    r"|(?:(?:host|source|sourcetype|index)=\S+\s+)+\|\s+"
    r"|\d{4}-\d\d-\d\d[T ][\d:.]+Z?\s+[A-Za-z][\w.-]*(?:/[\w.-]+)+(?:\.{3}|\u2026)?\s{2,}"
    # Datadog's log explorer rows copied: date, host, service in columns (`Nov 11 16:40:02.871
    # gw-prod-3  gateway  ERROR  …`)
    r"|[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d(?:\.\d+)?\s{2,}[\w.-]+\s{2,}[\w.-]+\s{2,}"
    # a dataframe of log lines printed (a notebook's output): its index, file and line number
    # before the line (`6   backoffice-import.log   7   sqlite3.OperationalError: …`)
    r"|\d+\s+[\w.-]+\.(?:log|txt|out|err)\s+\d+\s+"
    # Google Cloud Logging's summary line as Logs Explorer shows it: its time, zone and the
    # entry's severity (`2026-12-03 09:16:26.996 CET  ERROR  …`)
    r"|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [A-Z]{2,5}\s+(?:DEFAULT|DEBUG|INFO|NOTICE|WARNING"
    r"|ERROR|CRITICAL|ALERT|EMERGENCY)\s{2,}(?=\S)"
    # Axiom's stream view: the time of day and the service, in columns (`00:00:04.036  postgres
    # ERROR:  deadlock detected`)
    r"|\d\d:\d\d:\d\d\.\d{3}\s{2,}[a-z][\w.-]*\s{2,}(?=\S)"
    # Zabbix's history of a log item "as plain text": its time and Unix clock before each value
    r"|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d{10}\s+(?=\S)"
    # pytest's failure lines (`E       OSError: [Errno 24] …`, `E   assert 503 == 200`)
    r"|E\s+(?=(?:[\w.]+\.)?[A-Z]\w*(?:Error|Exception|Warning|Exit)\b|assert\b)|E {3}(?=\S))"
)


# stern's pod and container before each line (`nginx-edge-7f9c6d5b8-4mzqk nginx │ …`, as a
# template prints them with a bar; its default, a Deployment's pod name and the container, bare)
# and Tekton's task and step (`tkn pr logs`: `[publish-smoke : send-event] …`)
_STERN = re.compile(
    r"^[a-z0-9][a-z0-9.-]*-[a-z0-9]{4,10}\s+[a-z0-9][\w.-]*\s+[\u2502|]\s+"
    r"|^\[[a-z0-9][\w.-]* : [a-z0-9][\w.-]*\] ?"
    r"|^[a-z0-9][a-z0-9.-]*-[a-f0-9]{8,10}-[a-z0-9]{5}\s+[a-z][\w.-]*\s+(?=\S)"
)


# pm2's `pm2 logs` before each line of an app's: its id, name and a bar (`0|stock-sync | `,
# the name padded); never in the app's own log file
_PM2 = re.compile(r"^\d+\|[\w.@-]+\s*\|\s?")


# TeamCity's build log as downloaded: its time, its status (` `, `i`, `W`, `E`, `F`) and a colon,
# tabs as deep as the line is nested and a space, and the name of the block it is in and a space
# (`[08:16:12]E:\t\t\t [test_inventory_health] `); quoted inline, its tabs are one space. What
# is left is the program's line, its own indentation kept (a traceback's frame). A program's
# output is always in a block (a step's at least), so a bracket after the colon is the block's
# name, unless it is a level (`[emerg]`), which is the program's own.
_TEAMCITY = re.compile(
    r"^\[(?:\d{4}-\d\d-\d\d[ T])?\d\d:\d\d:\d\d(?:[.,]\d+)?\][ A-Za-z]:"
    r"(?:[\t ]+(?!\[(?i:debug|info|notice|warn|warning|error|err|crit|alert|emerg|fatal)\])"
    r"\[(?P<block>(?:[^\[\]\n]|\[[^\[\]\n]*\])+)\](?=\s)\s|\t*\s)"
)


# A CI runner's time before each console line: Jenkins' Timestamper (`[2026-12-03T08:16:26.141Z] `),
# GitHub Actions' raw log (`2026-12-03T08:15:24.7301224Z `, seven decimals), GitLab's job log
# (`2026-12-03T08:15:24.730123Z 01O+ `), TeamCity's (above); and an Actions workflow command's
# mark (`##[error]`, `::error title=ping::`), which says how the runner shows the line, not what
# it says.
_CI_RUNNER = re.compile(
    r"^(?:\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\]\s|" + _TEAMCITY.pattern[1:] + "|"
    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z\s|\d{4}-\d\d-\d\dT[\d:.]+Z\s\d\d[OE]\+?\s"
    # (Buildkite's, with its timestamps shown: `2026-12-03 08:16:26 UTC  `, two spaces)
    r"|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC {2})?"
    r"(?:##\[(?:error|warning|notice|debug)\]|::(?:error|warning|notice)\b[^:]*::)?"
)


# pytest's captured log (`ERROR    thumbnailer:store.py:88 cannot open …`, its default
# format): the logger, file and line are the test run's; the level is kept
_PYTEST_LOG = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+[\w.]+:[\w.-]+\.py:\d+\s+(?=\S)")


def drop_framing(line: str) -> str:
    """The line without the collector's framing, as often as it is nested (a compose service
    that logs through syslog); the line as it was when it has none."""
    text = _CI_RUNNER.sub("", platform_prefix_dropped(line), count=1)  # (platform_pastes.py)
    text = _STERN.sub("", _SEARCH_TOOL.sub("", text, count=1), count=1)
    text = _PM2.sub("", text, count=1)
    text = _PYTEST_LOG.sub(r"\1 ", text, count=1)
    for _ in range(3):
        raw = text.encode()
        piece = parse_syslog(0, raw)
        if piece is not None:
            host = dict(piece.fields).get("host", "")
            if _NOT_A_HOST.search(host):
                piece = None
        if piece is None:  # kubelet's CRI files: `<time> stderr F `
            piece = parse_cri(0, raw)
        if piece is None:
            piece = parse_compose(0, raw)
        if piece is None and raw.startswith(b"[pod/"):
            piece = parse_kubectl(0, raw)  # its prefix; a bare timestamp is the header's
        if piece is None or piece.segment.start >= len(raw):
            return text
        text = raw[piece.segment.start :].decode(errors="replace").strip()
    return text


# TeamCity's own lines in its build log, never a program's: a service message
# (`##teamcity[testFailed name='…' message='…']`, whose message repeats a test's error cut
# short, its quotes escaped `|'`), a step's heading and command (`Step 2/3: Smoke (Command Line)
# (6s)`, `Starting: /opt/buildAgent/temp/agentTmp/custom_script4417.sh`), how a step ended
# (`Process exited with code 1`, `Step Smoke (Command Line) failed`), the build's problems,
# which repeat what failed (`Build problem: Tests failed: 2 (2 new), passed: 57`)
_TEAMCITY_OWN = re.compile(
    r"^(?:##teamcity\[[A-Za-z][\w.-]*(?:\s|\]|$)|Step \d+/\d+: \S|Starting: /"
    r"|Process exited with code -?\d+\b|Step \S.* \([\w .-]+\) failed$|Build problem: \S"
    r"|TeamCity server version is \d)"
)


# A CI step's shell tracing the command it runs (`set -x`: `+ curl -sS -o /dev/null …`)
_SHELL_TRACE = re.compile(r"^\+{1,3} [\w./-]+(?: |$)")


def unframed_lines(lines: Sequence[str]) -> list[str]:
    """A code block's lines without their collector's framing (see `unframed`) and without a
    CI runner's own lines, which say how the build went, not what a program logged (and its
    shell's trace of each command). In a
    TeamCity log, a line that opens a block (a test's name, over the lines of its block) is
    TeamCity's too, and a line of another block than the line before it does not go on from
    that one: an empty line stands between them, as it does for a runner's line."""
    lines = span_events_read(lines)  # (a trace's span events: span_events.py)
    lines = doc_views_read(lines)  # (a search's document view: doc_views.py)
    lines = errbit_pages_read(lines)  # (an error catcher's problem page: errbit_pages.py)
    lines = kube_events_read(lines)  # (kubectl's events table: kube_events.py)
    lines = status_tables_read(lines)  # (`fly status`' machines, `kubectl get pods`)
    lines = notifications_read(lines)  # (a monitor's notification mail: notifications.py)
    lines = deploy_lines_read(lines)  # (Octopus's task log, Seq's events: deploy_pastes.py)
    lines = platform_lines_read(lines)  # (Drone's line numbers, Bamboo's, Heroku's prefixes)
    lines = ci_lines_dropped(lines)  # (Semaphore's `exit code: 1`, its jobs' results)
    lines = ci_pages_read(lines)  # (Codefresh's step log, an HCP Terraform run: ci_pages.py)
    lines = pipeline_trees_read(lines)  # (a Harness execution's tree: pipeline_trees.py)
    lines = build_console_read(lines)  # (GoCD's agent and materials, V8's GC trace)
    lines = siem_rules_dropped(lines)  # (a SIEM's XML rule: siem_rules.py)
    blocks = [_block_of(line) for line in lines]
    out: list[str] = []
    for at, line in enumerate(lines):
        text = drop_framing(line)
        opens = blocks[at] is not None and blocks[at + 1 : at + 2] == [text]
        if _TEAMCITY_OWN.match(text) or opens or _SHELL_TRACE.match(text):
            out.append("")
            continue
        if at and blocks[at] != blocks[at - 1] and out and out[-1]:
            out.append("")
        # (TeamCity's nesting is no indentation of the program's line: `  File "…"` is)
        out.append(unframed(line if blocks[at] is None else _TEAMCITY.sub("", line.strip())))
    return out


def _block_of(line: str) -> str | None:
    """The name of the TeamCity block a line is in ("" at the root); None for another log's."""
    found = _TEAMCITY.match(line.strip())
    return None if found is None else found["block"] or ""


def unframed(line: str) -> str:
    """The pasted line without its collector's framing, its own indentation kept (compose's
    `backup-1  |   File "/app/dump.py", line 41` is a traceback's frame, indented)."""
    text = drop_framing(line)
    at = line.find(text) if text else -1
    if at <= 0 or text == line.strip():
        return line
    space = len(line[:at]) - len(line[:at].rstrip())
    return line[at - max(0, space - 1) :]
