"""``matcher watch /var/log/containers`` as the kubelet lays it out: a symlink per container to
``/var/log/pods/…/0.log`` in the CRI format, rotated to ``0.log.<timestamp>`` and a new
``0.log``; and docker's ``-json.log`` (issue #12). A real subprocess, inotify."""

from __future__ import annotations

import json
from pathlib import Path

from live_helpers import Tool, findings, match_line, noise_line, seqs, wait_seqs, write_signatures


def cri(seqs_and_kinds: list[tuple[int, bool]]) -> str:
    out = []
    for seq, match in seqs_and_kinds:
        text = (match_line(seq) if match else noise_line(seq)).rstrip("\n")
        out.append(f"2026-11-27T00:00:{seq % 60:02d}.123456789Z stderr F {text}\n")
    return "".join(out)


def docker(seq: int) -> str:
    log = json.dumps(match_line(seq))[1:-1]
    return f'{{"log":"{log}","stream":"stdout","time":"2026-11-27T00:00:00.1Z"}}\n'


def test_watch_reads_kubelet_symlinks_and_rotation_and_docker_logs(tmp_path: Path) -> None:
    containers, pod = tmp_path / "containers", tmp_path / "pods" / "ns_api-7d9f8c-x2kqp_1" / "api"
    containers.mkdir()
    pod.mkdir(parents=True)
    log = pod / "0.log"
    log.write_text(cri([(1, False)]))
    (containers / "api-7d9f8c-x2kqp_ns_api-0123.log").symlink_to(log)
    dockerlog = containers / "0123abcd-json.log"
    dockerlog.write_text("")
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    write_signatures(tmp_path)
    args = ["watch", containers, "-s", tmp_path / "sigs", "-f", "json", "-o", out]
    tool = Tool([*args, "--state", state, "--grace", "0.3"], tmp_path)
    try:
        tool.start(wait_ready=state)
        with log.open("a") as fh:
            fh.write(cri([(2, False), (3, True), (4, False)]))
        wait_seqs(out, [3])
        [first] = findings(out)
        assert first["line"] == 3  # the file's own line number
        assert first["text"] == match_line(3).rstrip("\n")  # the payload, no CRI prefix
        assert first["fields"]["stream"] == "stderr"
        # the kubelet rotates: 0.log renamed to 0.log.<timestamp>, a new 0.log
        log.rename(pod / "0.log.20261127-001111")
        log.write_text(cri([(5, False), (6, True)]))
        wait_seqs(out, [3, 6])
        with dockerlog.open("a") as fh:
            fh.write(docker(7))
        wait_seqs(out, [3, 6, 7])
        assert tool.stop() == 0
        by_seq = dict(zip(seqs(out), findings(out), strict=True))
        assert by_seq[6]["line"] == 2
        assert by_seq[7]["fields"]["stream"] == "stdout"
    finally:
        tool.close()
