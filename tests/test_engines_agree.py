"""The Hyperscan and the pure-Python engine give identical findings.

A prefilter only chooses candidate lines; the exact patterns decide. The engines agree when
each prefilter lets through every line the exact patterns would match, in its plain form or
JSON/XML-escaped. Checked on generated symptoms and lines (hypothesis), and on the benchmark's
generated corpus, whose truth file the findings must also equal.
"""

from __future__ import annotations

import html
import io
import json
import sys
from argparse import Namespace
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import matcher
from matcher.errors import SignatureError
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset
from matcher.rules.signatures import parse_signature_texts

pytest.importorskip("hyperscan")

# The benchmark workload sits in shared/ beside the checkout (CI lays a copy there too).
BENCH = next(
    (
        p
        for p in (
            Path(__file__).resolve().parents[2] / "shared" / "bench",
            Path("/work/shared/bench"),
        )
        if (p / "gen_corpus.py").is_file()
    ),
    Path("/work/shared/bench"),
)
ENGINES = ("hyperscan", "pure")


def compile_both(symptoms: Sequence[Any], skip_invalid: bool = False) -> dict[str, Ruleset]:
    """One signature per symptom (ids S1, S2, …), compiled for each engine. Invalid symptoms
    raise ``SignatureError``, or with ``skip_invalid`` are left out."""
    head = "title: t\nseverity: low\nresolution: r\n"
    texts = [
        (f"s{i}.yml", f"id: S{i}\n{head}symptoms: [{json.dumps(s)}]\n")
        for i, s in enumerate(symptoms, 1)
    ]
    signatures = parse_signature_texts(texts, [] if skip_invalid else None)
    return {engine: matcher.compile_ruleset(signatures, engine=engine) for engine in ENGINES}


def summary(findings: Sequence[Finding]) -> list[tuple[Any, ...]]:
    return [
        (f.line, f.signature.id, f.span, dict(f.captures), f.text, f.truncated, f.matched_lines)
        for f in findings
    ]


def scan_both(
    rulesets: dict[str, Ruleset], data: bytes, **options: Any
) -> dict[str, list[tuple[Any, ...]]]:
    return {
        engine: summary(matcher.scan_text(r, data, **options)) for engine, r in rulesets.items()
    }


# -- generated symptoms and lines -------------------------------------------------------------

WORDS = [
    "duplicate",
    "key",
    "value",
    "violates",
    "QueuePool",
    "limit",
    "error",
    "refused",
    "timeout",
    '"ix_users_email"',
    "/var/lib/data",
    "C:\\temp",
    "a<b>c",
    "R&D",
    "it's",
    "caf\u00e9",
    "\u00fcberfall",
    "\u65e5\u672c",
    "(code",
    "7)",
    "$5.00",
    "->",
    "<Foo>",
    "x.y*z",
    "[main]",
    "user@host",
    "50%",
]
HEADS = ["", "", "", "IntegrityError: ", "psycopg2.errors.UniqueViolation: ", "TimeoutError: "]
# Level and code heads (issue #11): optional like a class, with the standing rule.
HEADS += ["FATAL: ", "[emerg] ", "ERROR 1205 (HY000): ", "(error) OOM ", "WARN: ", "1040 (08004): "]
# Values for each placeholder: mostly ones of its type, sometimes any of them (a near miss).
TYPED_VALUES = {
    "<x>": ["5", "worker-3", "a\\b", "%d", "{}", "\u00f1and\u00fa", "<tag>"],
    "<name>": ["orders", "db-1:5432", '"q"', "x/y"],
    "<n:int>": ["5", "-12", "+7", "123456"],
    "<int>": ["0", "42", "-1"],
    "<num>": ["3.25", "1e3", ".5", "-2.5E-3", "7"],
    "<hex>": ["0x1f3a", "DEADbeef", "7f"],
    "<uuid>": ["3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f809a1b"],
    "<ip>": ["10.0.0.7", "fe80::1%eth0", "::1"],
    "<host>": ["db-1.example.com", "localhost", "web_2"],
    "<path>": ["/srv/app/data.db", "C:\\tmp\\x", "%s"],
    "<quoted>": ['"quoted value"', "'single'", '""'],
    "<word>": ["foo_bar", "\u00f1and\u00fa", "x1"],
    "<any>": ["two words", "a: b -> c", "\u65e5\u672c \u8a9e"],
}
VALUES = sorted({value for values in TYPED_VALUES.values() for value in values} | {"", " "})
PLACEHOLDERS = list(TYPED_VALUES)
symptom_parts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(PLACEHOLDERS)), min_size=1, max_size=6
)


@st.composite
def symptoms(draw: st.DrawFn) -> str:
    parts = draw(symptom_parts)
    seps = draw(
        st.lists(
            st.sampled_from([" ", " ", "  ", "", "\t"]), min_size=len(parts), max_size=len(parts)
        )
    )
    body = "".join(p + s for p, s in zip(parts, seps, strict=True)).strip()
    return draw(st.sampled_from(HEADS)) + body


@st.composite
def instance(draw: st.DrawFn, symptom: str) -> str:
    """The symptom with values in place of its placeholders, maybe altered a little."""
    text = symptom
    for placeholder in PLACEHOLDERS:
        while placeholder in text:
            pool = TYPED_VALUES[placeholder] if draw(st.integers(0, 4)) else VALUES
            text = text.replace(placeholder, draw(st.sampled_from(pool)), 1)
    change = draw(
        st.sampled_from(["none", "none", "none", "case", "drop", "wrap", "space", "head"])
    )
    words = text.split(" ")
    if change == "case":
        text = text.swapcase()
    elif change == "drop" and len(words) > 1:
        del words[draw(st.integers(0, len(words) - 1))]
        text = " ".join(words)
    elif change == "wrap" and len(words) > 1:
        cut = draw(st.integers(1, len(words) - 1))
        text = " ".join(words[:cut]) + "\n" + " ".join(words[cut:])
    elif change == "space":
        text = text.replace(" ", draw(st.sampled_from(["\t", "   ", "\u00a0", " \t "])))
    elif change == "head":
        text = "sqlalchemy.exc." + text if ":" in text else "ValueError: " + text
    return text


def encoded(text: str, form: str) -> str:
    if form == "json":
        return '{"level": "error", "msg": ' + json.dumps(text) + "}"
    if form == "json-utf8":
        return '{"msg": ' + json.dumps(text, ensure_ascii=False) + "}"
    if form == "go-json":
        escaped = (
            json.dumps(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        )
        return '{"msg":' + escaped + "}"
    if form == "xml":
        return '<failure message="' + html.escape(text, quote=True).replace("\n", "&#10;") + '">'
    return text


JUNK = st.one_of(
    st.text(max_size=30),
    st.binary(max_size=30).map(lambda b: b.decode("latin-1")),
    st.sampled_from(["", "ERROR ", "2024-01-01 12:00:00 ", "\x1b[31m", "\x00", "E   "]),
)


@st.composite
def logs(draw: st.DrawFn, symptom_list: list[str]) -> bytes:
    lines: list[bytes] = []
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            text = draw(instance(draw(st.sampled_from(symptom_list))))
            text = encoded(
                text,
                draw(st.sampled_from(["plain", "plain", "json", "json-utf8", "go-json", "xml"])),
            )
        else:
            text = ""
        line = draw(JUNK) + text + draw(JUNK)
        data = line.encode("utf-8", "surrogatepass")
        if draw(st.booleans()):
            data += draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\r", b"\x80abc"]))
        lines.append(data + draw(st.sampled_from([b"\n", b"\r\n", b"\n"])))
    if draw(st.booleans()):
        lines[-1] = lines[-1].rstrip(b"\r\n")
    return b"".join(lines)


@settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_engines_agree_on_generated_symptoms_and_lines(data: st.DataObject) -> None:
    symptom_list = data.draw(st.lists(symptoms(), min_size=1, max_size=3, unique=True))
    try:
        rulesets = compile_both(symptom_list)
    except SignatureError:
        return  # e.g. only placeholders: the loader refuses it, nothing to compare
    log = data.draw(logs(symptom_list))
    results = scan_both(rulesets, log, events="lines")
    assert results["hyperscan"] == results["pure"]
    assert summary(matcher.scan_text(rulesets["pure"], log)) == summary(
        matcher.scan_text(rulesets["hyperscan"], log)
    )


@pytest.mark.parametrize(
    ("symptom", "line"),
    [
        ('duplicate key "ix_users_email"', '{"m": "duplicate key \\u0022ix_users_email\\u0022"}'),
        ("connection refused", '{"m": "worker:\\nconnection refused"}'),
        ("a b failed", "a\u00a0b failed"),
        ("a b failed", "a\u3000b failed"),
        ("user <w:word> failed", "user \u00f1and\u00fa failed"),
        ("took <n:num> ms", "took 1e3 ms"),
        ("\u00fcberfall passiert", "x \u00fcberfall passiert"),
        ("\u00fcberfall passiert", '{"m": "\\u00fcberfall passiert"}'),
        ("a -> b failed", '{"m": "a -\\u003e b failed"}'),
        ("name <q:quoted> taken", '{"m": "name \\"bob\\" taken"}'),
        ("R&D <x> failed", '<e m="R&amp;D 5 failed"/>'),
        ("emoji \U0001f600 sent", '{"m": "emoji \\ud83d\\ude00 sent"}'),
    ],
)
def test_engines_agree_on_escapes_and_unicode(symptom: str, line: str) -> None:
    """Cases the property test found or might miss: each one matches, with both engines."""
    rulesets = compile_both([symptom])
    results = scan_both(rulesets, line.encode())
    assert results["hyperscan"] == results["pure"]
    assert [r[0] for r in results["pure"]] == [1]


@pytest.mark.parametrize(
    ("regex", "line"),
    [
        (r"worker \d+ died$", "worker 3 died\r"),
        (r"^panic: \w+", "panic: fatal"),
        (r"(?i)connection REFUSED", "Connection refused"),
        (r"open \"[^\"]+\" failed", '{"m": "open \\"x\\" failed"}'),
        (r"user \w+ gone", "user \u00f1and\u00fa gone"),
        (r"a\sb failed", "a\u00a0b failed"),
        (r"(\w+) again \1", "ab again ab"),
    ],
)
def test_engines_agree_on_regex_symptoms(regex: str, line: str) -> None:
    rulesets = compile_both([{"regex": regex}])
    data = f"first line\n{line}\nlast line\n".encode()
    results = scan_both(rulesets, data)
    assert results["hyperscan"] == results["pure"]
    assert [r[0] for r in results["pure"]] == [2]


# -- the benchmark corpus ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gen_corpus() -> Any:
    if not (BENCH / "gen_corpus.py").is_file():
        pytest.skip(f"{BENCH}/gen_corpus.py is not here")
    sys.path.insert(0, str(BENCH))
    try:
        import gen_corpus
    finally:
        sys.path.remove(str(BENCH))
    return gen_corpus


def corpus(gen_corpus: Any, rate: float) -> tuple[list[str], bytes, set[tuple[int, int]]]:
    symptoms_file = BENCH / "symptoms" / "symptoms-100.txt"
    args = Namespace(size_mb=2, seed=1, symptoms=str(symptoms_file), rate=rate, near_miss_rate=None)
    log, truth = io.BytesIO(), io.StringIO()
    gen_corpus.generate(args, log, truth)
    rows = {(int(a), int(b)) for a, b in (row.split("\t") for row in truth.getvalue().splitlines())}
    return gen_corpus.load_symptoms(str(symptoms_file)), log.getvalue(), rows


@pytest.mark.parametrize("rate", [0.001, 0.02])
def test_engines_agree_with_the_corpus_truth(gen_corpus: Any, rate: float) -> None:
    """Each symptom as ``{regex: symptom_to_regex(s)}``: the findings are the truth, exactly."""
    symptoms, log, truth = corpus(gen_corpus, rate)
    rulesets = compile_both([{"regex": gen_corpus.symptom_to_regex(s)} for s in symptoms])
    results = scan_both(rulesets, log, events="lines")
    assert results["hyperscan"] == results["pure"]
    found = {(line, int(sig_id[1:])) for line, sig_id, *_ in results["pure"]}
    assert len(truth) > 20
    assert found == truth


def test_engines_agree_on_the_corpus_with_text_symptoms(gen_corpus: Any) -> None:
    """The same symptoms as written (placeholders are tokens, classes optional…)."""
    symptoms, log, _ = corpus(gen_corpus, 0.02)
    rulesets = compile_both(symptoms, skip_invalid=True)
    assert len(rulesets["pure"].signatures) > 90
    results = scan_both(rulesets, log, events="lines")
    assert results["hyperscan"] == results["pure"]
    assert len(results["pure"]) > 100


# -- logs in envelopes (issue #12) ------------------------------------------------------------

ENVELOPES = Path(__file__).resolve().parent / "data" / "envelopes"
ENVELOPE_SYMPTOMS = [
    "UNIQUE constraint failed: users.email",
    'quota lookup failed for tenant "<name>"',
    'duplicate key value violates unique constraint "ix_users_email"',
    "spool worker stopped",
    "Cannot read properties of undefined (reading '<name>')",
    "AssertionError: <any>",
]


@pytest.mark.parametrize(
    "sample",
    sorted(p.name for p in ENVELOPES.iterdir() if p.suffix in (".log", ".json")),
)
def test_engines_agree_on_every_envelope(sample: str) -> None:
    found = {}
    for engine, r in compile_both(ENVELOPE_SYMPTOMS).items():
        findings = list(matcher.scan_file(r, ENVELOPES / sample))
        extra = [(f.fields, f.raw_span, f.event_lines, f.decoded) for f in findings]
        found[engine] = list(zip(summary(findings), extra, strict=True))
    assert found["hyperscan"] == found["pure"]
    if sample in ("cri.log", "docker-json.log", "compose.log", "journal-json.json"):
        assert found["pure"]
