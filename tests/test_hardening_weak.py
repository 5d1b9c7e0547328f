"""Issue #16, the weaker spots that were cheap to fix: advice on symptoms that cannot mean
what they say, UTF-16 logs, the --unknown memory bound, slow regexes, a full disk, file names
with escapes, signature subdirectories that cannot be read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, run_cli, signature_fields, write_signature, write_text
from live_helpers import Tool, match_line, wait_for, write_signatures

SYMPTOM = "connection pool exhausted"
HIT = f"ERROR db: {SYMPTOM}"


def matcher(*args: object) -> list[str]:
    return [sys.executable, "-m", "matcher", *map(str, args)]


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


@pytest.mark.parametrize(
    ("symptom", "advice"),
    [
        ("ERROR", "too generic"),
        ("e", "too generic"),
        ({"regex": "."}, "too generic"),
        ("conn\u0435ction pool exhausted", "mixes scripts in 'conn\u0435ction'"),
        ("connection\u200b pool exhausted", "invisible character (ZERO WIDTH SPACE)"),
        ("connection pool \u202eexhausted", "invisible character (RIGHT-TO-LEFT OVERRIDE)"),
    ],
)
def test_symptoms_that_cannot_mean_what_they_say_are_warned_about(
    tmp_path: Path, symptom: object, advice: str
) -> None:
    sigs = tmp_path / "sigs"
    path = write_signature(sigs, signature_fields("INC-1", symptoms=[symptom]))
    result = run_cli(["scan", "-s", str(sigs), str(write_text(tmp_path, "x.log", ""))])
    assert result.exit_code == 0
    assert f"matcher: warning: {path}:4:" in result.stderr
    assert advice in result.stderr


def test_a_specific_symptom_gets_no_advice(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("INC-1", symptoms=[SYMPTOM]))
    result = run_cli(["scan", "-s", str(sigs), "-q", str(write_text(tmp_path, "x.log", "x\n"))])
    assert result.stderr == ""


def test_the_bundled_signatures_get_no_advice() -> None:
    result = run_cli(["scan", "-s", str(REPO / "signatures"), "-q", os.devnull])
    assert result.stderr == ""


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_log_is_read_as_text(tmp_path: Path, encoding: str) -> None:
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("INC-1", symptoms=[SYMPTOM]))
    log = tmp_path / "app.log"
    text = f"INFO start\r\n{HIT}\r\nINFO done\r\n"
    bom = "\ufeff" if encoding == "utf-16-be" else ""
    log.write_bytes((bom + text).encode(encoding))
    result = run_cli(["scan", "-s", str(sigs), "-f", "json", str(log)])
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(f["line"], f["text"]) for f in found] == [(2, HIT)], result.stderr
    assert "UTF-16" in result.stderr


def test_unknown_failures_are_bounded_per_kind_and_still_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import matcher.engine.stats as stats

    monkeypatch.setattr(stats, "MAX_UNKNOWN_PER_KIND", 5)
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("INC-1", symptoms=[SYMPTOM]))
    lines = "".join(f"2024-01-01 12:00:{n % 60:02d} ERROR job {n} failed\n" for n in range(20))
    log = write_text(tmp_path, "app.log", lines)
    result = run_cli(["scan", "-s", str(sigs), "-f", "json", "--fail-on-unknown", str(log)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    kinds = [r["schema"] for r in records]
    assert kinds == ["incident-matcher/unknown/v1"] * 5 + ["incident-matcher/unknown-omitted/v1"]
    assert records[-1]["omitted"] == 15
    assert ", 20 unknown failure(s)" in result.stderr
    assert result.exit_code == 1  # --fail-on-unknown: the omitted ones count too
    text = run_cli(["scan", "-s", str(sigs), "--unknown", "--color", "never", str(log)])
    assert "... and 15 more unknown failure(s), not listed" in text.stdout
    summary = tmp_path / "summary.md"
    limited = (
        "import sys, matcher.engine.stats as s; s.MAX_UNKNOWN_PER_KIND = 5; "
        "from matcher.cli.main import cli; cli(sys.argv[1:])"
    )
    subprocess.run(
        [sys.executable, "-c", limited, "scan", "-s", sigs, "-q", "--summary", summary, log],
        env=child_env(),
        timeout=60,
        check=False,
    )
    assert "**20** unknown failure(s)" in summary.read_text()


def test_a_regex_just_under_the_timeout_on_every_line_is_switched_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import matcher.engine.evaluate as evaluate

    monkeypatch.setattr(evaluate, "SEARCH_BUDGET", 0.3)
    monkeypatch.setattr(evaluate, "SLOW_SEARCH", 0.001)
    sigs = tmp_path / "sigs"
    slow = {"regex": "(a|aa)+b", "literal": "aaa"}  # ~10 ms a line: under the 0.1 s timeout
    path = write_signature(sigs, signature_fields("INC-1", symptoms=[slow]))
    log = write_text(tmp_path, "app.log", f"x {'a' * 19} y\n" * 400)
    result = run_cli(["scan", "-s", str(sigs), "--engine", "pure", str(log)])
    assert result.exit_code == 0
    assert f"{path}:4:" in result.stderr
    assert "searches" in result.stderr and "switched off" in result.stderr


def test_an_output_on_a_full_disk_is_a_one_line_error(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("INC-1", symptoms=[SYMPTOM]))
    log = write_text(tmp_path, "app.log", f"{HIT}\n" * 1000)
    to_file = subprocess.run(
        matcher("scan", "-s", sigs, log, "-o", "/dev/full"),
        capture_output=True,
        env=child_env(),
        timeout=60,
        check=False,
    )
    with open("/dev/full", "w") as full:
        to_stdout = subprocess.run(
            matcher("scan", "-s", sigs, log),
            stdout=full,
            stderr=subprocess.PIPE,
            env=child_env(),
            timeout=60,
            check=False,
        )
    for child in (to_file, to_stdout):
        assert child.returncode == 2
        assert child.stderr.decode().splitlines()[-1] == (
            "matcher: cannot write the output (No space left on device)"
        )
        assert b"Traceback" not in child.stderr


@pytest.mark.parametrize("observer", ["inotify", "poll"])
def test_watch_with_its_output_on_a_full_disk_stops_with_one_line(
    tmp_path: Path, observer: str
) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    args = ["watch", logs, "-s", write_signatures(tmp_path), "-o", "/dev/full"]
    tool = Tool([*args, "--state", tmp_path / "state.json"], tmp_path, observer)
    try:
        tool.start(wait_ready=tmp_path / "state.json")
        (logs / "a.log").write_text(match_line(1))
        assert tool.wait() == 2
        assert "matcher: cannot write the output (No space left on device)" in tool.stderr
        assert "Traceback" not in tool.stderr
    finally:
        tool.close()


def test_escapes_in_file_names_never_reach_the_terminal(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("INC-1", symptoms=[SYMPTOM]))
    evil = write_text(tmp_path, "e\x1b[31mvil.log", f"{HIT}\n")
    summary = os.fsencode(tmp_path) + b"/sum\xff.md"
    child = subprocess.run(
        [
            *map(os.fsencode, matcher("scan", "-s", sigs, evil, tmp_path / "gone\x1b[2J.log")),
            b"--summary",
            summary,
        ],
        capture_output=True,
        env=child_env(),
        timeout=60,
        check=False,
    )
    assert child.returncode == 3
    assert b"\x1b" not in child.stdout + child.stderr
    assert b"Traceback" not in child.stderr
    assert os.path.exists(summary)


def _without_dac_override() -> None:
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_signature_subdirectories_are_never_skipped_silently(tmp_path: Path) -> None:
    sigs, elsewhere = tmp_path / "sigs", tmp_path / "elsewhere"
    write_signature(sigs, signature_fields("INC-1", symptoms=[SYMPTOM]))
    write_signature(elsewhere, signature_fields("INC-2", symptoms=["disk quota exceeded"]))
    (sigs / "linked").symlink_to(elsewhere)
    (sigs / "loop").symlink_to(sigs)  # entered once, not forever
    log = write_text(tmp_path, "app.log", f"{HIT}\nERROR disk quota exceeded\n")
    found = run_cli(["scan", "-s", str(sigs), "-f", "json", str(log)])
    assert sorted(json.loads(line)["incident"] for line in found.stdout.splitlines()) == [
        "INC-1",
        "INC-2",
    ]
    locked = sigs / "locked"
    write_signature(locked, signature_fields("INC-3", symptoms=["disk on fire"]))
    locked.chmod(0)
    extra: dict[str, Any] = {"preexec_fn": _without_dac_override} if os.geteuid() == 0 else {}
    child = subprocess.run(
        matcher("scan", "-s", sigs, log),
        capture_output=True,
        env={**child_env(), "MATCHER_CACHE": "0"},
        timeout=60,
        check=False,
        **extra,
    )
    locked.chmod(0o755)
    assert child.returncode == 2
    assert f"{locked}:1:1: file: directory cannot be read (Permission denied)" in (
        child.stderr.decode()
    )


@pytest.mark.parametrize("observer", ["inotify", "poll"])
def test_a_deleted_state_lock_never_lets_two_watchers_run(tmp_path: Path, observer: str) -> None:
    logs, state = tmp_path / "logs", tmp_path / "state.json"
    logs.mkdir()
    sigs = write_signatures(tmp_path)
    args = ["watch", logs, "-s", sigs, "-f", "json", "-o", tmp_path / "out.jsonl", "--state", state]
    first, second = Tool(args, tmp_path, observer), Tool(args, tmp_path, observer)
    try:
        first.start(wait_ready=state)
        Path(f"{state}.lock").unlink()
        second.start()
        tools = (first, second)
        wait_for(lambda: any(t.proc is not None and t.proc.poll() is not None for t in tools))
        stopped = [t for t in tools if t.proc is not None and t.proc.poll() is not None]
        assert len(stopped) == 1
        assert stopped[0].wait() == 2
        assert "state file is in use by another matcher" in stopped[0].stderr
        running = first if stopped[0] is second else second
        assert running.stop() == 0
    finally:
        first.close()
        second.close()


def test_a_huge_system_out_is_scanned_as_it_streams_by(tmp_path: Path) -> None:
    """40 MB of captured output in one <system-out>: it used to be held whole (and 200 MB
    took 941 MB of memory); now memory stays that of a scan of a small file."""
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("INC-1", symptoms=[SYMPTOM]))
    report = tmp_path / "report.xml"
    filler = "2024-01-01 INFO captured output line, padded to about eighty bytes &amp; so on\n"
    count = (40 << 20) // len(filler)
    with report.open("w") as fh:
        fh.write('<?xml version="1.0"?>\n<testsuite name="s"><testcase classname="t" name="x">')
        fh.write("<system-out>" + filler * count + f"{HIT}\n</system-out></testcase></testsuite>\n")
    measure = (
        "import resource, subprocess, sys; "
        "done = subprocess.run(sys.argv[1:], capture_output=True); "
        "print(done.returncode, done.stdout.count(b'\\n'), "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    child = subprocess.run(
        [sys.executable, "-c", measure, *matcher("scan", "-s", sigs, "-q", "-f", "json", report)],
        capture_output=True,
        env=child_env(),
        timeout=120,
        check=True,
    )
    code, findings, max_rss_kib = map(int, child.stdout.split())
    assert (code, findings) == (1, 1)
    assert max_rss_kib < 120 << 10, f"{max_rss_kib >> 10} MB"
