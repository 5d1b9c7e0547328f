"""JUnit XML reports as input: entities decoded, physical lines kept, one event per
<failure>, failing test cases no signature explains as unknown failures, no DTDs."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from test_ci_support import DATA, SAMPLE_LOGS, ruleset

from matcher.engine.scanner import ScanStats
from matcher.errors import SourceError
from matcher.model import Finding, UnknownFailure
from matcher.sources.junit import scan_junit, scan_junit_chunks
from matcher.sources.sniff import is_junit_xml
from matcher.testing import read_expected

POOL = "sqlalchemy.exc.TimeoutError: QueuePool limit of size 2 overflow 0 reached"
DUP = "duplicate key value violates unique constraint &quot;ix_users_email&quot;"

REPORT = f"""<?xml version="1.0" encoding="utf-8"?>
<testsuites>
<testsuite name="pytest" tests="5" failures="2" errors="1">
<testcase classname="tests.test_api" name="test_pool"><failure message="{POOL}&#10;more">first
E   {POOL}, timeout 1.00
tail</failure></testcase>
<testcase classname="tests.test_api" name="test_seed"><failure message="IntegrityError">x
E   psycopg2.errors.UniqueViolation: {DUP}</failure><system-out>out &lt;ok&gt;
ERROR {DUP}</system-out></testcase>
<testcase classname="tests.test_api" name="test_new"><error message="KeyError: &apos;x&apos;">Tb
KeyError: 'x'</error></testcase>
<testcase classname="tests.test_api" name="test_ok"><system-out>ok</system-out></testcase>
<testcase classname="tests.test_api" name="test_skip"><skipped message="{POOL}"/></testcase>
<system-err>suite-level: {POOL}</system-err>
</testsuite>
</testsuites>
"""


def scan(text: str, tmp_path: Path) -> tuple[list[Finding], list[UnknownFailure]]:
    path = tmp_path / "report.xml"
    path.write_text(text, encoding="utf-8")
    return scan_junit(ruleset(), path)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0"?>\n<testsuites name="x">', True),
        (b"\xef\xbb\xbf<testsuite name='x' tests='1'>", True),
        (b"<!-- generated -->\n<?xml-stylesheet x?>\n<testsuites>", True),
        (b'<!DOCTYPE testsuites [<!ENTITY a "b">]><testsuites>', True),
        (b"<testsuites/>", True),
        (b"<testsuitesx>", False),
        (b"<html><testsuites>", False),
        (b"2024-01-01 ERROR <testsuites>", False),
        (b"", False),
    ],
)
def test_is_junit_xml_by_root_element(head: bytes, expected: bool) -> None:
    assert is_junit_xml(head) is expected


def test_sniffing_is_linear_on_hostile_input() -> None:
    """(A regex here once took minutes on the last of these.)"""
    for head in (b"<!DOCTYPE a [" + b"]" * 60_000, b"<!--" + b"-" * 60_000, b"<?" * 30_000):
        assert not is_junit_xml(head)
    assert is_junit_xml(b"<!-- x -->" * 5_000 + b"<testsuites>")


def test_findings_per_test_case_on_physical_lines(tmp_path: Path) -> None:
    findings, _ = scan(REPORT, tmp_path)
    got = [(f.signature.id, f.testcase, f.line, f.matched_lines) for f in findings]
    assert got == [
        # message attribute and text of one <failure>: one event, both lines
        ("INC-2024-001", "tests/test_api.py::test_pool", 4, (4, 5)),
        ("INC-2024-002", "tests/test_api.py::test_seed", 8, (8,)),
        ("INC-2024-002", "tests/test_api.py::test_seed", 9, (9,)),
        ("INC-2024-001", None, 14, (14,)),
    ]
    pool = findings[0]
    assert (pool.first_line, pool.last_line) == (4, 6)
    assert pool.text == POOL  # the message attribute, entities decoded
    assert (
        findings[2].text == 'ERROR duplicate key value violates unique constraint "ix_users_email"'
    )


def test_failing_case_without_a_finding_is_unknown_and_counts_once(tmp_path: Path) -> None:
    _, unknown = scan(REPORT, tmp_path)
    assert len(unknown) == 1
    new = unknown[0]
    assert (new.kind, new.testcase, new.line, new.last_line) == (
        "testcase",
        "tests/test_api.py::test_new",
        10,
        11,
    )
    assert new.text == "KeyError: 'x'"


def test_stats_and_gzip(tmp_path: Path) -> None:
    path = tmp_path / "report.xml.gz"
    path.write_bytes(gzip.compress(REPORT.encode()))
    stats = ScanStats()
    findings, unknown = scan_junit(ruleset(), path, stats=stats)
    assert len(findings) == 4 and len(unknown) == 1
    assert stats.lines == REPORT.count("\n")
    assert stats.bytes == len(REPORT.encode())
    assert stats.findings == {"INC-2024-001": 2, "INC-2024-002": 2}
    assert stats.unknown == []  # returned, for the caller to add


def test_chunking_does_not_change_anything(tmp_path: Path) -> None:
    whole, _ = scan(REPORT, tmp_path)
    data = REPORT.encode()
    pieces = [data[i : i + 7] for i in range(0, len(data), 7)]
    chunked, _ = scan_junit_chunks(ruleset(), pieces, str(tmp_path / "report.xml"))
    assert chunked == whole


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
            '"&lol;&lol;&lol;">]>\n<testsuites><testsuite>&lol2;</testsuite></testsuites>',
            "line 2: a DOCTYPE is not allowed in a JUnit report (no DTDs, no entities)",
        ),
        (
            '<!DOCTYPE testsuites SYSTEM "http://example.org/x.dtd"><testsuites/>',
            "line 1: a DOCTYPE is not allowed",
        ),
        (
            "<testsuites><testsuite>&xxe;</testsuite></testsuites>",
            "not a well-formed JUnit XML report: undefined entity: line 1, column 23",
        ),
        (
            "<testsuites><testsuite></testsuites>",
            "not a well-formed JUnit XML report: mismatched tag: line 1, column 25",
        ),
    ],
)
def test_unsafe_or_broken_xml_is_a_clear_source_error(
    text: str, message: str, tmp_path: Path
) -> None:
    with pytest.raises(SourceError) as info:
        scan(text, tmp_path)
    assert message in str(info.value)
    assert str(info.value).startswith(str(tmp_path / "report.xml"))


def test_committed_fixture_from_a_real_run(tmp_path: Path) -> None:
    findings, unknown = scan_junit(ruleset(), DATA / "pytest-junit.xml")
    per_test = {(f.testcase, f.signature.id) for f in findings}
    assert per_test == {
        ("check_users.py::test_report_queries_run_concurrently", "INC-2024-001"),
        ("check_users.py::test_reimport_of_same_batch", "INC-2024-002"),
        # only its captured log (<system-out>) shows the incident
        ("check_users.py::test_nightly_import_counts_rows", "INC-2024-002"),
    }
    assert [(u.testcase, u.text) for u in unknown] == [
        ("check_users.py::test_user_payload_has_display_name", "KeyError: 'display_name'")
    ]


@pytest.mark.skipif(
    not (SAMPLE_LOGS / "pytest-junit.xml").is_file(), reason="sample_logs/ not present"
)
def test_sample_junit_report_of_a_real_sqlalchemy_run() -> None:
    """sample_logs/pytest-junit.xml: a real SQLAlchemy pool timeout and a real PostgreSQL
    unique violation; every expected row is covered by exactly the findings' lines."""
    path = SAMPLE_LOGS / "pytest-junit.xml"
    findings, unknown = scan_junit(ruleset(), path)
    per_test = {(f.testcase, f.signature.id) for f in findings}
    assert per_test == {
        ("suite/test_users_api.py::test_report_queries_run_concurrently", "INC-2024-001"),
        ("suite/test_users_api.py::test_reimport_of_same_faker_batch", "INC-2024-002"),
    }
    expected = read_expected(SAMPLE_LOGS / "expected" / "pytest-junit.xml.tsv")
    covered = {(n, f.signature.id) for f in findings for n in f.matched_lines}
    assert covered == expected
    assert unknown and all(u.kind == "testcase" for u in unknown)
    assert not {u.testcase for u in unknown} & {f.testcase for f in findings}


def test_event_lines_line_up_with_physical_lines(tmp_path: Path) -> None:
    findings, _ = scan(REPORT, tmp_path)
    pool = findings[0]
    assert pool.event[0].startswith(POOL + " \u23ce more \u23ce first")  # message + text, line 4
    assert pool.event[5 - pool.first_line].startswith("E   sqlalchemy.exc.TimeoutError")
    assert pool.event[-1] == "tail"
