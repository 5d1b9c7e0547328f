"""``matcher scan``: inputs, output formats, exit codes, and input that tries to break it."""

from __future__ import annotations

import gzip
import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import (
    EMAIL_LINE,
    INC_001,
    INC_002,
    POOL_LINE,
    QUIET_LINE,
    json_findings,
    run_cli,
    signature_fields,
    write_signature,
    write_text,
)

JSON_FIELDS = {
    "schema": str,
    "incident": str,
    "title": str,
    "severity": str,
    "source": str,
    "line": int,
    "text": str,
    "span": list,
    "captures": dict,
    "resolution": str,
    "truncated": bool,
}
SUMMARY = re.compile(
    r"^matcher: (\d+) finding\(s\).* in (\d+) line\(s\), (\d+) byte\(s\) from (\d+) source\(s\)$"
)


@pytest.fixture
def app_log(tmp_path: Path) -> Path:
    return write_text(
        tmp_path, "app.log", f"{QUIET_LINE}\n{POOL_LINE}\n{QUIET_LINE}\n{EMAIL_LINE}\n"
    )


def scan(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = run_cli(["scan", *args], input=input)
    return result.exit_code, result.stdout, result.stderr


# -- what a finding shows --------------------------------------------------------------------


def test_text_findings_show_source_line_incident_match_captures_resolution_runbook(
    core_signatures: Path, app_log: Path
) -> None:
    code, out, err = scan("-s", str(core_signatures), str(app_log))
    assert code == 1
    assert out == textwrap.dedent(
        f"""\
        {app_log}:2: INC-2024-001 [high] {INC_001["title"]}
            >>>{POOL_LINE.replace(" reached", " reached<<<")}
            captures: x=5 y=10
            resolution: Increased pool_size and max_overflow in create_engine.
            runbook: https://runbooks.example.com/db-pool
        {app_log}:4: INC-2024-002 [medium] {INC_002["title"]}
            ERROR:  >>>duplicate key value violates unique constraint "ix_users_email"<<<
            resolution: Retry user creation with new fake data on IntegrityError.
            runbook: docs/runbooks/seeding.md
        """
    )
    summary = SUMMARY.match(err.splitlines()[-1])
    assert summary is not None, err
    assert summary.groups() == ("2", "4", str(app_log.stat().st_size), "1")


def test_json_findings_one_object_per_line(core_signatures: Path, app_log: Path) -> None:
    code, out, _ = scan("-s", str(core_signatures), "--format", "json", str(app_log))
    assert code == 1
    findings = json_findings(out)
    assert len(out.splitlines()) == len(findings) == 2
    for finding in findings:
        for name, kind in JSON_FIELDS.items():
            assert isinstance(finding[name], kind), name
        assert finding["schema"] == "incident-matcher/finding/v1"
        assert finding["source"] == str(app_log)
        start, end = finding["span"]
        assert 0 <= start < end <= len(finding["text"])
        assert finding["truncated"] is False
    pool, email = findings
    assert (pool["incident"], pool["line"], pool["severity"]) == ("INC-2024-001", 2, "high")
    assert pool["text"] == POOL_LINE
    assert pool["captures"] == {"x": "5", "y": "10"}
    assert pool["resolution"] == "Increased pool_size and max_overflow in create_engine."
    assert pool["runbook"] == "https://runbooks.example.com/db-pool"
    assert (email["incident"], email["line"], email["severity"]) == ("INC-2024-002", 4, "medium")
    assert email["text"][email["span"][0] : email["span"][1]] == EMAIL_LINE[len("ERROR:  ") :]
    assert email["title"] == INC_002["title"]


def test_summary_goes_to_stderr_and_quiet_drops_it(core_signatures: Path, app_log: Path) -> None:
    _, out, err = scan("-s", str(core_signatures), "-f", "json", str(app_log))
    assert "finding(s)" not in out and SUMMARY.match(err.splitlines()[-1])
    _, _, quiet = scan("-s", str(core_signatures), "-q", str(app_log))
    assert quiet == ""


# -- inputs ----------------------------------------------------------------------------------


def test_stdin_when_no_path_or_dash(core_signatures: Path) -> None:
    for args in ([], ["-"]):
        code, out, _ = scan(
            "-s", str(core_signatures), "-f", "json", *args, input=f"x\n{EMAIL_LINE}\n"
        )
        assert code == 1
        assert [(f["source"], f["line"]) for f in json_findings(out)] == [("<stdin>", 2)]


def test_stdin_findings_arrive_while_the_input_is_still_open(core_signatures: Path) -> None:
    """``tail -f app.log | matcher scan --events lines``: no waiting for a full read buffer."""
    args = ["scan", "-s", str(core_signatures), "-q", "--events", "lines", "--color", "never"]
    child = subprocess.Popen(
        [sys.executable, "-m", "matcher", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert child.stdin is not None and child.stdout is not None
    with child.stdin, child.stdout:
        child.stdin.write(f"{QUIET_LINE}\n{EMAIL_LINE}\n".encode())
        child.stdin.flush()
        ready, _, _ = select.select([child.stdout], [], [], 30)
        assert ready, "no finding while stdin stays open"
        assert child.stdout.readline().startswith(b"<stdin>:2: INC-2024-002")
    child.wait(timeout=30)


def test_a_traceback_held_open_is_reported_once_stdin_goes_quiet(core_signatures: Path) -> None:
    """With events on, the last traceback waits for a line that may continue it; a pipe that
    stays quiet for the idle period releases it, before stdin is closed."""
    args = ["scan", "-s", str(core_signatures), "-q", "-f", "json"]
    child = subprocess.Popen(
        [sys.executable, "-m", "matcher", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert child.stdin is not None and child.stdout is not None
    traceback = (
        "2026-11-27 10:00:00,001 ERROR app: request failed\n"
        "Traceback (most recent call last):\n"
        '  File "app.py", line 3, in handler\n'
        "psycopg2.errors.UniqueViolation: "
        'duplicate key value violates unique constraint "ix_users_email"\n'
    )
    with child.stdin, child.stdout:
        child.stdin.write(traceback.encode())
        child.stdin.flush()
        ready, _, _ = select.select([child.stdout], [], [], 30)
        assert ready, "the open event was never flushed while stdin stayed open"
        finding = json.loads(child.stdout.readline())
        assert (finding["incident"], finding["first_line"], finding["line"]) == (
            "INC-2024-002",
            1,
            4,
        )
    child.wait(timeout=30)


def test_a_closed_stdin_is_an_unreadable_input(core_signatures: Path) -> None:
    script = 'exec "$0" -m matcher scan -s "$1" <&-'
    done = subprocess.run(
        ["sh", "-c", script, sys.executable, str(core_signatures)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 3
    assert "matcher: <stdin>: stdin is closed" in done.stderr.decode().splitlines()


def test_gzip_is_recognised_by_its_magic_bytes(core_signatures: Path, tmp_path: Path) -> None:
    plain = f"{QUIET_LINE}\n{EMAIL_LINE}\n".encode()
    (tmp_path / "rotated.log.gz").write_bytes(gzip.compress(plain))
    (tmp_path / "no-extension").write_bytes(
        gzip.compress(plain) + gzip.compress(f"{POOL_LINE}\n".encode())
    )
    code, out, _ = scan(
        "-s",
        str(core_signatures),
        "-f",
        "json",
        str(tmp_path / "rotated.log.gz"),
        str(tmp_path / "no-extension"),
    )
    assert code == 1
    assert [(Path(f["source"]).name, f["line"], f["incident"]) for f in json_findings(out)] == [
        ("rotated.log.gz", 2, "INC-2024-002"),
        ("no-extension", 2, "INC-2024-002"),
        ("no-extension", 3, "INC-2024-001"),
    ]


def test_a_truncated_gzip_reports_what_it_holds_then_exits_3(
    core_signatures: Path, tmp_path: Path
) -> None:
    lines = [f"{i} {EMAIL_LINE if i % 50 == 0 else QUIET_LINE}" for i in range(1, 3001)]
    compressed = gzip.compress("\n".join(lines).encode() + b"\n")
    cut = tmp_path / "cut.log.gz"
    cut.write_bytes(compressed[: len(compressed) // 2])
    code, out, err = scan("-s", str(core_signatures), "-f", "json", str(cut))
    assert code == 3
    found = [f["line"] for f in json_findings(out)]
    assert found, "the readable half holds findings"
    assert found == list(range(50, found[-1] + 1, 50))
    assert f"matcher: {cut}: compressed data is truncated" in err.splitlines()


def test_an_unreadable_input_exits_3_even_with_findings_and_the_rest_is_scanned(
    core_signatures: Path, app_log: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.log"
    paths = [str(missing), str(app_log)]  # a directory is walked (tests/test_walk_cli.py)
    code, out, err = scan("-s", str(core_signatures), "-f", "json", "--jobs", "1", *paths)
    assert code == 3
    assert [f["line"] for f in json_findings(out)] == [2, 4]
    assert f"matcher: {missing}: No such file or directory" in err.splitlines()


def test_an_unreadable_input_among_several_with_the_default_jobs(
    core_signatures: Path, app_log: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.log"
    args = ["scan", "-s", str(core_signatures), "-q", str(missing), str(app_log)]
    with (tmp_path / "err").open("w+b") as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "matcher", *args],
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,  # so that a hang can be ended with its pool workers
        )
        try:
            code = child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            raise
        err.seek(0)
        assert code == 3
        assert err.read().decode().splitlines() == [
            f"matcher: {missing}: No such file or directory"
        ]


# -- exit codes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("log", "fail_on", "code"),
    [
        (QUIET_LINE, None, 0),
        (EMAIL_LINE, None, 1),
        (EMAIL_LINE, "info", 1),
        (EMAIL_LINE, "medium", 1),
        (EMAIL_LINE, "high", 0),
        (POOL_LINE, "high", 1),
        (POOL_LINE, "critical", 0),
        (POOL_LINE, "never", 0),
    ],
)
def test_exit_code_follows_fail_on(
    core_signatures: Path, log: str, fail_on: str | None, code: int
) -> None:
    option = [] if fail_on is None else ["--fail-on", fail_on]
    assert scan("-s", str(core_signatures), *option, input=log + "\n")[0] == code


def test_usage_errors_exit_2(core_signatures: Path) -> None:
    assert scan("-s", str(core_signatures), "--format", "xml", input="")[0] == 2
    assert scan("-s", str(core_signatures), "--fail-on", "sometimes", input="")[0] == 2
    assert scan("-s", str(core_signatures), "--no-such-option", input="")[0] == 2


def test_an_empty_input_is_fine(core_signatures: Path, tmp_path: Path) -> None:
    empty = write_text(tmp_path, "empty.log", "")
    code, out, err = scan("-s", str(core_signatures), str(empty))
    assert (code, out) == (0, "")
    summary = SUMMARY.match(err.splitlines()[-1])
    assert summary is not None and summary.groups() == ("0", "0", "0", "1")


# -- hostile input ----------------------------------------------------------------------------


def test_line_numbers_agree_with_grep_n_whatever_the_bytes(
    core_signatures: Path, tmp_path: Path
) -> None:
    email = EMAIL_LINE.encode()
    chunks = [
        b"plain\n",
        b"crlf\r\n",
        b"lone\rcr then " + email + b"\n",
        b"\xff\xfe\xfd invalid utf-8 " + email + b"\n",
        b"nul\x00byte " + email + b"\r\n",
        bytes(range(256)).replace(b"\n", b"") + b"\n",
        b"\x1b[2J\x1b]0;title\x07 " + email + b"\n",
        b"\n\n",
        email,  # last line without a newline
    ]
    data = b"".join(chunks)
    log = tmp_path / "hostile.log"
    log.write_bytes(data)
    expected = [n for n, line in enumerate(data.split(b"\n"), 1) if email in line]
    code, out, err = scan("-s", str(core_signatures), "-f", "json", str(log))
    assert code == 1
    findings = json_findings(out)
    assert [f["line"] for f in findings] == expected == [3, 4, 5, 7, 10]
    assert findings[1]["text"].startswith("\\xff\\xfe\\xfd invalid utf-8 ")
    assert not any(f["text"].endswith("\r") for f in findings)
    summary = SUMMARY.match(err.splitlines()[-1])
    assert summary is not None and summary.groups()[1:3] == ("10", str(len(data)))


def test_a_binary_file_is_scanned_without_crashing(core_signatures: Path, tmp_path: Path) -> None:
    noise = bytes((i * 7919 + 13) % 256 for i in range(200_000))
    log = tmp_path / "core.bin"
    log.write_bytes(noise + b"\n" + EMAIL_LINE.encode() + b"\n" + noise)
    code, out, _ = scan("-s", str(core_signatures), "-f", "json", str(log))
    assert code == 1
    assert [f["line"] for f in json_findings(out)] == [noise.count(b"\n") + 2]


def test_escape_sequences_in_log_text_never_reach_the_terminal(core_signatures: Path) -> None:
    hostile = f"\x1b]0;owned\x07\x1b[31m{EMAIL_LINE}\x1b[0m \u202eevil\x9b2J"
    code, out, _ = scan("-s", str(core_signatures), input=hostile + "\n")
    assert code == 1
    assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out
    # a coloured line is read without its escape sequences (docs/envelopes.md, envelope ansi);
    # what is left of them (a C1 CSI) is shown neutralised
    assert "\n    ERROR:  >>>duplicate key" in out and "\\x9b2J" in out
    code, colored, _ = scan("-s", str(core_signatures), "--color", "always", input=hostile + "\n")
    without_our_colours = re.sub(r"\x1b\[[0-9;]*m", "", colored)
    assert "\x1b" not in without_our_colours.replace("\\x1b", "")
    assert "owned" not in colored and "\\x9b2J" in colored
    code, forced, _ = scan("-s", str(core_signatures), "--envelope", "none", input=hostile + "\n")
    assert "\x1b" not in forced and "\\x1b]0;owned\\x07" in forced


def test_signature_text_is_neutralised_too(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    write_signature(
        sigs, signature_fields("X", title="Pool \x1b[2J gone", resolution="Fix \x1b]0;t\x07 it")
    )
    code, out, _ = scan("-s", str(sigs), input="connection pool exhausted\n")
    assert code == 1
    assert "\x1b" not in out
    assert "Pool \\x1b[2J gone" in out and "resolution: Fix \\x1b]0;t\\x07 it" in out


def test_a_50_mb_line_is_matched_on_its_first_mib_in_bounded_memory(
    core_signatures: Path, tmp_path: Path
) -> None:
    """The line is streamed into the child's stdin; a wrapper process measures its peak RSS."""
    measure = textwrap.dedent(
        f"""
        import resource, subprocess, sys
        child = subprocess.Popen(
            [sys.executable, "-m", "matcher", "scan", "-s", {str(core_signatures)!r},
             "-f", "json", "-q"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        child.stdin.write(b"x " + {EMAIL_LINE.encode()!r} + b" ")
        block = b"0123456789abcdef" * 65536  # 1 MiB
        for _ in range(50):
            child.stdin.write(block)
        child.stdin.write(b"\\n" + {EMAIL_LINE.encode()!r} + b"\\n")
        child.stdin.close()
        out = child.stdout.read()
        child.wait()
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        sys.stdout.buffer.write(b"%d %d\\n" % (child.returncode, peak_kib) + out)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", measure], capture_output=True, timeout=120, check=True
    )
    head, _, out = done.stdout.partition(b"\n")
    code, peak_kib = map(int, head.split())
    assert code == 1, done.stderr.decode()
    assert peak_kib < 200 * 1024, f"peak RSS {peak_kib // 1024} MiB"
    long_line, next_line = json_findings(out.decode())
    assert (long_line["line"], long_line["truncated"]) == (1, True)
    assert long_line["text"].startswith("x ERROR:  duplicate key")
    assert len(long_line["text"]) <= 1 << 20
    assert (next_line["line"], next_line["truncated"]) == (2, False)


def test_piping_into_head_ends_quietly(core_signatures: Path, tmp_path: Path) -> None:
    big = (f"{EMAIL_LINE} " + "p" * 20_000 + "\n") * 300
    log = write_text(tmp_path, "big.log", big)
    child = subprocess.Popen(
        [sys.executable, "-m", "matcher", "scan", "-s", str(core_signatures), str(log)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    with child.stdout, child.stderr:
        first = child.stdout.readline()
        child.stdout.close()
        err = child.stderr.read().decode()
    child.wait(timeout=60)
    assert first.startswith(str(log).encode())
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert child.returncode in (0, 1, 141, -13)


# -- colour ---------------------------------------------------------------------------------------


def run_on_a_terminal(args: list[str], stdin: bytes, env: dict[str, str]) -> bytes:
    """Run ``python -m matcher ARGS`` with its stdout on a pseudo-terminal; return the output."""
    controller, terminal = pty.openpty()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "matcher", *args],
            stdin=subprocess.PIPE,
            stdout=terminal,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **env},
        )
        os.close(terminal)
        child.communicate(stdin, timeout=60)
        output = b""
        while True:
            try:
                data = os.read(controller, 65536)
            except OSError:  # EIO: the terminal's other side is closed and drained
                break
            if not data:
                break
            output += data
        return output
    finally:
        os.close(controller)


def test_colour_only_on_a_terminal_and_never_with_no_color(core_signatures: Path) -> None:
    args = ["scan", "-s", str(core_signatures)]
    line = (EMAIL_LINE + "\n").encode()
    on_terminal = run_on_a_terminal(args, line, {})
    assert b"\x1b[" in on_terminal and b">>>" not in on_terminal
    no_color = run_on_a_terminal(args, line, {"NO_COLOR": "1"})
    assert b"\x1b" not in no_color and b">>>duplicate key" in no_color


def test_color_always_and_never(core_signatures: Path) -> None:
    _, always, _ = scan("-s", str(core_signatures), "--color", "always", input=EMAIL_LINE + "\n")
    assert "\x1b[" in always and ">>>" not in always
    _, never, _ = scan("-s", str(core_signatures), "--color", "never", input=EMAIL_LINE + "\n")
    assert "\x1b" not in never and ">>>" in never


# -- a hostile pattern cannot hang the scan -------------------------------------------------


def redos_signature(tmp_path: Path, pattern: str) -> Path:
    sigs = tmp_path / "sigs"
    write_signature(
        sigs, signature_fields("REDOS", symptoms=[{"regex": pattern, "literal": "aaa"}])
    )
    return sigs


@pytest.mark.timeout(60)
def test_a_catastrophic_regex_times_out_is_switched_off_and_named(tmp_path: Path) -> None:
    """``(a|a)+$`` backtracks exponentially on ``aaa…a!`` (the regex module defuses ``(a+)+$``)."""
    sigs = redos_signature(tmp_path, "(a|a)+$")
    log = ("a" * 30 + "!\n") * 20 + EMAIL_LINE + "\n"
    code, out, err = scan("-s", str(sigs), input=log)
    assert code == 0 and out == ""
    assert [line for line in err.splitlines() if "timed out" in line] == [
        f"matcher: warning: {sigs}/REDOS.yml:4:22: symptom of REDOS timed out 3 times; "
        "switched off for the rest of this scan"
    ]


@pytest.mark.timeout(30)
def test_the_issue_example_of_a_catastrophic_regex_finishes(tmp_path: Path, engine: str) -> None:
    sigs = redos_signature(tmp_path, "(a+)+$")
    code, out, _ = scan("-s", str(sigs), "--engine", engine, input=("a" * 30 + "!\n") * 20)
    assert (code, out) == (0, "")


def test_context_reaches_outside_the_event_like_grep(core_signatures: Path) -> None:
    log = (
        "a1\na2\na3\n"
        "2024-01-01 10:00:00 ERROR x\n"
        "Traceback (most recent call last):\n"
        '  File "x.py", line 1\n'
        "psycopg2.errors.UniqueViolation: "
        'duplicate key value violates unique constraint "ix_users_email"\n'
        "b1\nb2\nb3\n"
    )
    code, out, _ = scan("-s", str(core_signatures), "-q", "--color", "never", "-C", "2", input=log)
    assert code == 1
    numbered = [line.split("|")[0].split()[-1] for line in out.splitlines() if "|" in line]
    # the event is lines 4-7; two lines around the matched line 7 reach 8 and 9
    assert numbered == ["4", "5", "6", "7", "8", "9"]
    assert out.splitlines()[-3].endswith("| b2")


def test_the_summary_names_the_ten_most_frequent_incidents(tmp_path: Path) -> None:
    sigdir = tmp_path / "sigs"
    sigdir.mkdir()
    lines = []
    for i in range(12):
        (sigdir / f"s{i:02d}.yml").write_text(
            f"id: INC-{i:02d}\ntitle: incident {i}\nseverity: low\n"
            f"symptoms:\n  - 'marker number {i:02d} fired'\nresolution: none\n",
            encoding="utf-8",
        )
        lines += [f"2024-01-01 ERROR marker number {i:02d} fired"] * (i + 1)
    log = write_text(tmp_path, "many.log", "\n".join(lines) + "\n")
    code, _, err = scan("-s", str(sigdir), str(log))
    summary = err.splitlines()[-1]
    assert code == 1 and SUMMARY.match(summary), summary
    assert "INC-11: 12" in summary and "INC-02: 3" in summary
    assert "INC-00" not in summary and "INC-01" not in summary  # the two least frequent
    assert "and 2 more incident(s)" in summary
