"""Scanning logs in their envelopes (issue #12): each real sample gives what its bare log gives,
streams kept apart, the file's line numbers, spans mapped back to the raw line, partial records
joined, and the CLI's ``--envelope`` / ``--field``. Samples: tests/data/envelopes/README.md."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import matcher
from matcher.engine.scanner import ScanStats
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset
from matcher.rules.signatures import parse_signature_texts
from matcher.sources.scan import scan_file, scan_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ENV = DATA / "envelopes"
EVENTS = DATA / "events"
PY, JAVA, APP = EVENTS / "python-traces.log", EVENTS / "java-trace.log", ENV / "app.log"

HEAD = "title: t\nseverity: high\nresolution: r\n"
# ``all`` across a traceback: fires only when the whole traceback is one event.
SIGNATURES = {
    "UNIQ": "symptoms:\n  all: ['UNIQUE constraint failed: users.email', "
    "'Traceback (most recent call last):']\n",
    "QUOTA": "symptoms: ['quota lookup failed for tenant \"acme\"']\n",
    "JDUP": "symptoms:\n  all: ['duplicate key value violates unique constraint "
    "\"ix_users_email\"', 'request failed: POST /api/users']\n",
    "SPOOL": "symptoms: ['spool worker stopped']\n",
}
# Each sample and the bare logs its writers wrote (README there): same findings expected.
SAME_AS_BARE = {
    "cri.log": [PY, APP],
    "docker-json.log": [PY, APP],
    "compose.log": [PY, JAVA],
    "compose-colour.log": [PY, JAVA],
    "kubectl-prefix.log": [PY, JAVA],
    "stern.log": [PY, JAVA],
    "docker-real.log": [ENV / "docker-real.stdout", ENV / "docker-real.stderr"],
    "docker-tty.log": [APP],
    "compose-real.log": [ENV / "compose-real.api", ENV / "compose-real.worker"],
    "compose-real-colour.log": [ENV / "compose-real.api", ENV / "compose-real.worker"],
}


def ruleset(unknown: bool = True) -> Ruleset:
    texts = [(f"{k}.yml", f"id: {k}\n{HEAD}{v}") for k, v in SIGNATURES.items()]
    return matcher.compile_ruleset(parse_signature_texts(texts), unknown=unknown)


def scan(path: Path, unknown: bool = True, **options: Any) -> tuple[list[Finding], ScanStats]:
    stats = ScanStats()
    found = list(scan_file(ruleset(unknown), path, unknown=unknown, stats=stats, **options))
    return found, stats


def essence(findings: list[Finding]) -> Counter[tuple[object, ...]]:
    """What must not change with the envelope: incident, text, event and matched-line counts."""
    return Counter((f.signature.id, f.text, len(f.event), len(f.matched_lines)) for f in findings)


@pytest.mark.parametrize("unknowns", [True, False], ids=["unknown", "findings-only"])
@pytest.mark.parametrize("sample", sorted(SAME_AS_BARE))
def test_each_envelope_gives_what_its_bare_logs_give(sample: str, unknowns: bool) -> None:
    want: Counter[tuple[object, ...]] = Counter()
    unknown = 0
    for bare in SAME_AS_BARE[sample]:
        found, stats = scan(bare, unknowns, envelope="none")
        want += essence(found)
        unknown += len(stats.unknown)
    found, stats = scan(ENV / sample, unknowns)
    assert essence(found) == want
    assert len(stats.unknown) == unknown  # no unknown failure for an explained traceback
    if sample in ("cri.log", "docker-json.log"):
        assert {"UNIQ", "QUOTA"} <= {f.signature.id for f in found}
    if sample in ("compose.log", "kubectl-prefix.log"):
        assert {"UNIQ", "JDUP", "SPOOL"} <= {f.signature.id for f in found}


@pytest.mark.parametrize("sample", ["compose.log", "compose-colour.log", "kubectl-prefix.log"])
def test_interleaved_writers_are_two_events_with_the_right_lines(sample: str) -> None:
    raw = (ENV / sample).read_bytes().split(b"\n")
    found, _ = scan(ENV / sample)
    services = {b"api": "UNIQ", b"worker": "JDUP"}
    checked = set()
    for f in found:
        owner = raw[f.line - 1]
        # every line of the event and every matched line is the same writer's
        lines = f.event_lines or tuple(range(f.first_line, f.last_line + 1))
        for n in (*lines, *f.matched_lines):
            same = [name for name in services if name in raw[n - 1][:40]]
            assert same and all(name in owner[:40] for name in same), (f.signature.id, n)
        assert len(set(lines)) == len(f.event) > 3  # the whole traceback, one writer's lines
        checked.add(f.signature.id)
    assert {"UNIQ", "JDUP"} <= checked
    assert any(f.event_lines for f in found)  # some event's lines are not consecutive


@pytest.mark.parametrize("sample", ["cri.log", "docker-json.log", "docker-real.log"])
def test_line_numbers_and_spans_are_the_files(sample: str) -> None:
    raw = (ENV / sample).read_text(encoding="utf-8").split("\n")
    found, _ = scan(ENV / sample)
    assert found
    for f in found:
        assert f.raw_span is not None
        first, start, last, end = f.raw_span
        assert first == last == f.line
        written = raw[f.line - 1][start:end]
        if sample != "cri.log":  # JSON escapes as written, decoded
            written = json.loads(f'"{written}"')
        assert written == f.text[f.span[0] : f.span[1]]
        assert f.fields["stream"] in ("stdout", "stderr") and f.fields["time"].endswith("Z")


def test_a_match_after_an_escaped_newline_maps_back_exactly() -> None:
    message = "import failed\\nIntegrityError: UNIQUE constraint failed: users.email"
    log = '{"log":"' + message + '\\n","stream":"stderr","time":"2026-11-27T00:00:00.1Z"}\n'
    data = (log * 3).encode()
    sig = "symptoms: ['UNIQUE constraint failed: users.email']\n"
    rules = matcher.compile_ruleset(parse_signature_texts([("u.yml", f"id: U\n{HEAD}{sig}")]))
    found = scan_text(rules, data)
    assert [f.line for f in found] == [1, 2, 3]
    f = found[0]
    assert f.text == "IntegrityError: UNIQUE constraint failed: users.email"
    assert f.raw_span is not None
    _, start, _, end = f.raw_span
    assert log[start:end] == "UNIQUE constraint failed: users.email"  # not one char early
    assert f.decoded == "json"


def partial_log(kind: str) -> bytes:
    """A symptom cut in two partial records, the other stream's records in between."""
    head, tail = "ERROR x: UNIQUE constraint fa", "iled: users.email"
    out = []
    for stream, text, last in [
        ("stderr", head, False),
        ("stdout", "INFO other stream", True),
        ("stderr", tail, True),
        ("stdout", "INFO more", True),
    ]:
        if kind == "cri":
            tag = "F" if last else "P"
            out.append(f"2026-11-27T00:00:00.000000001Z {stream} {tag} {text}")
        else:
            log = text + ("\\n" if last else "")
            out.append(f'{{"log":"{log}","stream":"{stream}","time":"2026-11-27T00:00:00Z"}}')
    return ("\n".join(out * 2) + "\n").encode()


@pytest.mark.parametrize("kind", ["cri", "docker"])
def test_a_symptom_split_across_partial_records_is_matched_once(kind: str) -> None:
    sig = "symptoms: ['UNIQUE constraint failed: users.email']\n"
    rules = matcher.compile_ruleset(parse_signature_texts([("u.yml", f"id: U\n{HEAD}{sig}")]))
    found = scan_text(rules, partial_log(kind))
    assert [(f.line, f.text) for f in found] == [
        (1, "ERROR x: UNIQUE constraint failed: users.email"),
        (5, "ERROR x: UNIQUE constraint failed: users.email"),
    ]
    assert found[0].raw_span is not None and found[0].raw_span[0] == 1
    assert found[0].raw_span[2] == 3  # the match runs from the P record into the F record
    assert found[0].fields["stream"] == "stderr"


def test_a_traceback_in_a_json_field_is_one_event() -> None:
    found, stats = scan(ENV / "app-json.log")
    uniq = [f for f in found if f.signature.id == "UNIQ"]
    assert uniq and all(len(f.event) >= 4 for f in uniq)
    assert len(set(uniq[0].event_lines)) == 1  # one physical line holds the whole record
    assert not stats.unknown


def run_cli(*args: object) -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, "-m", "matcher", "scan", "-f", "json", "--fail-on", "never"]
        + [str(a) for a in args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture
def sigdir(tmp_path: Path) -> Path:
    for name, body in SIGNATURES.items():
        (tmp_path / f"{name}.yml").write_text(f"id: {name}\n{HEAD}{body}", encoding="utf-8")
    return tmp_path


def test_text_output_numbers_a_writers_own_lines(sigdir: Path) -> None:
    args = ["scan", "--color", "never", "-s", sigdir, ENV / "compose.log"]
    done = subprocess.run(
        [sys.executable, "-m", "matcher", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    raw = (ENV / "compose.log").read_text(encoding="utf-8").split("\n")
    block = done.stdout.split("JDUP")[1].split("resolution")[0].splitlines()[1:]
    rows = [row for row in block if " | " in row]
    numbered = [(int(row.split("|")[0].strip(" >")), row.split("| ", 1)[1]) for row in rows]
    assert numbered[0][0] == 4  # the event's first line: the worker's ERROR header
    for number, text in numbered:
        assert raw[number - 1].startswith("worker-1 | ")
        assert raw[number - 1].endswith(text.replace(">>>", "").replace("<<<", ""))


def test_cli_envelope_and_field(sigdir: Path, tmp_path: Path) -> None:
    auto = run_cli("-s", sigdir, ENV / "cri.log")
    forced = run_cli("-s", sigdir, "--envelope", "containerd", ENV / "cri.log")
    assert auto == forced and auto
    record = auto[0]
    assert record["fields"]["stream"] in ("stdout", "stderr")
    assert set(record["raw_span"]) == {"first_line", "start", "last_line", "end"}
    bare = run_cli("-s", sigdir, "--envelope", "none", ENV / "cri.log")
    assert all(r["text"].startswith("2026-11-27T") for r in bare)  # the line as it is
    log = tmp_path / "app.jsonl"
    log.write_text(
        '{"level":"error","detail":"spool worker stopped","msg":"flush"}\n' * 2, encoding="utf-8"
    )
    assert run_cli("-s", sigdir, log) == []  # msg is the message: detail is not read
    chosen = run_cli("-s", sigdir, "--field", "detail", log)
    assert [(r["incident"], r["text"], r["line"]) for r in chosen] == [
        ("SPOOL", "spool worker stopped", 1),
        ("SPOOL", "spool worker stopped", 2),
    ]


def test_a_line_longer_than_a_mebibyte_is_cut_and_the_rest_counted(tmp_path: Path) -> None:
    sig = "symptoms: ['UNIQUE constraint failed: users.email']\n"
    rules = matcher.compile_ruleset(parse_signature_texts([("u.yml", f"id: U\n{HEAD}{sig}")]))
    prefix = b"2026-11-27T00:00:00.000000001Z stderr F "
    match = prefix + b"ERROR UNIQUE constraint failed: users.email\n"
    path = tmp_path / "long.log"
    path.write_bytes(match * 40 + prefix + b"x" * (9 << 20) + b"\n" + match)
    found = list(scan_file(rules, path))
    assert [f.line for f in found] == [*range(1, 41), 42]
    assert found[-1].offset == path.stat().st_size - len(match)


@pytest.mark.parametrize(
    "log",
    sorted(ENV.glob("*.log")) + sorted((DATA / "loghub").glob("*.log")),
    ids=lambda p: p.name,
)
@pytest.mark.parametrize("symptom", ["Exception", "error"])
def test_a_broad_symptom_over_every_envelope_never_crashes(
    tmp_path: Path, log: Path, symptom: str
) -> None:
    # A run that meets a new writer (another syslog PID) after it began reported findings
    # raised NeedsLookback out of the scanner: every sample, one broad and one word symptom.
    sigs = tmp_path / "sigs"
    sigs.mkdir()
    (sigs / "e.yml").write_text(
        f'id: WORDS\ntitle: t\nseverity: low\nsymptoms: ["{symptom}"]\nresolution: r\n'
    )
    from click.testing import CliRunner

    from matcher.cli import cli

    done = CliRunner().invoke(cli, ["scan", "-q", "--no-cache", "-s", str(sigs), str(log)])
    assert done.exit_code in (0, 1), done.output
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
