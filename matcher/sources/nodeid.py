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
        self._named: dict[tuple[str, int], str] = {}  # (source, header's line) -> node id
        self._headers: dict[tuple[str, str], list[int]] = {}  # (source, key) -> lines
        self._by_junit: dict[str, str] = {}
        for source, names in pytest.items():
            self._read(source, names)

    def _read(self, source: str, names: PytestNames) -> None:
        waiting: dict[str, deque[int]] = {}
        said = [(line, False, name) for line, name in names.sections.items()]
        said += [(line, True, name) for line, name in names.node_ids.items()]
        for line, is_node_id, name in sorted(said):
            if not is_node_id:
                key = _header_key(name)
                waiting.setdefault(key, deque()).append(line)
                self._headers.setdefault((source, key), []).append(line)
                continue
            sections = waiting.get(_text(test_name(name.encode("utf-8", "surrogateescape"))))
            if sections:
                self._named[(source, sections.popleft())] = name
            classname, test = junit_names(name)
            self._by_junit[junit_node_id(classname, test)] = name
            self._by_junit[f"{classname}::{test}" if classname else test] = name

    def node_id(self, source: str, testcase: str, first_line: int) -> str:
        """The node id of ``testcase`` as a finding or unknown failure of ``source`` whose
        event starts on ``first_line`` names it."""
        if _is_node_id(testcase):  # a summary line's, or a JUnit report's (made exact here)
            return self._by_junit.get(testcase, testcase)
        key = _header_key(testcase)
        lines = self._headers.get((source, key), [])
        at = bisect.bisect_right(lines, first_line)  # the section the event is in
        return self._named.get((source, lines[at - 1]), key) if at else key


def _is_node_id(testcase: str) -> bool:
    return "::" in testcase.partition("[")[0] or testcase.endswith(".py")


def _header_key(header: str) -> str:
    return _text(section_key(header.encode("utf-8", "surrogateescape")))


def _text(name: bytes) -> str:
    return name.decode("utf-8", "surrogateescape")
