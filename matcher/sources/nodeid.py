"""pytest node ids (``tests/test_shop.py::TestCart::test_total[2-3]``): the one name of a
failing test, wherever it was read from. pytest's output names a test by its failure
section's header (``TestCart.test_total[2-3]``, no path) and by its summary line (the node
id); its JUnit report by ``classname`` (the node id's path, dotted and without ``.py``, then
its classes: ``tests.test_shop.TestCart``) and ``name`` (``test_total[2-3]``)."""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Mapping

from matcher.engine.sections import section_key, test_name
from matcher.engine.stats import PytestNames

# <testsuites name=…> and <testsuite name=…> as pytest writes them (junit_suite_name's default)
PYTEST_SUITES = frozenset({"pytest tests", "pytest"})
JUNIT_TESTS = frozenset({"testsuites", "testsuite", "testcase"})


class CaseNames:
    """Names the test cases of one JUnit report as its elements start: by node id in a
    report of pytest's (its suites' names say so, or a ``file`` attribute naming a ``.py``)."""

    def __init__(self) -> None:
        self.pytest = False

    def see(self, element: str, attrs: Mapping[str, str]) -> str | None:
        """The name of a ``<testcase>`` (never empty); None for a suite (its name is noted)."""
        if element != "testcase":
            self.pytest = self.pytest or attrs.get("name") in PYTEST_SUITES
            return None
        return case_name(attrs, self.pytest) or "(unnamed test case)"


def case_name(attrs: Mapping[str, str], pytest: bool) -> str:
    """The name of a JUnit ``<testcase>``: its node id in a report of pytest's (``pytest``,
    or a ``file`` attribute naming a ``.py``), else ``classname::name`` as written."""
    classname, name, file = attrs.get("classname", ""), attrs.get("name", ""), attrs.get("file")
    if pytest or (file or "").endswith(".py"):
        return junit_node_id(classname, name, file)
    return f"{classname}::{name}" if classname else name


def junit_node_id(classname: str, name: str, file: str | None = None) -> str:
    """pytest's JUnit ``classname`` and ``name`` back to the node id. With xunit1's ``file``
    attribute the path is known; otherwise the trailing parts of ``classname`` that start with
    an upper-case letter are taken for classes (pytest collects ``Test*`` classes), the rest for
    the module's path. A report read with the run's output gets the exact id (``Names``)."""
    parts = classname.split(".") if classname else []
    if file is not None and file.endswith(".py"):
        module = file.removesuffix(".py").replace("/", ".").split(".")
        path, classes = file, parts[len(module) :] if parts[: len(module)] == module else []
    elif not parts:  # a collection error: classname "", name "tests.test_x"
        return name.replace(".", "/") + ".py" if name else name
    else:
        split = len(parts)
        while split > 1 and parts[split - 1][:1].isupper():
            split -= 1
        path, classes = "/".join(parts[:split]) + ".py", parts[split:]
    return "::".join([path, *classes, name])


def junit_names(node_id: str) -> tuple[str, str]:
    """What pytest's JUnit report writes for a node id: (classname, name), as pytest's
    ``mangle_test_address`` makes them."""
    path, bracket, params = node_id.partition("[")
    names = path.split("::")
    names[0] = names[0].replace("/", ".").removesuffix(".py")
    names[-1] += bracket + params
    return ".".join(names[:-1]), names[-1]


class Names:
    """Names the tests a run read by node id. In a log, each summary line's node id names
    the earliest failure section before it with that test's header that has none yet (pytest
    writes the sections and then the summary in the same order; a log of several sessions,
    as tox writes one, has several of each). A JUnit report's names are made exact with the
    node ids the run's logs gave."""

    def __init__(self, pytest: Mapping[str, PytestNames]) -> None:
        self._tests: dict[tuple[str, int], str] = {}  # (source, header's line) -> test
        self._sections: dict[str, list[int]] = {}  # source -> header lines, in order
        self._banners: dict[str, list[int]] = {}
        self._by_junit: dict[str, str] = {}
        for source, names in pytest.items():
            self._read(source, names)

    def _read(self, source: str, names: PytestNames) -> None:
        waiting: dict[str, deque[int]] = {}
        for line, name in sorted(names.sections.items()):
            key = _header_key(name)
            waiting.setdefault(key, deque()).append(line)
            self._tests[(source, line)] = key
        self._sections[source] = sorted(names.sections)
        self._banners[source] = sorted(names.banners)
        for line, node_id in sorted(names.node_ids.items()):
            key = _text(test_name(node_id.encode("utf-8", "surrogateescape")))
            sections = waiting.get(key)
            if sections and sections[0] < line:  # the earliest unnamed section before it
                self._tests[(source, sections.popleft())] = node_id
            classname, test = junit_names(node_id)
            self._by_junit[junit_node_id(classname, test)] = node_id
            self._by_junit[f"{classname}::{test}" if classname else test] = node_id

    def section(self, source: str, line: int) -> tuple[int, str] | None:
        """The failure section of pytest's output ``source`` that holds ``line``: its
        header's line and its test (node id, or the header's name if no summary line named
        it); None outside the sections (before them, after a banner)."""
        sections = self._sections.get(source, [])
        at = bisect.bisect_right(sections, line)
        if not at:
            return None
        header = sections[at - 1]
        banners = self._banners.get(source, [])
        closed = bisect.bisect_right(banners, line)
        if closed and banners[closed - 1] > header:
            return None
        return header, self._tests[(source, header)]

    def node_id(self, testcase: str) -> str:
        """A summary line's or a JUnit report's name of a test as its node id (exact when
        the run's output gave it), a section header's as its node id's end."""
        if is_node_id(testcase):
            return self._by_junit.get(testcase, testcase)
        return _header_key(testcase)


def is_node_id(testcase: str) -> bool:
    """A node id (a summary line's, a JUnit report's), not a section header's name."""
    return "::" in testcase.partition("[")[0] or testcase.endswith(".py")


def _header_key(header: str) -> str:
    return _text(section_key(header.encode("utf-8", "surrogateescape")))


def _text(name: bytes) -> str:
    return name.decode("utf-8", "surrogateescape")
