"""Envelopes: recognised on the first lines, taken off, streams kept apart, spans mapped back.

The samples in tests/data/envelopes/ are real output (journald, rsyslog, python-json-logger,
pino) or real application output wrapped from the formats' specifications
(tools/envelopes/make_samples.sh); the bare logs they wrap are the expectations.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.envelopes.detect import DETECT_LINES
from matcher.envelopes.unwrap import (
    DESCRIPTIONS,
    ENVELOPES,
    MAX_RECORD_BYTES,
    NAMES,
    Record,
    Unwrapper,
    detect,
    resolve,
    unwrap,
)
from matcher.text import decode_line

DATA = Path(__file__).parent / "data"
SAMPLES = DATA / "envelopes"
EVENTS = DATA / "events"
API = "api-7d9f8c5b6-x2kqp/api"


def physical(path: Path) -> list[bytes]:
    lines = path.read_bytes().split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    return lines


def records(name: str, envelope: str = "auto", **options: object) -> list[Record]:
    return list(unwrap(enumerate(physical(SAMPLES / name), 1), envelope, **options))  # type: ignore[arg-type]


def by_stream(recs: list[Record]) -> dict[str, list[bytes]]:
    out: dict[str, list[bytes]] = {}
    for rec in recs:
        out.setdefault(rec.stream, []).extend(rec.lines)
    return out


def bare(path: Path) -> list[bytes]:
    return [line.removesuffix(b"\r") for line in physical(path)]


PYTHON = bare(EVENTS / "python-traces.log")
JAVA = bare(EVENTS / "java-trace.log")
JOB = bare(EVENTS / "pytest-params.log")
APP = bare(SAMPLES / "app.log")


@pytest.mark.parametrize(
    ("sample", "name"),
    [
        ("cri.log", "cri"),
        ("docker-json.log", "docker"),
        ("docker-real.log", "docker"),
        ("docker-tty.log", "docker"),
        ("compose-real.log", "compose"),
        ("compose-real-colour.log", "compose"),
        ("compose.log", "compose"),
        ("compose-colour.log", "compose"),
        ("kubectl-prefix.log", "kubectl"),
        ("stern.log", "stern"),
        ("journal-short.log", "syslog"),
        ("journal-short-iso.log", "syslog"),
        ("journal-short-precise.log", "syslog"),
        ("journal-json.json", "journal-json"),
        ("syslog-traditional.log", "syslog"),
        ("syslog-fileformat.log", "syslog"),
        ("syslog-rfc5424.log", "rfc5424"),
        ("github-actions.log", "github"),
        ("gitlab.log", "gitlab"),
        ("app.log", "none"),
        ("app-json.log", "none"),
    ],
)
def test_each_envelope_is_recognised_from_the_first_lines(sample: str, name: str) -> None:
    lines = physical(SAMPLES / sample)
    assert detect(lines[:8]) == name
    unwrapper = Unwrapper()
    for number, raw in enumerate(lines, 1):
        unwrapper.feed(number, raw)
    unwrapper.flush()  # decides on what it has when the source is shorter than the sample
    assert unwrapper.envelope == name


def test_plain_logs_and_application_timestamps_are_no_envelope() -> None:
    for path in (EVENTS / "python-traces.log", EVENTS / "go-panic.log", EVENTS / "java-trace.log"):
        assert detect(physical(path)) == "none"
    # an application's own ISO timestamps (3 or 6 digits) are not kubectl's --timestamps
    own = [b"2026-11-27T02:18:48.704Z INFO started", b"2026-11-27T02:18:48.705Z ERROR failed"]
    assert detect(own) == "none"
    assert detect([b"2026-11-27T00:11:11.123456789Z started"]) == "kubectl"


def test_the_envelope_is_locked_in_after_the_first_lines() -> None:
    cri = physical(SAMPLES / "cri.log")[:40]
    later = [b"a plain line", physical(SAMPLES / "docker-json.log")[0]]
    unwrapper = Unwrapper()
    first = [r for n, raw in enumerate(cri[:DETECT_LINES], 1) for r in unwrapper.feed(n, raw)]
    assert unwrapper.envelope == "cri" and first  # decided once the sample is full
    recs = list(unwrap(enumerate(cri + later, 1)))
    assert {r.envelope for r in recs} == {"cri"}
    tail = [r for r in recs if r.first_line > len(cri)]
    assert [r.lines[0] for r in tail] == later  # read as plain text, not re-detected
    assert {r.stream for r in tail} == {""}


def test_none_keeps_every_line_as_it_is() -> None:
    lines = physical(SAMPLES / "cri.log")
    recs = records("cri.log", "none")
    assert [r.lines for r in recs] == [(line,) for line in lines]
    assert [r.first_line for r in recs] == list(range(1, len(lines) + 1))


def test_a_forced_envelope_wins_over_detection() -> None:
    docker = physical(SAMPLES / "docker-json.log")[:4]
    lines = [b"plain text before the container's log"] * 40 + docker
    assert {r.envelope for r in unwrap(enumerate(lines, 1))} == {"none"}
    forced = list(unwrap(enumerate(lines, 1), "json-file"))
    assert forced[-1].envelope == "docker"
    assert forced[-1].lines == (APP[1],)


def test_every_name_is_described() -> None:
    assert set(DESCRIPTIONS) == set(NAMES)


def test_crlf_files_and_stern_timestamps() -> None:
    crlf = [line + b"\r" for line in physical(SAMPLES / "cri.log")[:6]]
    crlf.append(b"2026-11-27T00:11:11.1Z stdout F\r")
    recs = list(unwrap(enumerate(crlf, 1)))
    assert recs[0].envelope == "cri" and recs[-1].lines == (b"",)
    assert by_stream(recs[:6]) == {"stderr": PYTHON[:3], "stdout": APP[:3]}
    stern = b"api-7d9f8c5b6-x2kqp api 2026-11-27T00:11:11.123456789Z Traceback (most recent"
    (rec,) = unwrap([(1, stern)], "stern")
    assert rec.lines == (b"Traceback (most recent",)
    assert rec.fields["time"] == "2026-11-27T00:11:11.123456789Z"


def test_unknown_names_are_refused_and_aliases_resolve() -> None:
    assert resolve("rfc3164") == "syslog"
    assert resolve("containerd") == "cri"
    with pytest.raises(ValueError, match="unknown envelope 'podman'"):
        Unwrapper("podman")


@pytest.mark.parametrize(
    ("sample", "streams"),
    [
        ("compose.log", {"api-1": PYTHON, "worker-1": JAVA}),
        ("compose-colour.log", {"api-1": PYTHON, "worker-1": JAVA}),
        ("kubectl-prefix.log", {API: PYTHON, "worker-0/worker": JAVA}),
        ("stern.log", {API: PYTHON, "worker-0/worker": JAVA}),
        ("cri.log", {"stderr": PYTHON, "stdout": APP}),
        ("docker-json.log", {"stderr": PYTHON, "stdout": APP}),
    ],
)
def test_interleaved_writers_come_apart_as_their_bare_logs(
    sample: str, streams: dict[str, list[bytes]]
) -> None:
    assert by_stream(records(sample)) == streams


def test_real_docker_json_file_log() -> None:
    # dockerd's own file; ``docker logs`` gives each stream bare (partial records joined)
    streams = by_stream(records("docker-real.log"))
    assert streams == {
        "stdout": bare(SAMPLES / "docker-real.stdout"),
        "stderr": bare(SAMPLES / "docker-real.stderr"),
    }
    long = [r for r in records("docker-real.log") if r.last_line > r.first_line]
    assert len(long) == 1 and len(long[0].lines[0]) > 16 * 1024  # split by docker at 16 KiB
    tty = records("docker-tty.log")  # a container with a terminal: CRLF in every ``log``
    assert b"\\r\\n" in SAMPLES.joinpath("docker-tty.log").read_bytes()
    assert [r.lines[0] for r in tty][2] == TRACEBACK[0]  # the first line of the first traceback
    assert not any(line.endswith(b"\r") for r in tty for line in r.lines)


@pytest.mark.parametrize("sample", ["compose-real.log", "compose-real-colour.log"])
def test_real_docker_compose_output(sample: str) -> None:
    # docker-compose 1.29 ``up`` and ``logs`` (on a terminal: colours, CRLF); docker logs of
    # each container is the bare truth
    recs = records(sample)
    assert {r.envelope for r in recs} == {"compose"}
    streams = by_stream(recs)
    assert streams["api_1"] == bare(SAMPLES / "compose-real.api")
    assert streams["worker_1"] == bare(SAMPLES / "compose-real.worker")
    assert streams[""][0].startswith(b"Attaching to envelopes_")  # compose's own line


@pytest.mark.parametrize("sample", ["cri.log", "docker-json.log"])
def test_a_line_split_into_partial_records_is_one_record(sample: str) -> None:
    long_line = max(APP, key=len)
    assert len(long_line) > 16 * 1024
    (rec,) = [r for r in records(sample) if r.lines == (long_line,)]
    assert rec.last_line - rec.first_line >= 2  # the other stream's lines fall in between
    raw = physical(SAMPLES / sample)
    # a symptom that straddles the split is in the record, and in no physical line
    cut = 16 * 1024
    symptom = long_line[cut - 10 : cut + 10]
    assert symptom in rec.lines[0]
    assert not any(symptom in line for line in raw)
    start = rec.lines[0].index(symptom)
    span = rec.raw_span(0, start, start + len(symptom))
    assert span.first_line < span.last_line  # the span runs from one record into the next
    for j, char in enumerate(symptom.decode()):  # and each character maps to itself
        one = rec.raw_span(0, start + j, start + j + 1)
        assert one.first_line == one.last_line
        assert decode_line(raw[one.first_line - 1])[one.start : one.end] == char
    first = rec.raw_span(0, start, start + 1)
    last = rec.raw_span(0, start + len(symptom) - 1, start + len(symptom))
    assert (first.first_line, first.start) == (span.first_line, span.start)
    assert (last.last_line, last.end) == (span.last_line, span.end)


def test_envelope_fields_are_kept() -> None:
    cri = records("cri.log")[0]
    assert cri.fields == {"stream": "stderr", "time": "2026-11-27T00:11:11.000000000Z"}
    kubectl = records("kubectl-prefix.log")[1]
    assert kubectl.fields["pod"] == "worker-0" and kubectl.fields["container"] == "worker"
    assert kubectl.fields["time"].endswith("Z")
    assert records("compose.log")[0].fields == {"service": "api-1"}
    journal = records("journal-json.json")[-1]
    assert journal.fields["host"] == "vm" and journal.fields["unit"] == "envelopes-worker"
    assert journal.fields["pid"].isdigit() and journal.fields["time"].endswith("Z")
    syslog = records("syslog-rfc5424.log")[0]
    assert syslog.fields["unit"] == "api" and syslog.fields["host"] == "vm"
    assert syslog.stream == f"vm/api[{syslog.fields['pid']}]"


@pytest.mark.parametrize(
    "sample", ["journal-short.log", "journal-short-iso.log", "journal-short-precise.log"]
)
def test_journalctl_short_formats(sample: str) -> None:
    streams = {k.split("[")[0]: v for k, v in by_stream(records(sample)).items()}
    assert streams["vm/envelopes-api"] == [line for line in APP if line and len(line) < 1000]
    # a multi-line MESSAGE: journalctl indents its continuation lines; they are one record
    crash = next(r for r in records(sample) if r.lines[0].startswith(b"worker "))
    assert crash.lines[1:] == tuple(TRACEBACK)
    assert crash.last_line - crash.first_line == len(TRACEBACK)


TRACEBACK = APP[APP.index(b"Traceback (most recent call last):") :][:4]


def test_journal_json_multiline_and_byte_array_messages() -> None:
    recs = records("journal-json.json")
    crash, latin = recs[-2], recs[-1]
    assert crash.lines[1:] == tuple(TRACEBACK) and crash.decoded == "json"
    assert latin.lines == (b"bad bytes in name: caf\xe9 \xff (latin-1 input)",)
    assert latin.decoded == "bytes"


@pytest.mark.parametrize(
    "sample", ["syslog-traditional.log", "syslog-fileformat.log", "syslog-rfc5424.log"]
)
def test_rsyslog_formats(sample: str) -> None:
    streams = list(by_stream(records(sample)).values())
    expected = [line for line in APP if len(line) < 1000]
    assert streams[0] == expected  # logged as RFC 3164
    # logged as RFC 5424: rsyslog itself drops a space from indented lines in these templates
    assert [line.strip() for line in streams[1]] == [line.strip() for line in expected]
    # one message holding a traceback: rsyslog escaped its newlines as #012
    crash = next(r for r in records(sample) if r.lines[0].startswith(b"worker crashed"))
    assert crash.lines == (b"worker crashed: " + TRACEBACK[0], *TRACEBACK[1:])
    assert crash.decoded == "octal" and crash.first_line == crash.last_line


def test_github_actions_log() -> None:
    recs = records("github-actions.log")
    assert recs[0].lines == (b"Run python -m pytest tools/events/pytest_suite",)  # ##[group]
    assert recs[1].lines == ()  # ##[endgroup]: a marker, no payload
    assert [line for r in recs[2:-1] for line in r.lines] == JOB
    assert recs[-1].lines == (b"##[error]Process completed with exit code 1.",)


def test_gitlab_log() -> None:
    recs = records("gitlab.log")
    payload = [line for r in recs for line in r.lines]
    assert payload[0] == b"Running with gitlab-runner 17.5.0 (abcdef12)"
    assert payload[1] == b'Executing "step_script" stage of the job script'
    assert payload[2:-1] == JOB  # split lines (``+``) joined, colours gone
    assert payload[-1] == b"ERROR: Job failed: exit code 1"
    assert any(r.lines == () for r in recs)  # section_end
    assert not any(b"\x1b" in line or b"section_" in line for line in payload)


def test_ansi_colours_are_taken_off() -> None:
    raw = SAMPLES.joinpath("compose-colour.log").read_bytes()
    assert b"\x1b[" in raw
    assert not any(b"\x1b" in line for r in records("compose-colour.log") for line in r.lines)


WORD = re.compile(r"[^\W_]+")


def check_spans(recs: list[Record], raw: list[bytes]) -> int:
    """Every word of every payload line maps back to where it is in the raw line."""
    checked = 0
    for rec in recs:
        if rec.decoded == "bytes":  # journald's array of bytes maps as a whole
            continue
        for i in range(len(rec.lines)):
            for m in WORD.finditer(rec.text(i)):
                span = rec.raw_span(i, *m.span())
                if span.first_line != span.last_line:
                    continue
                written = decode_line(raw[span.first_line - 1])[span.start : span.end]
                decoded = json.loads(f'"{written}"') if rec.decoded == "json" else written
                assert decoded == m.group(0), (rec.first_line, i, m.group(0), written)
                checked += 1
    return checked


@pytest.mark.parametrize(
    "sample",
    [
        *("docker-json.log", "journal-json.json", "app-json.log", "pino.log", "gitlab.log"),
        *("compose-colour.log", "cri.log", "journal-short.log", "syslog-rfc5424.log"),
        *("kubectl-prefix.log", "app-logfmt.log", "docker-real.log", "compose-real-colour.log"),
    ],
)
def test_payload_spans_map_back_to_the_raw_line(sample: str) -> None:
    assert check_spans(records(sample), physical(SAMPLES / sample)) > 50


def test_escapes_shift_spans_exactly() -> None:
    line = (
        b'{"log":"say \\"caf\\u00e9\\"\\tthen \\u001b[31mboom\\u001b[0m here\\n",'
        b'"stream":"stderr","time":"t"}'
    )
    (rec,) = unwrap([(7, line)], "docker")
    text = rec.text(0)
    assert text == 'say "café"\tthen boom here'
    for word in ("café", "then", "boom", "here"):
        start = text.index(word)
        span = rec.raw_span(0, start, start + len(word))
        assert span.first_line == span.last_line == 7
        assert json.loads(f'"{line.decode()[span.start : span.end]}"') == word


def test_a_json_record_inside_a_container_log_maps_through_both() -> None:
    pino = physical(SAMPLES / "pino.log")
    wrapped = [
        json.dumps({"log": p.decode() + "\n", "stream": "stdout", "time": "t"}, **spacing).encode()
        for p, spacing in zip(pino, ({"separators": (",", ":")}, {}, {}), strict=True)
    ]  # docker's own spacing, and the spacing of a collector that re-encoded the record
    recs = list(unwrap(enumerate(wrapped, 1), "docker", "json"))
    error = next(r for r in recs if len(r.lines) > 1)
    assert error.lines[0] == b'request failed for tenant "acme"'
    assert error.lines[2].startswith(b"TypeError: Cannot read properties of undefined")
    assert error.fields["level"] == "50"
    text = error.text(0)
    span = error.raw_span(0, text.index("acme"), text.index("acme") + 4)
    assert wrapped[1].decode()[span.start : span.end] == "acme"


def test_a_multiline_field_becomes_payload_lines() -> None:
    recs = records("app-json.log")
    error = recs[1]
    assert error.lines[0] == b"could not create user ada@example.org"
    assert error.lines[1:] == tuple(TRACEBACK)
    assert error.fields["level"] == "ERROR"  # python-json-logger's ``levelname``
    sample = physical(DATA.parent.parent / "sample_logs" / "app-json.log")
    (rec,) = unwrap([(9, sample[8])])
    assert rec.lines[0] == b"could not create user reimport-0001"
    assert rec.lines[2] == b"DETAIL:  Key (email)=(lwhite@example.com) already exists."
    assert rec.fields["level"] == "error"


def test_a_chosen_field_replaces_the_usual_ones() -> None:
    sample = physical(DATA.parent.parent / "sample_logs" / "app-json.log")
    (rec,) = unwrap([(9, sample[8])], structure="json", fields=("exc_type",))
    assert rec.lines == (b"sqlalchemy.exc.IntegrityError",)


def test_plain_lines_among_json_lines_are_read_as_plain_text() -> None:
    json_lines = physical(SAMPLES / "app-json.log")
    lines = [*json_lines, b"Traceback (most recent call last):", b'  File "x.py", line 1']
    recs = list(unwrap(enumerate(lines, 1)))
    assert recs[-2].lines == (lines[-2],) and recs[-1].lines == (lines[-1],)
    assert recs[-1].decoded is None


def test_logfmt_records_of_a_real_logger() -> None:
    recs = records("app-logfmt.log")  # logfmter, the same app as app.log
    assert {r.envelope for r in recs} == {"none"}
    assert recs[1].lines == (b"could not create user ada@example.org", *TRACEBACK)
    assert recs[1].fields == {"level": "ERROR"} and recs[1].decoded == "json"
    assert recs[0].decoded is None  # quoted, but nothing escaped: the payload is the raw text
    chained = recs[2].lines
    assert chained[-1] == b'RuntimeError: quota lookup failed for tenant "acme" (caf\xc3\xa9)'


def test_logfmt_records() -> None:
    # the shape Go's log/slog TextHandler writes
    line = (
        b'time=2026-11-27T00:11:11.000Z level=ERROR msg="request failed" '
        b'err="dial tcp 10.0.0.7:5432: connect: connection refused\\nretry 3"'
    )
    (rec,) = unwrap([(1, line)], "logfmt")
    assert rec.lines == (
        b"request failed",
        b"dial tcp 10.0.0.7:5432: connect: connection refused",
        b"retry 3",
    )
    assert rec.fields == {"time": "2026-11-27T00:11:11.000Z", "level": "ERROR"}
    span = rec.raw_span(1, 0, 8)
    assert line.decode()[span.start : span.end] == "dial tcp"


def test_a_partial_line_is_capped_and_says_so() -> None:
    part = b"x" * 16384
    lines = [b"2026-11-27T00:11:11.1Z stdout P " + part for _ in range(80)]
    lines.append(b"2026-11-27T00:11:11.1Z stdout F  ERROR the end")
    (rec,) = unwrap(enumerate(lines, 1), "cri")
    assert rec.truncated and rec.complete
    assert len(rec.lines[0]) == MAX_RECORD_BYTES
    assert (rec.first_line, rec.last_line) == (1, 81)
    assert rec.source is not None and len(rec.source.segments) <= 70  # memory stays bounded
    (small,) = unwrap(enumerate(lines, 1), "cri", max_bytes=1000)
    assert small.truncated and len(small.lines[0]) == 1000 and len(small.source.segments) == 1


def test_empty_lines_and_journal_markers() -> None:
    cri = [b"2026-11-27T00:11:11.1Z stdout F", b"2026-11-27T00:11:11.2Z stdout F "]
    assert [r.lines for r in unwrap(enumerate(cri, 1))] == [(b"",), (b"",)]
    short = physical(SAMPLES / "journal-short.log")
    lines = [short[0], b"-- Boot 0e5970ea3974457bb76bed2abc81627a --", *short[1:]]
    recs = list(unwrap(enumerate(lines, 1)))
    assert {r.envelope for r in recs} == {"syslog"}
    boot = next(r for r in recs if r.first_line == 2)
    assert boot.lines == (lines[1],) and boot.stream == ""


def test_a_quiet_live_input_lets_out_what_is_complete() -> None:
    unwrapper = Unwrapper()
    lines = physical(SAMPLES / "cri.log")
    partial = next(i for i, line in enumerate(lines) if b" P " in line)  # its 0-based index

    def feed(first: int, last: int) -> list[Record]:
        return [r for n in range(first, last + 1) for r in unwrapper.feed(n, lines[n - 1])]

    assert feed(1, 5) == []  # still deciding: fewer lines than the sample
    assert len(unwrapper.flush(final=False)) == 5 and unwrapper.envelope == "cri"
    out = feed(6, partial + 1) + unwrapper.flush(final=False)
    assert partial + 1 not in {r.first_line for r in out}  # the partial line stays open
    rest = feed(partial + 2, len(lines)) + unwrapper.flush()
    (joined,) = [r for r in rest if r.first_line == partial + 1]
    assert joined.lines == (max(APP, key=len),) and joined.complete


def test_a_long_run_of_blank_lines_does_not_hold_detection_back() -> None:
    unwrapper = Unwrapper()
    blank = b" " * 1023  # whitespace only: not a sampled line, but its bytes count
    out = [r for n in range(1, 1024) for r in unwrapper.feed(n, blank)]
    assert out == [] and unwrapper.envelope is None
    assert len(unwrapper.feed(1024, blank)) == 1024  # decided at 1 MiB
    assert unwrapper.envelope == "none"


def test_the_input_ending_inside_a_partial_line() -> None:
    line = b'{"log":"no newline yet","stream":"stdout","time":"t"}'
    (rec,) = unwrap([(1, line)], "docker")
    assert rec.lines == (b"no newline yet",) and not rec.complete


def test_held_streams_are_bounded() -> None:
    unwrapper = Unwrapper("syslog")
    out = []
    for pid in range(3000):
        out += unwrapper.feed(pid + 1, b"Nov 27 00:11:11 web1 app[%d]: line" % pid)
    assert len(out) >= 3000 - 1024
    assert len(out) + len(unwrapper.flush()) == 3000


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.binary(max_size=120), max_size=30),
    st.sampled_from(["auto", "none", *ENVELOPES, "json", "logfmt"]),
)
def test_garbage_never_crashes_and_no_line_is_lost(lines: list[bytes], envelope: str) -> None:
    lines = [line.replace(b"\n", b"") for line in lines]
    recs = list(unwrap(enumerate(lines, 1), envelope))
    covered = {n for r in recs for n in range(r.first_line, r.last_line + 1)}
    assert covered >= set(range(1, len(lines) + 1))
    for rec in recs:
        for i in range(len(rec.lines)):
            rec.raw_span(i, 0, len(rec.text(i)))
