"""Naming a failing test by its pytest node id, and telling one failure from another, on
real pytest runs written into a temporary directory: two modules with a test of the same
name, a failing fixture (pytest's ERRORS section), the xunit1 report family, a log with two
pytest sessions (as tox writes it), ``--tb=no``; and JUnit reports that are not pytest's."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import json_findings, run_cli
from test_ci_support import SIGNATURES

POOL_ERROR = textwrap.dedent(
    """
    class TimeoutError(Exception):
        pass


    def fail_pool():
        raise TimeoutError("QueuePool limit of size 1 overflow 0 reached, connection timed out")
    """
)
SUITE = {
    "tests/__init__.py": "",
    "tests/pool.py": POOL_ERROR,
    # the same test name in two modules: pytest's section headers are both "test_save"
    "tests/test_orders.py": "from tests.pool import fail_pool\n\n\n"
    "def test_save():\n    fail_pool()\n",
    "tests/test_users.py": "def test_save():\n    assert {}['display_name']\n",
    # a failing fixture: "ERROR at setup of TestCart.test_total[2.5]", summary "ERROR …"
    "tests/test_cart.py": textwrap.dedent(
        """
        import pytest

        from tests.pool import fail_pool


        @pytest.fixture
        def cart():
            fail_pool()


        class TestCart:
            @pytest.mark.parametrize("price", [2.5])
            def test_total(self, cart, price):
                pass
        """
    ),
    "pytest.ini": "[pytest]\naddopts = -p no:cacheprovider -p no:randomly\n",
}
ORDERS = "tests/test_orders.py::test_save"
USERS = "tests/test_users.py::test_save"
CART = "tests/test_cart.py::TestCart::test_total[2.5]"


def pytest_run(where: Path, log: Path, *args: str) -> None:
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    with log.open("ab") as out:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "--color=no", *args],
            cwd=where,
            stdout=out,
            env=env,
            timeout=120,
            check=False,
        )
    assert done.returncode == 1, log.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def suite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("nodeid")
    for name, text in SUITE.items():
        (where / name).parent.mkdir(parents=True, exist_ok=True)
        (where / name).write_text(text, encoding="utf-8")
    return where


def scan(*paths: Path) -> tuple[list[Any], list[Any]]:
    result = run_cli(["scan", "-f", "json", "--unknown", "-s", str(SIGNATURES), *map(str, paths)])
    assert result.exit_code in (0, 1), result.stderr  # 0: unknown failures only
    records = json_findings(result.stdout)
    findings = [(r["testcase"], r["incident"]) for r in records if "incident" in r]
    unknown = [(r["testcase"], r["kind"]) for r in records if "kind" in r]
    return findings, unknown


def test_same_test_name_in_two_modules_and_a_failing_fixture(suite: Path) -> None:
    log = suite / "one.log"
    pytest_run(suite, log, "--junitxml=one.xml")
    expected = sorted([(ORDERS, "INC-2024-001"), (CART, "INC-2024-001")])
    for paths in ([log], [suite / "one.xml"], [log, suite / "one.xml"]):
        findings, unknown = scan(*paths)
        assert sorted(findings) == expected, paths
        assert unknown == [(USERS, "testcase")], paths


def test_xunit1_report_names_the_same_node_ids(suite: Path) -> None:
    pytest_run(suite, suite / "xunit1.log", "--junitxml=xunit1.xml", "-o", "junit_family=xunit1")
    assert 'file="tests/test_cart.py"' in (suite / "xunit1.xml").read_text(encoding="utf-8")
    findings, unknown = scan(suite / "xunit1.xml")
    assert sorted(findings) == sorted([(ORDERS, "INC-2024-001"), (CART, "INC-2024-001")])
    assert unknown == [(USERS, "testcase")]


def test_two_sessions_in_one_log_are_two_failures(suite: Path) -> None:
    """As tox writes two environments into one CI log: the same test failed twice. With the
    last session's JUnit report it is still two failures, not three."""
    log = suite / "tox.log"
    pytest_run(suite, log, "tests/test_orders.py", "tests/test_users.py")
    pytest_run(suite, log, "tests/test_orders.py", "tests/test_users.py", "--junitxml=tox.xml")
    for paths in ([log], [log, suite / "tox.xml"], [suite / "tox.xml", log]):
        findings, unknown = scan(*paths)
        assert findings == [(ORDERS, "INC-2024-001")] * 2, paths
        assert unknown == [(USERS, "testcase")] * 2, paths


def test_without_tracebacks_the_summary_line_names_the_test(suite: Path) -> None:
    """``--tb=no``: no failure sections, only pytest's summary lines: the unknown failure is
    the summary line's test, and the same as the report's."""
    pytest_run(suite, suite / "tbno.log", "--tb=no", "--junitxml=tbno.xml", "tests/test_users.py")
    text = (suite / "tbno.log").read_text(encoding="utf-8")
    assert "FAILED tests/test_users.py::test_save" in text and "___ test_save ___" not in text
    for paths in ([suite / "tbno.log"], [suite / "tbno.log", suite / "tbno.xml"]):
        assert scan(*paths) == ([], [(USERS, "failed")]), paths


def test_a_report_that_is_not_pytests_keeps_its_names(tmp_path: Path) -> None:
    report = tmp_path / "surefire.xml"
    report.write_text(
        '<?xml version="1.0"?>\n<testsuite name="com.example.CartTest" tests="1" failures="1">'
        '<testcase classname="com.example.CartTest" name="total"><failure message="boom">'
        "AssertionError: total is 3</failure></testcase></testsuite>\n",
        encoding="utf-8",
    )
    assert scan(report) == ([], [("com.example.CartTest::total", "testcase")])


LONG_CAPTURE = textwrap.dedent(
    """
    import logging

    from tests.pool import fail_pool

    log = logging.getLogger("shop")


    def test_sync_under_load():
        for batch in range(1500):
            log.warning("sync batch %d slow", batch)
        log.error("sync batch 1499 failed: connection reset")
        fail_pool()
    """
)


def test_output_captured_past_an_events_bounds_is_still_the_tests(tmp_path: Path) -> None:
    """1500 captured log lines: the section's event is cut at 1000 lines, and the ERROR line
    pytest captured after that is still part of the explained test, no unknown failure."""
    for name in ("tests/__init__.py", "tests/pool.py", "pytest.ini"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(SUITE[name], encoding="utf-8")
    (tmp_path / "tests" / "test_long.py").write_text(LONG_CAPTURE, encoding="utf-8")
    log = tmp_path / "long.log"
    pytest_run(tmp_path, log, "--junitxml=long.xml")
    assert "sync batch 1499 failed" in log.read_text(encoding="utf-8")
    test = "tests/test_long.py::test_sync_under_load"
    for paths in ([log], [log, tmp_path / "long.xml"]):
        assert scan(*paths) == ([(test, "INC-2024-001")], []), paths
