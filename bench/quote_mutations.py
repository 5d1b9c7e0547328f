"""Quotes from memory: does a quote still find its incident, and nothing else, once a person
has changed it the way people do?

    python bench/quote_mutations.py              # the table per mutation kind, on stdout
    python bench/quote_mutations.py --failures   # and every mutated quote that failed

Every expected line of tests/data/postmortems/expected.tsv, without its log prefix (time,
pid), is the quote a careful person would write. Each kind of edit below makes another quote
of it, as people write from memory: a number rounded or from another occurrence, a module
path dropped or added, the class swapped for an alias or a wrapper's, the level or code
prefix dropped, the end cut, curly quotes, a full stop after it, a value written `NNNN`,
`<id>` or `…`. Each quote becomes a one-bullet incident; all are compiled with
`matcher compile`'s own reader and writer, and all the logs of tests/data/postmortems/logs/
are scanned once. A quote **finds** its line when its incident flags the line it was made
from; it makes a **false positive** for every flagged line that is not one of its incident's
expected lines (the near misses included). Precision first: the goal is 0 false positives
for every kind, and as many found as the edit leaves findable.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "postmortems"
Line = tuple[str, int]

# The log prefix a person leaves out: time, pid, `user@db` before the level.
_PREFIX = re.compile(
    r"^(?:\[?\d{4}[-/]\d\d[-/]\d\d[T ][\d:.,]+Z?(?: (?:UTC|[+-]\d{4}))?\]?\s+)?"
    r"(?:\[\d+\]\s+|pid=\d+\s+)?(?:\w+@\w+\s+(?=[A-Z]+:))?"
)
# Numbers that name the kind of error, which a person remembers as they are.
_KIND = re.compile(
    r"(?:Errno |\(|ERROR |Error |HTTP |signal )-?\d+(?=[]:,) ]|$)|\b\d{4,5}(?= \([0-9A-Z]{5}\))"
)
# A number of its own: not part of an address, a version (`HTTP/1.1`) or a name.
_NUMBER = re.compile(r"(?<![\w./-])\d+(?:\.\d+)?(?![\w]|\.\d)")
_MODULE_CLASS = re.compile(r"^((?:[a-z_][a-z0-9_]*\.)+)([A-Z]\w*|error|timeout|gaierror)(?=[:(])")
_BARE_CLASS = re.compile(r"^([A-Z]\w*(?:Error|Exception))(?=[:(])")
_LEVEL = re.compile(
    r"^(?:\w+: )?(?:\[(?:emerg|error|crit|alert)\] (?:\d+#\d+: )?(?:\*\d+ )?"
    r"|(?:FATAL ERROR|FATAL|ERROR|CRITICAL|DETAIL)(?: \d+ \([0-9A-Z]{5}\))?:?\s+"
    r"|\[CRITICAL\] |(?:OOM|ERR|WRONGTYPE|SERVER_ERROR) |\d{4} \([0-9A-Z]{5}\): )"
)
_VALUE = re.compile(
    r"(?<![\w.])(?:\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?|/[\w./-]+|\d+(?:\.\d+)?)(?![\w])"
    r"|(?<=['\"])[\w.-]+\.(?:invalid|local|png|bin)(?=['\"])"
)
# Aliases Python 3 prints for one class, and the wrappers that carry a driver's error.
_ALIAS = {
    "OSError": "IOError",
    "TimeoutError": "socket.timeout",
    "PermissionError": "IOError",
    "FileNotFoundError": "IOError",
    "ConnectionRefusedError": "socket.error",
}
_WRAPPER = {
    "psycopg2": "sqlalchemy.exc.OperationalError",
    "pymysql": "sqlalchemy.exc.OperationalError",
    "sqlite3": "sqlalchemy.exc.OperationalError",
    "redis": "redis.exceptions.ResponseError",
}
_MODULES = {"OperationalError": "sqlite3.", "OSError": "builtins.", "PermissionError": "builtins."}


def _round(quote: str) -> str | None:
    """Decimals rounded, integers from another occurrence; the kind's numbers kept."""

    def change(m: re.Match[str]) -> str:
        if _inside(m.span(), _KIND, quote):
            return m[0]
        return str(round(float(m[0]))) if "." in m[0] else str(int(m[0]) + 7)

    out = _NUMBER.sub(change, quote)
    return out if out != quote else None


def _inside(span: tuple[int, int], pattern: re.Pattern[str], text: str) -> bool:
    return any(m.start() <= span[0] and span[1] <= m.end() for m in pattern.finditer(text))


def _drop_module(quote: str) -> str | None:
    m = _MODULE_CLASS.match(quote)
    return quote[len(m[1]) :] if m and m[2][0].isupper() else None


def _add_module(quote: str) -> str | None:
    m = _BARE_CLASS.match(quote)
    return _MODULES[m[1]] + quote if m and m[1] in _MODULES else None


def _swap_class(quote: str) -> str | None:
    m = _MODULE_CLASS.match(quote) or _BARE_CLASS.match(quote)
    if m is None:
        return None
    cls = m[0]
    name = cls.rsplit(".", 1)[-1]
    if name in _ALIAS:
        return _ALIAS[name] + quote[len(cls) :]
    wrapper = _WRAPPER.get(cls.split(".")[0])
    if wrapper and not cls.startswith(wrapper.split(".")[0]):
        return wrapper + quote[len(cls) :]
    return None


def _drop_prefix(quote: str) -> str | None:
    m = _LEVEL.match(quote)
    return quote[m.end() :] if m and m.end() < len(quote) else None


def _cut_end(quote: str) -> str | None:
    words = quote.split(" ")
    keep = max(5, (len(words) * 2 + 2) // 3)
    return " ".join(words[:keep]) if keep < len(words) else None


def _curly(quote: str) -> str | None:
    out = re.sub(r"'([^']*)'", "\u2018\\1\u2019", quote)
    out = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", out)
    return out if out != quote else None


def _full_stop(quote: str) -> str | None:
    return None if quote.endswith(".") else quote + "."


def _placeholder(mark: str, values: re.Pattern[str]) -> Callable[[str], str | None]:
    """The first value that is not the kind's number written as ``mark``."""

    def edit(quote: str) -> str | None:
        for m in values.finditer(quote):
            if not _inside(m.span(), _KIND, quote):
                return quote[: m.start()] + mark + quote[m.end() :]
        return None

    return edit


def _drop_class(quote: str) -> str | None:
    m = _MODULE_CLASS.match(quote) or _BARE_CLASS.match(quote)
    rest = quote[m.end() + 1 :].strip() if m else ""
    return rest or None


def _as_repr(quote: str) -> str | None:
    """`sqlite3.OperationalError: database is locked` as an app logs it, `OperationalError('…')`."""
    m = _MODULE_CLASS.match(quote) or _BARE_CLASS.match(quote)
    rest = quote[m.end() + 1 :].strip() if m else ""
    if not rest or "'" in rest or rest.startswith(("(", "[")):
        return None
    return f"{m[0].rsplit('.', 1)[-1]}('{rest}')" if m else None


def _add_context(quote: str) -> str | None:
    """The application's words in front: `ERROR sync failed: <quote>`."""
    return None if _LEVEL.match(quote) else f"ERROR sync failed: {quote}"


def _several(quote: str) -> str | None:
    """What one person does at once: the level dropped, numbers rounded, no module, curly
    quotes, a value as `NNNN`, a full stop."""
    out = quote
    for edit in (_drop_prefix, _round, _drop_module, _curly, _placeholder("NNNN", _NUMBER)):
        out = edit(out) or out
    out = _full_stop(out) or out
    return out if out != quote else None


MUTATIONS: dict[str, Callable[[str], str | None]] = {
    "as logged": lambda quote: quote,
    "numbers rounded or changed": _round,
    "module path dropped": _drop_module,
    "module path added": _add_module,
    "class swapped (alias, wrapper)": _swap_class,
    "level or code prefix dropped": _drop_prefix,
    "end cut": _cut_end,
    "curly quotes": _curly,
    "trailing full stop": _full_stop,
    "a number as NNNN": _placeholder("NNNN", _NUMBER),
    "a value as <id>": _placeholder("<id>", _VALUE),
    "a value as …": _placeholder("\u2026", _VALUE),
    "class dropped": _drop_class,
    "as an app's repr": _as_repr,
    "the app's context added": _add_context,
    "several at once": _several,
}


@dataclass(frozen=True)
class Case:
    kind: str
    quote: str
    source: Line  # the log line it was made from
    incident: str


@dataclass(frozen=True)
class Outcome:
    case: Case
    compiled: bool
    found: bool
    false_positives: frozenset[Line]


def base_quote(line: str) -> str:
    """The line as a careful person quotes it: without the log's time and pid prefix."""
    return _PREFIX.sub("", line.rstrip("\n"), count=1).strip()


def cases(corpus: Path = CORPUS) -> Iterator[Case]:
    seen: set[tuple[str, str]] = set()
    for row in (corpus / "expected.tsv").read_text("utf-8").splitlines()[1:]:
        log, number, incident = row.split("\t")
        text = (corpus / "logs" / log).read_text("utf-8", "replace").splitlines()
        quote = base_quote(text[int(number) - 1])
        for kind, edit in MUTATIONS.items():
            mutated = edit(quote)
            if mutated is not None and (kind, mutated) not in seen:
                seen.add((kind, mutated))
                yield Case(kind, mutated, (log, int(number)), incident)


def run(all_cases: list[Case], corpus: Path = CORPUS) -> list[Outcome]:
    """Compile every case as a one-bullet incident and scan all the logs once."""
    import matcher
    from matcher.incidents.reader import compile_incident_log
    from matcher.incidents.writer import render_signature

    ids = [f"INC-MUT-{i:05d}" for i in range(len(all_cases))]
    md = "\n---\n\n".join(
        f"**Incident ID:** {i}\n**Title:** T\n**Severity:** Low\n\n**Symptoms:**\n"
        f"* `{c.quote.replace('`', '')}`\n\n**Resolution:**\n* Fixed.\n"
        for i, c in zip(ids, all_cases, strict=True)
    )
    log = compile_incident_log(md, "mutations.md")
    texts = [(f"{inc.id}.yml", render_signature(inc)) for inc in log.incidents]
    ruleset = matcher.compile_ruleset(matcher.parse_signature_texts(texts, problems=[]))
    flagged: dict[str, set[Line]] = defaultdict(set)
    for path in sorted((corpus / "logs").glob("*.log")):
        for finding in matcher.scan_file(ruleset, path):
            for n in {finding.line, *finding.matched_lines}:
                flagged[finding.signature.id].add((path.name, n))
    expected: dict[str, set[Line]] = defaultdict(set)
    for row in (corpus / "expected.tsv").read_text("utf-8").splitlines()[1:]:
        log_name, number, incident = row.split("\t")
        expected[incident].add((log_name, int(number)))
    compiled = {inc.id for inc in log.incidents}
    return [
        Outcome(
            case,
            i in compiled,
            case.source in flagged[i],
            frozenset(flagged[i] - expected[case.incident]),
        )
        for i, case in zip(ids, all_cases, strict=True)
    ]


def table(outcomes: list[Outcome]) -> str:
    rows = ["| mutation | quotes | compiled | found their line | quotes with FP | FP lines |"]
    rows.append("|---|---|---|---|---|---|")
    for kind in MUTATIONS:
        of = [o for o in outcomes if o.case.kind == kind]
        if not of:
            continue
        found = sum(o.found for o in of)
        with_fp = sum(bool(o.false_positives) for o in of)
        fp_lines = len(set().union(*(o.false_positives for o in of)))
        rows.append(
            f"| {kind} | {len(of)} | {sum(o.compiled for o in of)} | {found} "
            f"({100 * found / len(of):.0f}%) | {with_fp} | {fp_lines} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", action="store_true", help="list every failed quote")
    args = parser.parse_args(argv)
    outcomes = run(list(cases()))
    print(table(outcomes))
    if args.failures:
        for o in outcomes:
            if not o.found or o.false_positives:
                fps = ", ".join(f"{f}:{n}" for f, n in sorted(o.false_positives)[:3])
                what = "not found" if not o.found else f"FP {fps}"
                print(f"- {o.case.kind}: {o.case.quote!r} ({o.case.incident}): {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
