"""`matcher watch --metrics`: the agent's own numbers, scraped over HTTP and parsed with
prometheus-client's parser, agree with what it wrote (JSON findings, lines, files)."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from fleet_helpers import free_port
from live_helpers import Tool, findings, line, wait_for, write_signatures
from prometheus_client.parser import text_string_to_metric_families


def scrape(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
        text = answer.read().decode()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


@pytest.mark.parametrize("observer", ["inotify", "poll"])
def test_metrics_agree_with_the_json_findings(tmp_path: Path, observer: str) -> None:
    logs, out, state = tmp_path / "logs", tmp_path / "out.jsonl", tmp_path / "state.json"
    logs.mkdir()
    port = free_port()
    args = ["watch", logs, "-s", write_signatures(tmp_path), "--state", state, "-o", out]
    tool = Tool([*args, "-f", "json", "--metrics", f"127.0.0.1:{port}"], tmp_path, observer)
    try:
        tool.start(wait_ready=state)
        written = [line(seq, 10) for seq in range(200)]
        (logs / "app.log").write_text("".join(written))
        wait_for(lambda: len(findings(out)) == 20, what="20 findings")

        def settled() -> dict[tuple[str, tuple[tuple[str, str], ...]], float] | None:
            samples = scrape(port)
            done = samples.get(("matcher_lines_read_total", ())) == len(written)
            return samples if done else None

        samples = wait_for(settled, what="the metrics to count every line")
        found = samples[("matcher_findings_total", (("incident", "INC-1"), ("severity", "high")))]
        assert found == len(findings(out)) == 20
        assert samples[("matcher_read_bytes_total", ())] == len("".join(written).encode())
        assert samples[("matcher_sources_followed", ())] == 1
        assert samples[("matcher_rules_loaded", ())] == 1
        assert samples[("matcher_source_behind_bytes", (("source", str(logs / "app.log")),))] == 0
        assert samples[("matcher_state_checkpoints_total", ())] >= 1
    finally:
        tool.close()
