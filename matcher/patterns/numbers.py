"""The numbers of a quote: which vary from one occurrence to the next, and how.

A size, count, duration, pid or port is one occurrence's (`<n:num>`, `<port:int>`); a number
that names the kind of error (`[Errno 28]`, `(113: No route …)`, `ERROR 1205 (HY000)`, an
HTTP `503 Service Unavailable`) stays. A quantity may be written rounded (`after 60 secs` for
the log's `60.0 secs`): it becomes a decimal (`num`, which an integer also matches); an
identity (`port`, `pid`, `line` …) stays an integer. See docs/symptoms.md.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"(?<![\w.<>#-])(?<![\w.]-)(-?\d+(?:\.\d+)?)(?=[a-zA-Z]{0,3}\b)(?![.,]\d)")
# The number names the kind of error when one of these comes just before it...
_KIND_BEFORE = re.compile(
    r"\b(?:errno|error|err|signal|sig[a-z]*|sqlstate|status|http|code)[\s=:-]*$",
    re.IGNORECASE,
)
# ... or after it: "(113: No route", "(1040, 'Too many", "1205 (HY000)", "503 Service".
# ... or an errno's name (`KafkaConnectionError: 111 ECONNREFUSED`).
_KIND_AFTER = re.compile(
    r"^(?::\s+[A-Za-z]|,\s*['\"]|\s+\([0-9A-Z]{5}\)|\s+[A-Z][a-z]+ [A-Z]|\s+E[A-Z]{3,}\b)"
)
_SQLSTATE = re.compile(r"\(\d{5}\)")
_UNITS = re.compile(r"^(?:[a-zA-Z]{1,3})")
_ERROR_STATUS = re.compile(r"^[45]\d\d$")
# A number after these words measures or names one occurrence, whatever its value.
_MEASURED = re.compile(
    r"\b(?:port|pid|max|min|size|limit|of|after|count|id|line|column|char|batch|attempt|worker"
    r"|process|transaction|job|order|user|offset|length)\W{0,2}$",
    re.IGNORECASE,
)
# A number after these is an identity or a count, in whole units: `port 5432`, `max 151`.
_IDENTITY = re.compile(
    r"\b(?:port|pid|tid|id|line|column|char|batch|attempt|worker|process|transaction|job|order"
    r"|user|offset|errno|code|uid|gid|max|min|size|limit|count|length|overflow|capacity)\W{0,2}$",
    re.IGNORECASE,
)
_DURATION = re.compile(r"(?i)(?:s|secs?|seconds?|ms|millis\w*|minutes?|mins?|hours?|days?)$")
# A source file's or logger's line and a port, glued to a colon (`ledger.py:212`,
# `gateway:33`, `<ip>:6379`), nginx's connection (`*5`), a number (`#12`), a code in
# parentheses (`curl: (7)`): identities too.
_SOURCE_LINE = re.compile(r"[:*#(]$")


def _type(
    number: str, before: str, unit: re.Match[str] | None, follows: re.Match[str] | None
) -> str:
    """`num` for a quantity a person may round (`after 60 secs`, `512MiB`, a number nothing
    names), which the log may print as a decimal (`60.0 secs`); `int` for a count (`3 files`,
    `max 151`) or an identity (`port 5432`, `pid:4250`, `ledger.py:212`), never a decimal."""
    if "." in number:
        return "num"
    if follows is not None:
        return "num" if _DURATION.match(follows[1]) else "int"
    if unit is not None:
        return "num"
    return "int" if _IDENTITY.search(before) or _SOURCE_LINE.search(before) else "num"


# A number is named after the unit or count word after it, else the word before it.
_UNIT_WORDS = re.compile(
    r"\s+(secs?|seconds?|ms|millis\w*|minutes?|mins?|hours?|days?|bytes?|[kmgt]i?b|files?"
    r"|connections?|rows?|retries|attempts?|times|items?|records?|workers?|threads?|jobs?)\b",
    re.IGNORECASE,
)


class Names:
    """Placeholder names, unique within one symptom: port, port2, …"""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def new(self, base: str, typ: str | None = None) -> str:
        base = re.sub(r"[^a-z0-9_]", "", base.lower())[:24] or "n"
        if not base[0].isalpha():
            base = "n" + base
        name, i = base, 1
        while name in self.used:
            i += 1
            name = f"{base}{i}"
        self.used.add(name)
        return f"<{name}>" if typ is None or typ == name else f"<{name}:{typ}>"


def numbers(text: str, names: Names) -> str:
    """Numbers of one occurrence -> `<name:int>` / `<name:num>`; placeholders are left alone."""
    out: list[str] = []
    pos = 0
    for part in re.finditer(r"<[a-z][a-z0-9_]{0,31}(?::[a-z]+)?>", text + "<end>"):
        out.append(_numbers_in(text[pos : part.start()], names))
        out.append(part[0] if part.start() < len(text) else "")
        pos = part.end()
    return "".join(out)


# A size with its unit (`2.5MB`, `512MiB`, `1572864 bytes`): a person quotes it in the unit they
# think in, the log prints its own, so the number and the unit vary together (`<mb:datasize>`).
_SIZE = re.compile(
    r"(?<![\w.<>#-])\d+(?:\.\d+)?(?:([KMGTPE]i?B|[kmgt]i?b|B)|\s(bytes?|[KMGTPE]i?B|[kmgt]i?b))\b"
)


def _numbers_in(chunk: str, names: Names) -> str:
    chunk = _SIZE.sub(lambda m: names.new(m[1] or m[2], "datasize"), chunk)

    def replace(match: re.Match[str]) -> str:
        before, after = chunk[: match.start()], chunk[match.end() :]
        if _KIND_BEFORE.search(before):
            return match[0]
        if _KIND_AFTER.match(after) and not _MEASURED.search(before):
            return match[0]  # `(113: No route …`, not `import batch 17: OperationalError …`
        if before.endswith("(") and re.fullmatch(r":\s*", after):
            return match[0]  # `(98: …)`: an errno before an elided strerror
        if _SQLSTATE.fullmatch(chunk[max(0, match.start() - 1) : match.end() + 1]):
            return match[0]
        if re.match(r"[1-5]\d\d$", match[0]) and re.match(r"\s+[A-Z][a-z]", after):
            return match[0]  # an HTTP status and its reason phrase
        unit = _UNITS.match(after)
        word = re.search(r"([A-Za-z]{2,})\W{0,2}$", before)
        follows = _UNIT_WORDS.match(after)
        port = before.endswith(":") and not before.endswith(" :")
        if _ERROR_STATUS.match(match[0]) and not (
            unit or follows or port or _MEASURED.search(before)
        ):
            return match[0]  # an HTTP error status: `upstream returned 502`
        name = unit[0] if unit else follows[1] if follows else word[1] if word else "n"
        # A quantity a person rounds (`after 60 secs` for `60.0 secs`) may be a decimal; an
        # identity (a port, a pid, a line) never is.
        return names.new(name, _type(match[0], before, unit, follows))

    return _NUMBER.sub(replace, chunk)


def number_type(number: str, before: str, after: str) -> str:
    """The type of a number written between ``before`` and ``after``: see `_type`."""
    return _type(number, before, _UNITS.match(after), _UNIT_WORDS.match(after))
