"""Issue #16, scan side: bad input keeps what was read (item 5), the line cap does not depend
on chunking (item 6), an output that is an input is refused (item 7).

Each test reproduced its item through the CLI (in-process, or a real child process where a
pipe, a user or a file descriptor matters) before the fix."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, run_cli, signature_fields, write_signature, write_text

from matcher import load_ruleset, scan_file
from matcher.engine.options import ScanOptions
from matcher.engine.scanner import MAX_LINE_BYTES
from matcher.sources.parallel import plan, scan_parallel

SYMPTOM = "connection pool exhausted"
HIT = f"ERROR db: {SYMPTOM}"


@pytest.fixture
def sigs(tmp_path: Path) -> Path:
    directory = tmp_path / "sigs"
    write_signature(directory, signature_fields("INC-1", symptoms=[SYMPTOM]))
    return directory


def matcher(*args: object) -> list[str]:
    return [sys.executable, "-m", "matcher", *map(str, args)]


def findings_of(stdout: str | bytes) -> list[dict[str, Any]]:
    text = stdout.decode() if isinstance(stdout, bytes) else stdout
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def summary_count(stderr: str) -> int:
    last = [line for line in stderr.splitlines() if " finding(s)" in line][-1]
    return int(last.split("matcher: ", 1)[1].split()[0])


# -- item 5: what was read before bad input is reported ---------------------------------------


def junit_case(n: int, failing: bool) -> str:
    body = f'<failure message="boom">Traceback\n{HIT} in case {n}\n</failure>' if failing else ""
    return f'<testcase classname="t" name="test_{n}">{body}</testcase>\n'


def test_a_junit_report_cut_short_keeps_the_findings_before_the_cut(
    tmp_path: Path, sigs: Path
) -> None:
    whole = '<?xml version="1.0"?>\n<testsuite name="s" tests="3">\n'
    whole += junit_case(1, True) + junit_case(2, True) + junit_case(3, True) + "</testsuite>\n"
    cut = whole.index("in case 3")  # inside the third test case's failure
    report = write_text(tmp_path, "report.xml", whole[:cut])
    result = run_cli(["scan", "-s", str(sigs), "-f", "json", str(report)])
    found = findings_of(result.stdout)
    assert [f["testcase"] for f in found] == ["t::test_1", "t::test_2"], result.stderr
    assert result.exit_code == 3
    assert f"{report}: not a well-formed JUnit XML report" in result.stderr
    assert summary_count(result.stderr) == 2


def test_a_gzip_with_trailing_garbage_reports_every_line_it_holds(
    tmp_path: Path, sigs: Path
) -> None:
    lines = "".join(f"2024-01-01 {HIT} n={n}\n" for n in range(20))
    log = tmp_path / "app.log.gz"
    log.write_bytes(gzip.compress(lines.encode()) + b"\x00garbage that is no gzip member")
    result = run_cli(["scan", "-s", str(sigs), "-f", "json", str(log)])
    found = findings_of(result.stdout)
    assert [f["line"] for f in found] == list(range(1, 21)), result.stderr
    assert summary_count(result.stderr) == 20
    assert result.exit_code == 3


def _without_dac_override() -> None:
    """In the child, before exec: root without the capabilities that let it read any file,
    so that a file's mode stops it as it stops anyone else."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_an_unreadable_input_is_exit_3_with_the_others_scanned(tmp_path: Path, sigs: Path) -> None:
    readable = write_text(tmp_path, "a.log", f"{HIT}\n")
    secret = write_text(tmp_path, "b.log", f"{HIT}\n")
    later = write_text(tmp_path, "c.log", f"{HIT}\n")
    secret.chmod(0)
    child = subprocess.run(
        matcher("scan", "-s", sigs, "-f", "json", readable, secret, later),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
        check=False,
        preexec_fn=_without_dac_override if os.geteuid() == 0 else None,
    )
    stderr = child.stderr.decode()
    assert [f["source"] for f in findings_of(child.stdout)] == [str(readable), str(later)], stderr
    assert child.returncode == 3, stderr
    assert f"matcher: {secret}: Permission denied" in stderr


# -- item 6: the 1 MiB line cap is the same for a file, a pipe and parallel segments ---------


@pytest.fixture(scope="module")
def long_line_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Short lines, a 2 MB line with the incident at byte 100 and at byte 1.5 M, more lines."""
    long_line = bytearray(b"x" * (2 << 20))
    for at in (100, 1_500_000):
        long_line[at : at + len(HIT) + 2] = f" {HIT} ".encode()
    path = tmp_path_factory.mktemp("long") / "long.log"
    with path.open("wb") as fh:
        for n in range(3000):
            fh.write(f"2024-01-01 INFO line {n}\n".encode() if n % 500 else f"{HIT}\n".encode())
            if n == 1000:
                fh.write(bytes(long_line) + b"\n")
    return path


def expected_cap(path: Path) -> list[tuple[int, bool]]:
    """(line, truncated) of each finding: the long line (1002) once, cut."""
    hits = [n + 1 + (n > 1000) for n in range(0, 3000, 500)]
    return sorted([(n, False) for n in hits] + [(1002, True)])


def test_a_long_line_is_cut_at_1_mib_in_a_file_as_in_a_pipe(
    sigs: Path, long_line_log: Path
) -> None:
    assert MAX_LINE_BYTES == 1 << 20
    from_file = run_cli(["scan", "-s", str(sigs), "-f", "json", "-j1", str(long_line_log)])
    piped = subprocess.run(  # a pipe hands the bytes over in pieces of 64 KiB or less
        [sys.executable, "-m", "matcher", "scan", "-s", str(sigs), "-f", "json", "-j1"],
        input=long_line_log.read_bytes(),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
        check=False,
    )
    out, err = piped.stdout, piped.stderr
    file_found = [(f["line"], f["truncated"]) for f in findings_of(from_file.stdout)]
    pipe_found = [(f["line"], f["truncated"]) for f in findings_of(out)]
    assert file_found == expected_cap(long_line_log), from_file.stderr
    assert pipe_found == file_found, err.decode()


@pytest.mark.parametrize("segment_kib", [256, 700, 1500])
def test_parallel_segments_cut_a_long_line_as_one_process_does(
    long_line_log: Path, sigs: Path, segment_kib: int
) -> None:
    ruleset = load_ruleset([sigs], cache=False)
    whole = [(f.line, f.truncated, f.offset) for f in scan_file(ruleset, long_line_log)]
    assert [(n, t) for n, t, _ in whole] == expected_cap(long_line_log)
    segments = plan([str(long_line_log)], 2, "auto", min_bytes=0, segment_bytes=segment_kib << 10)
    assert len(segments) >= 2
    got = []
    for _, result in scan_parallel(ruleset, segments, 2, ScanOptions()):
        got += [(f.line, f.truncated, f.offset) for f in result.findings]
    assert got == whole


# -- item 7: an output that is also an input is refused ---------------------------------------


@pytest.mark.parametrize("how", ["same name", "hard link", "symlink"])
def test_scan_refuses_an_output_that_is_one_of_its_inputs(
    tmp_path: Path, sigs: Path, how: str
) -> None:
    log = write_text(tmp_path, "x.log", f"{HIT}\n" * 50)
    before = log.read_bytes()
    output = log
    if how == "hard link":
        output = tmp_path / "link.log"
        os.link(log, output)
    elif how == "symlink":
        output = tmp_path / "sym.log"
        output.symlink_to(log)
    child = subprocess.run(
        matcher("scan", "-s", sigs, "-f", "json", log, "-o", output),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=30,
        check=False,
    )
    assert child.returncode == 2, child.stderr
    assert "is also an input" in child.stderr.decode()
    assert log.read_bytes() == before


def test_scan_refuses_stdout_redirected_to_an_input(tmp_path: Path, sigs: Path) -> None:
    log = write_text(tmp_path, "x.log", f"{HIT}\n" * 50)
    with open(log, "ab") as out:
        child = subprocess.run(
            [sys.executable, "-m", "matcher", "scan", "-s", str(sigs), str(log)],
            stdout=out,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            timeout=30,
            check=False,
        )
    assert child.returncode == 2, child.stderr
    assert log.read_text() == f"{HIT}\n" * 50


def test_scan_refuses_an_output_that_is_its_stdin(tmp_path: Path, sigs: Path) -> None:
    log = write_text(tmp_path, "x.log", f"{HIT}\n" * 50)
    with open(log, "rb") as stdin:
        child = subprocess.run(
            [sys.executable, "-m", "matcher", "scan", "-s", str(sigs), "-o", str(log)],
            stdin=stdin,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            timeout=30,
            check=False,
        )
    assert child.returncode == 2, child.stderr
    assert log.read_text() == f"{HIT}\n" * 50
