"""What a symptom matches (docs/symptoms.md), with each engine.

A symptom is literal, case-sensitive text within one line, bounded at word characters; a
whitespace run matches any whitespace run; ``<name>`` is one token and ``<name:type>`` a typed
value; a leading exception class is optional when the rest of the message is distinctive; JSON
and XML escapes are decoded before matching.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import INC_001, INC_002, QUEUEPOOL, UNIQUE_EMAIL, signature_fields, write_signature

import matcher
from matcher.patterns.ruleset import Ruleset


def ruleset_for(tmp_path: Path, symptoms: Sequence[Any], engine: str) -> Ruleset:
    write_signature(tmp_path / "sigs", signature_fields("T", symptoms=list(symptoms)))
    return matcher.load_ruleset([tmp_path / "sigs"], engine=engine)


def flagged(ruleset: Ruleset, text: str | bytes) -> list[int]:
    """Line numbers of the findings in ``text``."""
    return [f.line for f in matcher.scan_text(ruleset, text, events="lines")]


def check(ruleset: Ruleset, matching: Sequence[str], not_matching: Sequence[str]) -> None:
    wrong = [line for line in matching if flagged(ruleset, line) != [1]]
    wrong += [line for line in not_matching if flagged(ruleset, line)]
    assert wrong == [], "these lines were judged wrongly"


# -- the layer rule, on the core issue's two messages ------------------------------------


def test_unique_violation_matches_through_every_layer_and_no_near_miss(
    tmp_path: Path, engine: str
) -> None:
    ruleset = ruleset_for(tmp_path, [UNIQUE_EMAIL], engine)
    message = 'duplicate key value violates unique constraint "ix_users_email"'
    check(
        ruleset,
        matching=[
            f"IntegrityError: {message}",
            f"sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) {message}",
            f"psycopg2.errors.UniqueViolation: {message}",
            f"2024-08-22 10:15:02.123 UTC [4242] app@appdb ERROR:  {message}",
            '{"level": "error", "error": "duplicate key value violates unique constraint '
            '\\"ix_users_email\\""}',
            '{"error": "duplicate key value violates unique constraint '
            '\\u0022ix_users_email\\u0022"}',
            '<failure message="sqlalchemy.exc.IntegrityError: duplicate key value violates '
            'unique constraint &quot;ix_users_email&quot;&#10;DETAIL: ...">',
            f"E   {message}\r",
            f"{message}: retrying",
        ],
        not_matching=[
            message.replace("ix_users_email", "ix_users_email_old"),
            message.replace("ix_users_email", "ix_users_username"),
            f"ERROR:  {message.replace('duplicate', 'Duplicate')}",
            f"ERROR:  {message.upper()}",
            f"ERROR:  {message.replace('key value', 'key')}",
            f"ERROR:  {message.replace('unique ', '')}",
            f"ERROR:  {message.replace(' value ', ' valve ')}",
            'ERROR:  duplicate key value violates unique constraint "ix_users_email',
            "IntegrityError: duplicate key value violates unique constraint ix_users_email",
            "ERROR:  duplicate key value violates unique constraint [message truncated]",
        ],
    )


def test_queuepool_exhaustion_matches_the_error_not_the_code_or_debug_lines(
    tmp_path: Path, engine: str
) -> None:
    ruleset = ruleset_for(tmp_path, [QUEUEPOOL], engine)
    check(
        ruleset,
        matching=[
            "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, "
            "connection timed out, timeout 30.00",
            "E       sqlalchemy.exc.TimeoutError: QueuePool limit of size 2 overflow 0 reached",
            "QueuePool limit of size 5 overflow 10 reached",
            '{"msg": "QueuePool limit of size 5 overflow 10 reached, connection timed out"}',
        ],
        not_matching=[
            "2024 DEBUG [sqlalchemy.pool.impl.QueuePool] Created new connection <conn at 0x7f>",
            "2024 INFO [sqlalchemy.pool.impl.QueuePool] Pool disposed. Pool size: 2",
            ">               raise exc.TimeoutError(",
            '                    "QueuePool limit of size %d overflow %d reached, "',
            '        "QueuePool limit of size {size} overflow {overflow} reached"',
            "queuepool limit of size 5 overflow 10 reached",
            "QueuePool limit of size  overflow 10 reached",
            "QueuePool limit of size 5 overflow 10 reched",
            "QueuePool limit of size 5 overflow 10",
        ],
    )


def test_a_message_wrapped_over_two_lines_does_not_match(tmp_path: Path, engine: str) -> None:
    ruleset = ruleset_for(tmp_path, [UNIQUE_EMAIL, QUEUEPOOL], engine)
    wrapped = (
        "ERROR:  duplicate key value violates\n"
        'unique constraint "ix_users_email"\n'
        "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5\n"
        "overflow 10 reached\n"
    )
    assert flagged(ruleset, wrapped) == []


def test_a_short_message_needs_its_exception_class(tmp_path: Path, engine: str) -> None:
    ruleset = ruleset_for(tmp_path, ["TimeoutError: timed out"], engine)
    check(
        ruleset,
        matching=[
            "TimeoutError: timed out",
            "asyncio.exceptions.TimeoutError:   timed out",
            "raise: builtins.TimeoutError: timed out (after 30 s)",
        ],
        not_matching=[
            "the request timed out",
            "ConnectTimeoutError: timed out",
            "TimeoutError timed out",
            "ERROR:  timed out",
        ],
    )


# -- literal text ------------------------------------------------------------------------


def test_literal_text_is_case_sensitive_and_bounded_at_word_characters(
    tmp_path: Path, engine: str
) -> None:
    ruleset = ruleset_for(tmp_path, ["disk full"], engine)
    check(
        ruleset,
        matching=["disk full", "ERROR: disk full on /dev/sda", "disk full!", "[disk full]"],
        not_matching=["Disk full", "DISK FULL", "disk fullness", "harddisk full", "diskfull"],
    )


def test_a_symptom_edge_that_is_not_a_word_character_needs_no_boundary(
    tmp_path: Path, engine: str
) -> None:
    ruleset = ruleset_for(tmp_path, ["(code 7)"], engine)
    check(ruleset, matching=["exit(code 7)now"], not_matching=["exit(code 70)", "(Code 7)"])


def test_regex_characters_are_literal(tmp_path: Path, engine: str) -> None:
    ruleset = ruleset_for(tmp_path, ["cost is $5.00 (approx.) [est] a|b *x+ ^y?"], engine)
    check(
        ruleset,
        matching=["total cost is $5.00 (approx.) [est] a|b *x+ ^y? today"],
        not_matching=[
            "cost is $5X00 (approx.) [est] a|b *x+ ^y?",
            "cost is 5.00 approx. est a b x y",
        ],
    )


def test_any_whitespace_run_matches_any_whitespace_run(tmp_path: Path, engine: str) -> None:
    ruleset = ruleset_for(tmp_path, ["connection   pool exhausted"], engine)
    check(
        ruleset,
        matching=[
            "connection pool exhausted",
            "connection\tpool  exhausted",
            "connection \t pool\u00a0exhausted",
            '{"msg": "connection\\tpool exhausted"}',
        ],
        not_matching=["connectionpool exhausted", "connection-pool exhausted"],
    )


def test_text_in_angle_brackets_that_is_no_placeholder_is_literal(
    tmp_path: Path, engine: str
) -> None:
    ruleset = ruleset_for(tmp_path, ["Expected <Foo> got <foo bar> -> <1x>"], engine)
    check(
        ruleset,
        matching=["Expected <Foo> got <foo bar> -> <1x>"],
        not_matching=["Expected Foo got foo bar -> 1x", "Expected <Bar> got <foo bar> -> <1x>"],
    )


# -- placeholders ------------------------------------------------------------------------


PLACEHOLDER_CASES: list[tuple[str, list[str], list[str]]] = [
    (
        "connect to <server> failed",
        ["connect to db-1.example.com failed", "connect to 10.0.0.7:5432 failed"],
        ["connect to  failed", "connect to db 1 failed", "connect to failed"],
    ),
    (
        "connect to <host> failed",
        ["connect to db-1.example.com failed", "connect to localhost failed"],
        ["connect to 10.0.0.7:5432 failed", "connect to -db- failed"],
    ),
    (
        "user <id:int> not found",
        ["user 42 not found", "user -7 not found", "user +3 not found"],
        ["user 4x2 not found", "user \u0663 not found", "user 4.2 not found", "user x not found"],
    ),
    (
        "took <t:num> seconds",
        [
            "took 1.5 seconds",
            "took 1e3 seconds",
            "took .5 seconds",
            "took -2.5E-3 seconds",
            "took 7 seconds",
        ],
        ["took abc seconds", "took . seconds", "took 1.5.5 seconds"],
    ),
    (
        "bad address <a:hex> in frame",
        ["bad address 0xDEADbeef in frame", "bad address 7f00 in frame"],
        ["bad address 0xZZ in frame", "bad address ghij in frame"],
    ),
    (
        "request <r:uuid> done",
        ["request 123e4567-e89b-12d3-a456-426614174000 done"],
        ["request 123e4567 done", "request 123e4567-e89b-12d3-a456-42661417400 done"],
    ),
    (
        "client <addr:ip> refused",
        ["client 10.0.0.1 refused", "client ::1 refused", "client fe80::1%eth0 refused"],
        ["client abc refused", "client 10.0.0 refused"],
    ),
    (
        "cannot open <p:path> for writing",
        ["cannot open /var/log/app.log for writing", "cannot open C:\\tmp\\x.txt for writing"],
        ['cannot open "/var/log/app.log" for writing', "cannot open %s for writing"],
    ),
    (
        "name <n:quoted> is taken",
        ['name "bob smith" is taken', "name 'bob' is taken"],
        ["name bob is taken", "name \"bob' is taken"],
    ),
    (
        "key <k:word> missing",
        ["key foo_bar missing", "key \u00f1and\u00fa missing", "key 42 missing"],
        ["key foo-bar missing", "key  missing"],
    ),
    (
        "panic: <reason:any>",
        ["panic: runtime error: index out of range [3] with length 3", "goroutine 1 panic: x"],
        ["panic: ", "panic:"],
    ),
    (
        "job <name> failed after <n:int> retries",
        ["job nightly-export failed after 3 retries"],
        [
            "job nightly export failed after 3 retries",
            "job nightly-export failed after many retries",
        ],
    ),
    (
        "read tcp <a>-><b>: connection reset",
        ["read tcp 10.0.0.1:5432->10.0.0.2:41000: connection reset"],
        ["read tcp 10.0.0.1:5432 10.0.0.2:41000: connection reset"],
    ),
    (
        "read tcp <a><b>: connection reset",
        ["read tcp 10.0.0.1:5432->10.0.0.2:41000: connection reset"],
        ["read tcp : connection reset"],
    ),
    (
        "<unit> timed out waiting for lock",
        ["worker-3 timed out waiting for lock", "ERROR [db] worker-3 timed out waiting for lock"],
        [" timed out waiting for lock", "timed out waiting for lock"],
    ),
    (
        "exit code=<code:int>",
        ["exit code=500", "exit code=500, retrying"],
        ["exit code=500x", "exit code=x500"],
    ),
    (
        "pool size <n> exceeded",
        ["pool size 20 exceeded", "pool size {} exceeded", "pool size 50% exceeded"],
        [
            "pool size %d exceeded",
            "pool size %(size)s exceeded",
            "pool size %5.2f exceeded",
            "pool size {0} exceeded",
            "pool size {size} exceeded",
            "pool size {size:>4} exceeded",
        ],
    ),
]


@pytest.mark.parametrize(
    ("symptom", "matching", "not_matching"),
    PLACEHOLDER_CASES,
    ids=[c[0] for c in PLACEHOLDER_CASES],
)
def test_placeholders(
    tmp_path: Path, engine: str, symptom: str, matching: list[str], not_matching: list[str]
) -> None:
    check(ruleset_for(tmp_path, [symptom], engine), matching, not_matching)


def test_captured_values_come_with_the_finding(tmp_path: Path, engine: str) -> None:
    ruleset = ruleset_for(
        tmp_path, ["job <name> failed after <n:int> retries on <host:host>"], engine
    )
    [finding] = matcher.scan_text(
        ruleset, "12:00 ERROR job export failed after 3 retries on db-1.\n"
    )
    assert dict(finding.captures) == {"name": "export", "n": "3", "host": "db-1"}
    assert (
        finding.text[finding.span[0] : finding.span[1]]
        == "job export failed after 3 retries on db-1"
    )


def test_the_queuepool_values_are_captured(tmp_path: Path, engine: str) -> None:
    ruleset = ruleset_for(tmp_path, [QUEUEPOOL], engine)
    line = "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, timeout 30"
    [finding] = matcher.scan_text(ruleset, line)
    assert dict(finding.captures) == {"x": "5", "y": "10"}
    assert finding.span == (
        0,
        len("sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached"),
    )


# -- raw regex symptoms --------------------------------------------------------------------


def test_regex_symptoms(tmp_path: Path, engine: str) -> None:
    ruleset = ruleset_for(
        tmp_path,
        [
            {"regex": r"worker \d+ exited with (?:signal|code) \d+$"},
            {"regex": r"(?i)out of memory"},
        ],
        engine,
    )
    check(
        ruleset,
        matching=[
            "worker 3 exited with signal 9",
            "worker 3 exited with code 1\r",
            "OUT OF MEMORY",
            "Out Of Memory",
        ],
        not_matching=[
            "worker 3 exited with signal 9 (ignored)",
            "worker x exited with code 1",
            "out of mem",
        ],
    )


def test_a_regex_symptom_with_a_literal_hint(tmp_path: Path, engine: str) -> None:
    ruleset = ruleset_for(
        tmp_path, [{"regex": r"segfault at [0-9a-f]+ ip", "literal": "segfault at "}], engine
    )
    check(
        ruleset,
        matching=["kernel: app[42]: segfault at 7f3a ip 0000"],
        not_matching=["segfault at zz ip"],
    )


# -- any / all / unless on one line ---------------------------------------------------------


def test_all_symptoms_must_match_and_no_unless_symptom(tmp_path: Path, engine: str) -> None:
    symptoms = {
        "any": ["connection refused"],
        "all": ["service=orders"],
        "unless": ["during shutdown"],
    }
    write_signature(tmp_path / "sigs", signature_fields("T", symptoms=symptoms))
    ruleset = matcher.load_ruleset([tmp_path / "sigs"], engine=engine)
    check(
        ruleset,
        matching=["ERROR service=orders connection refused"],
        not_matching=[
            "ERROR service=billing connection refused",
            "ERROR service=orders connection refused during shutdown",
            "ERROR service=orders ok",
        ],
    )


# -- what the scanner makes of raw bytes ------------------------------------------------------


def test_line_ends_bytes_and_numbering(core_signatures: Path, engine: str) -> None:
    ruleset = matcher.load_ruleset([core_signatures], engine=engine)
    email = b'ERROR:  duplicate key value violates unique constraint "ix_users_email"'
    data = b"".join(
        [
            b"first\r\n",  # 1
            b"\xff\xfe broken utf-8 " + email + b" \xc3\r\n",  # 2
            b"lone\rcarriage " + email + b"\n",  # 3: a lone CR does not end a line
            b"nul \x00 byte " + email + b"\n",  # 4
            b"\n",  # 5
            email,  # 6: no newline at the end
        ]
    )
    findings = matcher.scan_text(ruleset, data, events="lines")
    assert [f.line for f in findings] == [2, 3, 4, 6]
    assert findings[0].text.startswith("\\xff\\xfe broken utf-8 ERROR:")
    assert findings[0].text.endswith(" \\xc3")
    assert findings[1].text.startswith("lone\rcarriage")
    assert findings[2].text.startswith("nul \x00 byte")
    for finding in findings:
        start, end = finding.span
        assert finding.text[start:end] == email.decode()[len("ERROR:  ") :]


def test_json_lines_are_matched_decoded_and_say_so(core_signatures: Path, engine: str) -> None:
    ruleset = matcher.load_ruleset([core_signatures], engine=engine)
    line = '{"error": "duplicate key value violates unique constraint \\"ix_users_email\\""}'
    # read as it is: the whole line, its escapes decoded for the match
    [finding] = matcher.scan_text(ruleset, line, envelope="none")
    assert (
        finding.text
        == '{"error": "duplicate key value violates unique constraint "ix_users_email""}'
    )
    assert finding.decoded == "json"
    assert finding.text[finding.span[0] : finding.span[1]].endswith('"ix_users_email"')
    # recognised as a JSON record (the default): the message field is the text
    [finding] = matcher.scan_text(ruleset, line)
    assert finding.text == 'duplicate key value violates unique constraint "ix_users_email"'
    assert finding.decoded == "json"
    assert finding.raw_span == (1, 11, 1, 76)  # the match in the raw line, escapes and all
    assert line[11:76].endswith('\\"ix_users_email\\"')


def test_core_examples_hold(core_signatures: Path, engine: str) -> None:
    ruleset = matcher.load_ruleset([core_signatures], engine=engine)
    for sig in (INC_001, INC_002):
        for line in sig["examples"]["match"]:
            assert [f.signature.id for f in matcher.scan_text(ruleset, line)] == [sig["id"]]
        for line in sig["examples"]["no_match"]:
            assert matcher.scan_text(ruleset, line) == []
