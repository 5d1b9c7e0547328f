"""``matcher suggest``: unknown failures of real logs grouped, ranked and drafted as signatures
that pass ``matcher test`` once a person fills in the resolution."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REPO, run_cli

import matcher
from matcher.authoring.draftfile import place_drafts
from matcher.authoring.drafts import DRAFT_RESOLUTION
from matcher.authoring.mining import MinerConfig
from matcher.authoring.suggest import SuggestOptions, mine_unknown, suggest
from matcher.engine.stats import MAX_UNKNOWN_PER_KIND
from matcher.testing import check_examples, read_expected
from matcher.vocabulary import DRAFT_MARK

SAMPLES = REPO / "sample_logs"
SAMPLE_LOGS = sorted(str(p) for p in SAMPLES.glob("*.log"))
LOGHUB = next(
    (
        p
        for p in (REPO.parent / "shared" / "loghub", Path("/work/shared/loghub"))
        if (p / "HDFS_2k.log").is_file()
    ),
    REPO.parent / "shared" / "loghub",
)
needs_loghub = pytest.mark.skipif(
    not (LOGHUB / "HDFS_2k.log").is_file(), reason="loghub sets not found"
)


def fill_in(directory: Path) -> list[Path]:
    """What the author does: write the resolution of every draft."""
    drafts = sorted(directory.glob("*.yml"))
    for path in drafts:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(DRAFT_RESOLUTION, "Raised the limit."), encoding="utf-8")
    return drafts


def suggest_cli(tmp_path: Path, *args: str) -> tuple[Path, list[dict[str, object]]]:
    empty, out = tmp_path / "none", tmp_path / "drafts"
    empty.mkdir(exist_ok=True)
    result = run_cli(["suggest", *SAMPLE_LOGS, "-s", str(empty), "-o", str(out), *args])
    assert result.exit_code == 0, result.stderr
    return out, [json.loads(line) for line in result.stdout.splitlines() if "-f" in args]


def test_drafts_for_the_shipped_incidents_pass_matcher_test_and_flag_the_expected_lines(
    tmp_path: Path,
) -> None:
    out, _ = suggest_cli(tmp_path)
    drafts = fill_in(out)
    assert drafts, "nothing drafted"
    empty = tmp_path / "none"
    checked = run_cli(["test", "-s", str(out), "--samples", str(empty)])
    assert checked.exit_code == 0, checked.stdout
    assert checked.stdout.splitlines()[-1] == f"{len(drafts)} passed, 0 failed"
    ruleset = matcher.load_ruleset([out])
    shipped = matcher.load_signatures([REPO / "signatures"])
    for incident in shipped:
        # the draft for an incident: the one that flags the incident's own match examples
        ids = {
            f.signature.id for x in incident.examples.match for f in matcher.scan_text(ruleset, x)
        }
        assert len(ids) == 1, (incident.id, ids)
        draft = ids.pop()
        for table in sorted((SAMPLES / "expected").glob("*.tsv")):
            log = SAMPLES / table.name[: -len(".tsv")]
            flagged = {
                n
                for f in matcher.scan_file(ruleset, log)
                if f.signature.id == draft
                for n in (f.line, *f.matched_lines)
            }
            wanted = {line for line, inc in read_expected(table) if inc == incident.id}
            assert wanted <= flagged, (incident.id, log.name, sorted(wanted - flagged))


def test_a_draft_is_refused_until_its_resolution_is_written(tmp_path: Path) -> None:
    out, _ = suggest_cli(tmp_path)
    first = sorted(out.glob("*.yml"))[0]
    number = next(
        i
        for i, line in enumerate(first.read_text().splitlines(), 1)
        if line.startswith("resolution:")
    )
    result = run_cli(["scan", "-s", str(out), str(SAMPLES / "seed-script.log")])
    assert result.exit_code == 2
    assert re.search(
        rf"^{re.escape(str(first))}:{number}:\d+: resolution: unfinished draft: replace the "
        rf"{re.escape(DRAFT_MARK)} line",
        result.stderr,
        re.MULTILINE,
    ), result.stderr


def test_a_rerun_reports_the_drafts_it_wrote_and_writes_nothing(tmp_path: Path) -> None:
    out, first = suggest_cli(tmp_path, "-f", "json")
    assert {r["state"] for r in first} == {"written"}
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    name = sorted(before)[0]  # a draft being edited stays as it is
    (out / name).write_bytes(before[name] + b"# edited\n")
    edited = {p.name: p.read_bytes() for p in out.iterdir()}
    _, again = suggest_cli(tmp_path, "-f", "json")
    assert [r["id"] for r in again] == [r["id"] for r in first]
    assert {r["state"] for r in again} == {"exists"}
    assert {p.name: p.read_bytes() for p in out.iterdir()} == edited
    # a draft renamed by its author is found by its id, not written again
    (out / name).rename(out / "pool-exhaustion.yml")
    _, third = suggest_cli(tmp_path, "-f", "json")
    assert {r["state"] for r in third} == {"exists"}
    assert str(out / "pool-exhaustion.yml") in {r["draft"] for r in third}
    assert not (out / name).exists()


def test_the_table_ranks_groups_by_count_and_names_first_and_last_lines(tmp_path: Path) -> None:
    empty = tmp_path / "none"
    empty.mkdir()
    result = run_cli(["suggest", *SAMPLE_LOGS, "-s", str(empty), "--min-count", "1"])
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["COUNT", "SEVERITY", "FIRST", "LAST", "DRAFT", "TEMPLATE"]
    counts = [int(row.split()[0]) for row in rows]
    assert counts == sorted(counts, reverse=True) and counts[-1] == 1
    for row in rows:  # FIRST and LAST are lines of the logs where an unknown failure was
        for origin in row.split()[2:4]:
            path, number = origin.rsplit(":", 1)
            lines = Path(path).read_text(encoding="utf-8").splitlines()
            assert 1 <= int(number) <= len(lines), origin
    assert "unknown failure(s) in" in result.stderr
    top = run_cli(["suggest", *SAMPLE_LOGS, "-s", str(empty), "--top", "1"])
    assert len(top.stdout.splitlines()) == 2


def test_failures_the_signatures_explain_are_not_suggested() -> None:
    ruleset = matcher.load_ruleset([REPO / "signatures"], unknown=True)
    found = suggest(ruleset, SAMPLE_LOGS, SuggestOptions(min_count=1))
    templates = [d.group.template for d in found.drafts]
    assert templates, "the near misses are unknown failures"
    assert not any("QueuePool limit of size <int> overflow <int> reached" in t for t in templates)


def test_failures_are_mined_as_they_come_not_kept() -> None:
    # memory: the scan keeps no failure; the miner holds at most max_groups groups
    ruleset = matcher.compile_ruleset([], unknown=True)
    logs = [str(LOGHUB / f"{name}_2k.log") for name in ("BGL", "Hadoop", "Mac", "Zookeeper")]
    if not (LOGHUB / "BGL_2k.log").is_file():
        pytest.skip("loghub sets not found")
    options = SuggestOptions(miner=MinerConfig(max_groups=5))
    miner, run, seen = mine_unknown(ruleset, logs, options)
    assert seen > 100 and len(run.stats.unknown) == 0 and run.stats.unknown_omitted == 0
    assert len(miner) == 5 and miner.dropped > 0


def test_every_failure_is_mined_past_the_scans_per_kind_bound(tmp_path: Path) -> None:
    # a scan keeps the first MAX_UNKNOWN_PER_KIND of a kind for its report; suggest mines all,
    # in this process and in worker processes (-j 2 scans the two files side by side)
    n = MAX_UNKNOWN_PER_KIND + 500
    logs = []
    for name in ("a.log", "b.log"):
        log = tmp_path / name
        lines = (
            f"2026-11-27 01:59:{i % 60:02d},000 ERROR [db] lost connection {i}\n" for i in range(n)
        )
        log.write_text("".join(lines), encoding="utf-8")
        logs.append(str(log))
    ruleset = matcher.compile_ruleset([], unknown=True)
    for jobs in (1, 2):
        found = suggest(ruleset, logs, SuggestOptions(jobs=jobs))
        assert (found.unknown, found.omitted) == (2 * n, 0), jobs
        assert [d.count for d in found.drafts] == [2 * n]


@needs_loghub
def test_every_draft_of_the_loghub_sets_passes_matcher_test_beside_the_others(
    tmp_path: Path,
) -> None:
    # through the files a person edits: rendered as YAML, filled in, loaded, tested together
    ruleset = matcher.compile_ruleset([], unknown=True)
    logs = sorted(str(p) for p in LOGHUB.glob("*_2k.log"))
    found = suggest(ruleset, logs, SuggestOptions(min_count=1))
    assert found.unknown > 300 and len(found.drafts) > 50
    placed = place_drafts(found.drafts, str(tmp_path / "drafts"))
    assert {p.state for p in placed} == {"written"}
    fill_in(tmp_path / "drafts")
    loaded = matcher.load_ruleset([tmp_path / "drafts"])
    assert len(loaded.signatures) == len(found.drafts)
    failing = [r for r in check_examples(loaded) if not r.ok]
    assert not failing, failing[:3]


def test_an_unreadable_log_is_named_and_exits_3(tmp_path: Path) -> None:
    empty = tmp_path / "none"
    empty.mkdir()
    result = run_cli(["suggest", str(tmp_path / "missing.log"), SAMPLE_LOGS[0], "-s", str(empty)])
    assert result.exit_code == 3
    assert "missing.log" in result.stderr


def test_bad_bytes_never_crash_and_never_reach_the_terminal(tmp_path: Path) -> None:
    log = tmp_path / "w.log"
    log.write_bytes(
        b"ERROR worker \x00crashed \x1b[31mred\x1b[0m at 0x7f3 \xff\xfe bytes\n"
        b"ERROR worker \x00crashed \x1b[31mred\x1b[0m at 0x7f4 \xff\xfe bytes\n"
        + bytes(range(256))
        * 64
    )
    empty, out = tmp_path / "none", tmp_path / "drafts"
    empty.mkdir()
    result = run_cli(["suggest", str(log), "-s", str(empty), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x00" not in result.stdout
    # a coloured log is read without its colours (envelope ansi): no escape code in the draft
    assert "ERROR worker \\x00crashed red at" in result.stdout
    fill_in(out)
    checked = run_cli(["test", "-s", str(out), "--samples", str(empty)])
    assert checked.exit_code == 0, checked.stdout


def test_the_same_drafts_from_worker_processes() -> None:
    # several files with -j 2 run side by side in workers; their failures reach the miner
    # through the run's stats, as one process's do
    ruleset = matcher.compile_ruleset([], unknown=True)
    one = suggest(ruleset, SAMPLE_LOGS, SuggestOptions(min_count=1, jobs=1))
    two = suggest(ruleset, SAMPLE_LOGS, SuggestOptions(min_count=1, jobs=2))
    assert one.unknown == two.unknown > 20
    assert [(d.signature, d.count) for d in one.drafts] == [
        (d.signature, d.count) for d in two.drafts
    ]
