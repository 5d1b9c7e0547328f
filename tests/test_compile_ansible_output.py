"""Ansible's output pasted in a code block (an ops review of AWX runs): a failed task's result
gives the lines its command printed on stderr (JSON-unescaped, from the one-line JSON, the
pretty-printed JSON of `-v` or the YAML callback's layout), each read as a pasted log line is;
Ansible's own lines (TASK/PLAY/RECAP, `ok:`/`changed:`, `...ignoring`) and a module's own
message (`non-zero return code`, `Status code was 503 and not [200]: ...`) never are symptoms
(docs/incident-log-format.md, "Code blocks")."""

from __future__ import annotations

import pytest

from matcher.incidents.reader import compile_incident_log


def _incident(block: str) -> str:
    return (
        "**Incident ID:** INC-7\n**Title:** Gateway restart failed\n**Severity:** High\n\n"
        f"**Symptoms:**\n\n```\n{block.strip()}\n```\n\n**Resolution:**\n* Fixed.\n"
    )


def _symptoms(block: str) -> tuple[str, ...]:
    log = compile_incident_log(_incident(block), "pm.md")
    (incident,) = log.incidents
    return tuple(s if isinstance(s, str) else s["text"] for s in incident.symptoms)


_TRACEBACK = (
    '"Traceback (most recent call last):", "  File \\"/opt/gw/restart.py\\", line 9, in main",'
    ' "    out.flush()", "OSError: [Errno 28] No space left on device"'
)
_ONE_LINE = f"""
PLAY [gateway] *****************************************************************

TASK [restart gateway] *********************************************************
fatal: [web-1]: FAILED! => {{"changed": true, "cmd": ["/opt/gw/restart.py"], "msg": "non-zero \
return code", "rc": 1, "stderr": "", "stderr_lines": [{_TRACEBACK}], "stdout_lines": []}}
...ignoring

PLAY RECAP *********************************************************************
web-1                      : ok=3    changed=1    unreachable=0    failed=0    ignored=1
"""
_PRETTY = """
TASK [restart gateway] *********************************************************
fatal: [web-1]: FAILED! => {
    "changed": true,
    "msg": "non-zero return code",
    "rc": 1,
    "stderr": "OSError: [Errno 28] No space left on device",
    "stderr_lines": [
        "OSError: [Errno 28] No space left on device"
    ]
}
"""
_YAML = """
TASK [restart gateway] *********************************************************
fatal: [web-1]: FAILED! =>
  changed: true
  cmd:
  - /opt/gw/restart.py
  msg: non-zero return code
  rc: 1
  stderr: |-
    Traceback (most recent call last):
      File "/opt/gw/restart.py", line 9, in main
        out.flush()
    OSError: [Errno 28] No space left on device
  stderr_lines: <omitted>
  stdout: ''
  stdout_lines: <omitted>
...ignoring
"""
# (the author cut the JSON: the strings it still holds whole are read)
_CUT = """
TASK [restart gateway] *********************************************************
fatal: [web-1]: FAILED! => {"changed": true, "msg": "non-zero return code", "stderr_lines": [\
"OSError: [Errno 28] No space left on device", "  File \\"/opt/gw/re\u2026
"""


@pytest.mark.parametrize("block", [_ONE_LINE, _PRETTY, _YAML, _CUT])
def test_a_failed_tasks_stderr_is_read_as_a_pasted_log(block: str) -> None:
    # the exception line only: not the frames, the module's msg, nor Ansible's own lines
    assert _symptoms(block) == ("OSError: [Errno 28] No space left on device",)


def test_stderr_is_json_unescaped_and_split_on_its_newlines() -> None:
    block = """
TASK [gateway : selfcheck] *****************************************************
fatal: [gw-2]: FAILED! => {"changed": true, "msg": "non-zero return code", "rc": 2, "stderr": "\
2026-12-03 08:16:12,875 INFO gateway: loading \\"upstreams.yml\\"\\n2026-12-03 08:16:12,880 \
ERROR gateway: cannot open \\"/etc/gw/tls.key\\": Permission denied\\n"}
"""
    assert _symptoms(block) == ('ERROR gateway: cannot open "<path>": Permission denied',)


def test_a_failed_command_states_its_error_on_stderr_not_stdout() -> None:
    block = """
TASK [backup : copy binlogs] ***************************************************
fatal: [db-1]: FAILED! => {"msg": "non-zero return code", "rc": 1, "stderr_lines": ["cp: error \
writing '/mnt/backup/binlog.000412': No space left on device"], "stdout_lines": ["copying 3 \
binlogs to /mnt/backup"]}
"""
    assert _symptoms(block) == ("cp: error writing '<path>': No space left on device",)


def test_a_modules_own_message_is_no_symptom() -> None:
    # the uri module's account of a 503, and its `Request failed: <urlopen error ...>`
    block = """
TASK [smoke : GET /health] *****************************************************
fatal: [edge-1]: FAILED! => {"changed": false, "msg": "Status code was 503 and not [200]: HTTP \
Error 503: Service Unavailable", "status": 503, "url": "https://shop.internal/health"}
fatal: [edge-2]: FAILED! => {"changed": false, "msg": "Status code was -1 and not [200]: Request \
failed: <urlopen error [Errno 111] Connection refused>", "status": -1}
"""
    log = compile_incident_log(_incident(block), "pm.md")
    assert log.incidents == ()
    assert any("INC-7 has no symptom with log text" in str(p) for p in log.problems)


def test_ok_and_changed_results_yield_nothing_unless_their_lines_say_something_failed() -> None:
    block = """
TASK [gateway : render config] *************************************************
ok: [web-1]
changed: [web-2]

TASK [gateway : restart] *******************************************************
changed: [web-1] => {"changed": true, "cmd": "systemctl restart gw", "rc": 0, "stdout_lines": \
["Restarted gateway (pid 4242)"]}
ok: [web-1] => {"changed": false, "msg": "All assertions passed"}
skipping: [web-2]

TASK [gateway : start] *********************************************************
fatal: [web-2]: FAILED! => {"msg": "non-zero return code", "stderr_lines": ["gw: bind() to \
0.0.0.0:443 failed (98: Address already in use)"]}
"""
    assert _symptoms(block) == (
        "gw: bind() to <ip>:<port:int> failed (98: Address already in use)",
    )


def test_a_debug_task_showing_the_error_log_gives_its_error_lines() -> None:
    # (a task that went well shows the journal: its error lines are the incident's)
    block = """
TASK [nginx : show journal on failure] *****************************************
ok: [edge-3] =>
  msg:
  - '2026/12/03 08:16:18 [notice] 11995#11995: try again to bind() after 500ms'
  - '2026/12/03 08:16:18 [emerg] 11995#11995: still could not bind()'
"""
    assert _symptoms(block) == ("[emerg] still could not bind()",)


def test_a_loops_failed_items_give_their_lines() -> None:
    block = """
TASK [backup : dump] ***********************************************************
failed: [db-1] (item=orders) => {"ansible_loop_var": "item", "failed": true, "item": "orders", \
"msg": "non-zero return code", "stderr_lines": ["dump aborted: OperationalError: database or \
disk is full"]}
"""
    assert _symptoms(block) == ("dump aborted: OperationalError: database or disk is full",)


def test_a_block_that_is_not_ansible_output_is_read_as_before() -> None:
    # (`ok: [db-1]` alone, with no task head and no result data, is anyone's)
    block = """
ok: [db-1]
2026-12-03 08:16:12,880 INFO cache: warming 3 shards
2026-12-03 08:16:12,901 ERROR cache: connect to 10.1.7.31:11211 failed: Connection refused
"""
    assert _symptoms(block) == (
        "ERROR cache: connect to <ip>:<port:int> failed: Connection refused",
    )
