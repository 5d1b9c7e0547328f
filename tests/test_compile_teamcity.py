"""A TeamCity build log pasted into a postmortem: its framing (time, status, nesting tabs, the
block's name) is dropped, and its own lines (service messages, a step's heading and end, the
build's problems, a test's name over its block) are never symptoms
(docs/incident-log-format.md, "Twenty-ninth round", says the rule)."""

from __future__ import annotations

from compile_helpers import incidents_of, symptoms_of

REFUSED = "ConnectionRefusedError: [Errno 111] Connection refused"
NO_SPACE = "OSError: [Errno 28] No space left on device"
CP_NO_SPACE = "cp: error writing '<path>': No space left on device"
BIND = "[emerg] bind() to <ip>:<port:int> failed (98: Address already in use)"


def _block(*lines: str) -> str:
    """A symptom item holding a fenced code block of these lines (tabs kept)."""
    body = "".join(f"  {line}\n" for line in lines)
    return f"* Build log:\n\n  ```\n{body}  ```\n"


def test_a_build_logs_time_status_nesting_and_block_name_are_framing() -> None:
    # (a step's lines and a test's, nested deeper: the program's own line is the symptom)
    text = _block(
        "[02:00:03]W:\t [Step 1/2] OSError: [Errno 28] No space left on device",
        "[02:00:03]W:\t [Step 1/2] cp: error writing '/mnt/backup/a.bin': No space left on device",
    )
    assert symptoms_of(text) == (NO_SPACE, CP_NO_SPACE)
    nested = _block(
        "[08:16:12] :\t [Step 2/3] tests/integration/test_reserve.py",
        "[08:16:12] :\t\t [tests/integration/test_reserve.py] test_inventory_health",
        "[08:16:12]E:\t\t\t [test_inventory_health] ConnectionRefusedError: [Errno 111]"
        " Connection refused",
    )
    assert symptoms_of(nested) == (REFUSED,)


def test_a_block_named_with_brackets_inside_and_a_level_kept() -> None:
    # (a parametrised test's block, `[test_put[big-file]]`; nginx's `[emerg]` is its level)
    text = _block(
        "[08:16:18]E:\t\t [test_put[big-file]] OSError: [Errno 28] No space left on device",
        "[08:16:18]W:\t [Step 2/3] nginx: [emerg] bind() to 0.0.0.0:443 failed (98: Address"
        " already in use)",
    )
    assert NO_SPACE in symptoms_of(text)
    assert all("test_put" not in s and "Step" not in s for s in symptoms_of(text))


def test_teamcitys_own_lines_are_never_symptoms() -> None:
    # (no line with a level: every line would be one, but TeamCity's say how the build went)
    text = _block(
        "[08:16:04]i: TeamCity server version is 2024.12.1 (build 174331)",
        "[08:16:17] : Step 2/3: Reload nginx (SSH Exec) (6s)",
        "[08:16:17] :\t [Step 2/3] Starting: /opt/buildAgent/temp/agentTmp/custom_script4417.sh",
        "[08:16:17] :\t [Step 2/3] ##teamcity[blockOpened name='reload' description='nginx -s']",
        "[08:16:18]W:\t\t [reload] nginx: [emerg] bind() to 0.0.0.0:443 failed (98: Address"
        " already in use)",
        "[08:16:18] :\t [Step 2/3] ##teamcity[blockClosed name='reload']",
        "[08:16:18] :\t [Step 2/3] ##teamcity[buildProblem description='nginx reload failed']",
        "[08:16:18]E:\t [Step 2/3] Process exited with code 1",
        "[08:16:18]E:\t [Step 2/3] Step Reload nginx (SSH Exec) failed",
        "[08:16:18]E: Build problem: nginx reload failed",
        "[08:16:18]E: Build problem: Process exited with code 1 (Step: Reload nginx (SSH Exec))",
    )
    assert symptoms_of(text) == (BIND,)


def test_a_service_messages_message_is_no_symptom() -> None:
    # (`testFailed`'s message repeats the test's error cut short, its quotes escaped `|'`)
    text = _block(
        "[08:16:12]E:\t\t [test_health] OSError: [Errno 28] No space left on device",
        "[08:16:12] :\t\t [test_health] ##teamcity[testFailed name='test_health'"
        " message='OSError: [Errno 28|] No space left on device: |'/mnt/a|'']",
    )
    assert symptoms_of(text) == (NO_SPACE,)


def test_a_line_of_another_block_does_not_go_on_from_an_error() -> None:
    # (a line with no level goes on from an error line before it, as PostgreSQL's DETAIL
    # does; a test's name over its own block, or a line of the step around it, does not)
    text = _block(
        "[08:16:12] :\t\t [tests/test_reserve.py] test_inventory_health",
        "[08:16:12]E:\t\t\t [test_inventory_health] ConnectionRefusedError: [Errno 111]"
        " Connection refused",
        "[08:16:13] :\t\t [tests/test_reserve.py] test_reserve_stock",
        "[08:16:13] :\t\t\t [test_reserve_stock] reserved 3 items",
        "[08:16:14]E:\t\t\t [test_other] ConnectionRefusedError: [Errno 111] Connection refused",
        "[08:16:14] :\t [Step 2/3] collected 2 items, 1 deselected",
    )
    assert symptoms_of(text) == (REFUSED,)


def test_a_reviewers_note_sets_a_build_logs_line_aside() -> None:
    text = _block(
        "[02:00:03]W:\t [Step 1/2] OSError: [Errno 28] No space left on device",
        "[02:00:04]W:\t [Step 1/2] OSError: [Errno 30] Read-only file system:"
        " '/mnt/backup/retry.dump'",
        "[02:00:04]E:\t [Step 1/2] Process exited with code 1",
    ) + (
        "* NOT it: `OSError: [Errno 30] Read-only file system` — ops remounted the volume"
        " read-only afterwards.\n"
    )
    assert symptoms_of(text) == (NO_SPACE,)


def test_a_build_logs_line_quoted_inline_loses_its_framing() -> None:
    # (quoted in a sentence, its tabs are one space; the block's name goes all the same)
    said = "* It said `[02:00:03]W: [Step 1/2] OSError: [Errno 28] No space left on device`.\n"
    assert symptoms_of(said) == (NO_SPACE,)


REVIEW = """# CI failure review — week 49

## Ops / Nightly backup #97 — FAILED

```
[02:00:03] : Step 1/2: dump + copy (Command Line) (2s)
[02:00:03]W:\t [Step 1/2] OSError: [Errno 28] No space left on device
[02:00:04]E:\t [Step 1/2] Process exited with code 1
[02:00:04]E: Build problem: Process exited with code 1 (Step: dump + copy (Command Line))
```

Notes:
- **→ INC-7.** The backup volume is a tmpfs sized at 256k.
"""


def test_a_build_review_gives_its_incident_the_programs_line() -> None:
    assert incidents_of(REVIEW) == {"INC-7": (NO_SPACE,)}
