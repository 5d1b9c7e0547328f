"""A CI server's or a log platform's paste, read as the lines the program wrote: the UI's line
numbers down the left of a step's log (Drone's ` 41  + pytest …`), the platform's prefix before
each line (Bamboo's `error\t09-Jan-2026 10:15:01\t`, `heroku logs`' `2026-…+00:00 app[web.1]: `,
`fly logs`' `2026-…Z app[e286e4d1f2e468] ams [info]`, a Better Stack Live tail row's `Dec 3
08:16:29.123 host source `, a log viewer's columns) and the platform's own lines (Bamboo's
`simple` and `command` lines, Heroku's router, Fly's `info` lines, Drone's `exit code 1` and its
`drone build info` fields). None of it is in the program's log file; a symptom that kept it
would match nothing. The rules are in docs/incident-log-format.md ("Thirty-fourth round",
"Thirty-sixth round")."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A step log's line number as the CI UI shows it, right-aligned, two spaces (or a tab) before
# the line; what is left keeps the line's own indentation (a traceback's `  File "…"`)
_GUTTER = re.compile(r"^ *(?P<n>\d{1,6})(?:\t| {2}|$)")

# An elision the author put in a numbered log (` ..`, `…`): lines left out
_ELIDED = re.compile(r"^\s*(?:\.{2,4}|\u2026|\[\.\.\.\]|\[\u2026\])\s*$")

# Bamboo's build log as downloaded or copied: the line's kind, its time, tabs (spaces when quoted)
_BAMBOO = re.compile(
    r"^(?P<kind>simple|command|build|error)[\t ]+\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d(?:\t| )"
)

# `heroku logs`: the time with its offset, the source and dyno (`app[web.1]: `, the app's;
# `heroku[router]: `, `heroku[web.1]: `, the platform's own)
_HEROKU = re.compile(
    r"^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)\s+)?"
    r"(?P<source>app|heroku)\[(?P<dyno>[\w.-]+)\]:\s?"
)

# `fly logs`: the time, the source and the machine (`app[e286e4d1f2e468]`, the app's output;
# `proxy[…]`, `health[…]`, `runner[…]`, Fly's own), the region and the level, the message
# right after its bracket (a traceback's frame keeps its indentation: `[info]  File "…"`)
_FLY = re.compile(
    r"^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\s+)?(?P<source>[a-z]+)\[[0-9a-f]{8,20}\]"
    r"\s+[a-z]{3}\s+\[(?P<level>[a-z]+)\]"
)

# Render's Logs view copied with its columns (`Mar 2 10:03:11 AM  srv-cn2f…-7f9c6d5b8-q2lxm  `,
# a web service's or worker's instance; `crn-…-28841-7wz9d`, a cron job's run) or `render logs
# -o text` (`2026-04-02T01:03:00Z  srv-…  `): the time on a 12-hour clock and the instance, then
# the app's line with its own indentation (two spaces part the columns; more is the line's)
_RENDER = re.compile(
    r"^(?:[A-Z][a-z]{2}\s+\d{1,2}\s+\d{1,2}:\d\d:\d\d(?:\.\d+)?\s?[AP]M"
    r"|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)\s+(?:srv|crn)-[a-z0-9]{20}(?:-[a-z0-9]+){0,3}"
    r"(?: {1,2}|\t|$)"
)

# A row of a Render service's Events tab: what the platform did and when, by its own clock
# (`Deploy live for 8c41e0a: …  Mar 2, 2026 at 9:58 AM`, `Server unhealthy  …`, `Cron job run
# failed: exited with status 1  …`); the lines indented under a row are its details
# (`Triggered via GitHub push by …`, `Health check /healthz returned 503`). Never the app's.
_RENDER_EVENT = re.compile(r"\S\s{2,}[A-Z][a-z]{2} \d{1,2}, \d{4} at \d{1,2}:\d\d\s?[AP]M$")

# ... an Events row's text quoted alone (`Server unhealthy`, `Deploy live for 8c41e0a: …`)
PLATFORM_EVENT = re.compile(
    r"^(?:Server (?:unhealthy|available)|(?:Deploy|Build) (?:live|started|failed|canceled) for \S"
    r"|Cron job run (?:started|succeeded|failed)\b|Instance failed: exited with status \d)"
)

# Render's own line in a run's log (`==> Exited with status 1`, `==> Build successful`)
_RENDER_OWN = re.compile(r"^==> [A-Z]")

# A Better Stack (Logtail) row copied from Live tail or a search: time with milliseconds, host,
# source, then the level, which is the line's own and stays
_LIVE_TAIL = re.compile(
    r"^[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d\.\d{3}\s+[\w.-]+\s+[\w.-]+\s+"
    r"(?=(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL|PANIC|EMERG)\s)"
)

# A log viewer's row copied in its columns (Dynatrace's log events on a problem card: `02:11:40
# ERROR  rq-worker-indexing  job …`): the time of day, the level, which is the line's own and
# stays, and the entity that sent it when a column of its own (two spaces after it); a word
# with one space after it is the message's (`ERROR  gateway:29 inventory …`, the logger's)
_VIEWER_ROW = re.compile(
    r"^\d\d:\d\d:\d\d(?:\.\d{1,6})?\s{2,}(?P<level>TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR"
    r"|SEVERE|CRITICAL|FATAL|ALERT|EMERGENCY)\s{2,}(?:[\w.-]+\s{2,}(?=\S))?"
)

# The platform's own lines: how a step ended (Drone's `exit code 1`, GitLab's `ERROR: Job
# failed: exit code 1`), and the router's line of a request that went through
_PLATFORM_OWN = re.compile(r"^(?:ERROR: Job failed: )?exit (?:code|status) -?\d+\.?$|^at=info\s")

# A CI command-line tool printing a build's fields (`$ drone build info shop/api 4821`): its
# output is the build's record (`Status: failure`), not a program's log
_BUILD_INFO = re.compile(r"^\$\s+drone\s+build\s+(?:info|ls|last)\b")

# An uptime monitor's incident as Better Stack Uptime shows it (`Incident #48213 - orders-api
# /healthz`, then `Cause: Status 500`, who acknowledged it, when it was resolved): the monitor's
# record of the outage, what its probe saw, not a line any program logged
_UPTIME_INCIDENT = re.compile(r"^Incident #\d+\s+[\u2013\u2014-]\s+\S")
_UPTIME_CAUSE = re.compile(r"^Cause:\s+\S")


def platform_prefix_dropped(line: str) -> str:
    """The line without a CI server's or a log platform's prefix (stripped); as it was without."""
    text = line.strip()
    fly = _FLY.match(text)
    if fly:
        return _fly_line(fly, text)
    row = _VIEWER_ROW.match(text)
    if row:
        return f"{row['level']} {text[row.end() :]}"
    for pattern in (_BAMBOO, _HEROKU, _LIVE_TAIL, _RENDER):
        found = pattern.match(text)
        if found:
            return text[found.end() :]
    return text


def _fly_line(found: re.Match[str], text: str) -> str:
    """A `fly logs` line as its program wrote it: the app's output without Fly's level (Fly
    logs all of a machine's output at `info`, the program's line says its own); Fly's proxy's
    and health checks' with theirs (`ERROR Health check on port 8080 has failed.`), and none
    of their `info` lines, which say what the platform did (`Starting machine`)."""
    message = text[found.end() :]
    if found["source"] == "app":
        return message
    level = found["level"].upper()
    return "" if level == "INFO" else f"{level} {message.strip()}"


def platform_lines_read(lines: Sequence[str]) -> list[str]:
    """A code block's lines as the program wrote them: the UI's line numbers taken off when
    every line has one, each line's platform prefix off, the platform's own lines empty (an empty
    line ends what the line before it said, as the runner's line does in the log)."""
    firsts = [line.strip() for line in lines if line.strip()]
    uptime = firsts and _UPTIME_INCIDENT.match(firsts[0]) and any(map(_UPTIME_CAUSE.match, firsts))
    if firsts and (_BUILD_INFO.match(firsts[0]) or uptime):
        return ["" for _ in lines]
    lines = _render_read(_unguttered(lines))
    # (beside an app's own lines, Fly's proxy and health checks only say that the app failed,
    # which the app's lines state: a proxy's `[error]` does not outrank the app's traceback)
    app = any((m := _FLY.match(line.strip())) and m["source"] == "app" for line in lines)
    out: list[str] = []
    for line in lines:
        bamboo, heroku = _BAMBOO.match(line.strip()), _HEROKU.match(line.strip())
        if fly := _FLY.match(line.strip()):
            out.append("" if app and fly["source"] != "app" else _fly_line(fly, line.strip()))
        elif bamboo and bamboo["kind"] in ("simple", "command"):
            out.append("")  # (Bamboo's own: `Failing task since return code of […] was 1`)
        elif heroku and heroku["source"] == "heroku" and heroku["dyno"] != "router":
            out.append("")  # (a dyno's state: `State changed from up to crashed`)
        elif _PLATFORM_OWN.match(platform_prefix_dropped(line)):
            out.append("")
        elif found := bamboo or heroku:
            # (the program's line, its own indentation kept: `error\t…\t    raise …`)
            out.append(line.strip()[found.end() :])
        else:
            out.append(line)
    return out


def _render_read(lines: Sequence[str]) -> list[str]:
    """The lines without Render's columns (the app's line, its indentation kept), its Events
    rows and their details and its own `==> …` lines empty."""
    out: list[str] = []
    event_depth = -1  # the indentation of the Events row whose details may follow
    for line in lines:
        depth = len(line) - len(line.lstrip())
        if _RENDER_EVENT.search(line.rstrip()):
            out.append("")
            event_depth = depth
            continue
        if event_depth >= 0 and line.strip() and depth > event_depth:
            out.append("")
            continue
        event_depth = -1
        found = _RENDER.match(line.strip())
        if found is None:
            out.append(line)
            continue
        rest = line.strip()[found.end() :]
        out.append("" if _RENDER_OWN.match(rest) else rest)
    return out


def _unguttered(lines: Sequence[str]) -> list[str]:
    """The lines without the UI's line numbers, when every line that is not empty or an
    elision has one and they go up (a column of numbers that does not is the log's own)."""
    numbers: list[int] = []
    for line in lines:
        if not line.strip() or _ELIDED.match(line):
            continue
        found = _GUTTER.match(line)
        if found is None or (numbers and int(found["n"]) <= numbers[-1]):
            return list(lines)
        numbers.append(int(found["n"]))
    if len(numbers) < 2:
        return list(lines)
    return [line.strip() if _ELIDED.match(line) else _GUTTER.sub("", line, 1) for line in lines]
