"""`matcher compile` end to end: the seed incident log, unedited, to signatures that flag the
real sample logs and none of their near misses."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from matcher.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "past-incidents.md"
SAMPLES = ROOT / "sample_logs"


def _seed(tmp_path: Path) -> Path:
    # CI has shared/ beside the clone; a copy keeps the test independent of where it runs.
    source = SEED if SEED.exists() else ROOT / "tests" / "data" / "incidents" / "past-incidents.md"
    copy = tmp_path / "past-incidents.md"
    copy.write_bytes(source.read_bytes())
    return copy


def test_seed_compiles_to_signatures_that_pass_examples_and_samples(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "sigs"
    result = runner.invoke(cli, ["compile", str(_seed(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["INC-2024-001.yml", "INC-2024-002.yml"]
    tested = runner.invoke(cli, ["test", "-s", str(out), "--samples", str(SAMPLES)])
    assert tested.exit_code == 0, tested.output
    assert "sample " + str(SAMPLES / "near-misses.log") in tested.output
    assert "0 failed" in tested.output


def test_compile_keeps_hand_edited_files_unless_forced(tmp_path: Path) -> None:
    runner = CliRunner()
    seed, out = _seed(tmp_path), tmp_path / "sigs"
    assert runner.invoke(cli, ["compile", str(seed), "-o", str(out)]).exit_code == 0
    again = runner.invoke(cli, ["compile", str(seed), "-o", str(out)])
    assert again.exit_code == 0
    assert again.output.count("unchanged: ") == 2
    edited = out / "INC-2024-001.yml"
    edited.write_text(edited.read_text() + "tags: [db]\n")
    kept = runner.invoke(cli, ["compile", str(seed), "-o", str(out)])
    assert kept.exit_code == 0
    assert f"skipped (differs; --force to overwrite): {edited}" in kept.output
    assert "tags: [db]" in edited.read_text()
    forced = runner.invoke(cli, ["compile", str(seed), "-o", str(out), "--force"])
    assert f"wrote: {edited}" in forced.output
    assert "tags: [db]" not in edited.read_text()


def test_compile_of_a_log_with_no_incident_is_an_error(tmp_path: Path) -> None:
    log = tmp_path / "notes.md"
    log.write_text("# Notes\n\nNothing happened this quarter.\n")
    result = CliRunner().invoke(cli, ["compile", str(log), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"{log}:" in result.stderr
    assert "nothing written" in result.stderr
    assert not (tmp_path / "out").exists()


def test_shipped_signatures_pass_matcher_test() -> None:
    result = CliRunner().invoke(
        cli, ["test", "-s", str(ROOT / "signatures"), "--samples", str(SAMPLES)]
    )
    assert result.exit_code == 0, result.output
    assert "INC-2024-001" in result.output and "INC-2024-002" in result.output
