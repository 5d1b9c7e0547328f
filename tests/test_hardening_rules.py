"""Issue #16, rule side: hostile signature files and cache files (items 3, 8, 9, 10, 11).

Each test reproduced its item through the CLI or the library before the fix."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import regex
from conftest import ENGINES, run_cli, signature_fields, write_signature, write_text
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from matcher.patterns.regex_literals import required_runs
from matcher.rules.load import cache_dir, load_ruleset

DEEP = 5000


def scan_json(sigs: Path, log: Path, *extra: str) -> tuple[int, list[dict[str, object]], str]:
    result = run_cli(["scan", "-s", str(sigs), "-f", "json", *extra, str(log)])
    found = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, found, result.stderr


# -- item 3: nesting deep enough to exhaust the recursion limit ------------------------------


@pytest.mark.parametrize("depth", [300, 400, DEEP])
def test_deeply_nested_yaml_is_a_located_error_exit_2(tmp_path: Path, depth: int) -> None:
    sigs = tmp_path / "sigs"
    path = write_signature(sigs, signature_fields("INC-1"))
    with path.open("a") as fh:
        fh.write("tags: " + "[" * depth + "x" + "]" * depth + "\n")
    result = run_cli(["scan", "-s", str(sigs), str(tmp_path / "none.log")])
    assert result.exit_code == 2
    assert re.search(rf"^{re.escape(str(path))}:6:\d+: ", result.stderr, re.M), result.stderr
    assert "nest" in result.stderr
    assert "Traceback" not in result.stderr


# -- item 10: ids are checked as written ----------------------------------------------------


@pytest.mark.parametrize("bad", ["INC-1\n", "INC-1\r", " INC-1", "INC-1 "])
def test_an_id_with_a_trailing_newline_is_refused(tmp_path: Path, bad: str) -> None:
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("INC-1"), "a.yml")
    write_signature(sigs, signature_fields(bad), "b.yml")
    result = run_cli(["scan", "-s", str(sigs), str(write_text(tmp_path, "x.log", "x\n"))])
    assert result.exit_code == 2, result.stderr
    assert f"{sigs / 'b.yml'}:1:5: id: {bad!r} is not a valid id" in result.stderr


# -- item 9: the prefilter literal of a raw regex is in every match -------------------------


REGEX_SYMPTOMS = [
    ("worker [[:digit:]]: out of memory", "worker 7: out of memory"),
    ("(?V1)worker [[a-z]--[aeiou]]: out of memory", "worker b: out of memory"),
    ("disk [[:alpha:][:digit:]]+ full on node", "disk sda1 full on node"),
    (r"read (?:timed out|reset) on socket \d+", "read reset on socket 4"),
    (r"abc(?#comment: not text)def", "abcdef"),
    (r"code=[\]x]y failed", "code=]y failed"),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("pattern", "line"), REGEX_SYMPTOMS)
def test_regex_symptoms_match_in_a_scan_as_in_matcher_test(
    tmp_path: Path, engine: str, pattern: str, line: str
) -> None:
    sigs = tmp_path / "sigs"
    write_signature(
        sigs,
        signature_fields("INC-R", symptoms=[{"regex": pattern}], examples={"match": [line]}),
    )
    samples = tmp_path / "samples"
    samples.mkdir()
    tested = run_cli(["test", "-s", str(sigs), "--samples", str(samples), "--engine", engine])
    assert tested.exit_code == 0, tested.stdout
    log = write_text(tmp_path, "app.log", f"noise\n2024 ERROR {line}\nnoise\n")
    code, found, err = scan_json(sigs, log, "--engine", engine)
    assert (code, [f["line"] for f in found]) == (1, [2]), err


# Small regexes over a few characters, so that random strings often match.
ATOMS = st.sampled_from(
    ["a", "b", "c", "ab", "bc", r"\.", ".", "[ab]", "[^a]", "[[:alpha:]]", r"\d", "1", " "]
)


@st.composite
def regexes(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.integers(0, 9 if depth < 2 else 5))
        if kind <= 5:
            part = draw(ATOMS)
        elif kind == 6:
            part = "(?:" + draw(regexes(depth + 1)) + ")"
        elif kind == 7:
            part = "(" + draw(regexes(depth + 1)) + "|" + draw(regexes(depth + 1)) + ")"
        elif kind == 8:
            part = "(?i:" + draw(regexes(depth + 1)) + ")"
        else:
            part = "(?=" + draw(regexes(depth + 1)) + ")"
        quantifier = draw(st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "??"]))
        parts.append(part + quantifier)
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pattern=regexes(),
    texts=st.lists(st.text(alphabet="ab1. A", max_size=12), min_size=1, max_size=20),
)
@example(pattern="[[:alpha:]]ab", texts=["xab"])
@example(pattern="a(?=bc)", texts=["abc"])
def test_every_match_contains_every_required_run(pattern: str, texts: list[str]) -> None:
    runs = required_runs(pattern)
    assert all(runs)  # an empty run would make every line a candidate
    for text in texts:
        for found in regex.finditer(pattern, text):
            for run in runs:
                assert run in found.group(0), (pattern, text, run)


# -- item 11: a corrupted cache file is rebuilt ----------------------------------------------


def _cache_files() -> list[Path]:
    return sorted(p for p in cache_dir().glob("*") if p.is_file())


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage"])
def test_a_corrupted_cache_file_is_discarded_and_rebuilt(
    tmp_path: Path, engine: str, damage: str
) -> None:
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("INC-1"))
    log = write_text(tmp_path, "app.log", "x connection pool exhausted\n")
    assert scan_json(sigs, log, "--engine", engine)[0] == 1
    (entry,) = _cache_files()
    data = bytearray(entry.read_bytes())
    if damage == "flip":  # the middle of the file: inside the Hyperscan database, if any
        for i in range(len(data) // 2, min(len(data), len(data) // 2 + 64)):
            data[i] ^= 0x5A
    elif damage == "truncate":
        del data[len(data) // 2 :]
    else:
        data[:] = os.urandom(len(data))
    entry.write_bytes(bytes(data))
    for attempt in range(2):
        code, found, err = scan_json(sigs, log, "--engine", engine)
        assert (code, len(found)) == (1, 1), err
        assert "Traceback" not in err
        warned = "cache" in err and "rebuilt" in err
        assert warned == (attempt == 0), err  # once: the second run reads the rebuilt entry
    assert len(_cache_files()) == 1


# -- item 8: the cache is bounded ------------------------------------------------------------


def test_the_cache_keeps_to_its_size_cap_least_recently_used_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = write_text(tmp_path, "app.log", "x connection pool exhausted\n")
    sets = []
    for n in range(6):
        sigs = tmp_path / f"sigs{n}"
        for k in range(20):
            write_signature(sigs, signature_fields(f"INC-{n}-{k}", title="x" * 2000))
        sets.append(sigs)
    load_ruleset([sets[0]], engine="pure")
    one = sum(p.stat().st_size for p in _cache_files())
    monkeypatch.setenv("MATCHER_CACHE_SIZE", str(3 * one + one // 2))  # room for three
    for sigs in sets[1:]:
        load_ruleset([sigs], engine="pure")
        load_ruleset([sets[0]], engine="pure")  # used again: stays
    files = _cache_files()
    assert len(files) == 3
    assert sum(p.stat().st_size for p in files) <= 3 * one + one // 2
    before = {p.name for p in files}
    load_ruleset([sets[0]], engine="pure")  # a hit: nothing evicted, nothing written
    load_ruleset([sets[5]], engine="pure")
    assert {p.name for p in _cache_files()} == before
    assert scan_json(sets[0], log)[0] == 1  # still loads and scans


@pytest.mark.skipif("hyperscan" not in ENGINES, reason="Hyperscan is not installed")
def test_a_cached_hyperscan_database_that_does_not_load_is_compiled_anew(tmp_path: Path) -> None:
    """An entry whose checksum holds but whose database Hyperscan refuses (written by a
    build the fingerprint did not tell apart, say): the scan still finds what it should."""
    import pickle

    from matcher.rules.cache import SUFFIX, write_entry

    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("INC-1"))
    log = write_text(tmp_path, "app.log", "x connection pool exhausted\n")
    assert scan_json(sigs, log, "--engine", "hyperscan")[0] == 1
    (entry,) = _cache_files()
    payload = entry.read_bytes().split(b"\n", 1)[1][12:]
    signatures, blob, patterns = pickle.loads(payload)
    damaged = bytes(64) + blob[64:]  # the header Hyperscan checks, zeroed; trailer intact
    write_entry(entry.name.removesuffix(SUFFIX), (signatures, damaged, patterns))
    code, found, err = scan_json(sigs, log, "--engine", "hyperscan")
    assert (code, len(found)) == (1, 1), err
    assert "Traceback" not in err
