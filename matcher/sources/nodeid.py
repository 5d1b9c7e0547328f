"""pytest node ids (``tests/test_shop.py::TestCart::test_total[2-3]``): the one name of a
failing test, wherever it was read from. pytest's output names a test by its failure
section's header (``TestCart.test_total[2-3]``, no path) and by its summary line (the node
id); its JUnit report by ``classname`` (the node id's path, dotted and without ``.py``, then
its classes: ``tests.test_shop.TestCart``) and ``name`` (``test_total[2-3]``)."""

from __future__ import annotations

from collections.abc import Mapping

from matcher.engine.sections import section_key, test_name

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
    """Names the tests a run read by node id, from the node ids pytest's summary lines gave
    (``ScanStats.node_ids``, by source). ``see`` every (source, test, first line) first, then
    ``node_id``: two sections of one log with the same header (``test_x`` of two modules)
    take that log's summary ids in order, as pytest writes both in the same order."""

    def __init__(self, node_ids: Mapping[str, Mapping[str, None]]) -> None:
        self._by_header: dict[tuple[str, str], list[str]] = {}
        self._by_junit: dict[str, str] = {}
        for source, ids in node_ids.items():
            for node_id in ids:
                key = test_name(node_id.encode("utf-8", "surrogateescape"))
                self._by_header.setdefault((source, _text(key)), []).append(node_id)
                classname, name = junit_names(node_id)
                self._by_junit[junit_node_id(classname, name)] = node_id
                self._by_junit[f"{classname}::{name}" if classname else name] = node_id
        self._sections: dict[tuple[str, str], set[int]] = {}

    def see(self, source: str, testcase: str, first_line: int) -> None:
        if not _is_node_id(testcase):
            self._sections.setdefault((source, _header_key(testcase)), set()).add(first_line)

    def node_id(self, source: str, testcase: str, first_line: int) -> str:
        if _is_node_id(testcase):  # a summary line's, or a JUnit report's (made exact here)
            return self._by_junit.get(testcase, testcase)
        key = _header_key(testcase)
        ids = self._by_header.get((source, key))
        if not ids:
            return key  # no summary line (-rN, a cut log): the header's name is all there is
        order = sorted(self._sections.get((source, key), {first_line}))
        at = order.index(first_line) if first_line in order else 0
        return ids[min(at, len(ids) - 1)]


def _is_node_id(testcase: str) -> bool:
    return "::" in testcase.partition("[")[0] or testcase.endswith(".py")


def _header_key(header: str) -> str:
    return _text(section_key(header.encode("utf-8", "surrogateescape")))


def _text(name: bytes) -> str:
    return name.decode("utf-8", "surrogateescape")
