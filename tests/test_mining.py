"""Template mining for ``matcher suggest``: masking, header stripping, grouping, ids, the cap,
the telling line, and the grouping accuracy on the labelled loghub sets (real logs)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
import regex

import matcher
from matcher.authoring.drafting import nearest, severity_for, title_for
from matcher.authoring.masking import mask, strip_header
from matcher.authoring.mining import Miner, MinerConfig, template_id
from matcher.authoring.telling import telling_line
from matcher.model import Severity, SourceLocation
from matcher.text import unescape_line

REPO = Path(__file__).resolve().parent.parent
# The loghub 2k sets sit in shared/ beside the checkout (CI lays a copy there too).
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
SETS = [
    "Android", "Apache", "BGL", "HDFS", "HPC", "Hadoop", "HealthApp", "Linux",
    "Mac", "OpenSSH", "OpenStack", "Proxifier", "Spark", "Thunderbird", "Windows", "Zookeeper",
]  # fmt: skip


def loghub_lines(name: str) -> list[str]:
    text = (LOGHUB / f"{name}_2k.log").read_bytes().decode("utf-8", "surrogateescape")
    return text.splitlines()


def matches(template: str, line: str) -> bool:
    """Whether ``template``, read as a symptom (docs/symptoms.md), matches ``line`` as it is
    or with its JSON/XML escapes decoded (rule 9)."""
    symptom = matcher.Symptom(template, SourceLocation("mined", 1, 1))
    pattern = matcher.compile_symptom(symptom).pattern
    decoded = unescape_line(line)
    return any(regex.search(pattern, text) for text in (line, decoded) if text is not None)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("retry 3 of 10", "retry <int> of <int>"),
        ("exit code -7", "exit code <int>"),
        ("load 0.75 and 1e-3", "load <num> and <num>"),
        ("load 2.5E-3 now", "load <num> now"),
        ("addr 0xDEADbeef freed", "addr <hex> freed"),
        ("commit 9f4ef63a1c2b done", "commit <hex> done"),
        ("req 123e4567-e89b-12d3-a456-426614174000 ok", "req <uuid> ok"),
        ("req-38101a0b-2096-447d-96ea-a692162415ae", "req-<uuid>"),
        ("from 10.0.0.1 and fe80::1%eth0 and ::1", "from <ip> and <ip> and <ip>"),
        ("peer [192.168.0.12]:5432 lost", "peer [<ip>]:<int> lost"),
        ("via db-1.example.com:5432 now", "via <host>:<int> now"),
        ("at Foo.bar:12 and main.go:42", "at Foo.bar:<int> and main.go:<int>"),
        ("open /var/log/app.log failed", "open <path> failed"),
        (r"open C:\Windows\system32\x.dll failed", "open <path> failed"),
        ("GET https://example.com/a?b=1 done", "GET <path> done"),
        ('constraint "ix_users_email" violated', "constraint <quoted> violated"),
        ("user 'bob' unknown", "user <quoted> unknown"),
        ('tag="View Lock", name=x', "tag=<quoted>, name=x"),
        ('"GET /x/1 HTTP/1.1" 200', '"GET <path> HTTP/<num>" <int>'),
        ("took 1.5s and 250ms", "took <num>s and <int>ms"),
        ("timeout after 1h2m3.5s", "timeout after <x>"),
        ("full at 95%", "full at <int>%"),
        ("since 2024-01-02T10:00:00Z", "since <x>"),
        ("at Sun Jul 10 03:55:15 2005", "at <word> <word> <int> <x> <int>"),
        ("version 6.1.7601.23505 loaded", "version <x> loaded"),
        ("at <init> of <Foo>", "at <x> of <Foo>"),
        ("blk_-6952295868487656571 gone", "blk_<int> gone"),
        ("id 123456789012345678901234 too long", "id <x> too long"),
    ],
)
def test_mask_replaces_each_kind_of_value_with_its_placeholder(text: str, masked: str) -> None:
    assert mask(text) == masked
    assert matches(masked, text)


@pytest.mark.parametrize(
    "text", ["disk full", "ValueError: bad input", "utf8 ext4 log4j", "The end."]
)
def test_mask_keeps_words(text: str) -> None:
    assert mask(text) == text


@pytest.mark.parametrize(
    ("line", "message", "level"),
    [
        (
            "2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: "
            "Created MRAppMaster",
            "Created MRAppMaster",
            "INFO",
        ),
        (
            "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown",
            "check pass; user unknown",
            None,
        ),
        (
            "[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6",
            "mod_jk child workerEnv in error state 6",
            "ERROR",
        ),
        (
            "03-17 16:13:38.811  1702  2395 E WindowManager: Failed to add window",
            "Failed to add window",
            "ERROR",
        ),
        (
            "20171223-22:15:29:606|Step_LSC|30002312|onExtend:1514038530000 14",
            "onExtend:1514038530000 14",
            None,
        ),
        (
            "2024-08-22 10:15:02.123 UTC [4242] ERROR:  duplicate key value",
            "duplicate key value",
            "ERROR",
        ),
        ("2024-08-22 10:15:02 error: disk full", "error: disk full", None),
        (
            "2024-08-22 10:15:02.123 UTC [4242] app@appdb ERROR:  duplicate key value",
            "duplicate key value",
            "ERROR",
        ),
        ("2024-01-01 12:00:00 s3 upload failed", "s3 upload failed", None),
        (
            '{"ts": "2026-11-27T01:59:48", "level": "error", "message": "open \\"x\\": denied"}',
            'open "x": denied',
            "ERROR",
        ),
        ('{"msg": "2024-01-01 10:00:00 WARN retry 3"}', "retry 3", "WARN"),
        ('{"no": "message"}', '{"no": "message"}', None),
        ('{"level": "error", "error": "disk full"}', "disk full", "ERROR"),
        ("E       ValueError: bad input", "ValueError: bad input", None),
        ("Caused by: java.io.IOException: disk full", "java.io.IOException: disk full", None),
        ("FAILED tests/test_a.py::test_b - KeyError: 'x'", "KeyError: 'x'", None),
        (
            "2026-11-27 02:00:09,978 ERROR [seed] sqlalchemy.exc.IntegrityError: (psycopg2.X) dup",
            "sqlalchemy.exc.IntegrityError: (psycopg2.X) dup",
            "ERROR",
        ),
        ("ValueError: bad input 42", "ValueError: bad input 42", None),
        ("INFO starting", "INFO starting", None),
        ("", "", None),
    ],
)
def test_strip_header_drops_a_generic_prefix(line: str, message: str, level: str | None) -> None:
    stripped = strip_header(line)
    assert (stripped.text, stripped.level) == (message, level)


def test_lines_of_one_message_form_one_group_with_a_typed_template() -> None:
    miner = Miner(MinerConfig(examples=2))
    lines = [
        f"2024-01-0{i} 10:00:0{i} ERROR db: pool limit of size {i} overflow {i * 10} reached"
        for i in range(1, 6)
    ]
    keys = {miner.add(line, origin=f"app.log:{n}") for n, line in enumerate(lines, 1)}
    (group,) = miner.groups()
    assert group.template == "pool limit of size <int> overflow <int> reached"
    assert (group.count, group.level, group.first, group.last) == (
        5,
        "ERROR",
        "app.log:1",
        "app.log:5",
    )
    assert group.examples == tuple(lines[:2])
    assert set(group.keys) == keys
    assert all(matches(group.template, line) for line in lines)


def test_a_varying_token_becomes_a_placeholder() -> None:
    miner = Miner()
    for user in ("alice", "bob"):
        miner.add(f"connection from db_{user}_1 refused by upstream server")
    (group,) = miner.groups()
    assert group.template == "connection from <x> refused by upstream server"


def test_json_records_group_on_their_message() -> None:
    miner = Miner()
    lines = [
        f'{{"ts": "2026-11-27T01:59:4{i}", "level": "error", "pid": {i}, '
        f'"message": "could not open \\"/data/{i}.db\\": permission denied"}}'
        for i in range(3)
    ]
    for line in lines:
        miner.add(line)
    (group,) = miner.groups()
    assert (group.template, group.level) == ("could not open <quoted>: permission denied", "ERROR")
    assert all(matches(group.template, line) for line in lines)


LAYERS = [
    "sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value "
    'violates unique constraint "ix_users_email"',
    "psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "
    '"ix_users_email"',
    "2024-08-22 10:15:02.123 UTC [4242] app@appdb ERROR:  duplicate key value violates unique "
    'constraint "ix_users_email"',
    '{"level": "error", "error": "duplicate key value violates unique constraint '
    '\\"ix_users_email\\""}',
]


def test_one_failure_seen_through_several_layers_is_one_group() -> None:
    """The layer rule (docs/symptoms.md): a distinctive message groups without its class, and
    the template keeps the class, which the symptom then makes optional."""
    miner = Miner()
    for line in LAYERS:
        miner.add(line)
    (group,) = miner.groups()
    assert (
        group.template == "IntegrityError: duplicate key value violates unique constraint <quoted>"
    )
    assert all(matches(group.template, line) for line in LAYERS)


def test_a_short_message_keeps_its_class() -> None:
    miner = Miner()
    lines = ["TimeoutError: timed out", "asyncio.exceptions.TimeoutError:   timed out"]
    others = ["ConnectTimeoutError: timed out", "the request timed out"]
    for line in lines + others:
        miner.add(line)
    groups = {g.template: g for g in miner.groups()}
    assert sorted(groups) == [
        "ConnectTimeoutError: timed out",
        "TimeoutError: timed out",
        "the request timed out",
    ]
    assert all(matches("TimeoutError: timed out", line) for line in lines)
    assert not any(matches("TimeoutError: timed out", line) for line in others)


def test_the_class_is_left_out_where_it_would_not_match_every_line() -> None:
    miner = Miner()
    lines = ["QuotaError: over 3", "QuotaError: over 4", "over 5"]
    for line in lines:
        miner.add(line)
    for group in miner.groups():
        assert all(matches(group.template, line) for line in group.examples), group


def test_two_different_words_are_two_messages() -> None:
    miner = Miner()
    for line in (
        "Ending TrustedInstaller initialization.",
        "Ending TrustedInstaller finalization.",
    ):
        miner.add(line)
    assert sorted(g.template for g in miner.groups()) == [
        "Ending TrustedInstaller finalization.",
        "Ending TrustedInstaller initialization.",
    ]


def test_a_word_with_many_values_is_a_value() -> None:
    miner = Miner()
    for user in ("root", "cyrus", "news", "test", "root"):
        miner.add(f"session closed for user {user} after logout")
    (group,) = miner.groups()
    assert (group.template, group.count) == ("session closed for user <x> after logout", 5)


def test_camel_case_words_are_never_joined() -> None:
    miner = Miner()
    for command in ("clusterAddMember", "risBoot", "bootGenvmunix", "shutDown"):
        miner.add(f"action start on node 7 {command} (command 42)")
    assert len(miner.groups()) == 4


def test_groups_come_most_frequent_first() -> None:
    miner = Miner()
    for line in ["disk full on sda"] + ["cannot allocate memory for buffer"] * 3:
        miner.add(line)
    assert [g.count for g in miner.groups()] == [3, 1]


def test_unknown_failures_of_the_sample_logs_group_across_layers(tmp_path: Path) -> None:
    """A real scan: the unknown failures ``matcher scan --unknown`` finds in sample_logs/
    (with a signature that matches nothing), mined by their telling text."""
    (tmp_path / "none.yml").write_text(
        "id: NONE-1\ntitle: t\nseverity: low\nstatus: open\n"
        "symptoms: ['zzqx appears in no log qqzz']\nresolution: r\n",
        encoding="utf-8",
    )
    logs = sorted(str(p) for p in (REPO / "sample_logs").glob("*.log"))
    command = [sys.executable, "-m", "matcher", "scan", "-s", str(tmp_path), "--unknown"]
    scan = subprocess.run(
        [*command, "--format", "json", *logs],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert scan.returncode == 0, scan.stderr
    miner = Miner(MinerConfig(examples=50))
    texts = {}
    for record in map(json.loads, scan.stdout.splitlines()):
        origin = f"{Path(record['source']).name}:{record['line']}"
        texts[origin] = record["text"]
        miner.add(record["text"], origin)
    groups = {g.template: g for g in miner.groups()}
    dup = groups["IntegrityError: duplicate key value violates unique constraint <quoted>"]
    members = [o for o, t in texts.items() if t in dup.examples]
    # the server's ERROR line, SQLAlchemy's tracebacks and pytest's E line: one group
    assert {o.split(":")[0] for o in members} >= {
        "gunicorn-app.log", "near-misses.log", "pytest-output.log"
    }  # fmt: skip
    # the near misses beside it stay apart
    assert "duplicate key value violates exclusion constraint <quoted>" in groups
    assert "IntegrityError: duplicate row value violates unique constraint <quoted>" in groups
    for group in groups.values():
        assert all(matches(group.template, line) for line in group.examples), group


def test_the_id_is_a_stable_hash_of_the_template() -> None:
    miner = Miner()
    miner.add("worker 3 lost heartbeat")
    (group,) = miner.groups()
    assert group.id == template_id("worker <int> lost heartbeat")
    assert re.fullmatch(r"[0-9a-f]{10}", group.id)
    assert template_id("worker <int> lost heartbeat") != template_id("worker <int> lost")


SCRIPT = """
import json, sys
from matcher.authoring.mining import Miner
miner = Miner()
for line in open(sys.argv[1], encoding="utf-8", errors="surrogateescape"):
    miner.add(line.rstrip("\\n"))
print(json.dumps([[g.id, g.template, g.count] for g in miner.groups()]))
"""


@needs_loghub
def test_ids_are_the_same_in_every_run() -> None:
    """Two processes with different hash seeds give the same groups and ids."""
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(LOGHUB / "OpenSSH_2k.log")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=REPO,
            timeout=60,
        ).stdout
        runs.append(json.loads(out))
    assert runs[0] == runs[1]
    assert all(group_id == template_id(template) for group_id, template, _ in runs[0])


def test_the_number_of_groups_is_capped() -> None:
    miner = Miner(MinerConfig(max_groups=5, examples=1))
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    for i, word in enumerate(words * 3):
        miner.add(f"{word} failed {i} times")
    # the least recently matched group goes first: cycling through 8 messages with room for
    # 5, every line after the first 5 makes a new group and drops one
    assert len(miner) == 5 and miner.dropped == 19
    groups = miner.groups()
    assert sorted(g.template.split()[0] for g in groups) == sorted(words[3:])
    assert all(len(g.examples) == 1 for g in groups)


def _word(n: int) -> str:
    letters = ""
    while True:
        n, digit = divmod(n, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not n:
            return letters


def test_memory_is_bounded_by_the_cap_not_by_the_input() -> None:
    """Distinct messages with room for 10 groups: memory after 6,000 lines is about what it
    was after 1,000 (groups, examples and tree nodes all go with the groups dropped)."""
    miner = Miner(MinerConfig(max_groups=10))
    lines = (
        " ".join([_word(i), _word(i + 7), *["job"] * (i % 40), "x" * 100, "failed"])
        for i in range(6_000)
    )
    tracemalloc.start()
    try:
        for _ in range(1_000):
            miner.add(next(lines))
        after_1k = tracemalloc.get_traced_memory()[0]
        for line in lines:
            miner.add(line)
        after_6k = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(miner) == 10 and miner.dropped == 6_000 - 10
    assert after_6k < after_1k + 100_000, (after_1k, after_6k)


def test_bad_input_never_crashes_and_still_matches() -> None:
    miner = Miner()
    long_token = "x" * 5000
    lines = [
        "",
        "   \t ",
        "caf\udcc3 \udca9 broke",  # undecodable bytes kept as surrogates
        "bell \x07 and escape \x1b[31m red",
        " ".join(f"w{i}" for i in range(1000)),
        f"token {long_token} end",
        "ERROR " + "a" * 20000,
    ]
    for line in lines:
        miner.add(line)
    for group in miner.groups():
        assert all(matches(group.template, e) for e in group.examples if e.strip()), group


def test_config_is_checked() -> None:
    with pytest.raises(ValueError):
        MinerConfig(similarity=0)
    with pytest.raises(ValueError):
        MinerConfig(max_groups=0)


@needs_loghub
@pytest.mark.parametrize("name", SETS)
def test_every_mined_template_matches_its_example_lines(name: str) -> None:
    """A template is a symptom (docs/symptoms.md) that matches the real lines of its group."""
    miner = Miner(MinerConfig(examples=20))
    for line in loghub_lines(name):
        miner.add(line)
    for group in miner.groups():
        for line in group.examples:
            assert matches(group.template, line), (group.template, line)


@needs_loghub
def test_loghub_accuracy_reaches_the_published_drain_figures() -> None:
    """The benchmark script, one configuration for all 16 sets: the mean at or above Drain's
    0.865 and no set more than 0.10 below its Drain figure (HPC's header is the one that a
    generic stripper cannot tell from its message: 0.82 against 0.887)."""
    out = subprocess.run(
        [sys.executable, "bench/loghub_accuracy.py", "--loghub", str(LOGHUB), "--repeat", "1"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        timeout=120,
    ).stdout
    rows = re.findall(r"^\| (\w+) \| 2000 \| \d+ \| \d+ \| ([\d.]+) \| ([\d.]+) \|", out, re.M)
    assert sorted(name for name, _, _ in rows) == sorted(SETS)
    mean = re.search(r"^\| \*\*mean\*\* \| \| \| \| \*\*([\d.]+)\*\*", out, re.M)
    assert mean is not None and float(mean.group(1)) >= 0.865
    for name, accuracy, drain in rows:
        assert float(accuracy) >= float(drain) - 0.10, name
    assert re.search(r"Throughput: [\d,]+ lines per CPU second", out)


PY_TRACE = """\
2024-05-01 10:00:00 ERROR app: request failed
Traceback (most recent call last):
  File "app.py", line 3, in <module>
    raise ValueError("bad input")
ValueError: bad input 42""".splitlines()

JAVA_TRACE = """\
Exception in thread "main" java.lang.RuntimeException: wrapper
\tat com.example.Main.main(Main.java:5)
Caused by: java.io.IOException: disk full on /dev/sda1
\tat com.example.Disk.write(Disk.java:9)
\t... 1 more""".splitlines()

GO_PANIC = """\
panic: runtime error: index out of range [5] with length 3

goroutine 1 [running]:
main.main()
\t/app/main.go:8 +0x1d""".splitlines()

PYTEST_E = """\
    def test_x():
>       assert f() == 3
E       AssertionError: assert 2 == 3
E        +  where 2 = f()""".splitlines()


@pytest.mark.parametrize(
    ("lines", "index", "text"),
    [
        (PY_TRACE, 4, "ValueError: bad input 42"),
        (JAVA_TRACE, 2, "java.io.IOException: disk full on /dev/sda1"),
        (GO_PANIC, 0, "panic: runtime error: index out of range [5] with length 3"),
        (PYTEST_E, 2, "AssertionError: assert 2 == 3"),
        (
            ["2024-05-01 10:00:00 ERROR a: x", "2024-05-01 10:00:01 FATAL b: y"],
            1,
            "2024-05-01 10:00:01 FATAL b: y",
        ),
        (["retrying", "2024-05-01 10:00:00 ERROR a: x"], 1, "2024-05-01 10:00:00 ERROR a: x"),
        (["something odd", "and more"], 0, "something odd"),
    ],
)
def test_telling_line_picks_the_line_that_names_the_failure(
    lines: list[str], index: int, text: str
) -> None:
    telling = telling_line(lines)
    assert telling is not None and (telling.index, telling.text) == (index, text)


def test_telling_line_of_nothing_is_none() -> None:
    assert telling_line([]) is None


def test_traceback_events_group_on_their_exception() -> None:
    miner = Miner()
    for n in (1, 2):
        event = [line.replace("42", str(n)) for line in PY_TRACE]
        telling = telling_line(event)
        assert telling is not None
        miner.add(telling.text)
    (group,) = miner.groups()
    assert group.template == "ValueError: bad input <int>"


@pytest.mark.parametrize(
    ("level", "severity"),
    [
        ("FATAL", Severity.CRITICAL),
        ("ERROR", Severity.HIGH),
        (None, Severity.HIGH),
        ("WARN", Severity.MEDIUM),
        ("INFO", Severity.LOW),
        ("DEBUG", Severity.INFO),
    ],
)
def test_severity_follows_the_level(level: str | None, severity: Severity) -> None:
    assert severity_for(level) == severity


def test_title_reads_the_template_without_placeholders() -> None:
    assert title_for("pool limit of size <int> overflow <int> reached") == (
        "pool limit of size … overflow … reached"
    )
    assert title_for("<x> <x> job <int> failed") == "… job … failed"
    long = title_for("word " * 40 + "<x>")
    assert len(long) <= 80 and long.endswith("…")


def test_nearest_groups_are_the_most_alike_templates() -> None:
    miner = Miner()
    for line in [
        'duplicate key value violates unique constraint "a"',
        'duplicate key value violates exclusion constraint "a"',
        'duplicate row value violates unique constraint "a"',
        "worker lost heartbeat after restart",
    ]:
        miner.add(line)
    groups = miner.groups()
    target = next(g for g in groups if g.template.startswith("duplicate key value violates unique"))
    near = nearest(groups, target, k=2)
    assert sorted(g.template.split()[1] for g in near) == ["key", "row"]
    assert target not in near
