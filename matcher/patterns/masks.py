"""What a person writes in place of a value in a quote: a placeholder of their own (`<user
id>`, `{user}`, `NNNN`, `XXX`, `*`, `xxx.xxx.xxx.xxx`) or a redaction (`[REDACTED]`, `***`).
Each becomes a symptom placeholder that matches any value there (docs/symptoms.md, "How a
quote is generalised")."""

from __future__ import annotations

import re

from matcher.patterns.numbers import Names, number_type

# A placeholder's last word that is a type: `<some path>` -> `<some_path:path>`.
_PLACEHOLDER_TYPES = frozenset(
    {"path", "host", "ip", "int", "num", "datasize", "hex", "uuid", "word"}
)
# A person's placeholder of several words, or in capitals: `<user id>`, `<job-id>`, `{request
# id}`, `<USER_ID>`, `<ID>`. (`<module>`, one lower-case word, is already a placeholder; one
# capital, `<T>`, is a type parameter as often, and stays literal; `<N>` is a number.)
_WORDY = r"[a-z][a-z0-9]*(?:[ _-][A-Za-z0-9]+){1,3}|[A-Z][A-Z0-9]+(?:[ _-][A-Z0-9]+){0,3}|N"
_WORDY_PLACEHOLDER = re.compile(rf"<({_WORDY})>|\$?\{{({_WORDY})\}}")
# ... in single guillemets (U+2039, U+203A: `\u2039svc\u203a@\u2039db\u203a`)
_ANGLED = re.compile(r"\u2039([A-Za-z][\w -]{0,30}?)\u203a")
_BRACED = re.compile(r"\$?\{([a-z][a-z0-9_]{0,31})\}")
_PERSON = re.compile(
    r"(?<![\w<])(N+|X{2,}|x{3,}|n{3,})(?=[\s),:;#.\]'\"]|$)"
    # ... a lone `X` before a unit (`after X secs`, `X MB`): a number
    r"|(?<![\w<])(X)(?= (?:secs?|seconds?|ms|minutes?|mins?|hours?|[KMG]i?B|bytes|times)\b)"
)
# ... a letter for one of several of a kind (`Process A waits for ShareLock …; blocked by
# process B`, `worker X`): any value, as `N` is
_LETTER = re.compile(
    r"(?<![\w<])((?i:process|pid|worker|transaction|txn|thread|job|node|shard|partition"
    r"|connection|session|client|host|replica|broker|consumer|pod) )([ABCXYZ])(?=[\s),:;.]|$)"
)
# ... the last digits of a number hidden (`113xx`, `72x`, `113yy`, `1134y`, `72z`, `58NN`): any
# number (not `12Z`, a timestamp's zone)
_PARTLY = re.compile(
    r"(?<![\w<.])\d+(?:[xX]{1,4}|[nN]{2,4}|[yY]{2,4}|[yz]{1,4})(?=[\s),:;#.\]'\"]|$)"
)
# An address written with a person's placeholders: `xxx.xxx.xxx.xxx`, `N.N.N.N`.
# ... also in part (`10.0.0.x`, `10.2.*.*`).
_OCTET = r"(?:[xX]{1,3}|[nN]{1,3}|\*|\d{1,3})"
_PERSON_IP = re.compile(rf"(?<![\w.])(?=[\d.]*[xXnN*])(?:{_OCTET}\.){{3}}{_OCTET}(?![\w.])")
_STAR = re.compile(r"(?<![\w*<])\*(?![\w*<])")
# What a person puts for a value they may not show: `[REDACTED]`, `<redacted>`, `***`, `████`,
# `####`, or the kind of value in brackets (`[host]`, `[path]`: a log's own brackets hold a
# level or a tag, not these words).
_REDACTED = re.compile(
    r"\[(?i:redacted|filtered|masked|hidden|removed|scrubbed)\]|<(?i:redacted|masked)>"
    # ... with what was redacted (`[REDACTED-DB-HOST]`, `[internal-fqdn]`, `[masked_ip]`)
    r"|\[(?i:redacted|filtered|masked|hidden|removed|scrubbed)[-_][\w-]{1,30}\]"
    r"|\[[a-z]+[-_](?:fqdn|host|hostname|ip|addr|address|user|username|name|id|path|db|token"
    r"|email)\]"
    r"|\[(?:host|hostname|fqdn|ip|addr|address|user|username|email|path|file|token|secret"
    r"|password|db|database|account|tenant|customer)\]"
    r"|(?<![*\w])\*{3,}(?![*\w])|\*{3,}|\u2588+|(?<![#\w])#{3,}(?![#\w])"
)


def written_placeholders(text: str, names: Names) -> str:
    """`<user id>` -> `<user_id>`, `{request id}` -> `<request_id>`, `{user}` -> `<user>`."""
    text = _ANGLED.sub(lambda m: _wordy(m[1], names), text)
    text = _WORDY_PLACEHOLDER.sub(lambda m: _wordy(m[1] or m[2], names), text)
    return _BRACED.sub(lambda m: names.new(m[1]), text)


def written_values(text: str, names: Names) -> str:
    """`xxx.xxx.xxx.xxx` -> `<ip>`, `port NNNN` -> `port <n:int>`, `XXX` -> `<n>`, a lone `*`
    -> `<x>`."""
    text = _PERSON_IP.sub(lambda m: names.new("ip", "ip"), text)
    text = _PERSON.sub(lambda m: _person(m, names), text)
    text = _LETTER.sub(lambda m: m[1] + names.new("n"), text)
    text = _PARTLY.sub(lambda m: names.new("n", "int"), text)
    return _STAR.sub(lambda m: names.new("x"), text)


def redactions(text: str, names: Names) -> str:
    """`[REDACTED]`, `<redacted>`, `***`, `████` -> `<redacted>`: any value."""
    return _REDACTED.sub(lambda m: names.new("redacted"), text)


def _person(match: re.Match[str], names: Names) -> str:
    """`NNNN` is a number (`port NNNN`: an integer; `after NN secs`: perhaps a decimal, as
    the log prints it); `XXX` any token."""
    if match[2]:
        return names.new(
            "n", number_type("1", match.string[: match.start()], match.string[match.end() :])
        )
    if match[1][0] not in "Nn":
        return names.new("n")
    before, after = match.string[: match.start()], match.string[match.end() :]
    return names.new("n", number_type("1", before, after))


def _wordy(written: str, names: Names) -> str:
    """`<user id>` -> `<user_id>`; a last word that names a type types it (`<some path>`)."""
    words = re.split(r"[ _-]", written.lower())
    typ = words[-1] if words[-1] in _PLACEHOLDER_TYPES else "num" if written == "N" else None
    return names.new("_".join(words), typ)
