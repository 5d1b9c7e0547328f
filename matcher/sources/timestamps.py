"""The time of a log line, from a leading timestamp in the common formats, and the times
``--since`` / ``--until`` take (ISO 8601 or relative: ``2h``, ``30m``).

A time without a zone is local time, as journalctl reads it; a syslog time has no year and
takes the year that puts it at most a day after ``now``. Times are POSIX seconds (float)."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta, timezone, tzinfo

# How far into a line a timestamp is looked for (a CLF time follows the client's address).
HEAD_CHARS = 160
TAIL_CHARS = 120  # of a JSON line, for a time field after the message
MONTHS = {
    m: i
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}
_MON = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_ZONE = r"(Z|UTC|GMT|[+-]\d{2}:?\d{2})"
# ISO 8601 / RFC 3339 with T or a space, Python logging (`,123`), nginx and Go (`2026/11/27`),
# gunicorn (`[2026-11-27 00:11:11 +0000]`), PostgreSQL (`… 00:11:11.441 UTC`).
_ISO = re.compile(
    r"\[?(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?"
    rf"(?: ?{_ZONE}(?![\w:]))?"
)
_SYSLOG = re.compile(rf"{_MON} +(\d{{1,2}}) (\d{{2}}):(\d{{2}}):(\d{{2}})(?:\.(\d{{1,9}}))?")
_CLF = re.compile(rf"\[(\d{{2}})/{_MON}/(\d{{4}}):(\d{{2}}):(\d{{2}}):(\d{{2}}) ([+-]\d{{4}})\]")
# Apache's error log: `[Sun Dec 04 04:47:44 2005]` (and `… 04:47:44.123456 2005]`).
_APACHE_ERROR = re.compile(
    rf"\[\w{{3}} {_MON} (\d{{2}}) (\d{{2}}):(\d{{2}}):(\d{{2}})(?:\.(\d{{1,9}}))? (\d{{4}})\]"
)
_JSON_TIME = re.compile(
    r'"(?:ts|time|timestamp|@timestamp|t|asctime|datetime|date)"\s*:\s*'
    r'(?:"([^"]{10,40})"|(\d{9,10}(?:\.\d+)?|\d{12,13})\b)'
)
_RELATIVE = re.compile(r"-?((?:\d+(?:\.\d+)?\s*(?:s|m|h|d|w)\s*)+)(?:ago)?")
_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw])")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def line_time(line: str | bytes, now: float | None = None) -> float | None:
    """The time a log line starts with, or None. ``now`` places a syslog time in its year."""
    text = _text(line[:HEAD_CHARS]).lstrip()
    if text.startswith("{"):
        # Docker's json-file driver writes "time" after the message: look at the end too.
        return _json_time(text) or _json_time(_text(line[-TAIL_CHARS:]))
    found = _ISO.match(text)
    if found:
        return _iso(found)
    found = _SYSLOG.match(text)
    if found:
        return _syslog(found, time.time() if now is None else now)
    found = _APACHE_ERROR.match(text)
    if found:
        mon, day, hh, mm, ss, frac, year = found.groups()
        return _epoch(int(year), MONTHS[mon], int(day), hh, mm, ss, frac, None)
    found = _CLF.search(text)
    if found:
        day, mon, year, hh, mm, ss, zone = found.groups()
        return _epoch(int(year), MONTHS[mon], int(day), hh, mm, ss, None, zone)
    return None


def _text(part: str | bytes) -> str:
    return part.decode("utf-8", "replace") if isinstance(part, bytes) else part


def _iso(found: re.Match[str]) -> float | None:
    year, month, day, hh, mm, ss, frac, zone = found.groups()
    return _epoch(int(year), int(month), int(day), hh, mm, ss, frac, zone)


def _syslog(found: re.Match[str], now: float) -> float | None:
    mon, day, hh, mm, ss, frac = found.groups()
    year = time.localtime(now).tm_year
    value = _epoch(year, MONTHS[mon], int(day), hh, mm, ss, frac, None)
    if value is not None and value > now + 86400:  # December's lines read in January
        value = _epoch(year - 1, MONTHS[mon], int(day), hh, mm, ss, frac, None)
    return value


def _json_time(text: str) -> float | None:
    found = _JSON_TIME.search(text)
    if found is None:
        return None
    string, number = found.groups()
    if number is not None:
        value = float(number)
        return value / 1000 if len(number.split(".")[0]) > 10 else value  # milliseconds
    iso = _ISO.match(string)
    return _iso(iso) if iso else None


def _epoch(
    year: int, month: int, day: int, hh: str, mm: str, ss: str, frac: str | None, zone: str | None
) -> float | None:
    try:
        moment = datetime(year, month, day, int(hh), int(mm), int(ss), tzinfo=_tz(zone))
    except ValueError:  # 2026-13-45: digits that only look like a time
        return None
    return moment.timestamp() + (float("0." + frac) if frac else 0.0)


def _tz(zone: str | None) -> tzinfo | None:
    if zone is None:
        return None  # local time
    if zone in ("Z", "UTC", "GMT"):
        return timezone.utc
    digits = zone[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(-offset if zone[0] == "-" else offset)


def parse_when(text: str, now: float | None = None) -> float:
    """A ``--since`` / ``--until`` value as POSIX seconds: ``now``, a relative time back from
    now (``2h``, ``30m``, ``1h30m``, ``90s``, ``2d``, ``-2h``, ``2h ago``) or an ISO 8601 time
    (``2026-11-27``, ``2026-11-27 00:11``, ``2026-11-27T00:11:11+01:00``; local time without a
    zone). Raises ``ValueError`` with what was expected."""
    now = time.time() if now is None else now
    value = text.strip()
    if value == "now":
        return now
    relative = _RELATIVE.fullmatch(value)
    if relative:
        back = sum(float(n) * _SECONDS[u] for n, u in _UNIT.findall(relative.group(1)))
        return now - back
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"{text!r} is not a time: give ISO 8601 (2026-11-27 00:11:11, 2026-11-27T00:11Z) "
            "or a time back from now (2h, 30m, 1h30m, 2d)"
        ) from None
    return moment.timestamp()
